/**
 * npm run cards [-- --dist DIR]
 *
 * Draws the social-card pictures (run by `npm run build` after Astro): every dist/og/**\/*.svg
 * that Astro wrote becomes the PNG next to it, which pages name as og:image, and the SVG is
 * removed. Pictures are drawn by two worker threads and kept in a cache keyed by a hash of the
 * SVG and its fonts (node_modules/.cache/yearbook-cards/), so a rebuild draws only the cards
 * that changed. The same SVG always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { cardFont, cardLang, cardPng } from './lib/card-png.ts';
import { projectRoot } from './lib/load-data.ts';

const CACHE = join(projectRoot, 'node_modules/.cache/yearbook-cards');
type Job = { svgFile: string; pngFile: string; cached: string };

function listSvg(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.svg'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Draws one card into the cache (written under another name first: a cache file is whole or absent). */
function draw(job: Job): void {
  const png = cardPng(readFileSync(job.svgFile, 'utf8'));
  writeFileSync(`${job.cached}.${process.pid}.tmp`, png);
  renameSync(`${job.cached}.${process.pid}.tmp`, job.cached);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: join(projectRoot, 'dist') } } });
  const started = performance.now();
  const svgs = listSvg(join(values.dist!, 'og'));
  mkdirSync(CACHE, { recursive: true });
  const jobs: Job[] = svgs.map((svgFile) => {
    const svg = readFileSync(svgFile, 'utf8');
    const key = createHash('sha256').update(JSON.stringify(cardFont(cardLang(svg)))).update(svg).digest('hex');
    return { svgFile, pngFile: svgFile.replace(/\.svg$/, '.png'), cached: join(CACHE, `${key}.png`) };
  });
  const todo = jobs.filter((j) => !existsSync(j.cached));
  const threads = Math.max(1, Math.min(availableParallelism(), 4, todo.length));
  await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const share = todo.filter((_, k) => k % threads === i);
      if (!share.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: null });
        worker.on('message', () => resolve());
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`card worker exited with ${code}`))));
        worker.postMessage(share);
      });
    }),
  );
  for (const job of jobs) {
    writeFileSync(job.pngFile, readFileSync(job.cached));
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
  parentPort!.once('message', (share: Job[]) => {
    for (const job of share) draw(job);
    parentPort!.postMessage('done');
    process.exit(0);
  });
}
