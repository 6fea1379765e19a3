import type { APIRoute, GetStaticPaths } from 'astro';
import type { Lang } from '../../../../i18n/i18n.ts';
import { chartsCsv } from '../../../../lib/chart-csv.ts';
import { everyPageCharts, pageCharts, type ChartPage } from '../../../../lib/page-charts.ts';
import { chartPageKey } from '../../../../lib/page-keys.ts';
import { loadYearbook } from '../../../../lib/yearbook.ts';

/** The data of a page's charts, beside the page: /data/charts/<lang>/<page path>.csv. */
export const getStaticPaths = (async () => {
  const book = await loadYearbook();
  return everyPageCharts(book).map(({ lang, path, page }) => ({ params: { lang, page: path.replace(/\/$/, '') }, props: { lang, page }, cacheKey: chartPageKey(book, lang, page, 'csv') }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { lang, page } = props as { lang: Lang; page: ChartPage };
  return new Response(chartsCsv(pageCharts(await loadYearbook(), lang, page).charts), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
