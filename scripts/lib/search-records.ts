/**
 * Pagefind records for the built pages: which pages are searched and the one record each
 * becomes — its content the index terms of all its passages in order (src/search/tokens.ts),
 * and its filters: `passages`, each passage's number of terms, anchor and text as written
 * (src/search/passages.ts: what lets a result point at the passage), and where it is: `page`
 * (the page's title), `kind`, and for chapters and regions `region` (its name) and `year`.
 * Pagefind indexes the words of meta data too, so nothing goes there: filters it returns with
 * a result but never matches words against (otherwise every passage of a page would match the
 * words of its title), and indexing the passages' texts a second time took a third of its
 * time. The search page never filters, so Pagefind never loads the filter index. URLs are relative to the site's base (the search
 * page gives Pagefind the base), so the index is the same under any SITE_BASE.
 *
 * @example
 *   pageOf('zh/regions/anyang/2022/index.html') // { lang: 'zh', kind: 'chapter', region: 'anyang', year: '2022', url: '/zh/regions/anyang/2022/' }
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { sentences } from '../../src/search/match.ts';
import { encodePassages } from '../../src/search/passages.ts';
import { tokenize } from '../../src/search/tokens.ts';
import { searchHtml } from './search-html.ts';
import { extractPassages, type Passage } from './search-passages.ts';

export type Lang = 'zh' | 'en';
export type Kind = 'home' | 'chapter' | 'region' | 'indicator' | 'glossary' | 'about';
export type PageInfo = { lang: Lang; kind: Kind; region: string | null; year: string | null; url: string };
export type SearchRecord = {
  url: string;
  content: string;
  language: Lang;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
};
/** Region names by slug, in both languages. */
export type RegionNames = Map<string, Record<Lang, string>>;

/** A passage longer than this is cut at sentence ends into records of about this length. */
export const MAX_PASSAGE = 600;

/**
 * Subtrees left out per kind of page, on top of what every page leaves out: the figure tables
 * of indicator pages and the cover, whose rows restate figures a chapter gives in its text
 * (indexed there, with the sentence), and would bury the passages in region names and years.
 */
const SKIP: Partial<Record<Kind, string[]>> = { indicator: ['table'], home: ['table'] };

/**
 * What a built HTML file is, from its place in dist/ ('zh/regions/anyang/2022/index.html'), or
 * null for pages search leaves out: those in no language, the print edition (it repeats every
 * chapter) and the search page itself.
 */
export function pageOf(relPath: string): PageInfo | null {
  const m = /^(zh|en)\/(.*?)(?:index\.html)$/.exec(relPath);
  if (!m) return null;
  const lang = m[1] as Lang;
  const path = m[2]!;
  const url = `/${lang}/${path}`;
  const at = (kind: Kind, region: string | null = null, year: string | null = null): PageInfo => ({ lang, kind, region, year, url });
  if (path === '') return at('home');
  let r: RegExpExecArray | null;
  if ((r = /^regions\/([^/]+)\/(\d{4})\/$/.exec(path))) return at('chapter', r[1]!, r[2]!);
  if ((r = /^regions\/([^/]+)\/$/.exec(path))) return at('region', r[1]!);
  if (/^indicators\/(?:[^/]+\/)?$/.test(path)) return at('indicator');
  if (path === 'glossary/') return at('glossary');
  if (path === 'about/') return at('about');
  return null;
}

/** A passage cut at sentence ends into pieces of at most about `max` characters. */
export function splitPassage(text: string, max = MAX_PASSAGE): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  for (const [start, end] of sentences(text)) {
    const sentence = text.slice(start, end);
    if (current.trim() && current.length + sentence.length > max) {
      out.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * The record of one page (its passages — extractPassages — and what pageOf says it is), or
 * null when it has nothing to search. Its content is the passages' terms joined by spaces:
 * Pagefind counts one word per term, which is how positions map back to passages.
 */
export function recordForPage(extracted: { title: string; passages: Passage[] }, page: PageInfo, regions: RegionNames): { record: SearchRecord; terms: number; passages: number } | null {
  const filters: Record<string, string[]> = { page: [extracted.title], kind: [page.kind] };
  if (page.region) filters.region = [regions.get(page.region)?.[page.lang] ?? page.region];
  if (page.year) filters.year = [page.year];
  const terms: string[] = [];
  const infos = extracted.passages.flatMap((p) =>
    splitPassage(p.text).flatMap((text) => {
      const own = tokenize(text, 'index').map((t) => t.term);
      // A passage without terms (only punctuation) is never found: it is left out.
      if (own.length === 0) return [];
      terms.push(...own);
      return [{ terms: own.length, anchor: p.anchor, text }];
    }),
  );
  if (infos.length === 0) return null;
  const record = { url: page.url, content: terms.join(' '), language: page.lang, meta: {}, filters: { ...filters, passages: [encodePassages(infos)] } };
  return { record, terms: terms.length, passages: infos.length };
}

export type PageRecord = ReturnType<typeof recordForPage>;

const parser = unified().use(rehypeParse);

/** The record of a built page from its HTML bytes: the <main> cut out, parsed and cut into passages. */
export function recordOfHtml(bytes: Uint8Array, page: PageInfo, regions: RegionNames): PageRecord {
  const html = searchHtml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), skipTagsOf(page)) ?? '';
  return recordForPage(passagesOfPage(parser.parse(html), page), page, regions);
}

/** The elements a kind of page leaves out on top of what every page does (see SKIP). */
export function skipTagsOf(page: PageInfo): string[] {
  return SKIP[page.kind] ?? [];
}

/** The passages of a parsed page, with what its kind of page leaves out. */
export function passagesOfPage(tree: Root, page: PageInfo): { title: string; passages: Passage[] } {
  return extractPassages(tree, skipTagsOf(page));
}
