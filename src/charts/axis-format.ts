/**
 * Numbers on chart axes, in value labels, tooltips and data tables, per language. Runs in the
 * build (static SVG, table) and in the browser (chart.js ticks and tooltips), so both show the
 * same figures. No dependencies beyond Intl and the shared figure wording.
 *
 * Choices:
 * - Chinese groups by 万 and 亿: "556.73万", "71.08亿", "96%".
 * - English spells out million and billion, never M/B abbreviations ("5.57 million",
 *   "7.11 billion"); below a million it writes digits with separators ("800,000"), as the
 *   yearbook's text does (src/pipeline/format.ts).
 * - Axis ticks name no unit (the axis caption does) and share one scale per axis, so an axis
 *   reads "0, 0.5 million, 1 million" rather than mixing digits and words.
 * - Tooltips give the figure with its unit in words, exactly as in the text ("5.57 million
 *   people", "CNY 7.11 billion", "556.73万人").
 * - Table cells keep every digit the source gave.
 */
import { formatFigure, type Lang } from '../pipeline/format.ts';
import type { Unit } from '../pipeline/schema.ts';
import type { LiveChartSpec } from './spec.ts';

export type { Lang };

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, maximumFractionDigits: number, useGrouping = lang === 'en'): Intl.NumberFormat {
  const key = `${lang}|${maximumFractionDigits}|${useGrouping}`;
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits, useGrouping });
    nfCache.set(key, f);
  }
  return f;
}

/** Units whose values are written as they are, without 万/亿 or million/billion. */
function isPlainUnit(unit: Unit): boolean {
  return unit === 'percent' || unit === 'month';
}

/** Magnitude used for a whole axis: [divisor, suffix]. */
function scaleFor(ref: number, lang: Lang): [number, string] {
  const abs = Math.abs(ref);
  if (lang === 'zh') {
    if (abs >= 1e8) return [1e8, '亿'];
    if (abs >= 1e4) return [1e4, '万'];
    return [1, ''];
  }
  if (abs >= 1e9) return [1e9, ' billion'];
  if (abs >= 1e6) return [1e6, ' million'];
  return [1, ''];
}

/** Removes the "-0" that rounding can leave. */
function noNegativeZero(n: number): number {
  return Object.is(n, -0) ? 0 : n;
}

/**
 * An axis tick: compact, without the unit word (the axis caption gives it). `ref` is the
 * largest absolute tick on the axis, so every tick of one axis uses the same magnitude.
 *
 * @example
 *   formatTick(5_000_000, 'person', 'zh')            // '500万'
 *   formatTick(7_000_000_000, 'yuan', 'zh')          // '70亿'
 *   formatTick(500_000, 'person', 'en', 1_500_000)   // '0.5 million'
 *   formatTick(96, 'percent', 'zh')                  // '96%'
 */
export function formatTick(value: number, unit: Unit, lang: Lang, ref: number = value): string {
  if (value === 0) return unit === 'percent' ? '0%' : '0';
  if (isPlainUnit(unit)) {
    const s = nf(lang, 2).format(noNegativeZero(value));
    return unit === 'percent' ? `${s}%` : s;
  }
  const [divisor, suffix] = scaleFor(ref, lang);
  return `${nf(lang, 2).format(noNegativeZero(value / divisor))}${suffix}`;
}

/**
 * A value label next to a point or on a bar: the number of the tooltip without its unit
 * ("556.73万", "5.57 million", "96%").
 */
export function formatLabel(value: number, unit: Unit, lang: Lang): string {
  if (isPlainUnit(unit)) return formatTick(value, unit, lang);
  const abs = Math.abs(value);
  if (lang === 'zh') {
    if (abs < 1e5) return nf('zh', 2).format(value);
    return formatTick(value, unit, 'zh', value);
  }
  if (abs < 1e6) return nf('en', 2).format(value);
  return formatTick(value, unit, 'en', value);
}

/**
 * A tooltip: the figure with its unit in words, as the text writes it.
 *
 * @example
 *   formatTooltip(5_567_300, 'person', 'en') // '5.57 million people'
 *   formatTooltip(7_108_000_000, 'yuan', 'zh') // '71.08亿元'
 */
