import type { APIRoute } from 'astro';
import { useTranslations } from '../../i18n/i18n.ts';
import { dataPackage } from '../../lib/data-package.ts';
import { loadYearbook } from '../../lib/yearbook.ts';

/** The open data described as a Frictionless Data Package. */
export const GET: APIRoute = async () => {
  const book = await loadYearbook();
  const pkg = dataPackage(book, { zh: useTranslations('zh')('site.name'), en: useTranslations('en')('site.name') });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
