/**
 * Questions pages ask of the yearbook: a chapter's facts and checks, the headline figure of an
 * indicator, a region's time series, its sub-regions. Pure functions over a loaded Yearbook.
 */
import type { Fact, Finding, Region } from '../pipeline/schema.ts';
import type { RegionYear, Yearbook } from './yearbook-types.ts';

/** Facts a region-year chapter shows: everything its bulletins state, any region or year. */
export function chapterFacts(book: Yearbook, chapter: RegionYear): Fact[] {
  const bulletins = new Set(chapter.sources.map((s) => s.bulletin));
  return book.facts.filter((f) => bulletins.has(f.bulletin));
}

/**
 * The figure that stands for an indicator in a region and year: the first statement (not a
 * repeat) for the whole region (no narrowing scope), preferring the bulletin of that year.
 */
export function headlineFact(book: Yearbook, region: string, year: number, indicator: string): Fact | null {
  const candidates = book.facts.filter((f) => f.region === region && f.year === year && f.indicator === indicator && f.same_as === null && f.scope === null);
  return candidates.find((f) => book.sources.some((s) => s.bulletin === f.bulletin && s.year === year)) ?? candidates[0] ?? null;
}

/** One value per year for an indicator in a region (whole-region statements only). */
export function timeSeries(book: Yearbook, region: string, indicator: string): Array<{ year: number; fact: Fact }> {
  const years = [...new Set(book.facts.filter((f) => f.region === region && f.indicator === indicator && f.scope === null).map((f) => f.year))].sort((a, b) => a - b);
  return years.map((year) => ({ year, fact: headlineFact(book, region, year, indicator)! })).filter((p) => p.fact);
}

/** Checks that concern a chapter: those naming any of its facts. */
export function chapterFindings(book: Yearbook, facts: Fact[]): Finding[] {
  const ids = new Set(facts.map((f) => f.id));
  return book.findings.filter((f) => f.facts.some((id) => ids.has(id)));
}

export function childRegions(book: Yearbook, code: string): Region[] {
  return [...book.regions.values()].filter((r) => r.parent === code).sort((a, b) => a.code.localeCompare(b.code));
}

/** The chapter (region and data year of its bulletin) whose page quotes a fact's source. */
export function chapterOfFact(book: Yearbook, factId: string): RegionYear | null {
  const fact = book.factById.get(factId);
  if (!fact) return null;
  return book.chapters.find((c) => c.sources.some((s) => s.bulletin === fact.bulletin)) ?? null;
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
