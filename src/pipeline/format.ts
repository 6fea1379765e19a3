/**
 * Figures in words for each language, through Intl: 万/亿 in Chinese, thousand/million/billion
 * in English. Used by generated sentences, check messages and (later) pages and charts.
 */
import type { Unit } from './schema.ts';

export type Lang = 'zh' | 'en';

const EN_UNIT: Record<Unit, (n: string, value: number) => string> = {
  person: (n, v) => `${n} ${v === 1 ? 'person' : 'people'}`,
  person_time: (n, v) => `${n} ${v === 1 ? 'person-time' : 'person-times'}`,
  yuan: (n) => `CNY ${n}`,
  percent: (n) => `${n}%`,
  count: (n) => n,
  month: (n, v) => `${n} ${v === 1 ? 'month' : 'months'}`,
};
const ZH_UNIT: Record<Unit, string> = { person: '人', person_time: '人次', yuan: '元', percent: '%', count: '', month: '个月' };

/**
 * A compact figure: 5.57 million people, CNY 7.11 billion, 556.73万人, 71.08亿元.
 *
 * @example
 *   formatFigure(5567300, 'person', 'en') // '5.57 million people'
 *   formatFigure(5567300, 'person', 'zh') // '556.73万人'
 */
export function formatFigure(value: number, unit: Unit, lang: Lang, noun?: string): string {
  if (lang === 'zh') return `${formatCompactZh(value, unit)}${ZH_UNIT[unit]}`;
  const number = unit === 'percent' || unit === 'month' ? formatPlain(value, 'en') : formatCompactEn(value);
  // A noun from the catalogue ("institutions", "doses") says what is counted.
  if (noun && (unit === 'count' || unit === 'person_time')) return `${number} ${noun}`;
  return EN_UNIT[unit](number, value);
}

// Built once: making an Intl.NumberFormat costs far more than formatting with one, and a
// national yearbook formats figures hundreds of thousands of times.
const PLAIN = { zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }) };
const EN_SMALL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const EN_COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
const ZH_DECIMAL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** Every digit the source gave: 5,567,300 or 5567300. */
export function formatPlain(value: number, lang: Lang): string {
  return PLAIN[lang].format(value);
}

function formatCompactEn(value: number): string {
  return (Math.abs(value) < 1e6 ? EN_SMALL : EN_COMPACT).format(value);
}

function formatCompactZh(value: number, unit: Unit): string {
  const abs = Math.abs(value);
  if (unit === 'percent' || unit === 'month' || abs < 1e5) return ZH_DECIMAL.format(value);
  const [divisor, suffix] = abs >= 1e8 ? [1e8, '亿'] : [1e4, '万'];
  return `${ZH_DECIMAL.format(value / divisor)}${suffix}`;
}
