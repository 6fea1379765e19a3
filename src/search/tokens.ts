/**
 * The words of the search index, the same for the text indexed at build time and the query
 * typed in the browser, so that Chinese is found by any substring and never by Pagefind's own
 * word segmentation (which splits 基金监管 as 基金 + 监管 and then misses 金监).
 *
 * Text is normalised character by character (NFKC: full-width letters and digits become ASCII;
 * lower case), then cut into:
 * - Han runs: every pair of neighbouring characters becomes one term (a character bigram), so a
 *   substring of two or more characters of the text is always a sequence of the text's
 *   bigrams. The index also gets the last character of each run alone, so that a one-character
 *   query (a prefix in Pagefind) finds characters at the end of a run too. Each Han term is
 *   written in ASCII — `h` and the code point as six decimal digits (基金 → h022522h037329) —
 *   so that no segmenter splits it and no stemmer changes it (it ends in a digit).
 * - other letters and digits: words, lower case; digits grouped by thousands lose their commas
 *   (5,567,300 → 5567300) and a decimal point becomes `p` (556.73 → 556p73).
 *
 * Every term keeps where it came from in the original text (`start`, `end` in UTF-16 units),
 * so that the browser can mark what Pagefind matched.
 *
 * @example
 *   indexTerms('医保基金')            // 'h021307h020445 h020445h022522 h022522h037329 h037329'
 *   parseQuery('基金监管 Fund').terms // ['h022522h037329', 'h037329h030417', 'h030417h031649', 'fund']
 */

export type Term = { term: string; start: number; end: number; han: boolean };
export type TermMode = 'index' | 'query';

/** One character of the text after normalisation, with the place of its source character. */
type Char = { ch: string; start: number; end: number };

const HAN = /^\p{Script=Han}$/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const DIGIT = /^[0-9]$/;

/** Is `ch` (one code point) a Chinese character? */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** The index word of one Han character: h + its code point in six decimal digits. */
export function hanCode(ch: string): string {
  return `h${ch.codePointAt(0)!.toString().padStart(6, '0')}`;
}

/**
 * The text normalised one code point at a time (NFKC, lower case), each resulting character
 * with the UTF-16 range of the code point it came from.
 */
export function normalizeChars(text: string): Char[] {
  const out: Char[] = [];
  let at = 0;
  for (const cp of text) {
    const start = at;
    at += cp.length;
    for (const ch of cp.normalize('NFKC').toLowerCase()) out.push({ ch, start, end: at });
  }
  return out;
}

/** The normalised text as a string, and for each of its UTF-16 units the source range. */
export function normalizeWithMap(text: string): { text: string; starts: number[]; ends: number[] } {
  let norm = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const c of normalizeChars(text)) {
    norm += c.ch;
    for (let i = 0; i < c.ch.length; i++) {
      starts.push(c.start);
      ends.push(c.end);
    }
  }
  return { text: norm, starts, ends };
}

/**
 * The terms of `text`, in order. `index` mode adds, for every Han run of two or more
 * characters, its last character alone; `query` mode gives a one-character run alone and
 * longer runs as bigrams only.
 */
export function tokenize(text: string, mode: TermMode): Term[] {
  const chars = normalizeChars(text);
  const out: Term[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (isHan(c.ch)) {
      let j = i;
      while (j < chars.length && isHan(chars[j]!.ch)) j++;
      pushHanRun(chars.slice(i, j), mode, out);
      i = j;
    } else if (WORD.test(c.ch)) {
      let term = '';
      let j = i;
      while (j < chars.length) {
        const ch = chars[j]!.ch;
        if (WORD.test(ch) && !isHan(ch)) {
          term += ch;
          j++;
        } else if (DIGIT.test(term.at(-1) ?? '') && ch === ',' && isThousands(chars, j + 1)) {
          j++;
        } else if (DIGIT.test(term.at(-1) ?? '') && ch === '.' && DIGIT.test(chars[j + 1]?.ch ?? '')) {
          term += 'p';
          j++;
        } else break;
      }
      out.push({ term, start: c.start, end: chars[j - 1]!.end, han: false });
      i = j;
    } else i++;
  }
  return out;
}

/** Three digits at `at` and no digit after them: a group of thousands after a comma. */
function isThousands(chars: Char[], at: number): boolean {
  for (let k = at; k < at + 3; k++) if (!DIGIT.test(chars[k]?.ch ?? '')) return false;
  return !DIGIT.test(chars[at + 3]?.ch ?? '');
}

function pushHanRun(run: Char[], mode: TermMode, out: Term[]): void {
  const codes = run.map((c) => hanCode(c.ch));
  const last = run.length - 1;
  if (last === 0) {
    out.push({ term: codes[0]!, start: run[0]!.start, end: run[0]!.end, han: true });
    return;
  }
  for (let k = 0; k < last; k++) out.push({ term: codes[k]! + codes[k + 1]!, start: run[k]!.start, end: run[k + 1]!.end, han: true });
  if (mode === 'index') out.push({ term: codes[last]!, start: run[last]!.start, end: run[last]!.end, han: true });
}

/** What Pagefind indexes for a passage: its index terms separated by spaces. */
export function indexTerms(text: string): string {
  return tokenize(text, 'index')
    .map((t) => t.term)
    .join(' ');
}

export type Query = {
  /** The terms to give Pagefind (it requires all of them, each as a prefix). */
  terms: string[];
  /** The Han runs of the query, normalised: each must occur in a result's text as it is. */
  han: string[];
  /** The other words of the query, normalised (for marking them in the results). */
  words: string[];
};

/** A query as typed, in terms for Pagefind and the literal Han runs results must contain. */
export function parseQuery(q: string): Query {
  const terms = tokenize(q, 'query');
  const han: string[] = [];
  const norm = normalizeChars(q).map((c) => c.ch);
  let run = '';
  for (const ch of [...norm, '']) {
    if (ch && isHan(ch)) run += ch;
    else if (run) {
      han.push(run);
      run = '';
    }
  }
  return {
    terms: [...new Set(terms.map((t) => t.term))],
    han: [...new Set(han)],
    words: [...new Set(terms.filter((t) => !t.han).map((t) => t.term))],
  };
}
