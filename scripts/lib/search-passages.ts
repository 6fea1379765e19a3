/**
 * The passages of a built page that site search indexes, each with the id a result links to.
 *
 * A passage is one block of the page's <main>: a paragraph, list item, heading, figure caption,
 * quotation, a definition-list entry (its terms and descriptions as "term · description") or a
 * table body row ("cell · cell"). A block holding other blocks (a list item with a nested list)
 * gives its own text and then its blocks. Left out: navigation, forms, scripts and SVG,
 * visually hidden helper text, anything `aria-hidden` or marked `data-pagefind-ignore`, the
 * chapter's "sources of the figures" appendix (`section#sources`: it quotes the text again),
 * downloads, the "how to cite" block (the page's title and address again), links to the data
 * notes' sources and copy-link buttons, chart data tables and descriptions (they restate the
 * chart, whose caption is kept), and the elements `skipTags` names for the page (the build
 * leaves out the figure tables of indicator pages and the home page, which restate figures the
 * chapters give in their text).
 *
 * The anchor of a passage is the block's own id, else the first id inside it (a figure in a
 * paragraph), else the id of the nearest element before it (its heading or section), else
 * none (the top of the page).
 *
 * @example
 *   extractPassages(tree).passages[0] // { text: '安阳市2022年', anchor: null }
 */
import type { Element, ElementContent, Root } from 'hast';

export type Passage = { text: string; anchor: string | null };

/** Elements left out by name, by class, and by what they are (see isLeftOut). */
const LEFT_OUT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'canvas', 'nav', 'form', 'button', 'input', 'select', 'textarea', 'thead']);
const LEFT_OUT_CLASSES = new Set([
  'visually-hidden',
  'sr-only',
  'skip-link',
  'breadcrumb',
  'chapter-downloads',
  'chart-data',
  'chart-desc',
  'chart-source',
  'note-sources',
  'copy-link',
  'citation',
]);

/**
 * Is the element left out: by name, by class, [hidden], [aria-hidden="true"],
 * [data-pagefind-ignore], #downloads or section#sources? (A plain test on each element: a
 * CSS selector engine spent most of the build's time here.)
 */
export function isLeftOut(el: Element, skipTags: ReadonlySet<string>): boolean {
  if (LEFT_OUT_TAGS.has(el.tagName) || skipTags.has(el.tagName)) return true;
  const p = el.properties ?? {};
  if (p.hidden === true || p.hidden === '' || String(p.ariaHidden) === 'true' || p.dataPagefindIgnore !== undefined) return true;
  if (p.id === 'downloads' || (p.id === 'sources' && el.tagName === 'section')) return true;
  return Array.isArray(p.className) && p.className.some((c) => LEFT_OUT_CLASSES.has(String(c)));
}

/** The first element named `tag` in document order, or null. */
function find(node: Root | Element, tag: string): Element | null {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === tag) return c;
    const found = find(c, tag);
    if (found) return found;
  }
  return null;
}

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'blockquote', 'pre', 'tr', 'dl']);
/** Elements whose text is set apart from what is around it (a space between them). */
const SEPARATE = new Set([...BLOCKS, 'div', 'section', 'article', 'header', 'footer', 'aside', 'figure', 'table', 'tbody', 'ul', 'ol', 'dt', 'dd', 'td', 'th', 'br', 'details', 'summary', 'main']);
const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;
const LATIN_END = /[A-Za-z\u00c0-\u024f]$/;
const LATIN_START = /^[A-Za-z\u00c0-\u024f]/;

