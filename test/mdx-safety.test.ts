/**
 * Source text is data, never code: whatever a bulletin holds ({…}, <b>, import/export lines,
 * backticks, #, |, entities) must come out of the MDX serializer as the same literal text and
 * compile as MDX without a single expression, import or element of its own.
 */
import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/pipeline/blocks.ts';
import { enTree, serializeMdx, zhTree } from '../src/pipeline/emit-mdx.ts';
import { markFigures } from '../src/pipeline/figure-marks.ts';
import type { Fact } from '../src/pipeline/schema.ts';
import type { BulletinMeta } from '../src/pipeline/schema.ts';
import { codeNodes, parseMdx } from './helpers/mdx.ts';

const meta: BulletinMeta = {
  bulletin: 'test-2022-bulletin', lang: 'zh', title: '测试', source_title: null, region: '410500', region_slug: 'anyang', year: 2022,
  kind: 'bulletin', volume: null, published: null, publisher: null, origin: null, source_file: 'test.txt', sha256: '0'.repeat(64), facts: 0, translation: 'original',
};

// Characters that mean something to MDX, Markdown, HTML or YAML, mixed with ordinary text.
const hazard = fc.constantFrom(
  '{', '}', '<', '>', '/', '`', '```', '#', '|', '*', '_', '~', '[', ']', '(', ')', '!', '\\', '&', '&amp;', '&#123;', ';', ':', '-', '+', '=', '"', "'",
  'import x from "y"', 'export const a = 1', '<script>alert(1)</script>', '<b>', '{value}', '{...props}', '---', '1.', '* ', '> ', '<!-- -->', ' ', '\t',
  '参保人数', '556.73万人', '（不含滑县）', '。', '，', 'a', '1', 'é', '😀',
);
const sourceText = fc
  .array(fc.oneof({ arbitrary: hazard, weight: 3 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 }), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').replace(/[\r\n\u2028\u2029\u0000]/g, ' ').replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim())
  .filter((s) => s.length > 0);

const paragraphBlock = (text: string): Block => ({ kind: 'paragraph', line: 1, text });

describe('MDX emission of arbitrary source text', () => {
  it('round-trips paragraph text literally and adds no code', () => {
    fc.assert(
      fc.property(sourceText, (text) => {
        const blocks = [paragraphBlock(text)];
        const tree = parseMdx(serializeMdx(zhTree(meta, blocks, markFigures(blocks, []))));
        expect(codeNodes(tree)).toEqual([]);
        const paragraph = tree.children.find((n) => n.type === 'paragraph');
        expect(toString(paragraph).trim()).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips headings, table cells and the English wrapper', () => {
    fc.assert(
      fc.property(sourceText, sourceText, sourceText, (heading, cell, sentence) => {
        const blocks: Block[] = [
          { kind: 'heading', line: 1, text: heading, level: 1 },
          { kind: 'table', line: 2, caption: cell, captionLine: 2, columns: ['a', cell], columnUnits: ['', ''], rows: [{ line: 3, cells: [{ line: 3, text: cell }, { line: 3, text: '1' }] }] },
        ];
        const mdx = serializeMdx(
          enTree({ ...meta, lang: 'en', translation: 'generated' }, [{ heading: 'Figures', sentences: [[sentence]] }], blocks, markFigures(blocks, []), { note: 'note', originalHeading: 'Original text', originalNote: '原文' }),
        );
        const tree = parseMdx(mdx);
        expect(codeNodes(tree)).toEqual([]);
        const text = toString(tree);
        for (const piece of [heading, cell, sentence]) expect(text).toContain(piece.replace(/\s+/g, ' ').trim().split(' ')[0]);
      }),
      { numRuns: 150 },
    );
  });

  it('compiles with the MDX compiler', async () => {
    await fc.assert(
      fc.asyncProperty(sourceText, async (text) => {
        const blocks: Block[] = [paragraphBlock(text), { kind: 'heading', line: 2, text, level: 2 }];
        const mdx = serializeMdx(zhTree(meta, blocks, markFigures(blocks, [])));
        const compiled = String(await compile(mdx.replace(/^---\n[\s\S]*?\n---\n/, '')));
        expect(compiled).not.toMatch(/alert\(1\)\s*[;)]/);
      }),
      { numRuns: 100 },
    );
  });

  it('marks each figure as a <Fig> element around the exact characters, whatever surrounds it', () => {
    fc.assert(
      fc.property(sourceText, sourceText, (before, after) => {
        const text = `${before}：参保人数556.73万人。${after}`;
        const blocks = [paragraphBlock(text)];
        const fact = { id: 't-L1-1', source: { file: 't', line: 1, quote: text, stated: '556.73万人', block: 'text', context: null } } as unknown as Fact;
        const tree = parseMdx(serializeMdx(zhTree(meta, blocks, markFigures(blocks, [fact]))));
        const paragraph = tree.children.find((n) => n.type === 'paragraph')!;
        const figures = (paragraph as { children: Array<{ type: string; name?: string; children?: unknown[] }> }).children.filter((n) => n.name === 'Fig');
        expect(figures).toHaveLength(1);
        expect(toString(figures[0] as never)).toBe('556.73万人');
        expect(toString(paragraph)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
