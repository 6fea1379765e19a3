/**
 * Checks that figures add up: parts against totals, income − expenditure against surplus, and
 * counties and districts against their city.
 */
import { finding, groupBy, name, round, type CheckContext } from './check-common.ts';
import { formatPlain, type Lang } from './format.ts';
import type { Fact, Finding } from './schema.ts';

export function compareSum(check: Finding['check'], total: Fact, parts: Fact[], ctx: CheckContext): Finding {
  const expected = round(parts.reduce((s, p) => s + p.value, 0));
  const tolerance = round(total.precision + parts.reduce((s, p) => s + p.precision, 0));
  const names = (lang: Lang) => parts.map((p) => `${name(p.indicator, ctx, lang)} ${formatPlain(p.value, lang)}`).join(' + ');
  return finding(check, total, expected, tolerance, [total, ...parts], {
    zh: `${names('zh')} = ${formatPlain(expected, 'zh')}；公报所列${name(total.indicator, ctx, 'zh')}为 ${formatPlain(total.value, 'zh')}`,
    en: `${names('en')} = ${formatPlain(expected, 'en')}; the bulletin states ${name(total.indicator, ctx, 'en')} as ${formatPlain(total.value, 'en')}`,
  });
}

export function compareDifference(result: Fact, from: Fact, less: Fact): Finding {
  const expected = round(from.value - less.value);
  const tolerance = round(result.precision + from.precision + less.precision);
  return finding('balance-identity', result, expected, tolerance, [result, from, less], {
    zh: `收入 ${formatPlain(from.value, 'zh')} − 支出 ${formatPlain(less.value, 'zh')} = ${formatPlain(expected, 'zh')}；公报所列当期结余为 ${formatPlain(result.value, 'zh')}`,
    en: `income ${formatPlain(from.value, 'en')} − expenditure ${formatPlain(less.value, 'en')} = ${formatPlain(expected, 'en')}; the bulletin states a surplus of ${formatPlain(result.value, 'en')}`,
  });
}

// Counties and districts (and a city's own pool, 市本级) stated together should add up to the
// city's figure for the same indicator and year.
export function checkSubregionSums(facts: Fact[], ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  // Indexes instead of scans of every fact: a national yearbook holds hundreds of thousands.
  const regionsOf = new Set(facts.map((f) => `${f.bulletin}|${f.region}`));
  const wholes = groupBy(
    facts.filter((f) => f.scope === null),
    (f) => `${f.bulletin}|${f.region}|${f.indicator}|${f.year}`,
  );
  const byBulletin = groupBy(facts, (f) => f.bulletin);
  // Months of cover and percentages do not add up across places; people and money do.
  const parts = facts.filter((f) => f.unit !== 'percent' && f.unit !== 'month' && isSubregionPart(f, regionsOf, ctx));
  const blockOf = (f: Fact) => `${f.bulletin}|${f.source.block === 'text' ? f.source.line : f.source.context?.split(' › ')[0]}`;
  const groups = groupBy(parts, (f) => `${blockOf(f)}|${f.indicator}|${f.year}`);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const parent = isOwnPool(group[0]!.scope) ? group[0]!.region : (ctx.parentOf(group[0]!.region) ?? group[0]!.region);
    const candidates = wholes.get(`${group[0]!.bulletin}|${parent}|${group[0]!.indicator}|${group[0]!.year}`) ?? [];
    // The table's own total row is the whole the rows should add up to; otherwise the first statement.
    const whole = candidates.find((f) => blockOf(f) === blockOf(group[0]!)) ?? candidates.find((f) => f.same_as === null);
    if (!whole) continue;
    const f = compareSum('subregion-sum', whole, group, ctx);
    const blanks = group[0]!.source.block === 'table' ? countBlankRows(group[0]!, byBulletin.get(group[0]!.bulletin) ?? []) : 0;
    out.push(blanks > 0 ? { ...f, status: f.status === 'fail' ? 'not-comparable' : f.status, message_zh: `${f.message_zh}（表中有 ${blanks} 个地区未列数字）`, message_en: `${f.message_en} (${blanks} areas in the table give no figure)` } : f);
  }
  return out;
}

export function isOwnPool(scope: string | null): boolean {
  return scope !== null && /本级|城区|市区|市直|省直/.test(scope);
}

/** regionsOf: "bulletin|region" for every region a bulletin states figures for. */
function isSubregionPart(f: Fact, regionsOf: Set<string>, ctx: CheckContext): boolean {
  const parent = ctx.parentOf(f.region);
  if (parent && regionsOf.has(`${f.bulletin}|${parent}`)) return f.scope === null;
  return isOwnPool(f.scope);
}

// Rows of the same table column that state no figure: the sum cannot be complete.
// `all` holds the facts of the part's own bulletin.
function countBlankRows(part: Fact, all: Fact[]): number {
  const [caption, , column] = part.source.context?.split(' › ') ?? [];
  const rows = new Set(all.filter((f) => f.bulletin === part.bulletin && f.source.context?.startsWith(`${caption} › `)).map((f) => f.source.context!.split(' › ')[1]));
  const filled = new Set(all.filter((f) => f.bulletin === part.bulletin && f.source.context?.startsWith(`${caption} › `) && f.source.context.endsWith(` › ${column}`)).map((f) => f.source.context!.split(' › ')[1]));
  return [...rows].filter((r) => !filled.has(r) && !/合计|总计/.test(r ?? '')).length;
}

