import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCardSvg, plainCardSvg } from '../../charts/card.ts';
import { LANGS, useTranslations } from '../../i18n/i18n.ts';
import { cardPath, everyPageCharts } from '../../lib/page-charts.ts';
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
    ...everyPageCharts(book).map(({ lang, path, title, charts }) => ({ params: { card: param(cardPath(lang, path)) }, props: { draw: () => chartCardSvg(charts[0]!, { site: useTranslations(lang)('site.name'), title }) } })),
    ...LANGS.map((lang) => {
      const t = useTranslations(lang);
      return { params: { card: param(cardPath(lang, null)) }, props: { draw: () => plainCardSvg(lang, { title: t('site.name'), tagline: t('site.description') }) } };
    }),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { draw: () => string }).draw(), { headers: { 'Content-Type': 'image/svg+xml' } });
