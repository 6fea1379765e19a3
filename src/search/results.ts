/**
 * Passages found as the search page shows them: those whose text holds every Han run of the
 * query, grouped by page in the order of each page's best passage.
 *
 * @example
 *   passageUrl('/zh/about/', 'checks') // '/zh/about/#checks'
 *   pageOfUrl('/zh/about/#checks') // '/zh/about/'
 */
import { containsAll } from './match.ts';
import type { Query } from './tokens.ts';

/** A passage found: its link, text, its page's filters and the positions of the query in its terms. */
export type Hit = {
  url: string;
  meta: { text?: string };
  filters?: { page?: string[]; region?: string[]; year?: string[]; kind?: string[] };
  locations?: number[];
};

export type PageGroup = { page: string; title: string; region: string; year: string; kind: string; hits: Hit[] };

/** The link of a passage: its page and its anchor, if any. */
export function passageUrl(page: string, anchor: string | null): string {
  return anchor ? `${page}#${encodeURIComponent(anchor)}` : page;
}

/** The link of a hit: its URL without a `?passage=n` (which earlier indexes added). */
export function linkOf(url: string): string {
  return url.replace(/\?passage=\d+/, '');
}

/** The page a record belongs to: its URL without query or fragment. */
export function pageOfUrl(url: string): string {
  return url.replace(/[?#].*$/, '');
}

/** Hits (in Pagefind's order, best first) kept and grouped by page. */
export function groupHits(hits: Hit[], query: Query): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const hit of hits) {
    if (!containsAll(hit.meta.text ?? '', query.han)) continue;
    const page = pageOfUrl(hit.url);
    let group = groups.get(page);
    if (!group) {
      const f = hit.filters ?? {};
      group = { page, title: f.page?.[0] ?? page, region: f.region?.[0] ?? '', year: f.year?.[0] ?? '', kind: f.kind?.[0] ?? '', hits: [] };
      groups.set(page, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}
