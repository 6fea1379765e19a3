/**
 * The yearbook as pages read it: facts, regions, indicators, findings and source bulletins
 * from the content collections, indexed once per build (every page shares one copy).
 */
import { getCollection } from 'astro:content';
import type { BulletinRecord, Fact, Finding, Indicator, Region, Topic } from '../pipeline/schema.ts';

export type CatalogueIndicator = Omit<Indicator, 'rules'> & { children: string[] };

export type RegionYear = {
  region: Region;
  year: number;
  /** Source bulletins whose data year this is, for this region. */
  sources: BulletinRecord[];
};

export type Yearbook = {
  facts: Fact[];
  factById: Map<string, Fact>;
  regions: Map<string, Region>;
  regionBySlug: Map<string, Region>;
  indicators: Map<string, CatalogueIndicator>;
  topics: Topic[];
  findings: Finding[];
  sources: BulletinRecord[];
  /** Region-years that have at least one bulletin: the chapters of the yearbook. */
  chapters: RegionYear[];
};

let cached: Promise<Yearbook> | null = null;

/** Loads and indexes the yearbook once; later calls share the same result. */
export function loadYearbook(): Promise<Yearbook> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Yearbook> {
  const [facts, regions, indicators, topics, findings, sources] = await Promise.all([
    getCollection('facts'),
    getCollection('regions'),
    getCollection('indicators'),
    getCollection('topics'),
    getCollection('findings'),
    getCollection('sources'),
  ]);
  const regionMap = new Map(regions.map((r) => [r.data.code, r.data]));
  const sourceList = sources.map((s) => s.data).sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.bulletin.localeCompare(b.bulletin));
  const chapterKeys = new Map<string, RegionYear>();
  for (const s of sourceList) {
    const key = `${s.region}|${s.year}`;
    const chapter = chapterKeys.get(key) ?? { region: regionMap.get(s.region)!, year: s.year, sources: [] };
    chapter.sources.push(s);
    chapterKeys.set(key, chapter);
  }
  const factList = facts.map((f) => f.data);
  return {
    facts: factList,
    factById: new Map(factList.map((f) => [f.id, f])),
    regions: regionMap,
    regionBySlug: new Map(regions.map((r) => [r.data.slug, r.data])),
    indicators: new Map(indicators.map((i) => [i.data.id, i.data])),
    topics: topics.map((t) => t.data),
    findings: findings.map((f) => f.data),
    sources: sourceList,
    chapters: [...chapterKeys.values()],
  };
}

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
