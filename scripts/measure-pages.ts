/**
 * How much each chapter page costs to load: the HTML plus every CSS and JS file it loads,
 * each compressed with gzip (level 9), for every region-year chapter page in dist/ in both
 * languages. Follows <link rel="stylesheet">, <link rel="modulepreload">, <script src>, CSS
 * @import, and the modules that scripts (inline module scripts too) import statically or
 * dynamically — import … from "./x.js", import "./x.js", export … from "./x.js", import("./x.js")
 * — recursively. Pages over the budget (100 KB) are flagged; the largest JS chunk is reported
 * as well. It reports figures and always exits 0 (1 only when dist/ is missing).
 *
 *   npm run measure            (after npm run build)
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BASE = (() => {
  const trimmed = (process.env.SITE_BASE ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
})();
const BUDGET_KB = 100;
const KB = 1024;

const relDist = (file: string) => relative(DIST, file).split(sep).join('/');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    // Dot folders (such as .prerender, left behind by a failed Astro build) are not part of the site.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) out.push(...listFiles(p));
    }
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

const gzCache = new Map<string, { raw: number; gz: number }>();
/** Raw and gzip -9 size of a file, in bytes. */
function sizes(file: string): { raw: number; gz: number } {
  let s = gzCache.get(file);
  if (!s) {
    const bytes = readFileSync(file);
    s = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    gzCache.set(file, s);
  }
  return s;
}

/** The URL path a dist file is served at. */
function urlOf(file: string): string {
  const r = relDist(file);
  return BASE + (r === 'index.html' ? '' : r.endsWith('/index.html') ? r.slice(0, -'index.html'.length) : r);
}

/** The dist file a reference from `fromFile` leads to, or null for remote/other references. */
function resolveRef(fromFile: string, ref: string): { file: string | null; url: string } | null {
  const url = ref.trim();
  if (/^(https?:)?\/\//i.test(url) || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return null;
  // Bare specifiers ('chart.js') are not URLs a browser can load; Astro never leaves them in.
  const target = new URL(url, `http://site.invalid${urlOf(fromFile)}`);
  let path = decodeURIComponent(target.pathname);
  if (!path.startsWith(BASE)) return { file: null, url };
  path = path.slice(BASE.length);
  const file = join(DIST, path === '' || path.endsWith('/') ? `${path}index.html` : path);
  return { file: existsSync(file) && statSync(file).isFile() ? file : null, url };
}

/** Module specifiers a piece of JS loads: static imports, re-exports and dynamic import(). */
function jsImports(js: string): string[] {
  const specs = new Set<string>();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'`])([^"'`\n]+)\1/g,
    /\bexport\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*(["'`])([^"'`\n]+)\1/g,
    /\bimport\s*\(\s*(["'`])([^"'`\n]+)\1\s*\)/g,
  ];
  for (const re of patterns) for (const m of js.matchAll(re)) specs.add(m[2]!);
  // Vite's preload map lists the chunks a dynamic import needs: __vite__mapDeps(…, m.f=["_astro/x.js", …]).
  for (const m of js.matchAll(/__vite__mapDeps[\s\S]{0,200}?\.f=\[([^\]]*)\]/g)) {
    for (const s of m[1]!.matchAll(/["']([^"']+)["']/g)) specs.add(`${BASE}${s[1]!.replace(/^\/+/, '')}`);
  }
  return [...specs].filter((s) => s.startsWith('.') || s.startsWith('/'));
}

/** @import in CSS. */
function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)].map((m) => m[2]!);
}

type Load = { css: Set<string>; js: Set<string>; missing: Set<string> };

function follow(from: string, ref: string, load: Load): void {
  const r = resolveRef(from, ref);
  if (!r) return;
  if (!r.file) {
    load.missing.add(`${ref} (from ${relDist(from)})`);
    return;
  }
  const file = r.file;
  if (file.endsWith('.css')) {
    if (load.css.has(file)) return;
    load.css.add(file);
    for (const s of cssImports(readFileSync(file, 'utf8'))) follow(file, s, load);
  } else if (/\.m?js$/.test(file)) {
    if (load.js.has(file)) return;
    load.js.add(file);
    for (const s of jsImports(readFileSync(file, 'utf8'))) follow(file, s, load);
  }
}

