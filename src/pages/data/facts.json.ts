import type { APIRoute } from 'astro';
import { contentDataResponse } from '../../lib/downloads.ts';

/** Every fact of the yearbook as JSON. */
export const GET: APIRoute = () => contentDataResponse('facts.json');
