/**
 * The search records of built pages kept between builds (node_modules/.cache/yearbook-search/),
 * one file per page keyed by a hash of everything the record is made from: the page's HTML, its
 * place and region names, and the source of the code that cuts passages and terms. A rebuild
 * after a few pages changed parses only those; the rest is read back. Files no page used in a
 * build are removed at its end, so the cache holds one site's records.
 *
 * A cache file is written under another name first and renamed: it is whole or absent.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class RecordCache<T> {
  private readonly used = new Set<string>();
  private readonly dir: string;
  private readonly version: string;
  hits = 0;

  /** `sources`: the files whose code shapes a record; any change to them starts afresh. */
  constructor(dir: string, sources: readonly string[]) {
    this.dir = dir;
    const h = createHash('sha256');
    for (const file of sources) h.update(file).update('\0').update(readFileSync(file)).update('\0');
    this.version = h.digest('hex');
    mkdirSync(dir, { recursive: true });
  }

  /** The key of a record made from these parts (the page's bytes among them). */
  key(parts: ReadonlyArray<string | Uint8Array>): string {
    const h = createHash('sha256').update(this.version);
    for (const p of parts) h.update(typeof p === 'string' ? `${p.length}:${p}` : p).update('\0');
    return h.digest('hex').slice(0, 40);
  }

  /** The record kept under `key`, or undefined if there is none. */
  get(key: string): T | undefined {
    this.used.add(key);
    try {
      const value = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: T): void {
    this.used.add(key);
    const file = join(this.dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  }

  /** Removes what this build did not use; returns how many files went. */
  prune(): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      if (this.used.has(name.replace(/\.json$/, ''))) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}
