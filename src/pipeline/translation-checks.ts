/**
 * Checks an English translation against its Chinese source: every number of the source is in
 * the translation, converted exactly (556.73万 → 5,567,300 or 5.5673 million; 亿元 → billion;
 * percentages and years unchanged), no number appears that the source lacks, and every glossary
 * term of the source appears with its glossary English.
 */
export type GlossaryTerm = { zh: string; en: string };
export type TranslationProblem = { kind: 'missing-number' | 'extra-number' | 'glossary'; detail: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ZH_NUMBER = /(?<![\d.])(-?\d+(?:\.\d+)?)\s*(?:余|多)?\s*(万亿|亿|万|千)?/g;
const EN_NUMBER = /(?<![\w.])(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?/gi;
const ZH_SCALE: Record<string, number> = { '': 1, 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const EN_SCALE: Record<string, number> = { '': 1, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

type Found = { value: number; text: string; month?: boolean };

/** Numbers of a Chinese text with their multipliers applied; month numbers flagged. */
export function chineseNumbers(text: string): Found[] {
  return [...text.matchAll(ZH_NUMBER)].map((m) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
    return { value: Number(m[1]) * ZH_SCALE[m[2] ?? '']!, text: m[0], month: !m[2] && after === '月' && Number(m[1]) >= 1 && Number(m[1]) <= 12 };
  });
}

/** Numbers of an English text with million/billion applied, with where they stand. */
export function englishNumbers(text: string): Array<Found & { start: number; end: number }> {
  // Names with digits in them are not figures ("COVID-19"); blanking keeps the positions.
  const names = text.replace(/COVID-19/gi, (m) => ' '.repeat(m.length));
  return [...names.matchAll(EN_NUMBER)].map((m) => ({
    value: Number(m[1]!.replace(/,/g, '')) * EN_SCALE[(m[2] ?? '').toLowerCase()]!,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export const sameNumber = (a: number, b: number) => Math.abs(a - b) <= Math.abs(a) * 1e-12 + 1e-9;

/**
 * @example
 *   checkTranslation('参保人数556.73万人', 'Enrollment: 5.5673 million people', []) // []
 */
export function checkTranslation(zh: string, en: string, glossary: GlossaryTerm[]): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const available = englishNumbers(en);
  const lower = en.toLowerCase();
  for (const n of chineseNumbers(zh)) {
    // A month written as its name uses up no number of the translation.
    if (n.month && lower.includes(MONTHS[n.value - 1]!)) continue;
    const k = available.findIndex((e) => sameNumber(e.value, n.value));
    if (k >= 0) available.splice(k, 1);
    else problems.push({ kind: 'missing-number', detail: `${n.text} (${n.value}) is not in the translation` });
  }
  for (const e of available) problems.push({ kind: 'extra-number', detail: `${e.text} is not in the source` });
  for (const term of glossary) {
    if (zh.includes(term.zh) && !lower.includes(term.en.toLowerCase())) problems.push({ kind: 'glossary', detail: `${term.zh} should read "${term.en}"` });
  }
  return problems;
}
