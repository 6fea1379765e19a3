/**
 * npm run ingest -- [--seeds DIR] [--out DIR] [--translations DIR] [--strict]
 *
 * Reads the seed bulletins, runs the pipeline and swaps the generated content in whole: the
 * new files are written to a temporary folder first, so a failed run leaves the previous
 * content/ as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../src/pipeline/config.ts';
import { ingestSeeds } from '../src/pipeline/ingest.ts';
import { commitEpoch, editionDate } from './lib/edition-date.ts';
import { loadPipelineData, loadSeeds, loadTranslations, projectRoot } from './lib/load-data.ts';

/** Generated folders inside the content folder; anything else there (translations) is left alone. */
const GENERATED = ['bulletins', 'data'];

function main(): number {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content' },
      translations: { type: 'string', default: 'content/translations' },
      strict: { type: 'boolean', default: false },
    },
  });
  const seedsDir = resolve(values.seeds!);
  const outDir = resolve(values.out!);
  const started = performance.now();

  const data = loadPipelineData();
  const { files, manifest, manifestPath } = loadSeeds(seedsDir);
  for (const name of Object.keys(manifest.bulletins)) {
    if (!files.some((f) => f.name === name)) console.warn(`warning: ${manifestPath}: entry "${name}" names no file in ${seedsDir}`);
  }

  const translations = loadTranslations(resolve(values.translations!));
  const result = ingestSeeds({ files, manifest, translations, ...data });
  const published = (JSON.parse(result.files.get('data/bulletins.json') ?? '{"bulletins":[]}') as { bulletins: Array<{ published: string | null }> }).bulletins.map((b) => b.published);
  const edition = editionDate({ sourceDateEpoch: process.env.SOURCE_DATE_EPOCH, commitEpoch: commitEpoch(projectRoot), published });
  result.files.set('data/edition.json', `${JSON.stringify(edition, null, 2)}\n`);
  writeContent(outDir, result.files);
  const elapsed = performance.now() - started;
  console.log(result.summary);
  console.log(`edition date: ${edition.date ?? 'none'} (from ${edition.basis})`);
  console.log(`wrote ${result.files.size} files to ${outDir} in ${elapsed.toFixed(0)} ms`);

  const failed = result.report.some((r) => r.status !== 'used') || result.findings.some((f) => f.status === 'fail');
  if (values.strict && failed) {
    console.error('strict: some files were not fully used or some checks failed (see data/ingest-report.json and data/findings.json)');
    return 1;
  }
  return 0;
}

function writeContent(outDir: string, files: Map<string, string>): void {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, '.ingest-tmp');
  const old = join(outDir, '.ingest-old');
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  mkdirSync(old);
  for (const folder of GENERATED) {
    if (existsSync(join(outDir, folder))) renameSync(join(outDir, folder), join(old, folder));
    if (existsSync(join(staging, folder))) renameSync(join(staging, folder), join(outDir, folder));
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
