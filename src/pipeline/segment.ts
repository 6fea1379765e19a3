/**
 * Segment stage: cleaned lines → title, headings, paragraphs, captions, tables and chart-data
 * series. Tables arrive as one cell per tab-led line with blank lines between rows (as word
 * processors export them); chart data as tab-separated label and value runs.
 */
import type { Block, Cell, SeriesBlock } from './blocks.ts';
import type { SourceLine } from './clean.ts';
import { parsePlainNumber } from './numbers.ts';
import { flattenHeader } from './table-header.ts';

const HEADING_PATTERNS: ReadonlyArray<readonly [RegExp, 1 | 2 | 3]> = [
  [/^[一二三四五六七八九十]+、/, 1],
  [/^[（(][一二三四五六七八九十]+[）)]/, 2],
  [/^\d+[.．、](?!\d)/, 3],
  [/^[—\-–]+\s*\S.*[—\-–]+$/, 2],
];
const ENTRY = /^【([^】]{1,30})】\s*/;
const VOLUME = /^(\d{4})\s*卷$/;
const CAPTION = /^图\s*\d+|[图表]\s*[（(]单位|[图表]$/;
const MAX_HEADING = 30;

/**
 * @example
 *   segmentLines([{ line: 1, text: '一、基本医疗保险' }])[0] // { kind: 'heading', level: 1, … }
 */
export function segmentLines(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let seenBody = false;
  let pendingSeriesName: string | null = null;
  let seriesGroup: string | null = null;
  let groupHasSeries = false;
  while (i < lines.length) {
    const { line, text } = lines[i]!;
    const trimmed = text.trim();
    if (trimmed === '') {
      i++;
      continue;
    }
    if (text.startsWith('\t')) {
      const { block, next } = readTable(lines, i, blocks);
      i = next;
      if (block) blocks.push(block);
      seenBody = true;
      continue;
    }
    if (text.includes('\t')) {
      const parsed = parseSeriesLine(trimmed);
      if (parsed && parsed.labels.length > 0) {
        blocks.push({ kind: 'series', line, group: seriesGroup, name: pendingSeriesName, labels: parsed.labels, values: parsed.values, text: trimmed });
        pendingSeriesName = parsed.trailingName;
        groupHasSeries = true;
      } else if (parsed && parsed.trailingName) {
        // A name line after a finished group starts a chart of its own.
        if (groupHasSeries) seriesGroup = null;
        pendingSeriesName = parsed.trailingName;
      } else {
        blocks.push({ kind: 'paragraph', line, text: trimmed.replace(/\t+/g, ' ') });
      }
      i++;
      continue;
    }
    const volume = VOLUME.exec(trimmed);
    if (volume) {
      blocks.push({ kind: 'volume', line, text: trimmed, volume: Number(volume[1]) });
      i++;
      continue;
    }
    if (!seenBody && isTitleLike(trimmed)) {
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === 'title') previous.text += trimmed;
      else blocks.push({ kind: 'title', line, text: trimmed });
      i++;
      continue;
    }
    seenBody = true;
    if (startsSeriesGroup(lines, i)) {
      seriesGroup = trimmed;
      groupHasSeries = false;
      pendingSeriesName = null;
      i++;
      continue;
    }
    const entry = ENTRY.exec(trimmed);
    // 【来源：…】 credits the publisher; it heads nothing.
    if (entry && !/^来源[:：]/.test(entry[1]!)) {
      blocks.push({ kind: 'heading', line, text: entry[1]!, level: 2 });
      const rest = trimmed.slice(entry[0].length);
      if (rest) blocks.push({ kind: 'paragraph', line, text: rest });
      i++;
      continue;
    }
    const level = headingLevel(trimmed);
    if (level) blocks.push({ kind: 'heading', line, text: trimmed, level });
    else if (CAPTION.test(trimmed) && trimmed.length <= 60) {
      blocks.push({ kind: 'caption', line, text: trimmed });
    } else blocks.push({ kind: 'paragraph', line, text: trimmed });
    i++;
  }
  return blocks;
}

function isTitleLike(text: string): boolean {
  return text.length <= 40 && !/[，。；：,;]/.test(text) && headingLevel(text) === null && !ENTRY.test(text) && !/^[—\-–]/.test(text);
}

function headingLevel(text: string): 1 | 2 | 3 | null {
  const body = text.replace(/[。.]$/, '');
  if (body.length > MAX_HEADING || /[。；;]/.test(body)) return null;
  for (const [pattern, level] of HEADING_PATTERNS) if (pattern.test(text)) return level;
  return null;
}

// A short plain line directly above chart data names the chart group ("在职退休人员比例").
function startsSeriesGroup(lines: SourceLine[], i: number): boolean {
  const text = lines[i]!.text.trim();
  if (text.length > 30 || /[，。；：,;]/.test(text)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const t = lines[j]!.text;
    if (t.trim() === '') continue;
    return !t.startsWith('\t') && t.includes('\t');
  }
  return false;
}

