/**
 * npm run pdf [-- --if-available]
 *
 * Renders the built site's PDFs with Debian Chromium (playwright-core): for each language the
 * whole yearbook (from the print edition page: cover, contents, every chapter with its data
 * notes and sources, the methodology) and one PDF per chapter, into dist/pdf/. A4, tagged,
 * with an outline from the headings; document title, language and author set in the PDF, and
 * no creation date, so that the same site gives the same bytes. A PDF whose page has not
 * changed since it was last printed is taken from the cache (scripts/lib/pdf-cache.ts).
 *
 * Without Chromium it fails with a clear message, or with --if-available (as `npm run build`
 * calls it) says in one line that it skipped the PDFs.
 * SITE_URL (the public address of the site) turns links to other pages into links to it.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import type { Lang } from '../src/i18n/i18n.ts';
import { chapterPdfPath, yearbookPdfPath } from '../src/lib/pdf-paths.ts';
import { runningHeaderCss } from '../src/lib/print.ts';
import { chromiumPath, hasChromium, launchChromium } from './lib/chromium.ts';
import { projectRoot } from './lib/load-data.ts';
import { composeYearbook, finishLinks } from './lib/pdf-document.ts';
import { PdfCache } from './lib/pdf-cache.ts';
import { finishPdf } from './lib/pdf-finish.ts';
import { readOutline } from './lib/pdf-outline.ts';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({ options: { 'if-available': { type: 'boolean', default: false } } });
const dist = join(projectRoot, 'dist');
// The site's languages (src/i18n/i18n.ts imports its JSON the Vite way, which Node does not read).
const LANGS: Lang[] = ['zh', 'en'];

if (!hasChromium()) {
  const message = `PDF: no Chromium at ${chromiumPath()} (install Debian's chromium, or set CHROMIUM_PATH)`;
  if (values['if-available']) {
    console.log(`${message}; PDFs skipped.`);
    process.exit(0);
  }
  console.error(`error: ${message}.`);
  process.exit(1);
}
try {
  statSync(join(dist, 'index.html'));
} catch {
  console.error('error: dist/ has no built site; run `npm run build` first.');
  process.exit(1);
}

type Chapter = { region: string; year: number };
const bulletins = JSON.parse(readFileSync(join(projectRoot, 'content/data/bulletins.json'), 'utf8')) as { bulletins: Array<{ region_slug: string; year: number }> };
const chapters: Chapter[] = [...new Map(bulletins.bulletins.map((b) => [`${b.region_slug}-${b.year}`, { region: b.region_slug, year: b.year }])).values()];
const messages = {
  en: { appendix: readMessage('en', 'print.appendix'), author: readMessage('en', 'site.name') },
  zh: { appendix: readMessage('zh', 'print.appendix'), author: readMessage('zh', 'site.name') },
} satisfies Record<Lang, unknown>;
const siteUrl = process.env.SITE_URL ? new URL(process.env.SITE_URL.replace(/\/?$/, '/')).href : null;

rmSync(join(dist, 'pdf'), { recursive: true, force: true });
const started = performance.now();
const server = await serveStatic(dist);
const browser = await launchChromium();
const cache = new PdfCache(join(projectRoot, 'node_modules/.cache/yearbook-pdf'), {
  browser: browser.version(),
  siteUrl,
  // What composes and finishes a PDF besides the page: this script, its helpers, the messages
  // it reads, and the installed pdf-lib and playwright.
  files: ['scripts/render-pdf.ts', 'scripts/lib/pdf-document.ts', 'scripts/lib/pdf-finish.ts', 'scripts/lib/pdf-outline.ts', 'src/lib/print.ts', 'src/i18n/zh.json', 'src/i18n/en.json', 'node_modules/pdf-lib/package.json', 'node_modules/playwright-core/package.json'].map((f) => join(projectRoot, f)),
});
const rendered: Array<{ file: string; bytes: number; pages: number; ms: number; cached: boolean }> = [];
const pageErrors: string[] = [];
try {
  // A fresh page for each PDF (the tagged PDF names elements by the renderer's node numbers,
  // which count on across documents), with the page's own scripts off: paper shows the
  // static charts, and live charts mounted as they scroll into view would vary the output.
  const fresh = async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };
  for (const lang of LANGS) {
    const page = await fresh();
    await render(page, `/${lang}/print/`, yearbookPdfPath(lang), lang, async () => {
      const { parts } = await page.evaluate(composeYearbook, messages[lang].appendix);
      // Each part's running header names it (the named pages composeYearbook set).
      const css = parts.map((title, i) => runningHeaderCss(messages[lang].author, title, `part${i + 1}`)).join('');
      await page.evaluate((text) => document.head.append(Object.assign(document.createElement('style'), { textContent: text })), css);
    }, numberContents);
    await page.context().close();
    for (const c of chapters) {
      const page = await fresh();
      await render(page, `/${lang}/regions/${c.region}/${c.year}/`, chapterPdfPath(lang, c.region, c.year), lang);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const total = rendered.reduce((s, r) => s + r.bytes, 0);
for (const r of rendered) console.log(`${r.file.padEnd(32)} ${String(r.pages).padStart(4)} pages  ${(r.bytes / 1024).toFixed(0).padStart(6)} KB  ${r.cached ? '  from the cache' : `${r.ms.toFixed(0).padStart(6)} ms`}`);
const fromCache = rendered.filter((r) => r.cached).length;
console.log(`PDF: ${rendered.length} files (${rendered.length - fromCache} printed, ${fromCache} from the cache), ${(total / 1024 / 1024).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/**
 * Prints `path` to `out`. `compose` changes the page first; `renumber`, given the first PDF,
 * may change the page again (page numbers in the contents), and then it is printed again.
 */
