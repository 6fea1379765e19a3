import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCardSvg, plainCardSvg } from '../../charts/card.ts';
import { LANGS, useTranslations, type Lang } from '../../i18n/i18n.ts';
import { cardPath, everyPageCharts, pageCharts, type ChartPage } from '../../lib/page-charts.ts';
import { chartPageKey } from '../../lib/page-keys.ts';
import { loadYearbook } from '../../lib/yearbook.ts';

/**
 * Social-card pictures as SVG: one per page with a chart (its main chart), one plain card per
 * language. scripts/render-cards.ts draws each as the PNG that pages name (og:image).
 */
export const getStaticPaths = (async () => {
  const book = await loadYearbook();
  const param = (path: string) => path.replace(/^og\//, '').replace(/\.png$/, '');
  return [
    // Each card is drawn when its file is written, not all held at once.
    ...everyPageCharts(book).map(({ lang, path, page }) => ({ params: { card: param(cardPath(lang, path)) }, props: { lang, page }, cacheKey: chartPageKey(book, lang, page, 'card') })),
    ...LANGS.map((lang) => ({ params: { card: param(cardPath(lang, null)) }, props: { lang, page: null } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { lang, page } = props as { lang: Lang; page: ChartPage | null };
  const t = useTranslations(lang);
  const pageOf = page && pageCharts(await loadYearbook(), lang, page);
  const svg = pageOf ? chartCardSvg(pageOf.charts[0]!, { site: t('site.name'), title: pageOf.title }) : plainCardSvg(lang, { title: t('site.name'), tagline: t('site.description') });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
