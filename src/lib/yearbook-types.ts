/** The shape of the loaded yearbook, shared by the loader, the queries and the chart builders. */
import type { BulletinRecord, Edition, Fact, Finding, Indicator, Region, Topic } from '../pipeline/schema.ts';

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
  /**
   * Lookups built once, so that a page's questions cost in proportion to the page, not to the
   * whole yearbook: facts by bulletin, by region and by indicator, the chapter of a bulletin,
   * the source record of a bulletin, the checks naming a fact, the sub-regions of a region.
   */
  factsByBulletin: Map<string, Fact[]>;
  factsByRegion: Map<string, Fact[]>;
  factsByIndicator: Map<string, Fact[]>;
  /** Facts of one region and indicator (key `region|indicator`), in the yearbook's order. */
  factsByRegionIndicator: Map<string, Fact[]>;
  /** Each finding's place in the yearbook's order. */
  findingOrder: Map<Finding, number>;
  chapterByBulletin: Map<string, RegionYear>;
  sourceByBulletin: Map<string, BulletinRecord>;
  findingsByFact: Map<string, Finding[]>;
  childrenByRegion: Map<string, Region[]>;
  /** The edition date of this build ("accessed" in citations). */
  edition: Edition;
};
