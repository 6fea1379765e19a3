/**
 * Emit stage, data files: facts as JSON and CSV (UTF-8 with BOM so that Excel reads Chinese),
 * the regions and indicators they use, the findings and the ingest report. Keys and rows are
 * in a fixed order so that the same inputs give byte-identical files.
 */
import type { Catalogue, Fact, Finding, Region, ReportEntry } from './schema.ts';

/**
 * A JSON object whose lists hold one record per line. At national scale facts.json and
 * findings.json hold 150,000 and 80,000 records: indented, a quarter of their bytes is spaces
 * and writing them takes twice as long; a record a line still reads and diffs line by line.
 *
 * @example
 *   toJsonRecords({ facts: [{ id: 'a' }, { id: 'b' }] }) // '{\n"facts": [\n{"id":"a"},\n{"id":"b"}\n]\n}\n'
 */
export function toJsonRecords(value: Record<string, unknown>): string {
  const field = ([key, item]: [string, unknown]) =>
    `${JSON.stringify(key)}: ${Array.isArray(item) && item.length > 0 ? `[\n${item.map((r) => JSON.stringify(r)).join(',\n')}\n]` : JSON.stringify(item)}`;
  return `{\n${Object.entries(value).map(field).join(',\n')}\n}\n`;
}

export const CSV_COLUMNS = [
  'id', 'bulletin', 'region', 'region_name_zh', 'region_name_en', 'year', 'indicator', 'indicator_name_zh', 'indicator_name_en',
  'value', 'unit', 'precision', 'bound', 'scope', 'scope_en', 'yoy_pct', 'yoy_abs', 'label', 'same_as',
  'source_file', 'source_line', 'source_stated', 'source_block', 'source_context', 'source_quote',
] as const;

type Names = { regions: Map<string, Region>; indicators: Map<string, { name_zh: string; name_en: string }> };

/**
 * @example
 *   factsToCsv([], regions, indicators).startsWith('\uFEFFid,') // true
 */
export function factsToCsv(facts: Fact[], regions: Names['regions'], indicators: Names['indicators']): string {
  return csvFile(CSV_COLUMNS, facts.length > 0 ? [factCsvRows(facts, { regions, indicators })] : []);
}

/**
 * One bulletin's facts as they stand in facts.json (a record a line) and facts.csv (a row a
 * line), as UTF-8: made on the thread that emits the bulletin's pages, and joined in bulletin
 * order by factsFiles.
 */
export type FactRows = { json: Uint8Array; csv: Uint8Array };

const utf8 = new TextEncoder();

export function factRows(facts: Fact[], names: Names): FactRows {
  return { json: utf8.encode(facts.map((f) => JSON.stringify(f)).join(',\n')), csv: utf8.encode(factCsvRows(facts, names)) };
}

/** data/facts.json and data/facts.csv: the bytes of toJsonRecords({ facts }) and factsToCsv(facts) for all the facts. */
export function factsFiles(rows: FactRows[]): [json: [string, Uint8Array], csv: [string, Uint8Array]] {
  const json = rows.map((r) => r.json).filter((r) => r.length > 0);
  const csv = rows.map((r) => r.csv).filter((r) => r.length > 0);
  return [
    ['data/facts.json', json.length > 0 ? joinBytes('{\n"facts": [\n', json, ',\n', '\n]\n}\n') : utf8.encode(toJsonRecords({ facts: [] }))],
    ['data/facts.csv', joinBytes(csvFile(CSV_COLUMNS, []), csv, '\r\n', csv.length > 0 ? '\r\n' : '')],
  ];
}

function joinBytes(open: string, parts: Uint8Array[], separator: string, close: string): Uint8Array {
  const between = utf8.encode(separator);
  return Buffer.concat([utf8.encode(open), ...parts.flatMap((p, k) => (k === 0 ? [p] : [between, p])), utf8.encode(close)]);
}

