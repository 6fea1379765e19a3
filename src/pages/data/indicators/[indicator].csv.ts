import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../../lib/downloads.ts';
import { usedIndicators } from '../../../lib/page-charts.ts';
import { loadYearbook } from '../../../lib/yearbook.ts';

/** The figures of one indicator, every region and year: /data/indicators/<id>.csv (the facts.csv columns). */
export const getStaticPaths = (async () => (usedIndicators(await loadYearbook())).map((indicator) => ({ params: { indicator } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const book = await loadYearbook();
  return csvResponse(book, book.factsByIndicator.get(params.indicator!) ?? []);
};
