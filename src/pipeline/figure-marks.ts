/**
 * Where each fact stands in the text it came from, so that the emitted MDX can mark the very
 * characters of every figure (<Fig id="…">556.73万人</Fig>) and pages can link each number
 * to its source sentence and back. Facts are found in extraction order, which is block order.
 */
import type { Block, Cell, SeriesBlock } from './blocks.ts';
import type { Fact } from './schema.ts';

/** Plain text, or a figure with the id of its fact. */
export type Segment = string | { id: string; text: string };

export type FigureMarks = {
  paragraphs: Map<Block, Segment[]>;
  cells: Map<Cell, string>;
  series: Map<SeriesBlock, Array<string | null>>;
};

/**
 * @example
 *   markFigures(blocks, facts).paragraphs.get(block) // ['参保人数', { id: 'x-L13-1', text: '556.73万人' }, '。']
 */
export function markFigures(blocks: Block[], facts: Fact[]): FigureMarks {
  const marks: FigureMarks = { paragraphs: new Map(), cells: new Map(), series: new Map() };
  const queues = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.source.block}:${f.source.line}`;
    const queue = queues.get(key);
    if (queue) queue.push(f);
    else queues.set(key, [f]);
  }
  for (const block of blocks) {
    if (block.kind === 'paragraph') marks.paragraphs.set(block, segmentParagraph(block.text, queues.get(`text:${block.line}`) ?? []));
    if (block.kind === 'table') {
      for (const row of block.rows) {
        for (const cell of row.cells) {
          const queue = queues.get(`table:${cell.line}`) ?? [];
          const fact = queue.find((f) => f.source.quote === cell.text);
          if (fact) {
            marks.cells.set(cell, fact.id);
            queue.splice(queue.indexOf(fact), 1);
          }
        }
      }
    }
    if (block.kind === 'series') {
      const queue = queues.get(`series:${block.line}`) ?? [];
      marks.series.set(block, block.values.map(() => queue.shift()?.id ?? null));
    }
  }
  return marks;
}

// Consumes, in order, the facts whose stated figure occurs in this paragraph; the rest of the
// queue belongs to later paragraphs on the same raw line (an HTML body on one line).
function segmentParagraph(text: string, queue: Fact[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  while (queue.length > 0) {
    const fact = queue[0]!;
    const at = findFigure(text, fact.source.stated, cursor);
    if (at < 0) break;
    if (at > cursor) segments.push(text.slice(cursor, at));
    segments.push({ id: fact.id, text: fact.source.stated });
    cursor = at + fact.source.stated.length;
    queue.shift();
  }
  if (cursor < text.length) segments.push(text.slice(cursor));
  return segments;
}

// "2%" must not be found inside "12%": a figure starts where no digit precedes it.
function findFigure(text: string, stated: string, from: number): number {
  for (let at = text.indexOf(stated, from); at >= 0; at = text.indexOf(stated, at + 1)) {
    if (!/[\d.]/.test(text[at - 1] ?? '')) return at;
  }
  return -1;
}
