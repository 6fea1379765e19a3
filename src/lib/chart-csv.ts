/**
 * A chart's data as CSV (UTF-8 with BOM, so Excel reads the Chinese): one row per point, the
 * value in the chart's base unit, and the fact it comes from so a reader can find its source.
 */
import type { ChartSpec } from '../charts/spec.ts';
import { csvText } from '../pipeline/emit-data.ts';

export const CHART_CSV_COLUMNS = ['category', 'series', 'value', 'unit', 'fact_id'] as const;

/**
 * @example
 *   chartCsv(spec) // '\uFEFFcategory,series,value,unit,fact_id\r\n2021,Insured persons,5567300,person,anyang-2022-L7-1\r\n…'
 */
export function chartCsv(spec: ChartSpec): string {
  const rows = spec.series.flatMap((series) => series.points.map((p, i) => [spec.categories[i] ?? p.label, series.name, p.value, spec.unit, p.fact]));
  return csvText(CHART_CSV_COLUMNS, rows);
}