function prop(el: Element, name: string): string | null {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return null;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The CSS and JS files a page loads. */
function pageLoads(file: string): Load {
  const tree = unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as Root;
  const load: Load = { css: new Set(), js: new Set(), missing: new Set() };
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'link') {
      const rels = (prop(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = prop(el, 'href');
      if (href && (rels.includes('stylesheet') || rels.includes('modulepreload'))) follow(file, href, load);
    } else if (el.tagName === 'script') {
      const src = prop(el, 'src');
      const type = (prop(el, 'type') ?? '').toLowerCase();
      if (src) follow(file, src, load);
      else if (type === '' || type === 'module' || type.includes('javascript')) {
        let text = '';
        visit(el, 'text', (t: { value: string }) => {
          text += t.value;
        });
        for (const s of jsImports(text)) follow(file, s, load);
      }
    } else if (el.tagName === 'style') {
      let text = '';
      visit(el, 'text', (t: { value: string }) => {
        text += t.value;
      });
      for (const s of cssImports(text)) follow(file, s, load);
    }
  });
  return load;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

function table(rows: string[][], right: Set<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => r.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function main(): void {
  if (!existsSync(DIST)) {
    console.error('build the site first: npm run build');
    process.exitCode = 1;
    return;
  }
  const all = listFiles(DIST);
  const chapterRe = /^(zh|en)\/regions\/[^/]+\/\d{4}\/index\.html$/;
  const pages = all.filter((f) => chapterRe.test(relDist(f)));
  const rows: string[][] = [['page', 'HTML', 'CSS', 'JS', 'files', 'total KB', 'budget']];
  let over = 0;
  const missing: string[] = [];
  for (const page of pages) {
    const load = pageLoads(page);
    const html = sizes(page).gz;
    const css = [...load.css].reduce((n, f) => n + sizes(f).gz, 0);
    const js = [...load.js].reduce((n, f) => n + sizes(f).gz, 0);
    const total = html + css + js;
    const flag = total > BUDGET_KB * KB;
    if (flag) over++;
    rows.push([urlOf(page), kb(html), kb(css), kb(js), String(1 + load.css.size + load.js.size), kb(total), flag ? `OVER ${BUDGET_KB} KB` : 'ok']);
    for (const m of load.missing) missing.push(`${urlOf(page)}: ${m}`);
  }
  console.log(`Chapter pages: transferred size with gzip -9 (KB = ${KB} bytes) of the HTML and every CSS/JS file it loads`);
  console.log('(stylesheets, modulepreload, script src, and static and dynamic imports followed recursively).\n');
  if (pages.length === 0) console.log('no chapter pages (dist/{zh,en}/regions/<region>/<year>/index.html) in dist/');
  else console.log(table(rows, new Set([1, 2, 3, 4, 5])));
  console.log(`\n${pages.length} chapter pages, ${over} over ${BUDGET_KB} KB.`);
  if (missing.length) {
    console.log('\nReferenced but not in dist:');
    for (const m of missing) console.log(`  ${m}`);
  }

  const chunks = all.filter((f) => /\.m?js$/.test(f)).map((f) => ({ file: f, ...sizes(f), chart: /Chart\.js|chartjs/.test(readFileSync(f, 'utf8')) }));
  chunks.sort((a, b) => b.raw - a.raw);
  if (chunks.length === 0) console.log('\nNo JS files in dist.');
  else {
    const largest = chunks[0]!;
    console.log(`\nLargest JS chunk: ${urlOf(largest.file)} — ${kb(largest.raw)} KB raw, ${kb(largest.gz)} KB gzip${largest.chart ? ' (chart.js)' : ''}`);
    const chart = chunks.filter((c) => c.chart);
    for (const c of chart) if (c !== largest) console.log(`chart.js chunk: ${urlOf(c.file)} — ${kb(c.raw)} KB raw, ${kb(c.gz)} KB gzip`);
    if (chart.length === 0) console.log('No chunk looks like chart.js (none mentions "Chart.js" or "chartjs").');
    console.log('\nAll JS files:');
    console.log(table([['file', 'raw KB', 'gzip KB'], ...chunks.map((c) => [urlOf(c.file) + (c.chart ? '  (chart.js)' : ''), kb(c.raw), kb(c.gz)])], new Set([1, 2])));
  }
}

main();
