/**
 * npm run ingest -- [--seeds DIR] [--out DIR] [--translations DIR] [--strict]
 *                   [--workers N|auto] [--cache DIR] [--no-cache]
 *
 * Reads the seed bulletins, runs the pipeline (src/pipeline/ingest.ts) and writes the content.
 * Bulletins are read and their pages emitted on worker threads (--workers; auto: one per core,
 * none for a few bulletins), in an order that does not depend on timing. Readings are kept in
 * the cache (default node_modules/.cache/yearbook-ingest), so a run re-reads only the bulletins
 * that changed, and pages whose inputs did not change are not emitted again; the checks across
 * bulletins always run over all of them. Only files whose bytes changed are written, so that
 * unchanged content keeps its modification time; everything is computed before the first write.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../src/pipeline/config.ts';
import { assemble, bulletinsFile, emitJobs, planSeeds, recordFiles, type ReadingSummary } from '../src/pipeline/ingest.ts';
import { factRows, factsFiles, summarize, type FactRows } from '../src/pipeline/emit-data.ts';
import { buildRegionIndex } from '../src/pipeline/regions.ts';
import { commitEpoch, editionDate } from './lib/edition-date.ts';
import { EntryCache, pipelineVersion, readingKey } from './lib/ingest-cache.ts';
import { IngestPool, localStages, type Stages } from './lib/ingest-pool.ts';
import { loadPipelineData, loadSeeds, loadTranslations, projectRoot, seedNames } from './lib/load-data.ts';
import { PageRecord, pageKey } from './lib/page-record.ts';
import { writeContent } from './lib/write-content.ts';

/** Generated folders inside the content folder; anything else there (translations) is left alone. */
const GENERATED = ['bulletins', 'data'];

