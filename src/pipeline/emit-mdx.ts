/**
 * Emit stage, MDX: a bulletin as an mdast tree, serialised by mdast-util-to-markdown with the
 * MDX, GFM-table and front-matter extensions. Source text only ever enters the tree as text
 * node values, so the serialiser escapes whatever in it MDX would read as code or markup
 * ({…}, <b>, import/export lines, backticks, #, |). Pages whose text needs no escaping are
 * written by ./mdx-writer.ts instead, to the same bytes, several times faster.
 */
import type { Root, RootContent, Table, TableRow, PhrasingContent, ListItem } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { stringify as stringifyYaml } from 'yaml';
import type { Block } from './blocks.ts';
import type { FigureMarks, Segment } from './figure-marks.ts';
import { text } from './mdx-text.ts';
import { writePlainMdx } from './mdx-writer.ts';
import type { BulletinMeta } from './schema.ts';

/**
 * MDX reads a line that starts with `import` or `export` as JavaScript, and the MDX
 * serializer does not guard against it: escape the first letter of such a line (it becomes a
 * character reference, which MDX reads back as the same letter).
 */
const esmLineGuard = {
  unsafe: [
    { character: 'i', atBreak: true, after: 'mport\\b' },
    { character: 'e', atBreak: true, after: 'xport\\b' },
  ],
};

/** A section of generated English: a topic heading and its sentences, each with its figure marked. */
export type EnglishSection = { heading: string; sentences: Segment[][] };

/**
 * @example
 *   serializeMdx(zhTree(meta, blocks)).startsWith('---\n') // true
 */
export function serializeMdx(tree: Root): string {
  return writePlainMdx(tree) ?? toMarkdown(tree, { ...MARKDOWN_OPTIONS, extensions: [...MARKDOWN_OPTIONS.extensions, { handlers: { text } }] });
}

/** How the MDX is written, less the faster escaping of text (which gives the same bytes). */
export const MARKDOWN_OPTIONS = {
  extensions: [mdxToMarkdown(), gfmTableToMarkdown(), frontmatterToMarkdown(['yaml']), esmLineGuard],
  bullet: '-',
  emphasis: '_',
  fences: true,
} satisfies Options;

/** The Chinese original: the bulletin's own structure, headings, paragraphs and tables. */
export function zhTree(meta: BulletinMeta, blocks: Block[], marks: FigureMarks): Root {
  // The bulletin is a chapter section on its page, under the page's own h1: its title is h2.
  return { type: 'root', children: [frontMatter(meta), heading(2, meta.title), ...blocksToMdast(blocks, 2, marks, 'Fig', meta.bulletin)] };
}

/**
 * The English page until an editorial translation exists: sentences generated from the facts,
 * then the Chinese original marked as such, never dropped.
 */
export function enTree(
  meta: BulletinMeta,
  sections: EnglishSection[],
  blocks: Block[],
  marks: FigureMarks,
  text: { note: string; originalHeading: string; originalNote: string },
): Root {
  const { note, originalHeading, originalNote } = text;
  const children: RootContent[] = [frontMatter(meta), heading(2, meta.title), paragraph(note), ...sentenceSections(sections, 3)];
  children.push(heading(3, originalHeading));
  // The original keeps its figures linked, as references (FigRef) rather than a second
  // target for the same fact: a page holds each fact's anchor once.
  children.push(originalText([paragraph(originalNote), ...blocksToMdast(blocks, 3, marks, 'FigRef', meta.bulletin)]));
  return { type: 'root', children };
}

/** Chinese text on an English page, marked as such. */
/** Generated sentences about the figures, a list under a heading per section. */
export function sentenceSections(sections: EnglishSection[], depth: number): RootContent[] {
  return sections.flatMap((section): RootContent[] => [
    heading(depth, section.heading),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: section.sentences.map((s): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(s) }] })),
    },
  ]);
}

export function originalText(children: RootContent[]): MdxJsxFlowElement {
  return div({ lang: 'zh-Hans', class: 'original-text' }, children);
}

/** A <div> with plain string attributes (the one element besides the figures the MDX holds). */
function div(attributes: Record<string, string>, children: RootContent[]): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: Object.entries(attributes).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
    children: children as MdxJsxFlowElement['children'],
  };
}

export function frontMatter(meta: BulletinMeta): RootContent {
  return { type: 'yaml', value: stringifyYaml(meta, { lineWidth: 0 }).trimEnd() } as RootContent;
}

export function heading(depth: number, text: string): RootContent {
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as 1 | 2 | 3 | 4 | 5 | 6, children: [{ type: 'text', value: text }] };
}

