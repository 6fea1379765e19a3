/**
 * Validate stage: arithmetic checks over the facts. Every check is published, passed or not:
 * parts against totals, income − expenditure against surplus, sub-regions against the whole,
 * stated year-on-year changes against last year's figure, and two statements of one figure.
 * Nothing is "fixed": a disagreement becomes a finding naming both numbers and their sources.
 */
import { z } from 'zod';
import { lowerFirst } from './english.ts';
import { formatPlain, type Lang } from './format.ts';
import type { Fact, Finding, Indicator } from './schema.ts';

export const ChecksSchema = z.object({
  sums: z.array(z.object({ total: z.string(), parts: z.array(z.string()).min(2) })),
  differences: z.array(z.object({ result: z.string(), from: z.string(), less: z.string() })),
});
export type Checks = z.infer<typeof ChecksSchema>;

export type ValidateContext = {
  checks: Checks;
  indicators: Map<string, Indicator>;
  /** Parent code of each region, for sub-region sums. */
  parentOf: (code: string) => string | null;
};

type Operand = { fact: Fact; value: number };

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
      findings.push(compareDifference(result, from, less, ctx));
    }
  }
  findings.push(...checkSubregionSums(facts.filter((f) => f.indicator !== 'unclassified'), ctx));
  findings.push(...checkYoy(primary, facts, ctx));
  findings.push(...checkTwoSources(facts, ctx));
  return findings.sort((a, b) => a.id.localeCompare(b.id));
}

function compareSum(check: Finding['check'], total: Fact, parts: Fact[], ctx: ValidateContext): Finding {
  const expected = round(parts.reduce((s, p) => s + p.value, 0));
  const tolerance = round(total.precision + parts.reduce((s, p) => s + p.precision, 0));
  const names = (lang: Lang) => parts.map((p) => `${name(p.indicator, ctx, lang)} ${formatPlain(p.value, lang)}`).join(' + ');
  return finding(check, total, expected, tolerance, [total, ...parts], ctx, {
    zh: `${names('zh')} = ${formatPlain(expected, 'zh')}；公报所列${name(total.indicator, ctx, 'zh')}为 ${formatPlain(total.value, 'zh')}`,
    en: `${names('en')} = ${formatPlain(expected, 'en')}; the bulletin states ${name(total.indicator, ctx, 'en')} as ${formatPlain(total.value, 'en')}`,
  });
}

function compareDifference(result: Fact, from: Fact, less: Fact, ctx: ValidateContext): Finding {
  const expected = round(from.value - less.value);
  const tolerance = round(result.precision + from.precision + less.precision);
  return finding('balance-identity', result, expected, tolerance, [result, from, less], ctx, {
    zh: `收入 ${formatPlain(from.value, 'zh')} − 支出 ${formatPlain(less.value, 'zh')} = ${formatPlain(expected, 'zh')}；公报所列当期结余为 ${formatPlain(result.value, 'zh')}`,
    en: `income ${formatPlain(from.value, 'en')} − expenditure ${formatPlain(less.value, 'en')} = ${formatPlain(expected, 'en')}; the bulletin states a surplus of ${formatPlain(result.value, 'en')}`,
  });
}

// Counties and districts (and a city's own pool, 市本级) stated together should add up to the
// city's figure for the same indicator and year.
function checkSubregionSums(facts: Fact[], ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  // Months of cover and percentages do not add up across places; people and money do.
  const parts = facts.filter((f) => f.unit !== 'percent' && f.unit !== 'month' && isSubregionPart(f, facts, ctx));
  const blockOf = (f: Fact) => `${f.bulletin}|${f.source.block === 'text' ? f.source.line : f.source.context?.split(' › ')[0]}`;
  const groups = groupBy(parts, (f) => `${blockOf(f)}|${f.indicator}|${f.year}`);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const parent = isOwnPool(group[0]!.scope) ? group[0]!.region : (ctx.parentOf(group[0]!.region) ?? group[0]!.region);
    const candidates = facts.filter((f) => f.bulletin === group[0]!.bulletin && f.region === parent && f.scope === null && f.indicator === group[0]!.indicator && f.year === group[0]!.year);
    // The table's own total row is the whole the rows should add up to; otherwise the first statement.
    const whole = candidates.find((f) => blockOf(f) === blockOf(group[0]!)) ?? candidates.find((f) => f.same_as === null);
    if (!whole) continue;
    const f = compareSum('subregion-sum', whole, group, ctx);
    const blanks = group[0]!.source.block === 'table' ? countBlankRows(group[0]!, facts) : 0;
    out.push(blanks > 0 ? { ...f, status: f.status === 'fail' ? 'not-comparable' : f.status, message_zh: `${f.message_zh}（表中有 ${blanks} 个地区未列数字）`, message_en: `${f.message_en} (${blanks} areas in the table give no figure)` } : f);
  }
  return out;
}

function isOwnPool(scope: string | null): boolean {
  return scope !== null && /本级|城区|市区|市直|省直/.test(scope);
}

