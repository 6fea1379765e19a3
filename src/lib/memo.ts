/**
 * Results computed once per loaded yearbook and shared by every page that asks: a region's
 * time series is drawn on each of its ten chapters, in two languages, and again for the
 * chart downloads and social cards. Kept per yearbook (a WeakMap), so a reloaded yearbook
 * starts afresh. Callers must treat the results as read-only.
 */
import type { Yearbook } from './yearbook-types.ts';

const tables = new WeakMap<Yearbook, Map<string, Map<string, unknown>>>();

/**
 * @example
 *   perYearbook(book, 'timeSeries', `${region}|${indicator}`, () => compute())
 */
export function perYearbook<T>(book: Yearbook, table: string, key: string, compute: () => T): T {
  let byTable = tables.get(book);
  if (!byTable) tables.set(book, (byTable = new Map()));
  let entries = byTable.get(table);
  if (!entries) byTable.set(table, (entries = new Map()));
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  return value;
}
