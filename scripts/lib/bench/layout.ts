/**
 * What every layout of a synthetic bulletin is given and gives back, and the deliberate flaws
 * a layout can write into its figures.
 */
import type { Region } from '../../../src/pipeline/schema.ts';
import type { RegionModel, YearFigures } from './model.ts';
import type { Random } from './random.ts';
import { pctChange, type ExpectedFact, type Stated } from './statements.ts';

export const LAYOUTS = ['bulletin', 'yearbook', 'fund-report', 'news'] as const;
export type Layout = (typeof LAYOUTS)[number];

/**
 * Deliberate inconsistencies, each of which the validator should report as a failed check:
 * - total-not-sum: the total enrollment is stated 3% above employee + resident enrollment
 *   (parts-sum on insured.total);
 * - surplus-not-difference: the employee fund's surplus for the year is stated 5% above
 *   income − expenditure (balance-identity on fund.employee.surplus, and parts-sum on
 *   fund.total.surplus, which the same bulletin states as employee + resident);
 * - yoy-not-previous: the employee fund's income growth is stated 5 percentage points above
 *   what last year's figure gives (yoy on fund.employee.income);
 * - county-not-total: in a city's fund report, the table of its counties and districts gives
 *   the first one an accumulated resident-fund balance 7% too high, so the rows exceed the
 *   total row (subregion-sum on fund.resident.balance).
 */
export const FLAWS = ['total-not-sum', 'surplus-not-difference', 'yoy-not-previous', 'county-not-total'] as const;
export type Flaw = (typeof FLAWS)[number];

/** The failed checks each flaw should produce: check and indicator. */
export const FLAW_FINDINGS: Record<Flaw, Array<{ check: string; indicator: string }>> = {
  'total-not-sum': [{ check: 'parts-sum', indicator: 'insured.total' }],
  'surplus-not-difference': [
    { check: 'balance-identity', indicator: 'fund.employee.surplus' },
    { check: 'parts-sum', indicator: 'fund.total.surplus' },
  ],
  'yoy-not-previous': [{ check: 'yoy', indicator: 'fund.employee.income' }],
  'county-not-total': [{ check: 'subregion-sum', indicator: 'fund.resident.balance' }],
};

/** Which layouts can carry a flaw (they state every figure it involves). */
export const FLAW_LAYOUTS: Record<Flaw, Layout[]> = {
  'total-not-sum': ['bulletin', 'yearbook', 'fund-report', 'news'],
  'surplus-not-difference': ['bulletin', 'yearbook', 'fund-report'],
  'yoy-not-previous': ['bulletin', 'yearbook', 'fund-report'],
  'county-not-total': ['fund-report'],
};

export type LayoutInput = {
  region: Region;
  year: number;
  now: YearFigures;
  /** Last year's figures (the changes are stated against them). */
  before: YearFigures;
  /** Figures of the years before (oldest first) up to this one, for chart data. */
  history: YearFigures[];
  /** Sub-regions listed in tables and chart data (three or more, or none), with their figures. */
  children: RegionModel[];
  flaw: Flaw | null;
  publisher: string;
  /** YYYY-MM-DD */
  published: string;
  random: Random;
};

export type LayoutOutput = { text: string; facts: ExpectedFact[] };

/** Collects the expected facts of one bulletin. */
export function expectations(input: LayoutInput) {
  const facts: ExpectedFact[] = [];
  const add = (indicator: string, stated: Stated | number, unit: ExpectedFact['unit'], yoy: ExpectedFact['yoy'] = null, over: Partial<ExpectedFact> = {}) => {
    facts.push({ indicator, region: input.region.code, year: input.year, value: typeof stated === 'number' ? stated : stated.value, unit, yoy, ...over });
  };
  return { facts, add };
}

/** The figures a flaw changes, as the bulletin states them (exact model values otherwise). */
export function flawed(input: LayoutInput) {
  const { now, flaw } = input;
  const total = flaw === 'total-not-sum' ? Math.round((now.total * 1.03) / 10000) * 10000 : now.total;
  const empSurplus = flaw === 'surplus-not-difference' ? Math.round((now.empSurplus * 1.05) / 1e6) * 1e6 + 3e6 : now.empSurplus;
  const incomeGrowth = pctChange(now.empIncome, input.before.empIncome);
  if (flaw === 'yoy-not-previous') {
    const value = Math.round((incomeGrowth.value + 5) * 100) / 100;
    incomeGrowth.value = value;
    incomeGrowth.up = value >= 0;
    incomeGrowth.text = Math.abs(value).toFixed(2);
  }
  return { total, empSurplus, incomeGrowth };
}

/** The signature line of a report: publisher and date, set apart to the right. */
export function signature(publisher: string, published: string): string {
  const [y, m, d] = published.split('-');
  return `${publisher}${' '.repeat(40)}${y}年${m}月${d}日`;
}

/** A published date as Chinese prose: 2024年3月15日. */
export function chineseDate(published: string): string {
  const [y, m, d] = published.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