/** Below this many bulletins, starting threads costs more than it saves. */
const THREADS_FROM = 64;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content' },
      translations: { type: 'string', default: 'content/translations' },
      strict: { type: 'boolean', default: false },
      workers: { type: 'string', default: 'auto' },
      cache: { type: 'string', default: join(projectRoot, 'node_modules/.cache/yearbook-ingest') },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const seedsDir = resolve(values.seeds!);
  const outDir = resolve(values.out!);
  const cacheDir = values['no-cache'] ? null : resolve(values.cache!);
  const started = performance.now();

  const data = loadPipelineData();
  // The threads start before the seeds are read, and load their modules meanwhile.
  const threads = threadCount(values.workers!, seedNames(seedsDir).length);
  const stagesData = { catalogue: data.catalogue, gazetteer: data.gazetteer, cacheDir: cacheDir && join(cacheDir, 'readings') };
  const stages: Stages = threads > 0 ? new IngestPool(threads, stagesData) : localStages(stagesData);
  const version = pipelineVersion(projectRoot);
  let result;
  try {
    result = await run();
  } finally {
    await stages.close();
  }

  async function run() {
    const { files, manifest, manifestPath } = loadSeeds(seedsDir);
    const present = new Set(files.map((f) => f.name));
    for (const name of Object.keys(manifest.bulletins)) {
      if (!present.has(name)) console.warn(`warning: ${manifestPath}: entry "${name}" names no file in ${seedsDir}`);
    }
    const translations = loadTranslations(resolve(values.translations!));
    const plan = planSeeds(files, manifest);
    const toRead = plan.filter((p) => !p.entry);
    const keys = toRead.map((p) => readingKey(version, p.sha256, p.manifest));
    const { readings, cached } = await stages.read(toRead, keys);
    const readingOf = new Map<string, ReadingSummary>(toRead.map((p, k) => [p.name, readings[k]!]));
    const keyOf = new Map(toRead.map((p, k) => [p.name, keys[k]!]));
    const whole = assemble({ manifest, ...data }, buildRegionIndex(data.gazetteer), plan, plan.map((p) => readingOf.get(p.name) ?? null));

    // Pages: emitted again only where what they are made from, or the file on disk, changed.
    const jobs = emitJobs(whole, translations);
    const record = cacheDir ? new PageRecord(join(cacheDir, 'pages', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`), outDir) : null;
    const pathsOf = (bulletin: string) => [`bulletins/zh/${bulletin}.mdx`, `bulletins/en/${bulletin}.mdx`];
    const pageKeys = jobs.map((job) => pageKey(version, keyOf.get(job.meta.source_file)!, job));
    const current = jobs.map((job, k) => record?.current(job.meta.bulletin, pageKeys[k]!, pathsOf(job.meta.bulletin)) ?? null);
    const stale = jobs.flatMap((_, k) => (current[k] ? [] : [k]));
    const emitting = stages.emit(stale.map((k) => jobs[k]!));
    // The data files are made here while the threads emit the pages and their bulletins' facts rows.
    const out = new Map<string, Uint8Array | string>(recordFiles(data, whole));
    const emitted = await emitting;

    const kept = new Set<string>();
    const rows = new Array<FactRows>(jobs.length);
    const names = { regions: whole.index.byCode, indicators: whole.indicators };
    jobs.forEach((job, k) => {
      const [zhPath, enPath] = pathsOf(job.meta.bulletin);
      const known = current[k];
      if (known) {
        whole.parsed[k]!.english = known;
        kept.add(zhPath!).add(enPath!);
        rows[k] = factRows(job.facts, names);
      }
    });
    stale.forEach((k, i) => {
      const pages = emitted[i]!;
      const [zhPath, enPath] = pathsOf(jobs[k]!.meta.bulletin);
      whole.parsed[k]!.english = pages.english;
      out.set(zhPath!, pages.zh).set(enPath!, pages.en);
      rows[k] = pages.rows;
    });
    for (const [path, text] of factsFiles(rows)) out.set(path, text);
    out.set(...bulletinsFile(whole));
    const edition = editionDate({ sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, commitEpoch: commitEpoch(projectRoot), published: whole.parsed.map((p) => p.meta.published) });
    out.set('data/edition.json', `${JSON.stringify(edition, null, 2)}\n`);

    const written = writeContent(outDir, out, kept, GENERATED);
    if (record) {
      jobs.forEach((job, k) => record.note(job.meta.bulletin, pageKeys[k]!, whole.parsed[k]!.english!, pathsOf(job.meta.bulletin)));
      record.save();
      // Readings of bulletins no longer in the seeds, or of an older pipeline, are dropped.
      new EntryCache(stagesData.cacheDir!).prune(new Set(keys));
    }
    return { whole, edition, written, cached, read: toRead.length, emitted: stale.length, files: out.size + kept.size };
  }

  const { whole, edition, written, cached, read, emitted, files: total } = result;
  const elapsed = performance.now() - started;
  console.log(summarize(whole.report, whole.facts, whole.findings));
  console.log(`edition date: ${edition.date ?? 'none'} (from ${edition.basis})`);
  console.log(
    `${total} files in ${outDir}: ${written.written.length} written, ${total - written.written.length} unchanged, ${written.removed.length} removed; ` +
      `${read - cached} of ${read} bulletins read (${cached} from the cache), ${emitted} emitted, ${threads || 'no'} worker threads; ${elapsed.toFixed(0)} ms`,
  );

  const failed = whole.report.some((r) => r.status !== 'used') || whole.findings.some((f) => f.status === 'fail');
  if (values.strict && failed) {
    console.error('strict: some files were not fully used or some checks failed (see data/ingest-report.json and data/findings.json)');
    return 1;
  }
  return 0;
}

function threadCount(option: string, bulletins: number): number {
  if (option === 'auto') return bulletins >= THREADS_FROM ? Math.min(availableParallelism(), 8) : 0;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`--workers: "${option}" is not a number of threads (0 = none) or "auto"`);
  return n;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