export function formatTooltip(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null) return lang === 'zh' ? '无数据' : 'no data';
  return formatFigure(value, unit, lang);
}

/**
 * A data-table cell: every digit, no unit word (the table caption gives the unit).
 * Chinese keeps 万/亿 from 100,000 up ("556.73万"); English writes digits ("5,567,300").
 */
export function formatCell(value: number, unit: Unit, lang: Lang): string {
  if (isPlainUnit(unit)) {
    const s = nf(lang, 6).format(value);
    return unit === 'percent' ? `${s}%` : s;
  }
  if (lang === 'en') return nf('en', 6).format(value);
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${nf('zh', 8).format(value / 1e8)}亿`;
  if (abs >= 1e5) return `${nf('zh', 6).format(value / 1e4)}万`;
  return nf('zh', 6).format(value);
}

/** Rounds away binary noise (0.1 + 0.2) so ticks print and compare cleanly. */
function clean(n: number): number {
  return noNegativeZero(Number(n.toPrecision(12)));
}

/** The "nice" number (1, 2, 2.5, 5 × 10ⁿ) closest to or above x. */
function niceStep(x: number): number {
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * 10 ** exp;
}

/**
 * About `count` evenly spaced round tick values whose first is ≤ min and last is ≥ max.
 * Pass min = 0 (or Math.min(0, …)) to have the axis start at zero, as bar charts must.
 * `minStep` keeps counts from getting fractional ticks.
 *
 * @example niceTicks(0, 5_567_300, 5) // [0, 2e6, 4e6, 6e6]
 */
export function niceTicks(min: number, max: number, count = 5, minStep = 0): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error('niceTicks: min and max must be finite');
  if (min > max) [min, max] = [max, min];
  if (!Number.isFinite(max - min)) throw new Error('niceTicks: range too large');
  if (max - min <= Math.max(Math.abs(min), Math.abs(max), 1e-6) * 1e-9) {
    // One value (or a range lost in rounding): give it some room, keeping zero as the floor
    // of positive data. Tiny magnitudes get a unit range.
    const pad = Math.abs(min) * 0.1 >= 1e-9 ? Math.abs(min) * 0.1 : 1;
    min = min >= 0 && min - pad < 0 ? 0 : min - pad;
    max = max + pad;
  }
  const intervals = Math.max(1, Math.round(count) - 1);
  let step = Math.max(niceStep((max - min) / intervals), minStep);
  // Coarser steps until the ticks number at most count + 2 (rounding the ends out can add two).
  for (let attempt = 0; attempt < 64; attempt++) {
    const lo = Math.floor(clean(min / step)) * step;
    const hi = Math.ceil(clean(max / step)) * step;
    const n = Math.round((hi - lo) / step);
    if (n <= intervals + 2) {
      const ticks: number[] = [];
      for (let k = 0; k <= n; k++) ticks.push(clean(lo + k * step));
      return ticks;
    }
    step = niceStep(step * 1.5);
  }
  throw new Error(`niceTicks: no ticks for ${min}…${max}`);
}

/** Units counted in whole numbers: their axes never get fractional ticks. */
function isWholeUnit(unit: Unit): boolean {
  return unit === 'person' || unit === 'person_time' || unit === 'count' || unit === 'month';
}

/**
 * The y-axis ticks of a chart, the same for the SVG and the chart.js chart: bar charts start at
 * zero; line charts span the data (zero included when the data come near it).
 */
export function chartTicks(spec: Pick<LiveChartSpec, 'kind' | 'unit' | 'series'>, count = 5): number[] {
  const values = spec.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (spec.kind === 'bar' || (min > 0 && min < max * 0.25) || (max < 0 && max > min * 0.25)) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  }
  return niceTicks(min, max, count, isWholeUnit(spec.unit) ? 1 : 0);
}

/** Largest absolute value among ticks: the `ref` argument of formatTick for that axis. */
export function tickRef(ticks: readonly number[]): number {
  return ticks.reduce((m, t) => Math.max(m, Math.abs(t)), 0);
}
