import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, useTranslations, type Lang } from '../../i18n/i18n.ts';
import { atomFeed } from '../../lib/atom-feed.ts';
import { assetUrl, pageUrl } from '../../lib/urls.ts';
import { loadYearbook } from '../../lib/yearbook.ts';

/** /{lang}/feed.xml: the Atom feed of the language's region-year chapters. */
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params.lang as Lang;
  const book = await loadYearbook();
  const absolute = (path: string) => new URL(path, site).href;
  return new Response(atomFeed({ book, lang, t: useTranslations(lang), absolute, pageUrl, assetUrl }), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
