/**
 * The pages' MDX written directly, several times faster than mdast-util-to-markdown and byte for
 * byte what it writes (serializeMdx in ./emit-mdx.ts), for the trees the emit stage builds
 * whose text needs no escaping: most bulletins. Anything else (a character that Markdown, MDX
 * or a table could read as syntax, a node of another kind) makes it decline, and the page is
 * written by mdast-util-to-markdown, whose escaping stays the one safety net.
 *
 * Text is written as it is only where no escaping rule of the serializer can apply:
 * - it holds none of the characters escaped wherever they stand in running text (HARD);
 * - at the start of a line (the first text of a paragraph, heading or list item) it starts with
 *   none of the characters escaped there (a list, heading, quote or ESM marker);
 * - at a line's edges it neither starts nor ends with white space (encoded there).
 * Emphasis and strong text are written only as a whole paragraph, the one place the emit stage
 * puts them, so that their markers stand between line ends and plain text.
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { markdownTable } from 'markdown-table';

/** A tree or text this writer leaves to the full serializer. */
class Declined extends Error {}

// Characters some rule escapes in running text; control characters include tab and line ends.
const HARD = /[*_`<>[\]{}&\\|#~\u0000-\u001f\u007f]/;
// What the serializer escapes at the start of a line: list, heading, quote, table and setext
// markers, an ordered-list number, and the import/export that MDX would read as code.
const LINE_START = /^(?:[ \t)*+\-.<=>[_`~{|:#]|\d+\)|\d+\.(?:[ \t]|$)|(?:import|export)\b)/;
// MDX indents the children of an element two spaces per element around them.
const INDENT = '  ';

/**
 * @returns the MDX, or null where the full serializer must write it
 * @example
 *   writePlainMdx({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: '参保人数' }] }] }) // '参保人数\n'
 */
export function writePlainMdx(tree: Root): string | null {
  try {
    const out = flow(tree.children, 0);
    return out.endsWith('\n') ? out : `${out}\n`;
  } catch (error) {
    if (error instanceof Declined) return null;
    throw error;
  }
}

/** Flow nodes, a blank line apart; `depth` is the number of JSX elements around them. */
function flow(nodes: RootContent[], depth: number): string {
  let previousList = false;
  return nodes
    .map((node) => {
      // Two lists in a row take different bullets: left to the serializer.
      if (node.type === 'list' && previousList) throw new Declined();
      previousList = node.type === 'list';
      if (node.type === 'mdxJsxFlowElement') return element(node, depth);
      const text = block(node, depth);
      return depth > 0 ? indentLines(text, INDENT.repeat(depth)) : text;
    })
    .join('\n\n');
}

function block(node: RootContent, depth: number): string {
  switch (node.type) {
    case 'yaml':
      if (depth > 0 || node.value === '') throw new Declined();
      return `---\n${node.value}\n---`;
    case 'heading':
      return heading(node);
    case 'paragraph':
      return paragraph(node);
    case 'list':
      return list(node);
    case 'table':
      return table(node);
    default:
      throw new Declined();
  }
}

function heading(node: Heading): string {
  if (node.children.length === 0) throw new Declined();
  return `${'#'.repeat(Math.max(1, Math.min(6, node.depth)))} ${phrasing(node.children, true)}`;
}

function paragraph(node: Paragraph): string {
  const [only] = node.children;
  if (node.children.length === 1 && (only!.type === 'emphasis' || only!.type === 'strong')) {
    const marker = only!.type === 'emphasis' ? '_' : '**';
    const inner = only!.children;
    if (inner.length !== 1 || (inner[0]!.type !== 'text' && inner[0]!.type !== 'mdxJsxTextElement')) throw new Declined();
    return `${marker}${phrasing(inner, true)}${marker}`;
  }
  if (node.children.some((c) => c.type !== 'text' && c.type !== 'mdxJsxTextElement')) throw new Declined();
  return phrasing(node.children, true);
}

function list(node: List): string {
  if (node.ordered || node.spread || node.children.length === 0) throw new Declined();
  return node.children
    .map((item) => {
      const [only] = item.children;
      if (item.spread || item.children.length !== 1 || only!.type !== 'paragraph') throw new Declined();
      return `- ${paragraph(only)}`;
    })
    .join('\n');
}

function table(node: Table): string {
  const matrix = node.children.map((row) => row.children.map((cell) => (cell.children.length === 0 ? '' : phrasing(cell.children, false))));
  const columns = node.align?.length || Math.max(0, ...matrix.map((r) => r.length));
  const head = matrix[0];
  while (head && head.length < columns) head.push('');
  return markdownTable(matrix, { align: node.align, fillRows: false });
}

/**
 * Phrasing nodes on one line. `lineEdges`: whether they start and end a line (a paragraph,
 * heading or list item, or the text between emphasis markers there), where white space and
 * markers are escaped; a table cell's or an element's text stands between other characters.
 */
function phrasing(nodes: PhrasingContent[], lineEdges: boolean): string {
  return nodes
    .map((node, k) => {
      if (node.type === 'text') return text(node.value, lineEdges && k === 0, lineEdges && k === nodes.length - 1);
      if (node.type === 'mdxJsxTextElement') return element(node, 0);
      throw new Declined();
    })
    .join('');
}

function text(value: string, startsLine: boolean, endsLine: boolean): string {
  if (value === '' || HARD.test(value)) throw new Declined();
  if (startsLine && (LINE_START.test(value) || /^\s/.test(value))) throw new Declined();
  if (endsLine && /\s$/.test(value)) throw new Declined();
  return value;
}

/** A JSX element; a flow one stands on lines of its own, indented by the elements around it. */
function element(node: MdxJsxFlowElement | MdxJsxTextElement, depth: number): string {
  if (!node.name) throw new Declined();
  const indent = node.type === 'mdxJsxFlowElement' ? INDENT.repeat(depth) : '';
  const attributes = node.attributes.map(attribute).join(' ');
  const open = `${indent}<${node.name}${attributes ? ` ${attributes}` : ''}`;
  if (node.children.length === 0) return `${open} />`;
  if (node.type === 'mdxJsxTextElement') return `${open}>${phrasing(node.children, false)}</${node.name}>`;
  return `${open}>\n${flow(node.children as RootContent[], depth + 1)}\n${indent}</${node.name}>`;
}

function attribute(a: MdxJsxAttribute | MdxJsxExpressionAttribute): string {
  if (a.type !== 'mdxJsxAttribute' || !a.name) throw new Declined();
  if (a.value === null || a.value === undefined) return a.name;
  if (typeof a.value !== 'string' || /["\r\n]/.test(a.value)) throw new Declined();
  return `${a.name}="${a.value}"`;
}

/** Each line that is not blank, after `indent`. */
function indentLines(value: string, indent: string): string {
  return value
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}
