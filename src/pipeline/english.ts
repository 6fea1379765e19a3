/**
 * Data-driven English: one plain sentence per key fact, until an editorial translation of the
 * bulletin exists. Figures are rounded for reading with the exact figure beside them.
 */
import { formatFigure, formatPlain } from './format.ts';
import type { Segment } from './figure-marks.ts';
import type { Fact, Indicator, Region } from './schema.ts';

export type EnglishContext = {
  indicators: Map<string, Indicator>;
  regions: Map<string, Region>;
  /** The bulletin's own region: other regions are named in the sentence. */
  region: Region;
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * @example
 *   describeFact(fact, ctx).map((s) => (typeof s === 'string' ? s : s.text)).join('')
 *   // 'Basic medical insurance enrollment, 2022: 5.57 million people (5,567,300), down 2.2% (−125,500 people) on the previous year.'
 */
export function describeFact(fact: Fact, ctx: EnglishContext): Segment[] {
  const indicator = ctx.indicators.get(fact.indicator);
  const subject = upperFirst(subjectOf(indicator?.name_en ?? fact.indicator));
  const where = fact.region === ctx.region.code ? '' : `, ${ctx.regions.get(fact.region)?.name_en ?? fact.region}`;
  const scope = fact.scope_en ? ` (${fact.scope_en})` : '';
  const value = `${boundWords(fact.bound)}${formatFigure(fact.value, fact.unit, 'en', indicator?.noun_en)}`;
  const exact = needsExactFigure(fact) ? ` (${formatPlain(fact.value, 'en')})` : '';
  return [`${subject}${where}, ${fact.year}${scope}: `, { id: fact.id, text: value }, `${exact}${describeChange(fact, indicator?.noun_en)}.`];
}

// "Employee insurance fund, income" reads better as "income of the employee insurance fund".
function subjectOf(name: string): string {
  const comma = name.indexOf(', ');
  if (comma < 0) return name;
  return `${name.slice(comma + 2)} of the ${lowerFirst(name.slice(0, comma))}`;
}

/** Lower-cases the first letter except in proper names of schemes and acronyms. */
export function lowerFirst(text: string): string {
  // Proper names of schemes and acronyms keep their capitals.
  if (/^(Employee Basic|Urban and Rural|COVID|[A-Z]{2,})/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function boundWords(bound: Fact['bound']): string {
  return { exact: '', at_least: 'at least ', at_most: 'at most ', about: 'about ' }[bound];
}

function needsExactFigure(fact: Fact): boolean {
  if (fact.unit === 'percent' || fact.unit === 'month' || fact.unit === 'count') return false;
  return Math.abs(fact.value) >= 1e6;
}

function describeChange(fact: Fact, noun: string | undefined): string {
  if (!fact.yoy) return '';
  const { pct, abs } = fact.yoy;
  const direction = (pct ?? abs ?? 0) < 0 ? 'down' : 'up';
  const amount = (n: number) => (fact.unit === 'percent' ? `${formatPlain(n, 'en')} percentage points` : formatFigure(n, fact.unit, 'en', noun));
  if (pct !== null && abs !== null) {
    return `, ${direction} ${formatPlain(Math.abs(pct), 'en')}% (${abs < 0 ? '−' : '+'}${amount(Math.abs(abs))}) on the previous year`;
  }
  if (pct !== null) return `, ${direction} ${formatPlain(Math.abs(pct), 'en')}% on the previous year`;
  return `, ${direction} ${amount(Math.abs(abs!))} on the previous year`;
}

/** English for a stated scope: 不含滑县 → excluding Hua County; 1-9月 → January–September. */
export function translateScope(scope: string, ctx: Pick<EnglishContext, 'regions'>): string {
  return scope
    .split('；')
    .map((part) => {
      const excluded = /^不含(.+)$/.exec(part);
      if (excluded) return `excluding ${regionEnglish(excluded[1]!, ctx) ?? excluded[1]}`;
      const months = /^(\d{1,2})-(\d{1,2})月$/.exec(part);
      if (months) return months[1] === '1' ? `January to ${MONTHS[Number(months[2]) - 1]} only` : `${MONTHS[Number(months[1]) - 1]} to ${MONTHS[Number(months[2]) - 1]} only`;
      if (/本级|市直/.test(part)) return 'city-level pool only';
      if (/城区|市区/.test(part)) return 'urban districts only';
      return part;
    })
    .join('; ');
}

// Chinese name → English name of every region, built once per gazetteer; the first region in
// gazetteer order wins where two share a name.
const englishNames = new WeakMap<Map<string, Region>, Map<string, string>>();

function regionEnglish(nameZh: string, ctx: Pick<EnglishContext, 'regions'>): string | null {
  let names = englishNames.get(ctx.regions);
  if (!names) {
    names = new Map();
    for (const r of ctx.regions.values()) {
      if (!names.has(r.name_zh)) names.set(r.name_zh, r.name_en);
      if (!names.has(r.short_zh)) names.set(r.short_zh, r.name_en);
    }
    englishNames.set(ctx.regions, names);
  }
  return names.get(nameZh) ?? null;
}
