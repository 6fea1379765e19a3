/**
 * HTML bodies (news pages saved with their markup) → text lines that keep the line of the raw
 * file where each block started. Scripts, styles, comments, images and tracking links are
 * dropped; nothing of the markup survives as markup.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import type { Element, Root, RootContent } from 'hast';

export type SourceLine = { line: number; text: string };

const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'object', 'embed', 'img', 'svg', 'video', 'audio', 'head', 'link', 'meta', 'button', 'form']);
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'section', 'article', 'pre', 'td', 'th', 'dd', 'dt', 'caption', 'figcaption', 'table', 'ul', 'ol']);
const TRACKING = /[?&](utm_[a-z]+|spm|from|share_token)=|doubleclick|google-analytics|\/track|\/pixel/i;

export type HtmlLines = { lines: SourceLine[]; dropped: Array<{ line: number | null; message: string }> };

/**
 * Whether a body is an HTML page rather than plain text that happens to mention tags: it
 * starts with markup. A plain bulletin quoting "<b>" keeps it as literal text.
 */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|div|p|section|article|table|main|style|script|!--|h[1-6])\b/i.test(text);
}

/**
 * @param lineOffset raw-file line of the body's first line, minus one
 * @example
 *   htmlToLines('<p>参保<b>1</b>人</p>', 0).lines // [{ line: 1, text: '参保1人' }]
 */
export function htmlToLines(html: string, lineOffset: number): HtmlLines {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const dropped: HtmlLines['dropped'] = [];
  prune(tree, dropped, lineOffset);
  const lines: SourceLine[] = [];
  collectBlocks(tree, lines, lineOffset);
  return { lines, dropped };
}

function prune(node: Root | Element, dropped: HtmlLines['dropped'], lineOffset: number): void {
  node.children = node.children.filter((child: RootContent) => {
    const line = child.position ? child.position.start.line + lineOffset : null;
    if (child.type === 'comment') return false;
    if (child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    if (DROPPED.has(child.tagName)) {
      const src = typeof child.properties?.src === 'string' ? `: ${child.properties.src}` : '';
      if (child.tagName === 'img') dropped.push({ line, message: `image not shown (remote images are never hot-linked)${src}` });
      else if (child.tagName === 'script' || child.tagName === 'style') dropped.push({ line, message: `<${child.tagName}> removed` });
      return false;
    }
    if (child.tagName === 'a' && typeof child.properties?.href === 'string' && TRACKING.test(child.properties.href)) {
      dropped.push({ line, message: `tracking link removed: ${child.properties.href}` });
      // The link text may still be prose: keep the children, drop the link.
      (child as Element).properties = {};
    }
    prune(child, dropped, lineOffset);
    return true;
  });
}

function collectBlocks(node: Root | Element, lines: SourceLine[], lineOffset: number): void {
  let inline: RootContent[] = [];
  const flush = () => {
    if (inline.length === 0) return;
    const wrapper: Element = { type: 'element', tagName: 'span', properties: {}, children: inline as Element['children'] };
    const text = toText(wrapper, { whitespace: 'normal' }).trim();
    const first = inline.find((n) => n.position);
    if (text) lines.push({ line: (first?.position?.start.line ?? 1) + lineOffset, text });
    inline = [];
  };
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === 'br') {
      flush();
    } else if (child.type === 'element' && BLOCKS.has(child.tagName)) {
      flush();
      collectBlocks(child, lines, lineOffset);
    } else {
      inline.push(child);
    }
  }
  flush();
}
