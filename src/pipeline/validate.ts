/**
 * Validate stage: arithmetic checks over the facts. Every check is published, passed or not:
 * parts against totals, income − expenditure against surplus, sub-regions against the whole,
 * stated year-on-year changes against last year's figure, and two statements of one figure.
 * Nothing is "fixed": a disagreement becomes a finding naming both numbers and their sources.
 */
import { z } from 'zod';
import { groupBy, type CheckContext } from './check-common.ts';
import { checkTwoSources, checkYoy } from './check-sources.ts';
import { checkSubregionSums, compareDifference, compareSum } from './check-sums.ts';
import type { Fact, Finding } from './schema.ts';

export { boundsAgree } from './check-common.ts';

export const ChecksSchema = z.object({
  sums: z.array(z.object({ total: z.string(), parts: z.array(z.string()).min(2) })),
  differences: z.array(z.object({ result: z.string(), from: z.string(), less: z.string() })),
});
export type Checks = z.infer<typeof ChecksSchema>;

export type ValidateContext = CheckContext & { checks: Checks };

/**
 * @example
 *   validateFacts(facts, ctx).filter((f) => f.status === 'fail')
 */
export function validateFacts(facts: Fact[], ctx: ValidateContext): Finding[] {
  const findings: Finding[] = [];
  const primary = facts.filter((f) => f.same_as === null && f.indicator !== 'unclassified');
  const byBulletin = groupBy(primary, (f) => `${f.bulletin}|${f.region}|${f.year}|${f.scope ?? ''}`);
  for (const group of byBulletin.values()) {
    const first = new Map<string, Fact>();
    for (const f of group) if (!first.has(f.indicator)) first.set(f.indicator, f);
    for (const sum of ctx.checks.sums) {
      const total = first.get(sum.total);
      const parts = sum.parts.map((p) => first.get(p));
      if (!total || parts.some((p) => !p)) continue;
      findings.push(compareSum('parts-sum', total, parts as Fact[], ctx));
    }
    for (const d of ctx.checks.differences) {
      const [result, from, less] = [first.get(d.result), first.get(d.from), first.get(d.less)];
      if (!result || !from || !less) continue;
      findings.push(compareDifference(result, from, less));
    }
  }
  findings.push(...checkSubregionSums(facts.filter((f) => f.indicator !== 'unclassified'), ctx));
  findings.push(...checkYoy(primary, facts, ctx));
  findings.push(...checkTwoSources(facts, ctx));
  return findings.sort((a, b) => a.id.localeCompare(b.id));
}
