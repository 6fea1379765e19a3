/**
 * Extract stage over a whole bulletin: walks its blocks with the headings above each one and
 * hands prose, tables and chart series to their extractors.
 */
import type { Block } from './blocks.ts';
import type { Draft } from './draft.ts';
import { extractProse, type ProseContext } from './extract-text.ts';
import { extractSeries, extractTable } from './extract-tables.ts';

/**
 * @example
 *   extractBulletin(segmentLines(lines), ctx).length
 */
export function extractBulletin(blocks: Block[], ctx: ProseContext): Draft[] {
  const drafts: Draft[] = [];
  const path: string[] = [];
  const captions = blocks.filter((b) => b.kind === 'caption').map((b) => (b as { text: string }).text);
  for (const block of blocks) {
    const headings = path.filter(Boolean).join('\n');
    switch (block.kind) {
      case 'heading':
        path.length = block.level;
        path[block.level - 1] = block.text;
        break;
      case 'paragraph':
        drafts.push(...extractProse(block, headings, ctx));
        break;
      case 'table':
        drafts.push(...extractTable(block, headings, ctx));
        break;
      case 'series':
        drafts.push(...extractSeries(block, captions, headings, ctx));
        break;
      default:
        break;
    }
  }
  return drafts;
}
