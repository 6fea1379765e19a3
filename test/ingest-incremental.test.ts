/**
 * The ingest command's threads, cache and partial writes change how fast it runs, never what it
 * writes: on a synthetic corpus, a run on worker threads equals a run in one thread; a second
 * run reads nothing again and rewrites nothing; a run after one bulletin changed reads only that
 * one, rewrites only what depends on it (unchanged files keep their modification time) and
 * writes what a cold run writes; a damaged cache entry is read again, not trusted.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/lib/bench/corpus.ts';
import { writeSeeds } from '../scripts/lib/bench/project.ts';
import { loadPipelineData, projectRoot } from '../scripts/lib/load-data.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-incremental-'));
  writeSeeds(join(dir, 'seeds'), generateCorpus(24, 11, loadPipelineData().gazetteer).files);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingest(seeds: string, out: string, ...options: string[]): string {
  const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out, '--translations', join(dir, 'none'), ...options], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

function snapshot(out: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(out, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(out);
  return files;
}

function expectSameBytes(a: ReturnType<typeof snapshot>, b: ReturnType<typeof snapshot>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, file] of a) expect(file.bytes.equals(b.get(path)!.bytes), path).toBe(true);
}

describe('ingest on threads, with a cache', () => {
  it('writes what a cold run in one thread writes, and then only what a change touches', () => {
    const cache = join(dir, 'cache');
    const warm = join(dir, 'warm');
    const first = ingest(join(dir, 'seeds'), warm, '--workers', '2', '--cache', cache);
    expect(first).toMatch(/24 of 24 bulletins read \(0 from the cache\), 24 emitted, 2 worker threads/);
    const cold = join(dir, 'cold');
    ingest(join(dir, 'seeds'), cold, '--workers', '0', '--no-cache');
    const before = snapshot(warm);
    expectSameBytes(before, snapshot(cold));

    // Nothing changed: nothing read, emitted or written again.
    expect(ingest(join(dir, 'seeds'), warm, '--workers', '2', '--cache', cache)).toMatch(/0 written, \d+ unchanged, 0 removed; 0 of 24 bulletins read \(24 from the cache\), 0 emitted/);
    for (const [path, file] of snapshot(warm)) expect(file.mtimeMs, path).toBe(before.get(path)!.mtimeMs);

    // One bulletin changed: a sentence with a figure added at its end.
    const seeds = join(dir, 'seeds-changed');
    cpSync(join(dir, 'seeds'), seeds, { recursive: true });
    const name = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()[0]!;
    appendFileSync(join(seeds, name), '\n截至年底，全市定点医药机构共计1234家。\n');
    const changed = ingest(seeds, warm, '--workers', '2', '--cache', cache);
    expect(changed).toMatch(/1 of 24 bulletins read \(23 from the cache\), 1 emitted/);
    const after = snapshot(warm);
    const coldChanged = join(dir, 'cold-changed');
    ingest(seeds, coldChanged, '--workers', '0', '--no-cache');
    expectSameBytes(after, snapshot(coldChanged));
    const rewritten = [...after].filter(([path, file]) => file.mtimeMs !== before.get(path)?.mtimeMs).map(([path]) => path.split('\\').join('/'));
    expect(rewritten.filter((p) => p.startsWith('bulletins/'))).toHaveLength(2);
    expect(rewritten.length).toBeLessThan(after.size / 2);
  });

  it('reads a bulletin again when its cache entry is damaged', () => {
    const cache = join(dir, 'cache-damaged');
    ingest(join(dir, 'seeds'), join(dir, 'first'), '--workers', '0', '--cache', cache);
    const entries: string[] = [];
    const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.bin') && entries.push(join(d, e.name))));
    walk(join(cache, 'readings'));
    expect(entries).toHaveLength(24);
    writeFileSync(entries[0]!, 'not a reading');
    const out = join(dir, 'second');
    expect(ingest(join(dir, 'seeds'), out, '--workers', '0', '--cache', cache)).toMatch(/1 of 24 bulletins read \(23 from the cache\)/);
    expectSameBytes(snapshot(out), snapshot(join(dir, 'first')));
  });
});
