import type { APIRoute, GetStaticPaths } from 'astro';
import type { ChartSpec } from '../../../../charts/spec.ts';
import { chartsCsv } from '../../../../lib/chart-csv.ts';
import { everyPageCharts } from '../../../../lib/page-charts.ts';
import { loadYearbook } from '../../../../lib/yearbook.ts';

/** The data of a page's charts, beside the page: /data/charts/<lang>/<page path>.csv. */
export const getStaticPaths = (async () => {
  const book = await loadYearbook();
  return everyPageCharts(book).map(({ lang, path, charts }) => ({ params: { lang, page: path.replace(/\/$/, '') }, props: { charts } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(chartsCsv((props as { charts: ChartSpec[] }).charts), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