function factCsvRows(facts: Fact[], { regions, indicators }: Names): string {
  const row = (f: Fact) => {
    const region = regions.get(f.region);
    const indicator = indicators.get(f.indicator);
    const record: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      id: f.id, bulletin: f.bulletin, region: f.region, region_name_zh: region?.name_zh ?? '', region_name_en: region?.name_en ?? '',
      year: f.year, indicator: f.indicator, indicator_name_zh: indicator?.name_zh ?? '', indicator_name_en: indicator?.name_en ?? '',
      value: f.value, unit: f.unit, precision: f.precision, bound: f.bound, scope: f.scope, scope_en: f.scope_en, yoy_pct: f.yoy?.pct ?? null, yoy_abs: f.yoy?.abs ?? null,
      label: f.label, same_as: f.same_as, source_file: f.source.file, source_line: f.source.line, source_stated: f.source.stated,
      source_block: f.source.block, source_context: f.source.context, source_quote: f.source.quote,
    };
    return CSV_COLUMNS.map((c) => csvField(record[c])).join(',');
  };
  return facts.map(row).join('\r\n');
}

/** A CSV file as spreadsheets open it: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting. */
export function csvText(header: readonly string[], rows: Array<Array<string | number | null>>): string {
  return csvFile(header, rows.map((r) => r.map(csvField).join(',')));
}

// The byte-order mark, the header line, then `lines` (rows, or runs of rows joined by CRLF), each ended by CRLF.
function csvFile(header: readonly string[], lines: string[]): string {
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

// RFC 4180: quote fields holding a comma, quote, CR or LF. Text that a spreadsheet would run
// as a formula (=, +, @, or - before a non-number) gets a leading apostrophe.
function csvField(value: string | number | null): string {
  if (value === null) return '';
  // A number's text has no comma, quote or line end, and is no formula.
  if (typeof value === 'number') return String(value);
  const text = /^[=+@]|^-[^\d.]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Regions the facts use, with every ancestor up to the national entry. */
export function usedRegions(facts: Fact[], byCode: Map<string, Region>, extra: string[]): Region[] {
  const codes = new Set<string>();
  const add = (code: string | null) => {
    while (code && !codes.has(code)) {
      codes.add(code);
      code = byCode.get(code)?.parent ?? null;
    }
  };
  for (const f of facts) add(f.region);
  for (const c of extra) add(c);
  return [...codes].sort().map((c) => byCode.get(c)!).filter(Boolean);
}

/** The catalogue as pages read it: rules left out, children listed. */
export function publicCatalogue(catalogue: Catalogue): { topics: unknown[]; indicators: unknown[] } {
  return {
    topics: catalogue.topics,
    indicators: catalogue.indicators.map(({ rules: _rules, ...i }) => ({
      ...i,
      children: catalogue.indicators.filter((c) => c.parent === i.id).map((c) => c.id),
    })),
  };
}

export function summarize(report: ReportEntry[], facts: Fact[], findings: Finding[]): string {
  const count = (s: ReportEntry['status']) => report.filter((r) => r.status === s).length;
  const lines = [
    `ingest: ${report.length} files — ${count('used')} used, ${count('partly-used')} partly used, ${count('rejected')} rejected`,
    `facts: ${facts.length} (${facts.filter((f) => f.indicator !== 'unclassified').length} classified, ${facts.filter((f) => f.indicator === 'unclassified').length} unclassified)`,
    `checks: ${findings.length} — ${findings.filter((f) => f.status === 'pass').length} pass, ${findings.filter((f) => f.status === 'fail').length} fail, ${findings.filter((f) => f.status === 'not-comparable').length} not comparable`,
  ];
  for (const r of report) {
    for (const p of r.problems) lines.push(`  ${r.status}: ${r.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    for (const c of r.conflicts) lines.push(`  conflict: ${r.file}${c.line ? `:${c.line}` : ''}: ${c.message}`);
  }
  return lines.join('\n');
}