async function render(page: Page, path: string, out: string, lang: Lang, compose?: () => Promise<void>, renumber?: (page: Page, pdf: Uint8Array) => Promise<void>): Promise<void> {
  const t0 = performance.now();
  const file = join(dist, out);
  const html = readFileSync(join(dist, path, 'index.html'));
  if (cache.restore(html, file)) {
    const bytes = readFileSync(file);
    rendered.push({ file: out, bytes: bytes.length, pages: (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount(), ms: performance.now() - t0, cached: true });
    return;
  }
  await page.goto(server.origin + path, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  if (compose) await compose();
  await page.evaluate(finishLinks, siteUrl);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (pageErrors.length > 0) throw new Error(`${path}: ${pageErrors.join('; ')}`);
  const print = () => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
  let pdf = await print();
  if (renumber) {
    await renumber(page, pdf);
    pdf = await print();
  }
  const title = await page.title();
  const headings = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim().replace(/\s+/g, ' ')));
  const bytes = await finishPdf(pdf, { title, lang, author: messages[lang].author, headings });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  cache.keep(html, bytes);
  const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  rendered.push({ file: out, bytes: bytes.length, pages, ms: performance.now() - t0, cached: false });
}

/** The page each part of the print edition starts on, written into its contents. */
async function numberContents(page: Page, pdf: Uint8Array): Promise<void> {
  const starts = (await readOutline(pdf)).filter((e) => e.depth === 0 && e.page !== null);
  await page.evaluate((entries) => {
    for (const li of document.querySelectorAll<HTMLElement>('[data-chapter], [data-appendix]')) {
      const target = document.querySelector(li.querySelector('a')?.getAttribute('href') ?? '#none')?.querySelector('h1');
      const title = (target?.textContent ?? '').replace(/\s+/g, '');
      const start = entries.find((e) => e.title.replace(/\s+/g, '') === title);
      if (!start) throw new Error(`print edition: no page for "${title}" in the outline`);
      const number = document.createElement('span');
      number.className = 'contents-page';
      number.textContent = String(start.page);
      li.append(number);
    }
  }, starts);
}

function readMessage(lang: Lang, key: string): string {
  const messages = JSON.parse(readFileSync(join(projectRoot, `src/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
  const value = messages[key];
  if (!value) throw new Error(`src/i18n/${lang}.json: no "${key}"`);
  return value;
}