export function paragraph(text: string): RootContent & { type: 'paragraph' } {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

export type FigureElement = 'Fig' | 'FigRef';

/** Text with its figures as <Fig id="…">…</Fig> elements. */
/** How plain text between figures is written; English pages mark what stays Chinese. */
export type PlainText = (value: string) => PhrasingContent;
const asText: PlainText = (value) => ({ type: 'text', value });

export function phrasing(segments: Segment[], element: FigureElement = 'Fig', inCell = false, plain: PlainText = asText): PhrasingContent[] {
  return segments.map((s) => (typeof s === 'string' ? plain(s) : figure(element, s.id, s.text, inCell)));
}

// A figure in a table cell or chart data is its own source: the cell is what pages point to.
function figure(element: FigureElement, id: string, text: string, inCell: boolean): MdxJsxTextElement {
  const attributes: MdxJsxTextElement['attributes'] = [{ type: 'mdxJsxAttribute', name: 'id', value: id }];
  if (inCell) attributes.push({ type: 'mdxJsxAttribute', name: 'cell', value: null });
  return { type: 'mdxJsxTextElement', name: element, attributes, children: [{ type: 'text', value: text }] };
}

/**
 * Where a page may place a chart: after each passage with figures, each table and each figure
 * caption of the original, so that a chart stands with the text it belongs to. The page decides
 * which charts go where (by bulletin and line, or by caption); an empty slot renders nothing.
 */
export function chartSlot(bulletin: string, line: number, caption?: string): MdxJsxFlowElement {
  const attributes: MdxJsxFlowElement['attributes'] = [{ type: 'mdxJsxAttribute', name: 'at', value: `${bulletin}:${line}` }];
  if (caption) attributes.push({ type: 'mdxJsxAttribute', name: 'caption', value: caption });
  return { type: 'mdxJsxFlowElement', name: 'ChartSlot', attributes, children: [] };
}

export function blocksToMdast(blocks: Block[], headingOffset: number, marks: FigureMarks, element: FigureElement, bulletin: string): RootContent[] {
  const out: RootContent[] = [];
  // Bulletins skip levels (an entry's 【概况】 with no 一、 above it): rank the levels used and
  // never go more than one level deeper than the heading before, so the outline stays whole.
  const levels = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort();
  let lastDepth = headingOffset;
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        const depth = Math.min(headingOffset + 1 + levels.indexOf(b.level), lastDepth + 1);
        out.push(heading(depth, b.text));
        lastDepth = depth;
        break;
      }
      case 'paragraph': {
        const segments = marks.paragraphs.get(b) ?? [b.text];
        out.push({ type: 'paragraph', children: phrasing(segments, element) });
        if (segments.some((s) => typeof s !== 'string')) out.push(chartSlot(bulletin, b.line));
        break;
      }
      case 'caption':
        out.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: b.text }] }] });
        out.push(chartSlot(bulletin, b.line, b.text));
        break;
      case 'table':
        if (b.caption) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: b.caption }] }] });
        out.push(table([b.columns.map((c) => [c]), ...b.rows.map((r) => r.cells.map((c): Segment[] => [marks.cells.has(c) ? { id: marks.cells.get(c)!, text: c.text } : c.text]))], element, '表格'));
        out.push(chartSlot(bulletin, b.rows[b.rows.length - 1]?.line ?? b.line));
        break;
      case 'series': {
        const title = [b.group, b.name].filter(Boolean).join(' · ');
        if (title) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] });
        const ids = marks.series.get(b) ?? [];
        out.push(table([b.labels.map((l) => [l]), b.values.map((v, k): Segment[] => [ids[k] ? { id: ids[k]!, text: v } : v])], element, '表格'));
        out.push(chartSlot(bulletin, b.line));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * A table in a box that scrolls sideways on a narrow screen. A scrolling box must be reachable
 * by keyboard, so the box is focusable and labelled ("Table": the caption stands just before,
 * and repeating it in every label would weigh on long chapters).
 */
export function table(rows: Segment[][][], element: FigureElement, label: string, plain: PlainText = asText): MdxJsxFlowElement {
  const width = Math.max(...rows.map((r) => r.length));
  const toRow = (cells: Segment[][]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, k) => ({ type: 'tableCell', children: phrasing((cells[k] ?? []).filter((s) => s !== ''), element, true, plain) })),
  });
  const grid: Table = { type: 'table', align: new Array(width).fill(null), children: rows.map(toRow) };
  return div({ class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, [grid]);
}
