import type { APIRoute } from 'astro';
import { contentDataResponse } from '../../lib/downloads.ts';

/** content/data/indicators.json as the pipeline wrote it (described in datapackage.json). */
export const GET: APIRoute = () => contentDataResponse('indicators.json');
