import type { APIRoute } from 'astro';
import { contentDataResponse } from '../../lib/downloads.ts';

/** content/data/findings.json as the pipeline wrote it (described in datapackage.json). */
export const GET: APIRoute = () => contentDataResponse('findings.json');