type ParsedSeries = { labels: string[]; values: string[]; trailingName: string | null };

/**
 * A chart-data line: labels then as many numbers ("成年人\t大学生\t0.77\t0.04"), or years then
 * values; a label after the numbers names the next series.
 */
export function parseSeriesLine(text: string): ParsedSeries | null {
  const tokens = text.split('\t').map((t) => t.trim()).filter((t) => t !== '');
  let lastNumeric = -1;
  tokens.forEach((t, k) => {
    if (parsePlainNumber(t)) lastNumeric = k;
  });
  const trailing = tokens.slice(lastNumeric + 1);
  // "72.74万" after the numbers is a figure with a unit, not the name of the next series.
  if (trailing.some((t) => /^[-+]?\d/.test(t))) return null;
  const trailingName = trailing.length > 0 ? trailing.join(' ') : null;
  const body = tokens.slice(0, lastNumeric + 1);
  if (body.length === 0) return { labels: [], values: [], trailingName };
  const firstNumeric = body.findIndex((t) => parsePlainNumber(t) !== null);
  if (firstNumeric > 0) {
    const labels = body.slice(0, firstNumeric);
    const values = body.slice(firstNumeric);
    if (labels.length !== values.length || !values.every((v) => parsePlainNumber(v))) return null;
    return { labels, values, trailingName };
  }
  if (body.length % 2 !== 0) return null;
  const half = body.length / 2;
  const years = body.slice(0, half).map(Number);
  const increasing = years.every((y, k) => Number.isInteger(y) && y >= 1900 && y <= 2100 && (k === 0 || y > years[k - 1]!));
  if (!increasing) return null;
  return { labels: body.slice(0, half), values: body.slice(half), trailingName };
}

/** Reads tab-led lines from i: rows separated by blank lines, one cell per line. */
function readTable(lines: SourceLine[], start: number, blocks: Block[]): { block: Block | null; next: number } {
  const rows: Array<{ line: number; cells: Cell[] }> = [];
  let row: Cell[] = [];
  let i = start;
  let blankRun = 0;
  while (i < lines.length) {
    const { line, text } = lines[i]!;
    if (text.trim() === '' && !text.startsWith('\t')) {
      blankRun++;
      if (row.length) rows.push({ line: row[0]!.line, cells: row });
      row = [];
      if (blankRun >= 2) break;
      i++;
      continue;
    }
    if (text.startsWith('\t')) {
      blankRun = 0;
      for (const part of text.slice(1).split('\t')) row.push({ line, text: part.trim() });
      i++;
      continue;
    }
    // A plain line between two cell lines continues the cell above it ("统筹区" / "总数").
    if (row.length && lines[i + 1]?.text.startsWith('\t')) {
      row[row.length - 1]!.text += text.trim();
      i++;
      continue;
    }
    break;
  }
  if (row.length) rows.push({ line: row[0]!.line, cells: row });
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.text !== ''));
  const width = Math.max(0, ...nonEmpty.map((r) => r.cells.length));
  if (nonEmpty.length < 2 || width < 2) {
    // A lone tab-led line is a caption or stray layout, not a table.
    const text = nonEmpty.flatMap((r) => r.cells.map((c) => c.text)).filter(Boolean).join(' ');
    const line = nonEmpty[0]?.line ?? lines[start]!.line;
    return { block: text ? { kind: 'caption', line, text } : null, next: i };
  }
  const captionBlock = takeCaption(blocks);
  const { columns, columnUnits, bodyStart } = flattenHeader(nonEmpty.map((r) => r.cells.map((c) => c.text)), width);
  return {
    block: {
      kind: 'table',
      line: nonEmpty[0]!.line,
      caption: captionBlock?.text ?? null,
      captionLine: captionBlock?.line ?? null,
      columns,
      columnUnits,
      rows: nonEmpty.slice(bodyStart).map((r) => ({ line: r.line, cells: padCells(r.cells, width) })),
    },
    next: i,
  };
}

// The line just above a table that names it becomes its caption instead of a paragraph.
function takeCaption(blocks: Block[]): { text: string; line: number } | null {
  const previous = blocks[blocks.length - 1];
  if (!previous || (previous.kind !== 'paragraph' && previous.kind !== 'caption')) return null;
  if (previous.text.length > 80 || /。$/.test(previous.text)) return null;
  blocks.pop();
  return { text: previous.text.replace(/\s{2,}/g, ' '), line: previous.line };
}

function padCells(cells: Cell[], width: number): Cell[] {
  const out = cells.slice(0, width);
  while (out.length < width) out.push({ line: cells[cells.length - 1]!.line, text: '' });
  return out;
}

export type { SeriesBlock };
