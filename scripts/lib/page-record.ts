/**
 * What the last run wrote for each bulletin's pages: the key of everything the pages were made
 * from, and the size and modification time each file had once written. A bulletin whose key is
 * the same and whose files are still as written need not be emitted again; anything else (a
 * changed fact, translation or pipeline, a file edited or deleted by hand) is rebuilt.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EmitJob, Emitted } from '../../src/pipeline/ingest.ts';

type FileState = { size: number; mtimeMs: number };
type Entry = { key: string; english: Emitted['english']; files: Record<string, FileState> };

export function pageKey(version: string, readingKey: string, job: EmitJob): string {
  return createHash('sha256').update(`${version}\n${readingKey}\n${JSON.stringify(job)}`).digest('hex');
}

export class PageRecord {
  private readonly path: string;
  private readonly outDir: string;
  private readonly previous: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};

  constructor(path: string, outDir: string) {
    this.path = path;
    this.outDir = outDir;
    let previous: Record<string, Entry> = {};
    try {
      previous = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Entry>;
    } catch {
      // No record yet, or an unreadable one: every page is emitted.
    }
    this.previous = previous;
  }

  /** The English coverage recorded for pages that are current, or null when they must be emitted. */
  current(bulletin: string, key: string, paths: string[]): Emitted['english'] | null {
    const entry = this.previous[bulletin];
    if (!entry || entry.key !== key) return null;
    for (const path of paths) {
      const was = entry.files[path];
      const now = stat(join(this.outDir, path));
      if (!was || !now || now.size !== was.size || now.mtimeMs !== was.mtimeMs) return null;
    }
    return entry.english;
  }

  /** Notes pages as they now are on disk (after writing). */
  note(bulletin: string, key: string, english: Emitted['english'], paths: string[]): void {
    const files: Record<string, FileState> = {};
    for (const path of paths) {
      const now = stat(join(this.outDir, path));
      if (now) files[path] = now;
    }
    this.next[bulletin] = { key, english, files };
  }

  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.next));
    renameSync(temp, this.path);
  }
}

function stat(path: string): FileState | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}