function isSubregionPart(f: Fact, all: Fact[], ctx: ValidateContext): boolean {
  const parent = ctx.parentOf(f.region);
  if (parent && all.some((o) => o.bulletin === f.bulletin && o.region === parent)) return f.scope === null;
  return isOwnPool(f.scope);
}

// Rows of the same table column that state no figure: the sum cannot be complete.
function countBlankRows(part: Fact, all: Fact[]): number {
  const [caption, , column] = part.source.context?.split(' › ') ?? [];
  const rows = new Set(all.filter((f) => f.bulletin === part.bulletin && f.source.context?.startsWith(`${caption} › `)).map((f) => f.source.context!.split(' › ')[1]));
  const filled = new Set(all.filter((f) => f.bulletin === part.bulletin && f.source.context?.startsWith(`${caption} › `) && f.source.context.endsWith(` › ${column}`)).map((f) => f.source.context!.split(' › ')[1]));
  return [...rows].filter((r) => !filled.has(r) && !/合计|总计/.test(r ?? '')).length;
}

// A stated change against last year's figure, where last year's figure is stated somewhere.
function checkYoy(primary: Fact[], all: Fact[], ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  for (const f of primary) {
    if (!f.yoy) continue;
    const previous = all.find((p) => p.region === f.region && p.indicator === f.indicator && p.year === f.year - 1 && p.scope === f.scope && p.same_as === null);
    const pctPrecision = 0.005;
    if (previous && f.yoy.pct !== null) {
      const low = ((f.value - f.precision) / (previous.value + previous.precision) - 1) * 100;
      const high = ((f.value + f.precision) / (previous.value - previous.precision) - 1) * 100;
      const expected = round((f.value / previous.value - 1) * 100, 4);
      const ok = f.yoy.pct >= low - pctPrecision && f.yoy.pct <= high + pctPrecision;
      out.push(yoyFinding(f, previous, expected, f.yoy.pct, round(Math.max(high - expected, expected - low) + pctPrecision, 4), ok, 'pct', ctx));
    }
    if (previous && f.yoy.abs !== null) {
      const expected = round(f.value - previous.value);
      const tolerance = round(f.precision * 2 + previous.precision);
      out.push(yoyFinding(f, previous, expected, f.yoy.abs, tolerance, Math.abs(expected - f.yoy.abs) <= tolerance, 'abs', ctx));
    }
    if (f.yoy.pct !== null && f.yoy.abs !== null && f.value - f.yoy.abs !== 0) {
      // Both forms of one change must tell the same story.
      const base = f.value - f.yoy.abs;
      const expected = round((f.yoy.abs / base) * 100, 4);
      const tolerance = round((f.precision * 2 * 100) / Math.abs(base) + pctPrecision * 10, 4);
      out.push(yoyFinding(f, f, expected, f.yoy.pct, tolerance, Math.abs(expected - f.yoy.pct) <= tolerance, 'both', ctx));
    }
    if (f.yoy.abs !== null) {
      // The previous-year figure a change implies, against other sources for that year.
      const implied = f.value - f.yoy.abs;
      for (const other of all.filter((o) => o.region === f.region && o.indicator === f.indicator && o.year === f.year - 1 && o.bulletin !== f.bulletin && o.same_as === null)) {
        const tolerance = round(f.precision * 2 + other.precision);
        const comparable = (other.scope ?? '') === (f.scope ?? '');
        const agree = Math.abs(implied - other.value) <= tolerance;
        const status = agree ? 'pass' : comparable ? 'fail' : 'not-comparable';
        const scopeNote = comparable ? '' : ` (${other.scope ?? '全域'} / ${f.scope ?? '全域'})`;
        out.push({
          id: `two-sources:${f.id}~${other.id}`,
          check: 'two-sources',
          status,
          region: f.region,
          year: f.year - 1,
          indicator: f.indicator,
          expected: round(implied),
          stated: other.value,
          tolerance,
          facts: [f.id, other.id],
          message_zh: `${f.year}年数字减去所述变化，推得${f.year - 1}年${name(f.indicator, ctx, 'zh')}为 ${formatPlain(round(implied), 'zh')}；另一来源所列为 ${formatPlain(other.value, 'zh')}${comparable ? '' : `，两者口径不同${scopeNote}，不宜直接比较`}`,
          message_en: `${f.year} figure less the stated change implies ${name(f.indicator, ctx, 'en')} of ${formatPlain(round(implied), 'en')} in ${f.year - 1}; another source states ${formatPlain(other.value, 'en')}${comparable ? '' : `, but the two cover different scopes${scopeNote} and are not directly comparable`}`,
        });
      }
    }
  }
  return out;
}

