/**
 * Emit stage, MDX: a bulletin as an mdast tree, serialised by mdast-util-to-markdown with the
 * MDX, GFM-table and front-matter extensions. Source text only ever enters the tree as text
 * node values, so the serialiser escapes whatever in it MDX would read as code or markup
 * ({…}, <b>, import/export lines, backticks, #, |).
 */
import type { Root, RootContent, Table, TableRow, PhrasingContent, ListItem } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { stringify as stringifyYaml } from 'yaml';
import type { Block } from './blocks.ts';
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

/** A section of generated English: a topic heading and its sentences. */
export type EnglishSection = { heading: string; sentences: string[] };

/**
 * @example
 *   serializeMdx(zhTree(meta, blocks)).startsWith('---\n') // true
 */
export function serializeMdx(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [mdxToMarkdown(), gfmTableToMarkdown(), frontmatterToMarkdown(['yaml']), esmLineGuard],
    bullet: '-',
    emphasis: '_',
    fences: true,
  });
}

/** The Chinese original: the bulletin's own structure, headings, paragraphs and tables. */
export function zhTree(meta: BulletinMeta, blocks: Block[]): Root {
  return { type: 'root', children: [frontMatter(meta), heading(1, meta.title), ...blocksToMdast(blocks, 1)] };
}

/**
 * The English page until an editorial translation exists: sentences generated from the facts,
 * then the Chinese original marked as such, never dropped.
 */
export function enTree(meta: BulletinMeta, sections: EnglishSection[], blocks: Block[], note: string, originalHeading: string, originalNote: string): Root {
  const children: RootContent[] = [frontMatter(meta), heading(1, meta.title), paragraph(note)];
  for (const section of sections) {
    children.push(heading(2, section.heading));
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: section.sentences.map((s): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(s)] })),
    });
  }
  children.push(heading(2, originalHeading));
  const original: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'lang', value: 'zh-Hans' },
      { type: 'mdxJsxAttribute', name: 'class', value: 'original-text' },
    ],
    children: [paragraph(originalNote), ...(blocksToMdast(blocks, 2) as MdxJsxFlowElement['children'])],
  };
  children.push(original);
  return { type: 'root', children };
}

function frontMatter(meta: BulletinMeta): RootContent {
  return { type: 'yaml', value: stringifyYaml(meta, { lineWidth: 0 }).trimEnd() } as RootContent;
}

function heading(depth: number, text: string): RootContent {
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as 1 | 2 | 3 | 4 | 5 | 6, children: [{ type: 'text', value: text }] };
}

function paragraph(text: string): RootContent & { type: 'paragraph' } {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function blocksToMdast(blocks: Block[], headingOffset: number): RootContent[] {
  const out: RootContent[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(heading(b.level + headingOffset, b.text));
        break;
      case 'paragraph':
        out.push(paragraph(b.text));
        break;
      case 'caption':
        out.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: b.text }] }] });
        break;
      case 'table':
        if (b.caption) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: b.caption }] }] });
        out.push(table([b.columns, ...b.rows.map((r) => r.cells.map((c) => c.text))]));
        break;
      case 'series': {
        const title = [b.group, b.name].filter(Boolean).join(' · ');
        if (title) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] });
        out.push(table([b.labels, b.values]));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function table(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  const toRow = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, k) => ({ type: 'tableCell', children: cellText(cells[k] ?? '') })),
  });
  return { type: 'table', align: new Array(width).fill(null), children: rows.map(toRow) };
}

function cellText(text: string): PhrasingContent[] {
  return text ? [{ type: 'text', value: text }] : [];
}
