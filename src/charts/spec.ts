/**
 * One typed, validated description per chart, built from facts. The same spec renders as a
 * static SVG at build time (works without JavaScript, in feed readers and on paper) and as an
 * interactive chart.js chart in the browser.
 */
import { z } from 'zod';
import { UnitSchema } from '../pipeline/schema.ts';

export const ChartPointSchema = z.object({
  /** Category or year label as shown on the axis ("2021", "茶陵县" / "Chaling"). */
  label: z.string(),
  /** Value in base units, or null where the source states none. */
  value: z.number().nullable(),
  /** Fact the value comes from, for the link to its source sentence. */
  fact: z.string().nullable(),
});
export type ChartPoint = z.infer<typeof ChartPointSchema>;

export const ChartSeriesSchema = z.object({
  name: z.string(),
  points: z.array(ChartPointSchema).min(1),
});
export type ChartSeries = z.infer<typeof ChartSeriesSchema>;

export const ChartSpecSchema = z.object({
  /** Unique on the page; used for element ids. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(['zh', 'en']),
  /** line: values over years; bar: values across categories (regions, items). */
  kind: z.enum(['line', 'bar']),
  title: z.string(),
  /** Unit of every value, formatted per language on axes, tooltips and the table. */
  unit: UnitSchema,
  /** Axis caption, e.g. "people" / "人" or "CNY" / "元". */
  unitLabel: z.string(),
  /** Categories along the x axis, in order; every series has one point per category. */
  categories: z.array(z.string()).min(1),
  series: z.array(ChartSeriesSchema).min(1).max(6),
  /** "Source: …" line under the chart. */
  source: z.string(),
  /** A sentence or two saying what the chart shows, for screen readers and print. */
  description: z.string(),
});
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

/**
 * What the interactive chart needs of a spec, embedded in the page: the title, source,
 * description and fact links are in the figure's HTML already.
 */
export type LiveChartSpec = Pick<ChartSpec, 'lang' | 'kind' | 'title' | 'unit' | 'unitLabel' | 'categories'> & {
  series: Array<{ name: string; points: Array<{ value: number | null }> }>;
};

export function liveChartSpec(spec: ChartSpec): LiveChartSpec {
  const { lang, kind, title, unit, unitLabel, categories } = spec;
  return { lang, kind, title, unit, unitLabel, categories, series: spec.series.map((s) => ({ name: s.name, points: s.points.map((p) => ({ value: p.value })) })) };
}
