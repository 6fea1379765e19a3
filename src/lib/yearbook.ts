/**
 * The yearbook as pages read it: facts, regions, indicators, findings and source bulletins
 * from the content collections, indexed once per build (every page shares one copy).
 */
import { getCollection } from 'astro:content';
import type { Lang } from '../i18n/i18n.ts';
import { chapterOfFact } from './queries.ts';
import { chapterUrl, pageUrl } from './urls.ts';
import { indexYearbook } from './yearbook-index.ts';
import type { Yearbook } from './yearbook-types.ts';

export type { CatalogueIndicator, RegionYear, Yearbook } from './yearbook-types.ts';
export { chapterFacts, chapterFindings, chapterKeyFacts, chapterOfFact, childRegions, headlineFact, timeSeries } from './queries.ts';

let cached: Promise<Yearbook> | null = null;

/** Loads and indexes the yearbook once; later calls share the same result. */
export function loadYearbook(): Promise<Yearbook> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Yearbook> {
  const [facts, regions, indicators, topics, findings, sources, edition] = await Promise.all([
    getCollection('facts'),
    getCollection('regions'),
    getCollection('indicators'),
    getCollection('topics'),
    getCollection('findings'),
    getCollection('sources'),
    getCollection('edition'),
  ]);
  const data = <T>(entries: Array<{ data: T }>) => entries.map((e) => e.data);
  return indexYearbook({
    facts: data(facts),
    regions: data(regions),
    indicators: data(indicators),
    topics: data(topics),
    findings: data(findings),
    sources: data(sources),
    edition: data(edition)[0] ?? { date: null, basis: 'none' },
  });
}

/**
 * Where a fact's source sentence is quoted: its entry on the chapter page of its bulletin, or
 * on this page when the fact is one of its own.
 */
export function factSourceHref(book: Yearbook, lang: Lang, factId: string, onThisPage: Set<string> = new Set()): string {
  if (onThisPage.has(factId)) return `#src-${factId}`;
  const chapter = chapterOfFact(book, factId);
  return chapter ? `${chapterUrl(lang, chapter.region.slug, chapter.year)}#src-${factId}` : pageUrl(lang, 'about/');
}