function yoyFinding(f: Fact, previous: Fact, expected: number, stated: number, tolerance: number, ok: boolean, kind: 'pct' | 'abs' | 'both', ctx: ValidateContext): Finding {
  const what = { pct: ['同比变化率', 'year-on-year change (%)'], abs: ['比上年增减', 'change on the previous year'], both: ['增减量与增减率', 'stated change and stated rate'] }[kind];
  const basis =
    kind === 'both'
      ? { zh: `按所列增减量推算，变化率应为 ${formatPlain(expected, 'zh')}%`, en: `the stated absolute change implies ${formatPlain(expected, 'en')}%` }
      : { zh: `按${previous.year}年数字 ${formatPlain(previous.value, 'zh')} 计算应为 ${formatPlain(expected, 'zh')}`, en: `from the ${previous.year} figure ${formatPlain(previous.value, 'en')} it is ${formatPlain(expected, 'en')}` };
  return {
    id: `yoy-${kind}:${f.id}`,
    check: 'yoy',
    status: ok ? 'pass' : 'fail',
    region: f.region,
    year: f.year,
    indicator: f.indicator,
    expected,
    stated,
    tolerance,
    facts: previous === f ? [f.id] : [f.id, previous.id],
    message_zh: `${name(f.indicator, ctx, 'zh')}${what[0]}：公报所列为 ${formatPlain(stated, 'zh')}，${basis.zh}`,
    message_en: `${name(f.indicator, ctx, 'en')}, ${what[1]}: the bulletin states ${formatPlain(stated, 'en')}; ${basis.en}`,
  };
}

// One figure stated twice (in two bulletins, or twice in one) with values that disagree.
function checkTwoSources(facts: Fact[], ctx: ValidateContext): Finding[] {
  const out: Finding[] = [];
  const groups = groupBy(facts.filter((f) => f.indicator !== 'unclassified'), (f) => `${f.region}|${f.year}|${f.indicator}`);
  for (const group of groups.values()) {
    const firsts = group.filter((f) => f.same_as === null);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        const [a, b] = [firsts[i]!, firsts[j]!];
        // Several figures for one indicator in one passage are usually separate items, and a
        // city's own pool (市本级, 城区) is a part of the city, not another statement of it.
        if (a.bulletin === b.bulletin && a.source.line === b.source.line) continue;
        if (isOwnPool(a.scope) || isOwnPool(b.scope)) continue;
        const comparable = (a.scope ?? '') === (b.scope ?? '');
        const tolerance = round(a.precision + b.precision);
        const status = boundsAgree(a, b) ? 'pass' : comparable ? 'fail' : 'not-comparable';
        out.push({
          id: `two-sources:${a.id}~${b.id}`,
          check: 'two-sources',
          status,
          region: a.region,
          year: a.year,
          indicator: a.indicator,
          expected: a.value,
          stated: b.value,
          tolerance,
          facts: [a.id, b.id],
          message_zh: `${name(a.indicator, ctx, 'zh')}：一处为 ${formatPlain(a.value, 'zh')}${a.scope ? `（${a.scope}）` : ''}，另一处为 ${formatPlain(b.value, 'zh')}${b.scope ? `（${b.scope}）` : ''}${comparable ? '' : '，口径不同'}`,
          message_en: `${name(a.indicator, ctx, 'en')}: one statement gives ${formatPlain(a.value, 'en')}${a.scope ? ` (${a.scope})` : ''}, another ${formatPlain(b.value, 'en')}${b.scope ? ` (${b.scope})` : ''}${comparable ? '' : '; their scopes differ'}`,
        });
      }
    }
  }
  return out;
}

/**
 * Two statements agree when their ranges meet: value ± rounding, or the side a bound opens.
 * "About" is read as within a tenth either way.
 */
export function boundsAgree(a: Fact, b: Fact): boolean {
  const range = (f: Fact): [number, number] => {
    if (f.bound === 'at_least') return [f.value - f.precision, Infinity];
    if (f.bound === 'at_most') return [-Infinity, f.value + f.precision];
    if (f.bound === 'about') return [f.value - Math.abs(f.value) * 0.1, f.value + Math.abs(f.value) * 0.1];
    return [f.value - f.precision, f.value + f.precision];
  };
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  return a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9;
}

function finding(check: Finding['check'], subject: Fact, expected: number, tolerance: number, facts: Fact[], ctx: ValidateContext, message: { zh: string; en: string }): Finding {
  const ok = Math.abs(expected - subject.value) <= tolerance + 1e-9;
  const diff = round(subject.value - expected);
  return {
    id: `${check}:${subject.id}`,
    check,
    status: ok ? 'pass' : 'fail',
    region: subject.region,
    year: subject.year,
    indicator: subject.indicator,
    expected,
    stated: subject.value,
    tolerance,
    facts: facts.map((f) => f.id),
    message_zh: ok ? `${message.zh}，在四舍五入误差（±${formatPlain(tolerance, 'zh')}）之内` : `${message.zh}，相差 ${formatPlain(diff, 'zh')}，超出四舍五入误差（±${formatPlain(tolerance, 'zh')}）`,
    message_en: ok ? `${message.en}: within rounding (±${formatPlain(tolerance, 'en')})` : `${message.en}: a difference of ${formatPlain(diff, 'en')}, beyond rounding (±${formatPlain(tolerance, 'en')})`,
  };
}

function name(indicator: string, ctx: ValidateContext, lang: Lang): string {
  const i = ctx.indicators.get(indicator);
  if (!i) return indicator;
  return lang === 'zh' ? i.name_zh : lowerFirst(i.name_en);
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
