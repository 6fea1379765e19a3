/**
 * npm run bench:ingest — how long ingesting the seeds takes: the pipeline alone (in process,
 * repeated) and the whole command (Node start-up, reading and writing files). Reports
 * figures; it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestSeeds } from '../src/pipeline/ingest.ts';
import { loadPipelineData, loadSeeds, projectRoot } from './lib/load-data.ts';

const runs = 20;
const data = loadPipelineData();
const seeds = loadSeeds(join(projectRoot, 'seeds'));
const times: number[] = [];
let facts = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  facts = ingestSeeds({ files: seeds.files, manifest: seeds.manifest, ...data }).facts.length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);

const out = mkdtempSync(join(tmpdir(), 'yearbook-bench-'));
const start = performance.now();
const cli = spawnSync(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), '--out', out], { cwd: projectRoot, encoding: 'utf8' });
const wall = performance.now() - start;
rmSync(out, { recursive: true, force: true });
if (cli.status !== 0) throw new Error(cli.stderr);

const kib = seeds.files.reduce((s, f) => s + f.bytes.length, 0) / 1024;
console.log(`seeds: ${seeds.files.length} files, ${kib.toFixed(1)} KiB → ${facts} facts`);
console.log(`pipeline (in process, ${runs} runs): slowest ${times[times.length - 1]!.toFixed(0)} ms (the cold first run), median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms`);
console.log(`npm run ingest command (node start-up, load, write): ${wall.toFixed(0)} ms wall`);