/** Title (the h1) and passages of a page; `skipTags` names more elements to leave out ('table'). */
export function extractPassages(tree: Root, skipTags: readonly string[] = []): { title: string; passages: Passage[] } {
  const main = find(tree, 'main');
  const out: Passage[] = [];
  if (!main) return { title: '', passages: out };
  const h1 = find(main, 'h1');
  let lastId: string | null = null;
  const skip = new Set(skipTags);
  const excluded = (el: Element) => isLeftOut(el, skip);

  const emit = (text: string, anchor: string | null) => {
    const clean = collapse(text);
    if (clean) out.push({ text: clean, anchor });
  };

  const walk = (node: ElementContent) => {
    if (node.type !== 'element' || excluded(node)) return;
    const id = idOf(node);
    if (node.tagName === 'dl') {
      if (id) lastId = id;
      for (const group of dlGroups(node, excluded)) {
        const own = group.wrapper ? idOf(group.wrapper) : null;
        const anchor = own ?? firstId(group.items, excluded) ?? lastId;
        const terms = group.items.filter((e) => e.tagName === 'dt').map((e) => textOf(e, excluded));
        const descs = group.items.filter((e) => e.tagName === 'dd').map((e) => textOf(e, excluded));
        emit([terms.map(collapse).join(' '), ...descs.map(collapse)].filter(Boolean).join(' · '), anchor);
        if (own) lastId = own;
      }
      return;
    }
    if (BLOCKS.has(node.tagName)) {
      const anchor = id ?? firstId(node.children, excluded) ?? lastId;
      if (node.tagName === 'tr') {
        const cells = node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') && !excluded(c));
        emit(cells.map((c) => collapse(textOf(c, excluded))).filter(Boolean).join(' · '), anchor);
      } else if (hasBlock(node, excluded)) {
        emit(textOf(node, (e) => excluded(e) || BLOCKS.has(e.tagName)), anchor);
        if (id) lastId = id;
        for (const child of node.children) walk(child);
        return;
      } else emit(textOf(node, excluded), anchor);
      if (id) lastId = id;
      return;
    }
    if (id) lastId = id;
    for (const child of node.children) walk(child);
  };

  for (const child of main.children) walk(child);
  return { title: h1 ? collapse(textOf(h1, excluded)) : '', passages: out };
}

function idOf(el: Element): string | null {
  const id = el.properties?.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

function firstId(nodes: ElementContent[], excluded: (e: Element) => boolean): string | null {
  for (const n of nodes) {
    if (n.type !== 'element' || excluded(n)) continue;
    const found = idOf(n) ?? firstId(n.children, excluded);
    if (found) return found;
  }
  return null;
}

function hasBlock(el: Element, excluded: (e: Element) => boolean): boolean {
  return el.children.some((c) => c.type === 'element' && !excluded(c) && (BLOCKS.has(c.tagName) || hasBlock(c, excluded)));
}

/** The dt/dd groups of a <dl>: each <div> wrapper, or a run of dt followed by its dd. */
function dlGroups(dl: Element, excluded: (e: Element) => boolean): Array<{ wrapper: Element | null; items: Element[] }> {
  const groups: Array<{ wrapper: Element | null; items: Element[] }> = [];
  let open: { wrapper: Element | null; items: Element[] } | null = null;
  for (const c of dl.children) {
    if (c.type !== 'element' || excluded(c)) continue;
    if (c.tagName === 'div') {
      groups.push({ wrapper: c, items: c.children.filter((e): e is Element => e.type === 'element' && (e.tagName === 'dt' || e.tagName === 'dd') && !excluded(e)) });
      open = null;
    } else if (c.tagName === 'dt' || c.tagName === 'dd') {
      if (!open || (c.tagName === 'dt' && open.items.at(-1)?.tagName === 'dd')) {
        open = { wrapper: null, items: [] };
        groups.push(open);
      }
      open.items.push(c);
    }
  }
  return groups;
}

/**
 * The text of an element as a reader sees it, without what `skip` matches: blocks, cells, line
 * breaks and inline elements side by side set apart by a space (<a>556.73万人</a><span>比上年…
 * </span> → "556.73万人 比上年…"), and a space where text and an inline element join Chinese to
 * Latin letters; otherwise text runs on into inline elements as it is shown
 * (参保人数<a>556.73万人</a>。 → "参保人数556.73万人。").
 */
export function textOf(el: Element, skip: (e: Element) => boolean): string {
  let out = '';
  const walk = (node: ElementContent, before: ElementContent | undefined) => {
    if (node.type === 'text') {
      const s = node.value;
      if (before?.type === 'element' && out && s && ((HAN_END.test(out) && LATIN_START.test(s)) || (LATIN_END.test(out) && HAN_START.test(s)))) out += ' ';
      out += s;
    } else if (node.type === 'element' && !skip(node)) {
      // Two elements side by side are two things (a figure and its change, a term and its English).
      if (SEPARATE.has(node.tagName) || before?.type === 'element') out += ' ';
      else if (before?.type === 'text' && node.children[0]?.type === 'text') {
        const s = node.children[0].value;
        if ((HAN_END.test(out) && LATIN_START.test(s)) || (LATIN_END.test(out) && HAN_START.test(s))) out += ' ';
      }
      node.children.forEach((c, i) => walk(c, node.children[i - 1]));
      if (SEPARATE.has(node.tagName)) out += ' ';
    }
  };
  el.children.forEach((c, i) => walk(c, el.children[i - 1]));
  return out;
}

/** Whitespace collapsed to single spaces, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
