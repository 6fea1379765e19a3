/**
 * npm run search [-- --dist DIR]
 *
 * Builds the site search index from the built pages (run by `npm run build` after Astro):
 * every page of dist/zh/ and dist/en/ (not the print edition or the search page) is cut into
 * passages, and each passage becomes a Pagefind custom record — its content the passage's
 * index terms (Chinese as character bigrams, see src/search/tokens.ts), its meta data the page's
 * title, region, year and kind and the passage's text, its URL the page and the passage's
 * nearest anchor. Pagefind keeps one index per language; the bundle goes to dist/pagefind/,
 * without Pagefind's ready-made UI files (the search page has its own).
 *
 * The same pages give the same files: records are added in the order of the sorted file names.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { projectRoot } from './lib/load-data.ts';
import { pageOf, recordsForPage, type Lang, type RegionNames, type SearchRecord } from './lib/search-records.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(projectRoot, 'dist') } } });
const dist = values.dist!;
const out = join(dist, 'pagefind');
/** What the search page loads from Pagefind's bundle; the rest (UI, worker, playground) is removed. */
/**
 * Passages are bundled into fragment files of about this many, in page order: a query touching
 * 200 passages then costs a few requests, not 200 (measured: 178 results in 80 ms instead of
 * 1.1 s on localhost), and the bundle is smaller. Pagefind takes a number of files per language.
 */
const PASSAGES_PER_FRAGMENT = 48;
const KEEP = /^(pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind|index|fragment|filter)$/;

if (!existsSync(join(dist, 'zh')) || !existsSync(join(dist, 'en'))) {
  console.error(`error: ${dist} has no built site; run \`npm run build\` first.`);
  process.exit(1);
}

const started = performance.now();
const regions = readRegions();
const parser = unified().use(rehypeParse);
const records: SearchRecord[] = [];
const pages: Record<Lang, number> = { zh: 0, en: 0 };
for (const file of listHtml(dist)) {
  const page = pageOf(relative(dist, file).split(sep).join('/'));
  if (!page) continue;
  pages[page.lang]++;
  records.push(...recordsForPage(parser.parse(readFileSync(file, 'utf8')), page, regions));
}

rmSync(out, { recursive: true, force: true });
const perLanguage = Math.max(...(['zh', 'en'] as const).map((lang) => records.filter((r) => r.language === lang).length));
try {
  const { index, errors } = await pagefind.createIndex({ maxFragments: Math.max(1, Math.ceil(perLanguage / PASSAGES_PER_FRAGMENT)) });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Sent in order down one pipe, so the index is the same from run to run.
  const added = await Promise.all(records.map((r) => index.addCustomRecord(r)));
  const failed = added.flatMap((a) => a.errors);
  if (failed.length) throw new Error(`pagefind: ${failed.slice(0, 5).join('; ')}`);
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
} finally {
  await pagefind.close();
}
for (const name of readdirSync(out)) if (!KEEP.test(name)) rmSync(join(out, name), { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const files = listFiles(out).map((f) => ({ name: relative(out, f).split(sep).join('/'), bytes: statSync(f).size }));
const sizeOf = (lang: string) => files.filter((f) => new RegExp(`(^|/)(${lang}_|pagefind\\.${lang}_)`).test(f.name)).reduce((n, f) => n + f.bytes, 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const perLang = (['zh', 'en'] as const).map((lang) => `${lang}: ${pages[lang]} pages, ${records.filter((r) => r.language === lang).length} passages, ${kb(sizeOf(lang))}`);
const total = files.reduce((n, f) => n + f.bytes, 0);
console.log(`search index: ${perLang.join('; ')}; ${files.length} files, ${kb(total)} in ${relative(projectRoot, out) || out} (${seconds} s)`);

function readRegions(): RegionNames {
  const path = join(projectRoot, 'content/data/regions.json');
  const names: RegionNames = new Map();
  if (!existsSync(path)) return names;
  const data = JSON.parse(readFileSync(path, 'utf8')) as { regions: Array<{ slug: string; name_zh: string; name_en: string }> };
  for (const r of data.regions) names.set(r.slug, { zh: r.name_zh, en: r.name_en });
  return names;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

function listHtml(root: string): string[] {
  return (['zh', 'en'] as const).flatMap((lang) => listFiles(join(root, lang)).filter((f) => f.endsWith('.html')));
}
