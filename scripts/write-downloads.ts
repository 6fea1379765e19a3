/**
 * npm run downloads [-- --dist DIR]
 *
 * Writes the site's files that are data rather than pages (run by `npm run build` after Astro,
 * before the cards): under dist/data/, the whole yearbook's data files, one CSV per indicator,
 * each chapter's facts as CSV and JSON and each page's chart data as CSV; under dist/og/, the
 * SVG of each page's social card, which scripts/render-cards.ts draws as PNG (src/lib/downloads.ts
 * says what each holds). Pages link to them at the addresses they always had.
 *
 * Why not Astro routes: a national yearbook has some 23,000 of them, small files that Astro
 * rendered at several milliseconds each (each rendered on a worker thread, handed to the main
 * one and kept in the incremental cache): they took 50 s of a 270 s build. Here they take
 * some 17 s, all made again on every build. datapackage.json stays an Astro route: it names the
 * site's addresses, which Astro's settings decide.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/load-data.ts';
import { allowSiteImports } from './lib/site-imports.ts';

allowSiteImports();
const { downloads } = await import('../src/lib/downloads.ts');
const { readYearbookData } = await import('../src/lib/yearbook-data.ts');
const { indexYearbook } = await import('../src/lib/yearbook-index.ts');

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(projectRoot, 'dist') } } });
const dist = values.dist!;
if (!existsSync(dist)) {
  console.error(`error: ${dist} has no built site; run \`npm run build\` first.`);
  process.exit(1);
}

const started = performance.now();
const dataDir = join(projectRoot, 'content/data');
const book = indexYearbook(readYearbookData(dataDir));
const made = new Set<string>();
let count = 0;
for (const file of downloads(book, dataDir)) {
  const target = join(dist, file.path);
  const folder = dirname(target);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  if ('copyOf' in file) copyFileSync(file.copyOf, target);
  else writeFileSync(target, file.text);
  count++;
}
console.log(`downloads: ${count} data files and card pictures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
