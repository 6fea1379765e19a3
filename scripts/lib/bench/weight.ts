/**
 * Page weight of a built synthetic site: the project's own measure (scripts/measure-pages.ts,
 * HTML + CSS + JS of every chapter page with gzip) summarised as maximum and median, and the
 * largest file (download or data) a single page links to.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type PageWeight = {
  chapter_pages: number;
  over_budget: number;
  max_kb: number;
  max_page: string;
  median_kb: number;
  /** HTML alone (gzip), the largest chapter page. */
  max_html_kb: number;
  largest_linked: { page: string; file: string; bytes: number } | null;
  /** The largest file of one chapter's own data (/data/regions/{region}/{year}.csv|json). */
  largest_chapter_data: { file: string; bytes: number } | null;
  /** Links to files the build has not made (PDFs when they are skipped). */
  missing_links: number;
};

/** Rows of `npm run measure`: page, HTML, CSS, JS, files, total KB, budget. */
export function parseMeasureOutput(output: string): Array<{ page: string; html: number; total: number; over: boolean }> {
  const rows = [];
  for (const line of output.split('\n')) {
    const m = /^(\/\S*)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)\s+(ok|OVER.*)$/.exec(line.trim());
    if (m) rows.push({ page: m[1]!, html: Number(m[2]), total: Number(m[6]), over: m[7] !== 'ok' });
  }
  return rows;
}

export function pageWeight(dist: string, measureOutput: string): PageWeight {
  const rows = parseMeasureOutput(measureOutput);
  const totals = rows.map((r) => r.total).sort((a, b) => a - b);
  const max = rows.reduce<(typeof rows)[number] | null>((a, r) => (!a || r.total > a.total ? r : a), null);
  const links = largestLinks(dist);
  return {
    chapter_pages: rows.length,
    over_budget: rows.filter((r) => r.over).length,
    max_kb: max?.total ?? 0,
    max_page: max?.page ?? '',
    median_kb: totals.length ? totals[Math.floor((totals.length - 1) / 2)]! : 0,
    max_html_kb: Math.max(0, ...rows.map((r) => r.html)),
    ...links,
  };
}

/** Every href/src of every HTML page that leads to a file in dist other than a page. */
function largestLinks(dist: string): Pick<PageWeight, 'largest_linked' | 'largest_chapter_data' | 'missing_links'> {
  const sizes = new Map<string, number | null>();
  const sizeOf = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, existsSync(file) && statSync(file).isFile() ? statSync(file).size : null);
    return sizes.get(file)!;
  };
  let largest: PageWeight['largest_linked'] = null;
  let chapterData: PageWeight['largest_chapter_data'] = null;
  let missing = 0;
  for (const page of htmlFiles(dist)) {
    const html = readFileSync(page, 'utf8');
    const url = `/${relative(dist, page).split(sep).join('/')}`.replace(/index\.html$/, '');
    for (const m of html.matchAll(/\b(?:href|src)="([^"#?]+)[^"]*"/g)) {
      const ref = m[1]!;
      if (/^[a-z]+:|^\/\//i.test(ref) || ref.endsWith('/') || ref.endsWith('.html')) continue;
      const path = decodeURIComponent(new URL(ref, `http://site.invalid${url}`).pathname);
      if (!/\.[a-z0-9]+$/i.test(path) || /\.(css|js|mjs|svg|ico|png|woff2?)$/i.test(path)) continue;
      const bytes = sizeOf(join(dist, path));
      if (bytes === null) {
        missing++;
        continue;
      }
      if (!largest || bytes > largest.bytes) largest = { page: url, file: path, bytes };
      if (/^\/data\/regions\//.test(path) && (!chapterData || bytes > chapterData.bytes)) chapterData = { file: path, bytes };
    }
  }
  return { largest_linked: largest, largest_chapter_data: chapterData, missing_links: missing };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(`${sep}.`))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
