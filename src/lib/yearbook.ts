/**
 * The yearbook as pages read it: facts, regions, indicators, findings and source bulletins
 * from content/data/ (./yearbook-data.ts), indexed once per build (every page shares one
 * copy), and the bulletins' text from the content collection.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/i18n.ts';
import { chapterOfFact } from './queries.ts';
import { chapterUrl, pageUrl } from './urls.ts';
import { readYearbookData, YEARBOOK_DATA_FILES } from './yearbook-data.ts';
import { indexYearbook } from './yearbook-index.ts';
import type { Yearbook } from './yearbook-types.ts';

export type { CatalogueIndicator, RegionYear, Yearbook } from './yearbook-types.ts';
export { chapterFacts, chapterFindings, chapterKeyFacts, chapterOfFact, childRegions, headlineFact, timeSeries } from './queries.ts';

const DATA_DIR = join(process.cwd(), 'content/data');
let cached: { stamp: string; book: Yearbook } | null = null;

/**
 * Loads and indexes the yearbook once; later calls share the same result until `npm run
 * ingest` rewrites the data (the dev server then reads it again).
 */
export async function loadYearbook(): Promise<Yearbook> {
  const stamp = YEARBOOK_DATA_FILES.map((f) => statSync(join(DATA_DIR, f), { throwIfNoEntry: false })?.mtimeMs ?? 0).join();
  if (cached?.stamp !== stamp) cached = { stamp, book: indexYearbook(readYearbookData(DATA_DIR)) };
  return cached.book;
}

let bulletinIndex: Promise<Map<string, CollectionEntry<'bulletins'>>> | null = null;

/**
 * The MDX text of a bulletin in one language. The collection is read once and indexed: asking
 * getCollection with a filter on every chapter page would scan every bulletin per page.
 */
export async function bulletinEntry(lang: Lang, bulletin: string): Promise<CollectionEntry<'bulletins'> | undefined> {
  bulletinIndex ??= getCollection('bulletins').then((all) => new Map(all.map((e) => [`${e.data.lang}|${e.data.bulletin}`, e])));
  return (await bulletinIndex).get(`${lang}|${bulletin}`);
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
