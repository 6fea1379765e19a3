import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../../charts/spec.ts';
import { chartCsv } from '../../../../lib/chart-csv.ts';
import { everyPageCharts } from '../../../../lib/page-charts.ts';
import { loadYearbook } from '../../../../lib/yearbook.ts';

/** Each chart's data, beside its page: /data/charts/<lang>/<page path>/<chart id>.csv. */
export const getStaticPaths = (async () => {
  const book = await loadYearbook();
  return everyPageCharts(book).flatMap(({ lang, path, charts }) => charts.map((spec) => ({ params: { lang, chart: `${path}${spec.id}` }, props: { spec } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(chartCsv((props as { spec: ChartSpec }).spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
