/** Reading emitted MDX back the way the MDX compiler reads it, to see what it would run. */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { mdxjs } from 'micromark-extension-mdxjs';

export function parseMdx(mdx: string): Root {
  return fromMarkdown(mdx, {
    extensions: [mdxjs(), gfmTable(), frontmatter(['yaml'])],
    mdastExtensions: [mdxFromMarkdown(), gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** ESM, expressions, raw HTML and any element other than the pipeline's own <div lang>, <Fig>, <FigRef> and <ChartSlot>. */
export function codeNodes(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; name?: string | null; children?: unknown[] }) => {
    if (/^mdx(js|FlowExpression|TextExpression)/.test(node.type)) found.push(node.type);
    if (/^mdxJsx/.test(node.type) && !['div', 'Fig', 'FigRef', 'ChartSlot'].includes(node.name ?? '')) found.push(`${node.type}:${node.name}`);
    if (node.type === 'html') found.push('html');
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(tree as never);
  return found;
}

