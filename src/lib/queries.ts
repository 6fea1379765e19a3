/**
 * Questions pages ask of the yearbook: a chapter's facts and checks, the headline figure of an
 * indicator, a region's time series, its sub-regions. Pure functions over a loaded Yearbook.
 */
import type { Fact, Finding, Region } from '../pipeline/schema.ts';
import { perYearbook } from './memo.ts';
import type { RegionYear, Yearbook } from './yearbook-types.ts';

/** Facts a region-year chapter shows: everything its bulletins state, any region or year. */
export function chapterFacts(book: Yearbook, chapter: RegionYear): Fact[] {
  // In the yearbook's order: the pipeline writes each bulletin's facts together, so the
  // bulletins are taken in the order their facts first appear.
  const bulletins = chapter.sources.map((s) => s.bulletin);
  if (bulletins.length > 1) {
    const rank = new Map([...book.factsByBulletin.keys()].map((b, i) => [b, i]));
    bulletins.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  }
  return bulletins.flatMap((b) => book.factsByBulletin.get(b) ?? []);
}

/**
 * The figure that stands for an indicator in a region and year: the first statement (not a
 * repeat) for the whole region (no narrowing scope), preferring the bulletin of that year.
 */
export function headlineFact(book: Yearbook, region: string, year: number, indicator: string): Fact | null {
  const candidates = (book.factsByRegionIndicator.get(`${region}|${indicator}`) ?? []).filter((f) => f.year === year && f.same_as === null && f.scope === null);
  return candidates.find((f) => book.sourceByBulletin.get(f.bulletin)?.year === year) ?? candidates[0] ?? null;
}

/** One value per year for an indicator in a region (whole-region statements only). */
export function timeSeries(book: Yearbook, region: string, indicator: string): Array<{ year: number; fact: Fact }> {
  return perYearbook(book, 'timeSeries', `${region}|${indicator}`, () => computeTimeSeries(book, region, indicator));
}

function computeTimeSeries(book: Yearbook, region: string, indicator: string): Array<{ year: number; fact: Fact }> {
  const years = [...new Set((book.factsByRegionIndicator.get(`${region}|${indicator}`) ?? []).filter((f) => f.scope === null).map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => ({ year, fact: headlineFact(book, region, year, indicator)! })).filter((p) => p.fact);
}

/** Checks that concern a chapter: those naming any of its facts. */
export function chapterFindings(book: Yearbook, facts: Fact[]): Finding[] {
  // In the yearbook's order of findings, each once (sorted, not filtered from all findings:
  // a page's work stays proportional to the page).
  const found = new Set(facts.flatMap((f) => book.findingsByFact.get(f.id) ?? []));
  return [...found].sort((a, b) => book.findingOrder.get(a)! - book.findingOrder.get(b)!);
}

export function childRegions(book: Yearbook, code: string): Region[] {
  return book.childrenByRegion.get(code) ?? [];
}

/** The chapter (region and data year of its bulletin) whose page quotes a fact's source. */
export function chapterOfFact(book: Yearbook, factId: string): RegionYear | null {
  const fact = book.factById.get(factId);
  if (!fact) return null;
  return book.chapterByBulletin.get(fact.bulletin) ?? null;
}

/** The backbone indicators a chapter opens with, in the order they are shown. */
export const KEY_INDICATORS = ['insured.total', 'insured.employee', 'insured.resident', 'insured.maternity', 'coverage.rate', 'fund.total.income', 'fund.total.expenditure', 'fund.total.surplus', 'fund.total.balance', 'fund.employee.income', 'fund.employee.expenditure', 'fund.employee.balance', 'fund.resident.income', 'fund.resident.expenditure', 'fund.resident.balance'];

/** A chapter's key figures: per key indicator, the whole-region statement, else any first statement. */
export function chapterKeyFacts(chapter: RegionYear, facts: Fact[]): Fact[] {
  const { region, year } = chapter;
  return KEY_INDICATORS.map(
    (id) =>
      facts.find((f) => f.indicator === id && f.region === region.code && f.year === year && f.same_as === null && f.scope === null) ??
      facts.find((f) => f.indicator === id && f.region === region.code && f.year === year && f.same_as === null),
  ).filter((f) => f !== undefined);
}
