/** The yearbook's facts as downloadable files: CSV (UTF-8 with BOM, for Excel) and JSON. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsToCsv } from '../pipeline/emit-data.ts';
import type { Fact } from '../pipeline/schema.ts';
import type { Yearbook } from './yearbook-types.ts';

export function csvResponse(book: Yearbook, facts: Fact[]): Response {
  return new Response(factsToCsv(facts, book.regions, book.indicators), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

export function jsonResponse(facts: Fact[]): Response {
  return new Response(`${JSON.stringify({ facts }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/**
 * A data file the pipeline wrote (content/data/<file>), published as it is: the whole
 * country's files are tens of megabytes, not worth writing a second time.
 */
export function contentDataResponse(file: 'indicators.json' | 'regions.json' | 'findings.json' | 'facts.json' | 'facts.csv'): Response {
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/json';
  return new Response(readFileSync(join(process.cwd(), 'content/data', file)), { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
