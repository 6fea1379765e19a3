import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/downloads.ts';
import { loadYearbook } from '../../lib/yearbook.ts';

/** Every fact of the yearbook as CSV. */
export const GET: APIRoute = async () => {
  const book = await loadYearbook();
  return csvResponse(book, book.facts);
};
