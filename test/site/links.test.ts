/**
 * Links inside the built site: every internal href/src/srcset on every page leads to a file in
 * dist, every #anchor (on the same page or another) is an id on the target page; local url()
 * references in CSS exist; the downloads exist, and facts.csv is UTF-8 with a BOM and one line
 * per fact of dist/data/facts.json plus a header.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DIST,
  assertNone,
  assetFiles,
  attr,
  chapters,
  duplicateIds,
  parseCsv,
  elements,
  htmlFiles,
  isRemote,
  pageFile,
  pageIds,
  rel,
  requireDist,
  resolveHref,
  urlAttributes,
} from './helpers.ts';

describe('internal links', () => {
  it('every internal href, src and srcset on every page leads to a file in dist', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      for (const el of elements(file)) {
        for (const [name, value] of urlAttributes(el)) {
          const r = resolveHref(file, value);
          if (r.kind === 'outside-base') problems.push(`${rel(file)}: <${el.tagName} ${name}="${value}"> is outside the site base`);
          // PDFs are rendered only where Chromium is (npm run build says so); the browser tests check them.
          else if (r.kind === 'internal' && r.file === null && r.tried.startsWith('pdf/') && !existsSync(join(DIST, 'pdf'))) continue;
          else if (r.kind === 'internal' && r.file === null) problems.push(`${rel(file)}: <${el.tagName} ${name}="${value}"> → dist/${r.tried} does not exist`);
        }
      }
    }
    assertNone(problems, 'broken internal links');
  });

  it('every #anchor exists as an id on its target page (same page or another)', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const seen = new Set<string>();
      for (const el of elements(file)) {
        for (const [name, value] of urlAttributes(el)) {
          const r = resolveHref(file, value);
          if (r.kind !== 'internal' || r.file === null || !r.anchor || !r.file.endsWith('.html')) continue;
          if (pageIds(r.file).has(r.anchor)) continue;
          const msg = `${rel(file)}: <${el.tagName} ${name}="${value}"> → no id="${r.anchor}" on ${r.file === file ? 'this page' : rel(r.file)}`;
          if (!seen.has(msg)) problems.push(msg);
          seen.add(msg);
        }
      }
    }
    assertNone(problems, 'anchors that lead nowhere');
  });

  it('no placeholder links (href="#" or href="")', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const count = new Map<string, number>();
      for (const el of elements(file)) {
        if (el.tagName !== 'a' && el.tagName !== 'area') continue;
        const href = attr(el, 'href');
        if (href === null || (href.trim() !== '#' && href.trim() !== '')) continue;
        const key = `<${el.tagName} href="${href}"${attr(el, 'dataFact') ? ` data-fact="${attr(el, 'dataFact')}"` : ''}>`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
      for (const [key, n] of count) problems.push(`${rel(file)}: ${key}${n > 1 ? ` ×${n}` : ''}`);
    }
    assertNone(problems, 'links to nowhere');
  });

  it('no id occurs twice on a page', () => {
    requireDist();
    const problems = htmlFiles().flatMap((file) => {
      const dup = duplicateIds(file);
      return dup.length ? [`${rel(file)}: duplicate id ${dup.map((d) => `"${d}"`).join(', ')}`] : [];
    });
    assertNone(problems, 'duplicate ids (an #anchor to them is ambiguous)');
  });

  it('local url() and @import references in CSS exist', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of assetFiles().filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8');
      const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!).concat([...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]!));
      for (const ref of refs) {
        if (isRemote(ref) || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('#')) continue;
        const path = ref.split(/[?#]/)[0]!;
        const target = path.startsWith('/') ? join(DIST, path) : join(dirname(file), path);
        if (!existsSync(target)) problems.push(`${rel(file)}: url(${ref}) → ${rel(target)} does not exist`);
      }
    }
    assertNone(problems, 'broken CSS references');
  });
});

/** Checks a CSV download against the facts of the JSON download next to it. */
function csvProblems(csvPath: string, jsonPath: string): string[] {
  const problems: string[] = [];
  for (const p of [csvPath, jsonPath]) if (!existsSync(pageFile(p))) problems.push(`dist/${p} does not exist`);
  if (problems.length) return problems;
  const bytes = readFileSync(pageFile(csvPath));
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) problems.push(`dist/${csvPath} does not start with the UTF-8 BOM (first bytes: ${[...bytes.subarray(0, 3)].map((b) => b.toString(16).padStart(2, '0')).join(' ')})`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const facts = (JSON.parse(readFileSync(pageFile(jsonPath), 'utf8')) as { facts: Array<{ id: string }> }).facts;
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== facts.length + 1) problems.push(`dist/${csvPath} has ${lines.length} lines; expected ${facts.length + 1} (a header and one line per fact of dist/${jsonPath})`);
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const idCol = header.indexOf('id');
  if (idCol < 0) problems.push(`dist/${csvPath}: no "id" column in the header (${header.join(',')})`);
  else {
    const csvIds = rows.slice(1).map((r) => r[idCol]);
    const jsonIds = facts.map((f) => f.id);
    const inCsv = new Set(csvIds);
    const inJson = new Set(jsonIds);
    const missing = jsonIds.filter((id) => !inCsv.has(id));
    const extra = csvIds.filter((id) => !inJson.has(id!));
    if (missing.length) problems.push(`dist/${csvPath}: facts of dist/${jsonPath} missing from the CSV: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ` … (${missing.length})` : ''}`);
    if (extra.length) problems.push(`dist/${csvPath}: rows not in dist/${jsonPath}: ${extra.slice(0, 20).join(', ')}`);
    const badWidth = rows.slice(1).filter((r) => r.length !== header.length);
    if (badWidth.length) problems.push(`dist/${csvPath}: ${badWidth.length} rows without ${header.length} fields (first: ${badWidth[0]![0]})`);
  }
  return problems;
}

describe('downloads', () => {
  it('/data/facts.csv and /data/facts.json exist', () => {
    requireDist();
    const missing = ['data/facts.csv', 'data/facts.json'].filter((p) => !existsSync(pageFile(p))).map((p) => `dist/${p} does not exist`);
    assertNone(missing, 'missing downloads');
  });

  it.each(chapters().map((c) => [`data/regions/${c.slug}/${c.year}`]))('/%s.csv and .json exist', (base) => {
    requireDist();
    const missing = [`${base}.csv`, `${base}.json`].filter((p) => !existsSync(pageFile(p))).map((p) => `dist/${p} does not exist`);
    assertNone(missing, 'missing chapter downloads');
  });

  it('facts.json is {"facts": [...]} with a unique id per fact', () => {
    requireDist();
    const file = pageFile('data/facts.json');
    expect(existsSync(file), 'dist/data/facts.json does not exist').toBe(true);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { facts?: Array<{ id: string }> };
    expect(Array.isArray(data.facts), 'dist/data/facts.json has no "facts" array').toBe(true);
    const ids = data.facts!.map((f) => f.id);
    const dup = ids.filter((id, k) => ids.indexOf(id) !== k);
    assertNone(dup.map((id) => `duplicate fact id ${id}`), 'dist/data/facts.json');
  });

  it('facts.csv starts with the UTF-8 BOM and has a header and one line per fact of facts.json', () => {
    requireDist();
    assertNone(csvProblems('data/facts.csv', 'data/facts.json'), 'dist/data/facts.csv');
  });

  it.each(chapters().map((c) => [`data/regions/${c.slug}/${c.year}`]))('/%s.csv has the BOM and one line per fact of the .json', (base) => {
    requireDist();
    assertNone(csvProblems(`${base}.csv`, `${base}.json`), `dist/${base}.csv`);
  });
});
