/**
 * Numbers as Chinese bulletins write them: a decimal, an optional multiplier (万, 亿) and a
 * unit (人, 元, %, 家 …). Values are converted to base units by shifting the decimal point
 * in the digit string, so 556.73万 becomes exactly 5567300 with no floating-point residue.
 */
import type { Unit } from './schema.ts';

const MULTIPLIER_DIGITS: Record<string, number> = { '': 0, 千: 3, 万: 4, 亿: 8, 万亿: 12 };

/** Chinese unit words → the fact unit. Order matters: longer words first in the pattern. */
const UNIT_WORDS: ReadonlyArray<readonly [string, Unit]> = [
  ['人次', 'person_time'],
  ['个月', 'month'],
  ['元', 'yuan'],
  ['人', 'person'],
  ['名', 'person'],
  ['%', 'percent'],
  ['％', 'percent'],
  ['家', 'count'],
  ['个', 'count'],
  ['种', 'count'],
  ['项', 'count'],
  ['起', 'count'],
  ['例', 'count'],
  ['台', 'count'],
  ['批', 'count'],
  ['所', 'count'],
  ['件', 'count'],
  ['条', 'count'],
  ['户', 'count'],
  ['张', 'count'],
  ['天', 'count'],
  ['次', 'count'],
];

const UNIT_BY_WORD = new Map(UNIT_WORDS);

export type NumberMention = {
  /** Offset of the first digit in the text. */
  start: number;
  /** Offset just past the unit (and any bound suffix). */
  end: number;
  digits: string;
  multiplier: string;
  unitWord: string;
  unit: Unit;
  /** A per-unit suffix such as "/人" or "/月": the figure is a rate. */
  per: string;
  /** 余/多/以上/以下/左右 written around the number. */
  suffixBound: string;
  /** The number as written, multiplier and unit included ("556.73万人"). */
  stated: string;
};

const unitAlternation = UNIT_WORDS.map(([w]) => w.replace('%', '%')).join('|');
// A number is a figure only when a unit follows it: years (2022年), dates (6月30日), list
// markers (1.) and footnote numbers carry no unit and are not facts.
const MENTION = new RegExp(
  String.raw`(?<![\d.])(-?\d+(?:\.\d+)?)(余|多)?(万亿|亿|万|千)?(余|多)?(` +
    unitAlternation +
    String.raw`)((?:\/(?:人[.·]?月|人|月|年|人次|例|床日|天))?)(以上|以下|左右|上下|之多)?`,
  'g',
);
// Ranges such as 3-9个月 or 1—9月 are spans, not figures.
const RANGE_BEFORE = /[\d.]\s*[-—~～至]\s*$/;
// A minus sign is a sign only where no digit precedes it ("、-11.67%", not "3-9").

/**
 * Finds every number that carries a unit.
 *
 * @example
 *   findNumberMentions('参保人数556.73万人')[0].stated // '556.73万人'
 */
export function findNumberMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index;
    if (RANGE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (m[1]!.startsWith('-') && /[\d.]\s*$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    const [whole, digits, bound1, multiplier, bound2, unitWord, per, suffix] = m as unknown as string[];
    // "年" after a unit word is a year ("3个月" is fine, but "2022年" never reaches here).
    const unit = UNIT_BY_WORD.get(unitWord!);
    if (!unit) continue;
    // 个 directly followed by 月 is handled as 个月; 个 followed by other words (个人账户) is not a unit.
    if (unitWord === '个' && /^[人体]/.test(text.slice(start + whole!.length))) continue;
    if (unitWord === '次' && /^[数]/.test(text.slice(start + whole!.length))) continue;
    mentions.push({
      start,
      end: start + whole!.length,
      digits: digits!,
      multiplier: multiplier ?? '',
      unitWord: unitWord!,
      unit,
      per: per ?? '',
      suffixBound: bound1 || bound2 || suffix || '',
      stated: whole!,
    });
  }
  return mentions;
}

/**
 * Shifts the decimal point of a digit string: exact decimal scaling.
 *
 * @example
 *   scaleDecimal('556.73', 4) // 5567300
 */
export function scaleDecimal(digits: string, shift: number): number {
  const negative = digits.startsWith('-');
  const plain = negative ? digits.slice(1) : digits;
  const [intPart, fracPart = ''] = plain.split('.');
  let whole = intPart! + fracPart;
  let point = intPart!.length + shift;
  if (point > whole.length) whole = whole.padEnd(point, '0');
  if (point < 0) {
    whole = '0'.repeat(-point) + whole;
    point = 0;
  }
  const text = `${whole.slice(0, point) || '0'}.${whole.slice(point) || '0'}`;
  const value = Number(text);
  return negative ? -value : value;
}

/** Number of digits after the decimal point as written. */
export function statedDecimals(digits: string): number {
  const dot = digits.indexOf('.');
  return dot < 0 ? 0 : digits.length - dot - 1;
}

/**
 * Value in base units (people, yuan, percent points, months, items).
 *
 * @example
 *   toBaseValue('710767.39', '万') // 7107673900
 */
export function toBaseValue(digits: string, multiplier: string): number {
  return scaleDecimal(digits, MULTIPLIER_DIGITS[multiplier] ?? 0);
}

/** Half of the last stated digit in base units: how far rounding may have moved the figure. */
export function roundingHalfWidth(digits: string, multiplier: string): number {
  const exponent = (MULTIPLIER_DIGITS[multiplier] ?? 0) - statedDecimals(digits);
  return scaleDecimal('5', exponent - 1);
}

/** Whether a token is a plain number (table cells and chart series). */
export function parsePlainNumber(token: string): { digits: string; percent: boolean } | null {
  const m = /^\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(%|％)?\s*$/.exec(token);
  if (!m) return null;
  let digits = m[1]!.replace(/^\+/, '');
  if (/[eE]/.test(digits)) digits = expandExponent(digits);
  return { digits, percent: Boolean(m[2]) };
}

// Spreadsheet exports write small fractions as 4.0596412410066104E-2.
function expandExponent(digits: string): string {
  const [mantissa, exponent] = digits.split(/[eE]/);
  const value = scaleDecimal(mantissa!, Number(exponent));
  return value.toString();
}
