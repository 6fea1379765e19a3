/**
 * The data of a page's charts as one CSV (UTF-8 with BOM, so Excel reads the Chinese): one row
 * per point, naming its chart, the value in the chart's base unit, and the fact it comes from
 * so a reader can find its source. One file per page rather than per chart: a national
 * yearbook has some thirty charts per chapter, and a file each would be hundreds of thousands.
 */
import type { ChartSpec } from '../charts/spec.ts';
import { csvText } from '../pipeline/emit-data.ts';

export const CHART_CSV_COLUMNS = ['chart_id', 'chart', 'category', 'series', 'value', 'unit', 'fact_id'] as const;

/**
 * @example
 *   chartsCsv([spec]) // '\uFEFFchart_id,chart,category,series,value,unit,fact_id\r\nchart-funds,Insured persons,2021,Insured persons,5567300,person,anyang-2022-L7-1\r\n…'
 */
export function chartsCsv(specs: ChartSpec[]): string {
  const rows = specs.flatMap((spec) =>
    spec.series.flatMap((series) => series.points.map((p, i) => [spec.id, spec.title, spec.categories[i] ?? p.label, series.name, p.value, spec.unit, p.fact])),
  );
  return csvText(CHART_CSV_COLUMNS, rows);
}
