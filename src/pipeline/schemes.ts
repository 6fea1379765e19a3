/**
 * Which insurance scheme a stretch of text is about. Bulletins name the scheme once and then
 * let it carry ("职工基本医疗保险基金收入…。基金支出…"), so the scheme of a figure is the one
 * named nearest before it.
 */
import type { Scheme } from './schema.ts';

// Longer scheme names swallow the generic 基本医疗保险 inside them ("城乡居民基本医疗保险").
const PATTERNS: ReadonlyArray<readonly [Exclude<Scheme, 'none'>, RegExp]> = [
  // 生育保险 on its own; not "含生育保险" nor the merged "职工医疗生育保险".
  ['maternity', /(?<![含医疗保（(])生育保险/g],
  ['employee', /(?:城镇)?职工(?:基本)?(?:医疗|医保)(?:生育)?(?:保险)?(?:基金)?|城镇职工|职工医保|参保职工/g],
  ['resident', /城乡居民(?:基本)?(?:医疗|医保)?(?:保险)?(?:基金)?|居民(?:基本)?(?:医疗|医保)(?:保险)?(?:基金)?/g],
  ['total', /基本医疗保险|基本医保|医疗保险基金|医保基金|[二两]项基金|医疗生育保险基金/g],
];

type Span = { scheme: Exclude<Scheme, 'none'>; start: number; end: number };

/** All scheme names in a text, generic names inside specific ones removed. */
export function findSchemes(text: string): Span[] {
  const spans: Span[] = [];
  for (const [scheme, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) spans.push({ scheme, start: m.index, end: m.index + m[0].length });
  }
  const specific = spans.filter((s) => s.scheme !== 'total');
  return spans
    .filter((s) => s.scheme !== 'total' || !specific.some((o) => o.start < s.end && s.start < o.end))
    .sort((a, b) => a.end - b.end || a.start - b.start);
}

/**
 * The scheme named last in a text, or null.
 *
 * @example
 *   lastScheme('城乡居民基本医疗保险基金收入') // 'resident'
 */
export function lastScheme(text: string): Exclude<Scheme, 'none'> | null {
  // Every figure asks about the headings and the text before it: the same texts, many times.
  let scheme = lastSchemeOf.get(text);
  if (scheme === undefined) {
    if (lastSchemeOf.size >= REMEMBERED) lastSchemeOf.clear();
    scheme = lastSchemeIn(text);
    lastSchemeOf.set(text, scheme);
  }
  return scheme;
}

const REMEMBERED = 4096;
const lastSchemeOf = new Map<string, Exclude<Scheme, 'none'> | null>();

function lastSchemeIn(text: string): Exclude<Scheme, 'none'> | null {
  const spans = findSchemes(text);
  const last = spans[spans.length - 1];
  if (!last) return null;
  // "职工医保、居民医保当年基金结余合计": two schemes named together mean both, the total.
  const previous = spans[spans.length - 2];
  if (previous && previous.scheme !== last.scheme && /^[（(]?[^、和及与]{0,4}[）)]?[、和及与]$/.test(text.slice(previous.end, last.start))) return 'total';
  return last.scheme;
}

/** The scheme named first in a text: an enumerated item starts with whose it is. */
export function firstScheme(text: string): Exclude<Scheme, 'none'> | null {
  const spans = findSchemes(text).sort((a, b) => a.start - b.start);
  return spans[0]?.scheme ?? null;
}

/** Removes scheme names from a text (to see whether anything else names the figure). */
export function stripSchemes(text: string): string {
  let out = '';
  let at = 0;
  for (const s of findSchemes(text).sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start);
    at = s.end;
  }
  return out + text.slice(at);
}
