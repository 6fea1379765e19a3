/**
 * npm run search [-- --dist DIR]
 *
 * Builds the site search index from the built pages (run by `npm run build` after Astro):
 * every page of dist/zh/ and dist/en/ (not the print edition or the search page) is cut into
 * passages and becomes one Pagefind custom record — its content the passages' index terms in
 * order (Chinese as character bigrams, see src/search/tokens.ts), its filters the page's title,
 * region, year and kind and each passage's number of terms, anchor and text
 * (src/search/passages.ts: how a result points at its passage). Pagefind keeps one index per language;
 * the bundle goes to dist/pagefind/, without Pagefind's ready-made UI files (the search page
 * has its own).
 *
 * Pages are parsed into records on worker threads a few dozen ahead (scripts/lib/search-pool.ts)
 * and the records streamed to Pagefind's service, a few unanswered at a time
 * (scripts/lib/search-feed.ts), so memory stays flat and Pagefind indexes while the next pages
 * are parsed. The same pages give the same files: records are sent in the order of the sorted
 * file names, whichever thread made them. Each page's record is kept in a cache keyed by a hash
 * of its HTML (scripts/lib/search-cache.ts), so a rebuild parses only the pages that changed;
 * `--no-cache` parses every page.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { projectRoot } from './lib/load-data.ts';
import { RecordCache } from './lib/search-cache.ts';
import { RecordFeed } from './lib/search-feed.ts';
import { RecordPool } from './lib/search-pool.ts';
import { pageOf, type Lang, type PageInfo, type PageRecord, type RegionNames } from './lib/search-records.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: join(projectRoot, 'dist') }, 'no-cache': { type: 'boolean', default: false } } });
const dist = values.dist!;
const out = join(dist, 'pagefind');
/**
 * Pages are bundled into fragment files of about this many, in page order (a region's years
 * side by side): a query's pages then cost fewer requests. Pagefind takes a number of files per
 * language. A page's fragment holds all its passages, so a few pages are already as large as
 * the bundles of 48 passages this replaced.
 */
const PAGES_PER_FRAGMENT = 4;
/** Below this many pages, starting threads costs more than it saves. */
const THREADS_FROM = 64;
/** Pages whose records are being made while earlier ones are fed to Pagefind. */
const LOOKAHEAD = 32;
/** What the search page loads from Pagefind's bundle; the rest (UI, worker, playground) is removed. */
const KEEP = /^(pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind|index|fragment|filter)$/;

if (!existsSync(join(dist, 'zh')) || !existsSync(join(dist, 'en'))) {
  console.error(`error: ${dist} has no built site; run \`npm run build\` first.`);
  process.exit(1);
}

const started = performance.now();
const regions = readRegions();
/** What shapes a page's record besides the page: the code that cuts it and the HTML parser. */
const SOURCES = [
  'scripts/lib/search-html.ts',
  'scripts/lib/search-passages.ts',
  'scripts/lib/search-records.ts',
  'src/search/tokens.ts',
  'src/search/passages.ts',
  'src/search/match.ts',
  'node_modules/parse5/package.json',
  'node_modules/rehype-parse/package.json',
  'node_modules/hast-util-from-parse5/package.json',
].map((f) => join(projectRoot, f));
const cache = values['no-cache'] ? null : new RecordCache<PageRecord>(join(projectRoot, 'node_modules/.cache/yearbook-search'), SOURCES);
const pages = (['zh', 'en'] as const).map((lang) => listFiles(join(dist, lang)).filter((f) => f.endsWith('.html'))).flat().flatMap((file) => {
  const page = pageOf(relative(dist, file).split(sep).join('/'));
  return page ? [{ file, page }] : [];
});
const stats: Record<Lang, { pages: number; passages: number }> = { zh: { pages: 0, passages: 0 }, en: { pages: 0, passages: 0 } };
const perLanguage = Math.max(...(['zh', 'en'] as const).map((lang) => pages.filter((p) => p.page.lang === lang).length));

rmSync(out, { recursive: true, force: true });
const pool = new RecordPool(pages.length >= THREADS_FROM ? Math.min(availableParallelism(), 4) : 0, regions);
try {
  const { index, errors } = await pagefind.createIndex({ maxFragments: Math.max(1, Math.ceil(perLanguage / PAGES_PER_FRAGMENT)) });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const feed = new RecordFeed(index);
  // Records are made ahead on the threads and fed to Pagefind in page order.
  const ahead: Array<{ page: PageInfo; record: Promise<PageRecord> }> = [];
  const feedNext = async () => {
    const { page, record: made } = ahead.shift()!;
    const record = await made;
    if (!record) return;
    stats[page.lang].pages++;
    stats[page.lang].passages += record.passages;
    await feed.add(record.record, record.terms);
  };
  for (const { file, page } of pages) {
    ahead.push({ page, record: recordOf(file, page) });
    if (ahead.length >= LOOKAHEAD) await feedNext();
  }
  while (ahead.length) await feedNext();
  await feed.drain();
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
} finally {
  await Promise.all([pagefind.close(), pool.close()]);
}
const reused = cache ? `, ${cache.hits} of ${pages.length} pages' passages from the cache` : '';
cache?.prune();
for (const name of readdirSync(out)) if (!KEEP.test(name)) rmSync(join(out, name), { recursive: true, force: true });

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const files = listFiles(out).map((f) => ({ name: relative(out, f).split(sep).join('/'), bytes: statSync(f).size }));
const sizeOf = (lang: string) => files.filter((f) => new RegExp(`(^|/)(${lang}_|pagefind\\.${lang}_)`).test(f.name)).reduce((n, f) => n + f.bytes, 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const perLang = (['zh', 'en'] as const).map((lang) => `${lang}: ${stats[lang].pages} pages, ${stats[lang].passages} passages, ${kb(sizeOf(lang))}`);
const total = files.reduce((n, f) => n + f.bytes, 0);
console.log(`search index: ${perLang.join('; ')}; ${files.length} files, ${kb(total)} in ${relative(projectRoot, out) || out}${reused} (${seconds} s)`);

/** A page's record: from the cache, or made from its HTML (on a thread) and kept in the cache. */
async function recordOf(file: string, page: PageInfo): Promise<PageRecord> {
  const bytes = readFileSync(file);
  const key = cache?.key([page.url, page.kind, (page.region && regions.get(page.region)?.[page.lang]) || '', bytes]);
  const kept = key ? cache!.get(key) : undefined;
  if (kept !== undefined) return kept;
  const record = await pool.record(bytes, page);
  if (key) cache!.set(key, record);
  return record;
}

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
