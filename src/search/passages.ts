/**
 * A page's passages inside its one Pagefind record. The record's content is the index terms of
 * all its passages in order (src/search/tokens.ts); its filter `passages` says, for each
 * passage, how many of those terms are its own, the anchor it links to and its text. Pagefind
 * reports a match as positions in the content (one per term), so the search page can tell which
 * passages hold every word of a query and show those, as if each passage were its own record.
 *
 * One record per page, not per passage: Pagefind's service costs a fixed share per record and
 * scans the records it already holds for each new one, so a national yearbook's million
 * passages took hours; its eight thousand pages take seconds.
 *
 * @example
 *   decodePassages(encodePassages([{ terms: 2, anchor: null, text: '参保' }, { terms: 3, anchor: 'a', text: '基金' }]))
 *   // [{ start: 0, end: 2, anchor: null, text: '参保' }, { start: 2, end: 5, anchor: 'a', text: '基金' }]
 */

/** What the build knows of a passage: its number of index terms, anchor and text. */
export type PassageInfo = { terms: number; anchor: string | null; text: string };
/** A passage as the search page reads it: the range of its terms in the page's content. */
export type PagePassage = { start: number; end: number; anchor: string | null; text: string };
/** A passage holding every term of a query: its place on the page and the term positions in it. */
export type PassageMatch = { index: number; locations: number[]; score: number };

/** The filter value of a page's passages: JSON of [terms, anchor ('' for none), text] triples. */
export function encodePassages(passages: readonly PassageInfo[]): string {
  return JSON.stringify(passages.map((p) => [p.terms, p.anchor ?? '', p.text]));
}

/** The passages of a page's filter value, each with the range of its terms; [] if unreadable. */
export function decodePassages(value: string | undefined): PagePassage[] {
  let raw: unknown;
  try {
    raw = JSON.parse(value ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: PagePassage[] = [];
  let at = 0;
  for (const item of raw) {
    if (!Array.isArray(item) || typeof item[0] !== 'number' || typeof item[2] !== 'string') return [];
    const anchor = typeof item[1] === 'string' && item[1] !== '' ? item[1] : null;
    out.push({ start: at, end: at + item[0], anchor, text: item[2] });
    at += item[0];
  }
  return out;
}

/**
 * The passages that hold a position of every term (`termLocations[k]`: where Pagefind found
 * the k-th term of the query on this page), best first: a passage record of its own would have
 * matched exactly when this holds. Best: the most of the query for its length (BM25's term
 * frequency part, lengths against the page's average passage), then document order.
 */
export function matchPassages(passages: readonly PagePassage[], termLocations: readonly (readonly number[])[]): PassageMatch[] {
  if (passages.length === 0 || termLocations.length === 0) return [];
  const sorted = termLocations.map((locs) => [...locs].sort((a, b) => a - b));
  const average = passages.reduce((n, p) => n + (p.end - p.start), 0) / passages.length || 1;
  const out: PassageMatch[] = [];
  passages.forEach((p, index) => {
    const length = p.end - p.start;
    let score = 0;
    const locations: number[] = [];
    for (const locs of sorted) {
      const inside = locs.slice(lowerBound(locs, p.start), lowerBound(locs, p.end));
      if (inside.length === 0) return;
      score += (inside.length * 2.2) / (inside.length + 1.2 * (0.25 + (0.75 * length) / average));
      for (const l of inside) locations.push(l - p.start);
    }
    out.push({ index, locations: [...new Set(locations)].sort((a, b) => a - b), score });
  });
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The first index of the sorted `values` that is not below `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
