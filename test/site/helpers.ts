/**
 * Reading the built site in dist/ for the site tests: the HTML pages (each parsed once with
 * rehype-parse and cached), the ids on each page, links resolved to dist files and anchors,
 * and what the pages should be according to content/data (bulletins, facts, indicators).
 *
 * Nothing here imports vitest, so scripts can use it too.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site; SITE_DIST points the tests at another build folder. */
export const DIST = process.env.SITE_DIST ? resolve(process.env.SITE_DIST) : join(ROOT, 'dist');
export const CONTENT_DATA = join(ROOT, 'content/data');
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };
export const NO_DIST = 'build the site first: npm run build';

/** The base the site is built for ('/' unless SITE_BASE says otherwise), one slash at each end. */
export const BASE = (() => {
  const trimmed = (process.env.SITE_BASE ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
})();

/**
 * The site's public address, as the build used it (SITE_URL, else package.json "homepage"):
 * canonical links, hreflang alternates, the sitemap, feeds and cards are absolute on it.
 */
export const SITE = new URL(process.env.SITE_URL || (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string }).homepage);

/** The absolute address of a dist file on the public site. */
export function absoluteUrlOf(file: string): string {
  return new URL(urlOf(file), SITE).href;
}

// ---------------------------------------------------------------------------------------------
// dist

export function distExists(): boolean {
  return existsSync(join(DIST, 'index.html')) || (existsSync(DIST) && listFiles(DIST).some((f) => f.endsWith('.html')));
}

/** Throws "build the site first: npm run build" when dist/ is missing; call at the top of every test. */
export function requireDist(): void {
  if (!existsSync(DIST) || !statSync(DIST).isDirectory() || !distExists()) throw new Error(NO_DIST);
}

/** Every file under `dir`, as absolute paths, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      // Dot folders (such as .prerender, left behind by a failed Astro build) are not part of the site.
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(p);
      }
      else if (entry.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML file in dist, as absolute paths. */
export function htmlFiles(): string[] {
  return listFiles(DIST).filter((f) => f.endsWith('.html'));
}

/** CSS and JavaScript files in dist. */
export function assetFiles(): string[] {
  return listFiles(DIST).filter((f) => /\.(css|m?js)$/.test(f));
}

/** 'zh/about/index.html' for a dist file (always with forward slashes). */
export function rel(file: string): string {
  return relative(DIST, file).split(sep).join('/');
}

/** The URL path a dist file is served at: dist/zh/about/index.html → '/zh/about/'. */
export function urlOf(file: string): string {
  const r = rel(file);
  return BASE + (r === 'index.html' ? '' : r.endsWith('/index.html') ? r.slice(0, -'index.html'.length) : r);
}

