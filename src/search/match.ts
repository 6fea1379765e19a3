/**
 * What the search page does with a passage Pagefind returned: keep it only if every Han run of
 * the query occurs in it as written (bigrams alone would also accept 金监 for a text with
 * 基金 and 监管 far apart), find what to mark, and cut the sentence around the first mark.
 * Pure functions over strings, shared by the browser and the tests.
 *
 * @example
 *   containsAll('加强医保基金监管', ['基金监管']) // true
 *   containsAll('基金收入，监管有力', ['基金监管']) // false
 */
import { normalizeWithMap, tokenize, type Query } from './tokens.ts';

export type Range = [start: number, end: number];
export type Piece = { text: string; mark: boolean };

/** Does the text contain every one of the (normalised) Han runs, compared after normalisation? */
export function containsAll(text: string, han: string[]): boolean {
  if (han.length === 0) return true;
  const norm = normalizeWithMap(text).text;
  return han.every((run) => norm.includes(run));
}

/**
 * The ranges of `text` to mark for a query: every occurrence of each Han run, the words
 * Pagefind matched (`locations`: positions in the passage's index terms, as Pagefind reports
 * them) and words that start with a word of the query. Sorted, overlaps merged.
 */
export function markRanges(text: string, query: Query, locations: number[] = []): Range[] {
  const ranges: Range[] = [];
  const { text: norm, starts, ends } = normalizeWithMap(text);
  for (const run of query.han) {
    for (let at = norm.indexOf(run); at >= 0; at = norm.indexOf(run, at + run.length)) {
      ranges.push([starts[at]!, ends[at + run.length - 1]!]);
    }
  }
  const terms = tokenize(text, 'index');
  for (const at of locations) {
    const t = terms[at];
    if (t && !t.han) ranges.push([t.start, t.end]);
  }
  if (query.words.length) {
    for (const t of terms) if (!t.han && query.words.some((w) => t.term.startsWith(w))) ranges.push([t.start, t.end]);
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Sentence spans of a text: up to and including 。！？；!?; or a full stop before a space. */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const re = /[。！？；!?;]+[”’」』）)]*|\.(?=\s)/g;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) out.push([start, text.length]);
  return out;
}

/**
 * The sentence with the most different marked words (the first such, or the passage's start
 * when nothing is marked), at most `max` characters of it around its first mark, as pieces to
 * show with the marks inside it; `before`/`after` say whether text was left out at either end.
 */
export function excerpt(text: string, ranges: Range[], max = 240): { pieces: Piece[]; before: boolean; after: boolean } {
  const spans = sentences(text);
  let [from, to] = spans[0] ?? [0, text.length];
  let best = 0;
  for (const [s, e] of spans) {
    const words = new Set(ranges.filter(([a]) => a >= s && a < e).map(([a, b]) => text.slice(a, b).toLowerCase()));
    if (words.size > best) [from, to, best] = [s, e, words.size];
  }
  const first = ranges.find(([a]) => a >= from && a < to);
  if (to - from > max) {
    const anchor = first ? first[0] : from;
    from = Math.max(from, Math.min(anchor - Math.floor(max / 3), to - max));
    to = Math.min(to, from + max);
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  // Never split a character outside the Basic Multilingual Plane.
  if (/[\udc00-\udfff]/.test(text[from] ?? '')) from++;
  if (/[\ud800-\udbff]/.test(text[to - 1] ?? '')) to--;
  const pieces: Piece[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > at) pieces.push({ text: text.slice(at, a), mark: false });
    pieces.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  return { pieces, before: from > 0, after: to < text.length };
}
