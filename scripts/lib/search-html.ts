/**
 * The part of a built page that search reads, cut out of the HTML before it is parsed: the
 * <main> element, with the insides of the elements search leaves out whole emptied (their tags
 * stay, so what is left parses to the same tree around them). Parsing was nearly all of the
 * search step's time, and most of a page's bytes are charts (SVG, their data as JSON and as
 * tables), scripts and, on indicator pages, figure tables that search skips anyway.
 *
 * Only elements whose end tag the HTML must have are emptied (raw text such as <script> up to
 * its end tag; <svg>, <table>, <div>… up to the end tag of the same name, nesting counted), so
 * a page that leaves out an end tag is read in full rather than cut wrong; comments and CDATA
 * are stepped over. extractPassages gives the same passages for the cut HTML as for the page
 * (test/search-passages.test.ts checks both ways on every fixture).
 *
 * @example
 *   searchHtml('<body><main><p>a</p><svg><text>1</text></svg></main></body>')
 *   // '<main><p>a</p><svg></svg></main>'
 */
import { isLeftOut } from './search-passages.ts';

/** Elements whose content is raw text: it ends at the first end tag of the same name. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Elements whose end tag is required, so their end is found by counting starts and ends. */
const CLOSED = new Set(['svg', 'math', 'table', 'div', 'section', 'nav', 'figure', 'details', 'aside', 'header', 'footer', 'article', 'ul', 'ol', 'dl', 'span', 'blockquote', 'pre', 'canvas']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * The <main> element of `html` (from its start tag to its end tag), the insides of left-out
 * elements emptied — those isLeftOut names, with `skipTags` — or null if there is none.
 */
export function searchHtml(html: string, skipTags: readonly string[] = []): string | null {
  const skip = new Set(skipTags);
  const out: string[] = [];
  /** Where <main> starts once found; then what is copied runs from `copied`. */
  let copied = -1;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const step = stepOver(html, lt);
    if (step > 0) {
      at = step;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      at = lt + 1;
      continue;
    }
    const tagEnd = lt + m[0].length;
    const name = m[2]!.toLowerCase();
    const selfClosing = /\/\s*$/.test(m[3]!);
    if (m[1]) {
      if (name === 'main' && copied >= 0) {
        out.push(html.slice(copied, tagEnd));
        return out.join('');
      }
      at = tagEnd;
      continue;
    }
    if (name === 'main' && copied < 0) copied = lt;
    if (RAW.has(name) && !selfClosing) {
      // Raw text runs to its end tag whatever it holds; its insides are dropped when left out.
      const close = findTag(html, `/${name}`, tagEnd);
      if (close < 0) break;
      if (copied >= 0 && isLeftOut(pseudoElement(name, m[3]!), skip)) {
        out.push(html.slice(copied, tagEnd));
        copied = close;
      }
      at = close;
      continue;
    }
    if (copied >= 0 && CLOSED.has(name) && !selfClosing && isLeftOut(pseudoElement(name, m[3]!), skip)) {
      const close = matchingEnd(html, name, tagEnd);
      if (close >= 0) {
        out.push(html.slice(copied, tagEnd));
        copied = close;
        at = close;
        continue;
      }
    }
    at = tagEnd;
  }
  if (copied < 0) return null;
  // No end tag for <main>: the rest of the page, as the parser would read it.
  out.push(html.slice(copied));
  return out.join('');
}

/** Past a comment, CDATA section or raw-text element starting at `lt`; 0 if none starts there. */
function stepOver(html: string, lt: number): number {
  if (html.startsWith('<!--', lt)) return endOf(html, '-->', lt + 4);
  if (html.startsWith('<![CDATA[', lt)) return endOf(html, ']]>', lt + 9);
  return 0;
}

/** Where `<name` (or `</name` for '/name') starts as a tag at or after `from`, or -1. */
function findTag(html: string, name: string, from: number): number {
  const re = new RegExp(`<${name}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  return re.exec(html)?.index ?? -1;
}

function endOf(html: string, marker: string, from: number): number {
  const i = html.indexOf(marker, from);
  return i < 0 ? html.length : i + marker.length;
}

/**
 * Where the end tag closing the `name` element whose start tag ends at `from` begins (elements
 * of the same name inside counted; comments and CDATA stepped over), or -1 if it has none.
 */
function matchingEnd(html: string, name: string, from: number): number {
  const raw = [...RAW].join('|');
  const re = new RegExp(`<!--|<!\\[CDATA\\[|<(${raw})(?=[\\s/>])|<(/?)${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0] === '<!--') re.lastIndex = endOf(html, '-->', m.index + 4);
    else if (m[0] === '<![CDATA[') re.lastIndex = endOf(html, ']]>', m.index + 9);
    else if (m[1]) {
      // Raw text inside (a chart's data as JSON): its end tag, whatever it holds before.
      const close = findTag(html, `/${m[1]}`, m.index + m[0].length);
      if (close < 0) return -1;
      re.lastIndex = close + 1;
    } else if (m[2]) {
      if (--depth === 0) return m.index;
    } else if (!/\/\s*$/.test(m[3]!)) depth++;
  }
  return -1;
}

/** Just enough of an element, from its tag's name and attributes, for isLeftOut to judge it. */
function pseudoElement(name: string, attrs: string): Parameters<typeof isLeftOut>[0] {
  const properties: Record<string, string | boolean | string[]> = {};
  for (const m of attrs.matchAll(ATTR)) {
    const key = m[1]!.toLowerCase();
    const value = decode(m[2] ?? m[3] ?? m[4] ?? '');
    if (key === 'class') properties.className = value.split(/[ \t\n\f\r]+/).filter(Boolean);
    else if (key === 'id') properties.id = value;
    else if (key === 'hidden') properties.hidden = true;
    else if (key === 'aria-hidden') properties.ariaHidden = value;
    else if (key === 'data-pagefind-ignore') properties.dataPagefindIgnore = value;
  }
  return { type: 'element', tagName: name, properties, children: [] };
}

/** The few character references an attribute value the build writes may hold. */
function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|quot|apos|lt|gt|#39|#x27);/g, (_, e: string) => ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e] ?? _);
}
