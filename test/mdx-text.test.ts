/**
 * The faster escaping of text nodes (src/pipeline/mdx-text.ts) must write the very bytes that
 * mdast-util-to-markdown's own text handler writes, in every place text stands on a page.
 */
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { heading, MARKDOWN_OPTIONS, originalText, paragraph, phrasing, sentenceSections, serializeMdx, table } from '../src/pipeline/emit-mdx.ts';

// Characters that mean something to MDX, Markdown or HTML somewhere, next to ordinary text.
const piece = fc.constantFrom(
  '{', '}', '<', '>', '/', '`', '#', '|', '*', '_', '__', '~', '[', ']', '](', '(', ')', '!', '\\', '\\*', '&', '&amp;', ';', ':', '-', '+', '=', '"', "'", '.', '1.', '1)',
  ' ', '  ', '\t', '\n', '\n  ', 'import ', 'export ', 'i', 'e', 'a', 'x', 'http://a.b', 'www.x', '@', '$', '^', '参保人数', '556.73万人', '（不含滑县）', '。', '，', '😀',
);
const text = fc.array(piece, { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
const segments = fc.array(fc.oneof(text, fc.record({ id: fc.constantFrom('a-L1-1', 'b-L2-3'), text })), { minLength: 1, maxLength: 5 });

const page = fc.record({ title: text, para: segments, items: fc.array(segments, { minLength: 1, maxLength: 3 }), cells: fc.array(fc.array(segments, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }) }).map(
  ({ title, para, items, cells }): Root => {
    const body: RootContent[] = [
      heading(2, title),
      { type: 'paragraph', children: phrasing(para) },
      ...sentenceSections([{ heading: title, sentences: items }], 3),
      table(cells, 'Fig', '表格'),
      { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: title }] }] },
    ];
    return { type: 'root', children: [...body, originalText([paragraph(title), ...body])] };
  },
);

describe('text escaping', () => {
  it('writes what the serializer’s own text handler writes', () => {
    fc.assert(
      fc.property(page, (tree) => {
        expect(serializeMdx(tree)).toBe(toMarkdown(tree, MARKDOWN_OPTIONS));
      }),
      { numRuns: 400 },
    );
  });
});
