/**
 * npm run cards [-- --dist DIR]
 *
 * Draws the social-card pictures (run by `npm run build` after scripts/write-downloads.ts):
 * every dist/og/**\/*.svg it wrote becomes the PNG next to it, which pages name as og:image,
 * and the SVG is removed. Pictures are drawn by two worker threads and kept in a cache keyed by a hash of the
 * SVG, its fonts' bytes, resvg's version and the PNG encoder (node_modules/.cache/yearbook-cards/),
 * so a rebuild draws only the cards that changed. The same SVG always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, threadId } from 'node:worker_threads';
import { cardFontFor, cardLang, cardPng, cardRenderKey, cardText, type CardFont, type CardLang } from './lib/card-png.ts';
import { projectRoot } from './lib/load-data.ts';

const CACHE = join(projectRoot, 'node_modules/.cache/yearbook-cards');
type Job = { svgFile: string; pngFile: string; cached: string; lang: CardLang };
type Work = { jobs: Job[]; fonts: Record<CardLang, CardFont> };

function listSvg(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.svg'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Draws one card into the cache (written under another name first: a cache file is whole or absent). */
function draw(job: Job, font: CardFont): void {
  const png = cardPng(readFileSync(job.svgFile, 'utf8'), font);
  const tmp = `${job.cached}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, job.cached);
}

/** Draws `work` in a worker thread. */
function drawInWorker(work: Work): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: null });
    worker.on('message', () => resolve());
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`card worker exited with ${code}`))));
    worker.postMessage(work);
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: join(projectRoot, 'dist') } } });
  const started = performance.now();
  const svgs = listSvg(join(values.dist!, 'og'));
  mkdirSync(CACHE, { recursive: true });
  const text: Record<CardLang, Set<string>> = { zh: new Set(), en: new Set() };
  const jobs: Job[] = svgs.map((svgFile) => {
    const svg = readFileSync(svgFile, 'utf8');
    const lang = cardLang(svg);
    const key = createHash('sha256').update(cardRenderKey(lang)).update(svg).digest('hex');
    const job = { svgFile, pngFile: svgFile.replace(/\.svg$/, '.png'), cached: join(CACHE, `${key}.png`), lang };
    if (!existsSync(job.cached)) for (const ch of cardText(svg)) text[lang].add(ch);
    return job;
  });
  // Cards with the same SVG (so the same key) are drawn once.
  const todo = [...new Map(jobs.filter((j) => !existsSync(j.cached)).map((j) => [j.cached, j])).values()];
  if (todo.length) {
    // Fonts cut to the characters of the cards to draw, shared by the workers, removed after.
    const fontDir = mkdtempSync(join(tmpdir(), 'yearbook-card-fonts-'));
    try {
      const fonts = { zh: cardFontFor('zh', [...text.zh].join(''), fontDir), en: cardFontFor('en', [...text.en].join(''), fontDir) };
      const threads = Math.max(1, Math.min(availableParallelism(), 4, todo.length));
      await Promise.all(Array.from({ length: threads }, (_, i) => drawInWorker({ jobs: todo.filter((_, k) => k % threads === i), fonts })));
    } finally {
      rmSync(fontDir, { recursive: true, force: true });
    }
  }
  for (const job of jobs) {
    copyFileSync(job.cached, job.pngFile);
    rmSync(job.svgFile);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`cards: ${jobs.length} social-card pictures (${todo.length} drawn, ${jobs.length - todo.length} from the cache) in ${seconds.toFixed(1)} s`);
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  parentPort!.once('message', async ({ jobs, fonts }: Work) => {
    for (const job of jobs) {
      draw(job, fonts[job.lang]);
      // resvg's pictures (3 MB each) are freed by finalisers, which run only between turns of
      // the event loop: without this turn the worker keeps every picture it drew.
      await new Promise((resolve) => setImmediate(resolve));
    }
    parentPort!.postMessage('done');
    process.exit(0);
  });
}
