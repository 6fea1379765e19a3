/**
 * node scripts/lib/bench/pdf-sample.ts <project> <chapters> — PDFs of a sample of a built
 * site's chapters, in both languages, printed the way scripts/render-pdf.ts prints a chapter
 * (a fresh context with scripts off, print media, links finished, fonts loaded, A4, tagged,
 * with outline; metadata set by finishPdf). For sites too large to print whole in a
 * benchmark: the sample's pages per second stand for the rest. The chapters are spread evenly
 * over the site's list. Prints one JSON line; writes the PDFs under <project>/dist/pdf-sample/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { launchChromium } from '../chromium.ts';
import { finishLinks } from '../pdf-document.ts';
import { finishPdf } from '../pdf-finish.ts';
import { serveStatic } from '../static-server.ts';

type Lang = 'zh' | 'en';
const project = process.argv[2]!;
const wanted = Number(process.argv[3] ?? 20);
const dist = join(project, 'dist');
const author = (lang: Lang) => (JSON.parse(readFileSync(join(project, `src/i18n/${lang}.json`), 'utf8')) as Record<string, string>)['site.name']!;

const bulletins = JSON.parse(readFileSync(join(project, 'content/data/bulletins.json'), 'utf8')) as { bulletins: Array<{ region_slug: string; year: number }> };
const chapters = [...new Map(bulletins.bulletins.map((b) => [`${b.region_slug}-${b.year}`, { region: b.region_slug, year: b.year }])).values()];
const step = Math.max(1, chapters.length / wanted);
const sample = [...Array(Math.min(wanted, chapters.length)).keys()].map((k) => chapters[Math.floor(k * step)]!);

const started = performance.now();
const server = await serveStatic(dist);
const browser = await launchChromium();
const rendered: Array<{ path: string; pages: number; bytes: number; s: number }> = [];
try {
  for (const lang of ['zh', 'en'] as const) {
    for (const c of sample) {
      const t0 = performance.now();
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const path = `/${lang}/regions/${c.region}/${c.year}/`;
      await page.goto(server.origin + path, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.evaluate(finishLinks, null);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
      const headings = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim().replace(/\s+/g, ' ')));
      const bytes = await finishPdf(pdf, { title: await page.title(), lang, author: author(lang), headings });
      await context.close();
      const file = join(dist, 'pdf-sample', lang, `${c.region}-${c.year}.pdf`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      rendered.push({ path, pages, bytes: bytes.length, s: (performance.now() - t0) / 1000 });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const seconds = rendered.reduce((s, r) => s + r.s, 0);
console.log(
  JSON.stringify({
    chapters_in_site: chapters.length,
    chapters_sampled: sample.length,
    pdfs: rendered.length,
    pages: rendered.reduce((s, r) => s + r.pages, 0),
    bytes: rendered.reduce((s, r) => s + r.bytes, 0),
    render_s: seconds,
    total_s: (performance.now() - started) / 1000,
    slowest: [...rendered].sort((a, b) => b.s - a.s).slice(0, 3),
  }),
);
