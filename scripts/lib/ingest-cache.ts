/**
 * Readings of bulletins kept between ingest runs, so that a run re-reads only the bulletins
 * that changed. A reading depends on nothing but the file's bytes, its manifest entry and the
 * pipeline (src/pipeline/read-bulletin.ts), so its key hashes exactly those: the bytes' sha256,
 * the manifest entry, and a version made of the pipeline's sources, its data files, the
 * locked dependencies and the Node version. Entries are V8-serialised, which keeps every value
 * as it was (undefined, NaN, -0 and key order, which JSON would not).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ManifestEntry } from '../../src/pipeline/manifest.ts';

/** Files whose content decides what the pipeline makes of a bulletin and its pages. */
export function pipelineVersion(root: string): string {
  const hash = createHash('sha256').update(`${process.version}\n`);
  const sources = (dir: string) => readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts')).sort().map((n) => join(dir, n));
  // The lock file pins the serialiser and parsers; a copy of the project without one falls back
  // on package.json.
  const lock = existsSync(join(root, 'package-lock.json')) ? 'package-lock.json' : 'package.json';
  for (const path of [...sources('src/pipeline'), ...sources('src/i18n'), 'src/data/indicators.yaml', 'src/data/gazetteer.json', lock]) {
    hash.update(`${path}\n`).update(readFileSync(join(root, path))).update('\n');
  }
  return hash.digest('hex');
}

export function readingKey(version: string, sha256: string, manifest: ManifestEntry): string {
  return createHash('sha256').update(`${version}\n${sha256}\n${JSON.stringify(manifest)}`).digest('hex');
}

/** A folder of entries by key; a missing or unreadable entry is a miss, never an error. */
export class EntryCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  get<T>(key: string): T | undefined {
    try {
      // An entry names its key: a damaged or misplaced file is a miss.
      const entry = deserialize(readFileSync(this.path(key))) as { key?: unknown; value?: T } | null;
      return entry?.key === key ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    // Written aside and renamed: a reader on another thread never sees half an entry.
    const temp = `${this.path(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, serialize({ key, value }));
    renameSync(temp, this.path(key));
  }

  /** Removes every entry whose key is not in `keep` (left from bulletins or versions gone). */
  prune(keep: Set<string>): void {
    let shards: string[];
    try {
      shards = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of readdirSync(join(this.dir, shard))) {
        if (!keep.has(name.replace(/\.bin$/, ''))) rmSync(join(this.dir, shard, name), { force: true });
      }
    }
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.bin`);
  }
}
