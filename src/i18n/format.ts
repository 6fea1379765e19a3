/**
 * Numbers and dates for the interface, through Intl, in the page's language.
 * (Figures with their units in words — 556.73万人, 5.57 million people — are the pipeline's
 * `formatFigure` in src/pipeline/format.ts.)
 *
 * @example
 *   formatNumber('en', 5567300)        // '5,567,300'
 *   formatDate('zh', '2022-03-09')     // '2022年3月9日'
 *   formatDate('en', '2022-03-09')     // '9 March 2022'
 */
import type { Lang } from './i18n.ts';

/** The locale Intl formats with: simplified Chinese, and English with day-month-year dates. */
export function intlLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans-CN' : 'en-GB';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 6, ...options });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A value in a unit Intl knows ('percent' takes percent points: 95.3 → 95.3%). */
export function formatUnit(lang: Lang, value: number, unit: 'percent' | 'month' | 'year' | 'day'): string {
  return formatNumber(lang, value, { style: 'unit', unit, unitDisplay: unit === 'percent' ? 'short' : 'long' });
}

/** A calendar day given as YYYY-MM-DD (read as that day, whatever the build's time zone). */
export function formatDate(lang: Lang, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a YYYY-MM-DD date: "${iso}"`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return once(`date|${lang}`, () => new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** A list of words joined the way the language does it ('a, b and c' / 'a、b和c'). */
export function formatList(lang: Lang, items: string[]): string {
  return once(`list|${lang}`, () => new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' })).format(items);
}

// Building an Intl formatter costs far more than using one, and a national yearbook formats
// hundreds of thousands of dates and lists: each formatter is built once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.ListFormat>();
function once<T extends Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}