/** The dist file of a page path after the base: 'zh/regions/anyang/2022/' → dist/zh/regions/anyang/2022/index.html. */
export function pageFile(path: string): string {
  const clean = path.replace(/^\/+/, '');
  return join(DIST, clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** The language of a page from its place in dist (zh/…, en/…), or null for the root, 404 and others. */
export function langOfFile(file: string): Lang | null {
  const first = rel(file).split('/')[0];
  return first === 'zh' || first === 'en' ? first : null;
}

/** The same page in the other language (dist/zh/x/index.html ↔ dist/en/x/index.html), or null. */
export function counterpartFile(file: string): string | null {
  const lang = langOfFile(file);
  if (!lang) return null;
  const other = lang === 'zh' ? 'en' : 'zh';
  return join(DIST, other, rel(file).slice(lang.length + 1));
}

// ---------------------------------------------------------------------------------------------
// parsing

const treeCache = new Map<string, Root>();
const idCache = new Map<string, Set<string>>();

/** The hast tree of an HTML file, parsed once per file (per test worker). */
export function parsePage(file: string): Root {
  let tree = treeCache.get(file);
  if (!tree) {
    tree = unified().use(rehypeParse).parse(readFileSync(file, 'utf8'));
    treeCache.set(file, tree);
  }
  return tree;
}

/** Every element of a page, in document order. */
export function elements(file: string): Element[] {
  const out: Element[] = [];
  visit(parsePage(file), 'element', (node: Element) => {
    out.push(node);
  });
  return out;
}

/** A property of an element as a string ('' for true booleans, null when absent); lists are space-joined. */
export function attr(el: Element, name: string): string | null {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return null;
  if (v === true) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The tokens of a space-separated attribute such as rel, lower-cased. */
export function tokens(el: Element, name: string): string[] {
  const v = el.properties?.[name];
  if (Array.isArray(v)) return v.map((x) => String(x).toLowerCase());
  return typeof v === 'string' ? v.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Text of an element (for inline <style> and <script>). */
export function textOf(el: Element): string {
  let s = '';
  visit(el, 'text', (t: { value: string }) => {
    s += t.value;
  });
  return s;
}

/**
 * The ids on a page that a #fragment can target: every id attribute, and name on <a>
 * (the HTML spec also scrolls to <a name>).
 */
export function pageIds(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set();
    for (const el of elements(file)) {
      const id = attr(el, 'id');
      if (id) ids.add(id);
      if (el.tagName === 'a') {
        const name = attr(el, 'name');
        if (name) ids.add(name);
      }
    }
    idCache.set(file, ids);
  }
  return ids;
}

/** Ids that occur more than once on a page. */
export function duplicateIds(file: string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const el of elements(file)) {
    const id = attr(el, 'id');
    if (!id) continue;
    if (seen.has(id)) dup.add(id);
    seen.add(id);
  }
  return [...dup];
}

// ---------------------------------------------------------------------------------------------
// links

export type Resolved =
  /** A link inside the site: `file` is where it leads in dist (null if nothing is there), `anchor` the decoded fragment. */
  | { kind: 'internal'; url: string; file: string | null; tried: string; anchor: string | null }
  /** http:, https: or protocol-relative. */
  | { kind: 'external'; url: string }
  /** mailto:, tel:, data:, javascript: and other schemes. */
  | { kind: 'other'; url: string }
  /** An absolute path outside the site base. */
  | { kind: 'outside-base'; url: string };

export function isRemote(url: string): boolean {
  return /^\s*(https?:)?\/\//i.test(url);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Where a link on `fromFile` leads: absolute paths (under the base '/'), relative paths and
 * bare #anchors are resolved the way a browser would against the page's own URL, then mapped to
 * the dist file a static server would send ('/x/' → x/index.html, '/x' → x or x/index.html).
 */
export function resolveHref(fromFile: string, href: string): Resolved {
  const url = href.trim();
  if (isRemote(url)) return { kind: 'external', url };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return { kind: 'other', url };
  const origin = 'http://site.invalid';
  const target = new URL(url, origin + urlOf(fromFile));
  const anchor = target.hash ? safeDecode(target.hash.slice(1)) : url.includes('#') ? '' : null;
  const pathname = safeDecode(target.pathname);
  if (!pathname.startsWith(BASE)) return { kind: 'outside-base', url };
  const inside = pathname.slice(BASE.length);
  const tried = inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
  const candidates = inside === '' || inside.endsWith('/') ? [tried] : [inside, `${inside}/index.html`];
  for (const c of candidates) {
    const p = join(DIST, c);
    if (!p.startsWith(DIST)) continue;
    if (existsSync(p) && statSync(p).isFile()) return { kind: 'internal', url, file: p, tried: c, anchor };
  }
  return { kind: 'internal', url, file: null, tried, anchor };
}

/** URLs in a srcset attribute. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\S*\s)/)
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** The attributes of an element that load or link to a URL, as [attribute, url]. */
export function urlAttributes(el: Element): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of ['href', 'src', 'poster', 'data', 'xLinkHref', 'action', 'cite', 'formAction']) {
    if (name === 'data' && el.tagName !== 'object') continue;
    if ((name === 'action' && el.tagName !== 'form') || (name === 'cite' && !['blockquote', 'q', 'del', 'ins'].includes(el.tagName))) continue;
    const v = attr(el, name);
    if (v !== null) out.push([name === 'xLinkHref' ? 'xlink:href' : name, v]);
  }
  const srcset = attr(el, 'srcSet');
  if (srcset) for (const u of srcsetUrls(srcset)) out.push(['srcset', u]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// data-fact figures

export type Figure = { id: string; value: string | null; tag: string; elId: string | null };

/** Every element with data-fact on a page. */
/**
 * Every figure shown on a page with its fact id: elements with data-fact (formatted figures),
 * figures of the bulletin text (id fig-… or orig-…, linking to #src-…), and table cells that
 * are their own source entry (span id src-…).
 */
export function figures(file: string): Figure[] {
  return elements(file).flatMap((el) => {
    const id = attr(el, 'id');
    const fact =
      attr(el, 'dataFact') ??
      (el.tagName === 'a' && id && /^(fig|orig)-/.test(id) ? (attr(el, 'href') ?? '').replace(/^#src-/, '') : null) ??
      (el.tagName === 'span' && id?.startsWith('src-') ? id.slice(4) : null);
    return fact ? [{ id: fact, value: attr(el, 'dataValue'), tag: el.tagName, elId: id }] : [];
  });
}

/** data-fact id → the distinct data-value values on the page (empty set when the id never has one). */
export function figureValues(file: string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const f of figures(file)) {
    const set = map.get(f.id) ?? new Set<string>();
    if (f.value !== null && f.value !== '') set.add(f.value);
    map.set(f.id, set);
  }
  return map;
}

/** Two data-value strings are the same base value (as numbers when both are numbers). */
export function sameValue(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) ? x === y : a === b;
}

// ---------------------------------------------------------------------------------------------
// what the site should hold, from content/data

export type Bulletin = { bulletin: string; region: string; region_slug: string; year: number };
export type Fact = { id: string; bulletin: string; region: string; year: number; indicator: string; value: number; same_as: string | null; source: { block: string } };
export type Chapter = { slug: string; year: number; bulletins: string[] };

function readJson<T>(path: string): T {
  if (!existsSync(path)) throw new Error(`${rel2(path)} is missing: run npm run ingest (npm run build runs it)`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function rel2(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

export function bulletins(): Bulletin[] {
  return readJson<{ bulletins: Bulletin[] }>(join(CONTENT_DATA, 'bulletins.json')).bulletins;
}

export function contentFacts(): Fact[] {
  return readJson<{ facts: Fact[] }>(join(CONTENT_DATA, 'facts.json')).facts;
}

/** Region-year chapters: one per region slug and data year of the bulletins. */
export function chapters(): Chapter[] {
  const map = new Map<string, Chapter>();
  for (const b of bulletins()) {
    const key = `${b.region_slug}/${b.year}`;
    const c = map.get(key) ?? { slug: b.region_slug, year: b.year, bulletins: [] };
    c.bulletins.push(b.bulletin);
    map.set(key, c);
  }
  return [...map.values()].sort((a, b) => a.slug.localeCompare(b.slug) || a.year - b.year);
}

export function regionSlugs(): string[] {
  return [...new Set(bulletins().map((b) => b.region_slug))].sort();
}

/** Catalogue indicators (content/data/indicators.json) that have at least one fact. */
export function indicatorIdsWithFacts(): string[] {
  const catalogue = new Set(readJson<{ indicators: Array<{ id: string }> }>(join(CONTENT_DATA, 'indicators.json')).indicators.map((i) => i.id));
  return [...new Set(contentFacts().map((f) => f.indicator))].filter((id) => catalogue.has(id)).sort();
}

/** Facts of a chapter: everything its bulletins state. */
export function chapterFacts(chapter: Chapter) {
  const set = new Set(chapter.bulletins);
  return contentFacts().filter((f) => set.has(f.bulletin));
}

export function chapterFactIds(chapter: Chapter): string[] {
  return chapterFacts(chapter).map((f) => f.id);
}

export const chapterPath = (lang: Lang, c: Chapter) => `${lang}/regions/${c.slug}/${c.year}/`;

// ---------------------------------------------------------------------------------------------
// messages

/** Throws one error listing every problem (at most `limit` lines) when there are any. */
export function assertNone(problems: string[], what: string, limit = 300): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, limit).map((p) => `  - ${p}`);
  if (problems.length > limit) shown.push(`  … and ${problems.length - limit} more`);
  throw new Error(`${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${shown.join('\n')}`);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
