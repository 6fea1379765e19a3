import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/downloads.ts';
import { loadYearbook } from '../../lib/yearbook.ts';

/** Every fact of the yearbook as JSON. */
export const GET: APIRoute = async () => jsonResponse((await loadYearbook()).facts);
