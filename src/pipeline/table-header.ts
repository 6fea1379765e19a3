/**
 * Word-processor tables put group headers in a row with fewer cells than the columns they
 * span ("本年收入" over "预算数 执行数 执行率"). This works out the spans from the row below
 * and gives each column one flat label ("本年收入·执行数").
 */
import { parsePlainNumber } from './numbers.ts';

const UNIT_CELL = /^(万元|亿元|元|万人|人|人次|个|家|%|％|月|个月|万人次)$/;

export type FlatHeader = { columns: string[]; columnUnits: string[]; bodyStart: number };

/**
 * @example
 *   flattenHeader([['险种', '收入'], ['', '预算', '执行'], ['职工', '1', '2']], 3).columns
 *   // ['险种', '收入·预算', '收入·执行']
 */
export function flattenHeader(rows: string[][], width: number): FlatHeader {
  let bodyStart = 0;
  while (bodyStart < rows.length && isHeaderRow(rows[bodyStart]!)) bodyStart++;
  // A table with no numbers at all: the first row is its header.
  if (bodyStart === rows.length) bodyStart = 1;
  const header = rows.slice(0, bodyStart);
  let columnUnits: string[] = new Array(width).fill('');
  const unitRowIndex = header.findIndex((r) => r.some((c) => UNIT_CELL.test(c)) && r.every((c) => c === '' || UNIT_CELL.test(c)));
  if (unitRowIndex >= 0) {
    columnUnits = pad(header[unitRowIndex]!, width);
    header.splice(unitRowIndex, 1);
  }
  const labels: string[][] = Array.from({ length: width }, () => []);
  header.forEach((row, r) => {
    const below = header[r + 1] ?? rows[bodyStart] ?? [];
    const spans = spanWidths(row, below, width);
    let col = 0;
    row.forEach((cell, k) => {
      const span = spans[k] ?? 1;
      for (let c = col; c < col + span && c < width; c++) {
        const text = cell.replace(/\s+/g, '');
        if (text && labels[c]![labels[c]!.length - 1] !== text) labels[c]!.push(text);
      }
      col += span;
    });
  });
  return { columns: labels.map((l) => l.join('·')), columnUnits, bodyStart };
}

function isHeaderRow(row: string[]): boolean {
  return row.slice(1).every((c) => c === '' || parsePlainNumber(c) === null);
}

function spanWidths(row: string[], below: string[], width: number): number[] {
  if (row.length >= width) return row.map(() => 1);
  const lead = countWhile(below, (c) => c === '');
  const trail = countWhile([...below].reverse(), (c) => c === '');
  const middleCells = row.length - lead - trail;
  const middleWidth = width - lead - trail;
  if (middleCells > 0 && middleWidth > 0 && lead + trail < below.length && middleWidth % middleCells === 0) {
    const each = middleWidth / middleCells;
    return row.map((_, k) => (k < lead || k >= row.length - trail ? 1 : each));
  }
  // Spans cannot be told apart: the last header cell takes the remaining columns.
  return row.map((_, k) => (k === row.length - 1 ? width - row.length + 1 : 1));
}

function countWhile(cells: string[], test: (c: string) => boolean): number {
  let n = 0;
  while (n < cells.length && test(cells[n]!)) n++;
  return n;
}

function pad(cells: string[], width: number): string[] {
  return Array.from({ length: width }, (_, k) => cells[k] ?? '');
}
