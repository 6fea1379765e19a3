/**
 * The direct MDX writer (src/pipeline/mdx-writer.ts) either declines a tree or writes the very
 * bytes mdast-util-to-markdown writes for it, for every shape of page the emit stage builds;
 * and it does write pages of ordinary text, so that the fast path is the one taken.
 */
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/pipeline/blocks.ts';
import { chartSlot, frontMatter, heading, MARKDOWN_OPTIONS, originalText, paragraph, phrasing, sentenceSections, table, zhTree } from '../src/pipeline/emit-mdx.ts';
import { translatedTree } from '../src/pipeline/emit-english.ts';
import { markFigures, type Segment } from '../src/pipeline/figure-marks.ts';
import { writePlainMdx } from '../src/pipeline/mdx-writer.ts';
import type { BulletinMeta } from '../src/pipeline/schema.ts';

const meta: BulletinMeta = {
  bulletin: 't-2022-bulletin', lang: 'en', title: 'T, 2022', source_title: null, region: '410500', region_slug: 'anyang', year: 2022,
  kind: 'bulletin', volume: null, published: null, publisher: null, origin: null, source_file: 't.txt', sha256: '0'.repeat(64), facts: 0, translation: 'partial',
};

// Characters that some rule of Markdown, MDX or tables escapes somewhere, and ordinary text.
const hazard = fc.constantFrom(
  '{', '}', '<', '>', '/', '`', '#', '|', '*', '_', '__', '~', '[', ']', '](', '(', ')', '!', '\\', '&', '&amp;', ';', ':', '-', '- ', '+', '+ ', '=', '"', "'",
  '.', '1.', '1. ', '12)', '1.5', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', 'import ', 'export ', 'important', 'i', 'e', '@', '$', '%', '^', '。', '，', '（', '）', '😀',
);
const ordinary = fc.constantFrom('参保人数', '556.73万人', '基金收入', 'Income', 'of the fund', ', ', ' (2,777,100)', '%', ': ', '−5,500', '2022年', 'x', '。', '（不含滑县）');
// Text that starts and ends with a letter or Han character and holds nothing any rule escapes.
const plainText = fc.array(ordinary, { minLength: 1, maxLength: 5 }).map((p) => `基${p.join('')}金`);
const hazardous = fc.array(fc.oneof({ arbitrary: hazard, weight: 3 }, { arbitrary: ordinary, weight: 2 }), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
// Mostly ordinary, so that many pages hold a single hazard somewhere and the rest is plain.
const anyText = fc.oneof({ arbitrary: plainText, weight: 5 }, { arbitrary: hazardous, weight: 1 });

const span = (value: string): PhrasingContent =>
  ({ type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'lang', value: 'zh-Hans' }], children: [{ type: 'text', value }] }) as PhrasingContent;

/** A page holding every node shape the emit stage writes, its text drawn from `text`. */
function pageOf(text: fc.Arbitrary<string>): fc.Arbitrary<Root> {
  const segments = fc.array(fc.oneof(text, fc.record({ id: fc.constantFrom('a-L1-1', 'b-L2-3'), text })), { minLength: 1, maxLength: 5 });
  return fc
    .record({ title: text, caption: text, para: segments, items: fc.array(segments, { minLength: 1, maxLength: 3 }), cells: fc.array(fc.array(segments, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 3 }) })
    .map(({ title, caption, para, items, cells }): Root => {
      const body: RootContent[] = [
        heading(3, title),
        { type: 'heading', depth: 4, children: [span(title)] },
        { type: 'paragraph', children: phrasing(para) },
        chartSlot('t-2022-bulletin', 4, caption),
        ...sentenceSections([{ heading: title, sentences: items }], 3),
        table(cells as Segment[][][], 'Fig', '表格'),
        table(cells as Segment[][][], 'FigRef', 'Table', (value) => span(value)),
        { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: caption }] }] },
        { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: caption }] }] },
        { type: 'paragraph', children: [{ type: 'strong', children: [span(caption)] }] },
      ];
      return { type: 'root', children: [frontMatter(meta), heading(2, title), paragraph(title), ...body, originalText([paragraph(caption), ...body, originalText(body)])] };
    });
}

/** Bulletin blocks of every kind, for the emit stage's own trees. */
const blocks = fc
  .record({ heading: anyText, para: anyText, caption: anyText, cell: anyText, label: anyText })
  .map(({ heading: h, para, caption, cell, label }): Block[] => [
    { kind: 'heading', line: 1, text: h, level: 1 },
    { kind: 'paragraph', line: 2, text: para },
    { kind: 'caption', line: 3, text: caption },
    { kind: 'table', line: 4, caption, captionLine: 4, columns: [label, '金额'], columnUnits: ['', ''], rows: [{ line: 5, cells: [{ line: 5, text: cell }, { line: 5, text: '1.5' }] }] },
    { kind: 'series', line: 6, group: label, name: null, labels: ['2021', label], values: ['1', cell], text: cell },
  ]);

const reference = (tree: Root) => toMarkdown(tree, MARKDOWN_OPTIONS);

describe('direct MDX writer', () => {
  it('writes what mdast-util-to-markdown writes, or declines', () => {
    fc.assert(
      fc.property(pageOf(anyText), (tree) => {
        const written = writePlainMdx(tree);
        if (written !== null) expect(written).toBe(reference(tree));
      }),
      { numRuns: 600 },
    );
  });

  it('writes pages of ordinary text itself', () => {
    fc.assert(
      fc.property(pageOf(plainText), (tree) => {
        expect(writePlainMdx(tree)).toBe(reference(tree));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees on the Chinese page and the translated English page of any bulletin', () => {
    fc.assert(
      fc.property(blocks, fc.array(fc.option(anyText), { minLength: 8, maxLength: 8 }), (bs, english) => {
        let k = 0;
        const translate = () => english[k++ % english.length] ?? null;
        const marks = markFigures(bs, []);
        for (const tree of [zhTree({ ...meta, lang: 'zh' }, bs, marks), translatedTree(meta, bs, marks, translate, new Map(), [{ heading: 'Figures', sentences: [['a']] }], { note: 'n', untranslatedNote: 'u', summaryHeading: 's' })]) {
          const written = writePlainMdx(tree);
          if (written !== null) expect(written).toBe(reference(tree));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('declines text the serializer escapes', () => {
    for (const value of ['1. The number enrolled', '- a', '# a', 'import x', 'export const a = 1', 'a {b}', 'a <b>', 'a | b', 'a*b', 'a_b', 'a\\b', ' a', 'a ', 'a\nb']) {
      expect(writePlainMdx({ type: 'root', children: [paragraph(value)] }), value).toBeNull();
    }
    expect(writePlainMdx({ type: 'root', children: [paragraph('1.5 million people')] })).toBe('1.5 million people\n');
    // Two lists in a row: the second takes another bullet.
    const list = sentenceSections([{ heading: 'h', sentences: [['a']] }], 3)[1]!;
    const lists: Root = { type: 'root', children: [list, list] };
    expect(writePlainMdx(lists) ?? reference(lists)).toBe(reference(lists));
  });
});
