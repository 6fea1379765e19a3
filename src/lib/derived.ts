/**
 * Measures that make regions comparable, computed from stated figures of the same region,
 * year and bulletin: fund income and expenditure per insured person, the retiree share, and
 * how many months of expenditure the balance covers. Each keeps the facts it was made from
 * and says when their scopes differ.
 */
import type { Fact, Unit } from '../pipeline/schema.ts';
import type { Yearbook } from './yearbook-types.ts';

export type DerivedMeasure = {
  id: string;
  name_zh: string;
  name_en: string;
  unit: Unit;
  /** The indicator pages it belongs with. */
  indicators: string[];
  region: string;
  year: number;
  value: number;
  facts: string[];
  /** Scope of the figures it was computed from, when not the whole region. */
  scope: string | null;
  scope_en: string | null;
};

type Recipe = { id: string; name_zh: string; name_en: string; unit: Unit; of: string; per: string; compute: (of: number, per: number) => number };

const RECIPES: Recipe[] = [
  { id: 'income_per_insured', name_zh: '人均基金收入', name_en: 'Fund income per insured person', unit: 'yuan', of: 'fund.total.income', per: 'insured.total', compute: (a, b) => a / b },
  { id: 'expenditure_per_insured', name_zh: '人均基金支出', name_en: 'Fund expenditure per insured person', unit: 'yuan', of: 'fund.total.expenditure', per: 'insured.total', compute: (a, b) => a / b },
  { id: 'retiree_share', name_zh: '退休人员占职工参保比例', name_en: 'Retirees as a share of employee enrollment', unit: 'percent', of: 'insured.employee.retired', per: 'insured.employee', compute: (a, b) => (a / b) * 100 },
  { id: 'months_covered_total', name_zh: '基金累计结存可支付月数', name_en: 'Months of expenditure the fund balance covers', unit: 'month', of: 'fund.total.balance', per: 'fund.total.expenditure', compute: (a, b) => a / (b / 12) },
  { id: 'months_covered_employee', name_zh: '职工医保基金累计结存可支付月数', name_en: 'Months of expenditure the employee fund balance covers', unit: 'month', of: 'fund.employee.balance', per: 'fund.employee.expenditure', compute: (a, b) => a / (b / 12) },
  { id: 'months_covered_resident', name_zh: '居民医保基金累计结存可支付月数', name_en: 'Months of expenditure the resident fund balance covers', unit: 'month', of: 'fund.resident.balance', per: 'fund.resident.expenditure', compute: (a, b) => a / (b / 12) },
];

/**
 * @example
 *   deriveMeasures(book).find((d) => d.id === 'retiree_share' && d.region === '410500')?.value // ≈ 35.82
 */
export function deriveMeasures(book: Yearbook): DerivedMeasure[] {
  // Every indicator page asks; the answer depends on the whole yearbook, so it is worked out once.
  let measures = derivedCache.get(book);
  if (!measures) {
    measures = computeMeasures(book);
    derivedCache.set(book, measures);
  }
  return measures;
}

const derivedCache = new WeakMap<Yearbook, DerivedMeasure[]>();

function computeMeasures(book: Yearbook): DerivedMeasure[] {
  const out: DerivedMeasure[] = [];
  const firsts = book.facts.filter((f) => f.same_as === null && f.indicator !== 'unclassified' && f.bound === 'exact');
  const groups = new Map<string, Map<string, Fact>>();
  for (const f of firsts) {
    const key = `${f.bulletin}|${f.region}|${f.year}`;
    const group = groups.get(key) ?? new Map<string, Fact>();
    if (!group.has(f.indicator)) group.set(f.indicator, f);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    for (const r of RECIPES) {
      const of = group.get(r.of);
      const per = group.get(r.per);
      if (!of || !per || per.value === 0) continue;
      if ((of.scope ?? '') !== (per.scope ?? '')) continue;
      out.push({
        id: r.id, name_zh: r.name_zh, name_en: r.name_en, unit: r.unit, indicators: [r.of, r.per],
        region: of.region, year: of.year, value: Math.round(r.compute(of.value, per.value) * 100) / 100, facts: [of.id, per.id], scope: of.scope, scope_en: of.scope_en,
      });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || a.region.localeCompare(b.region) || a.year - b.year);
}
