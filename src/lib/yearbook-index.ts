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
  const chapterList = [...chapters.values()];
  const findingsByFact = new Map<string, Finding[]>();
  for (const finding of data.findings) for (const id of new Set(finding.facts)) push(findingsByFact, id, finding);
  const childrenByRegion = group(data.regions.filter((r) => r.parent !== null), (r) => r.parent!);
  for (const list of childrenByRegion.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return {
    facts: data.facts,
    factById: new Map(data.facts.map((f) => [f.id, f])),
    regions,
    regionBySlug: new Map(data.regions.map((r) => [r.slug, r])),
    indicators: new Map(data.indicators.map((i) => [i.id, i])),
    topics: data.topics,
    findings: data.findings,
    sources,
    chapters: chapterList,
    edition: data.edition,
    factsByBulletin: group(data.facts, (f) => f.bulletin),
    factsByRegion: group(data.facts, (f) => f.region),
    factsByIndicator: group(data.facts, (f) => f.indicator),
    factsByRegionIndicator: group(data.facts, (f) => `${f.region}|${f.indicator}`),
    findingOrder: new Map(data.findings.map((f, i) => [f, i])),
    chapterByBulletin: new Map(chapterList.flatMap((c) => c.sources.map((s) => [s.bulletin, c] as const))),
    sourceByBulletin: new Map(sources.map((s) => [s.bulletin, s])),
    findingsByFact,
    childrenByRegion,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Items by a key, each group in the items' order. */
function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}
