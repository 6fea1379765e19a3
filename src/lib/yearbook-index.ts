/** Indexes the yearbook's data once: lookups by id, code and slug, and the chapters. */
import type { BulletinRecord, Edition, Fact, Finding, Region, Topic } from '../pipeline/schema.ts';
import type { CatalogueIndicator, RegionYear, Yearbook } from './yearbook-types.ts';

export type YearbookData = {
  facts: Fact[];
  regions: Region[];
  indicators: CatalogueIndicator[];
  topics: Topic[];
  findings: Finding[];
  sources: BulletinRecord[];
  edition: Edition;
};

/**
 * @example
 *   indexYearbook(data).chapters.map((c) => `${c.region.slug}/${c.year}`) // ['anyang/2021', 'anyang/2022', …]
 */
export function indexYearbook(data: YearbookData): Yearbook {
  const regions = new Map(data.regions.map((r) => [r.code, r]));
  const sources = [...data.sources].sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.bulletin.localeCompare(b.bulletin));
  const chapters = new Map<string, RegionYear>();
  for (const s of sources) {
    const key = `${s.region}|${s.year}`;
    const chapter = chapters.get(key) ?? { region: regions.get(s.region)!, year: s.year, sources: [] };
    chapter.sources.push(s);
    chapters.set(key, chapter);
  }
  return {
    facts: data.facts,
    factById: new Map(data.facts.map((f) => [f.id, f])),
    regions,
    regionBySlug: new Map(data.regions.map((r) => [r.slug, r])),
    indicators: new Map(data.indicators.map((i) => [i.id, i])),
    topics: data.topics,
    findings: data.findings,
    sources,
    chapters: [...chapters.values()],
    edition: data.edition,
  };
}
