/**
 * Writes generated content the way incremental builds downstream want it: a file whose bytes
 * are unchanged is not touched (it keeps its modification time), a changed one is written
 * aside and renamed into place (a reader never sees half a file), and files of the generated
 * folders that the run no longer makes are removed. Everything is computed before the first
 * write, so a run that fails leaves the content as it was.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type WriteResult = { written: string[]; unchanged: number; removed: string[] };

/**
 * @param files paths relative to `outDir` → their bytes (or text, written as UTF-8)
 * @param kept paths this run also makes but did not rebuild (known to be current on disk)
 * @param folders the generated folders, in which anything else is removed
 */
export function writeContent(outDir: string, files: Map<string, Uint8Array | string>, kept: Set<string>, folders: string[]): WriteResult {
  const result: WriteResult = { written: [], unchanged: 0, removed: [] };
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const target = join(outDir, path);
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    if (sameBytes(target, bytes)) {
      result.unchanged++;
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.ingest-tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
    result.written.push(path);
  }
  const made = (path: string) => files.has(path) || kept.has(path);
  for (const folder of folders) {
    for (const path of listFiles(join(outDir, folder))) {
      const rel = relative(outDir, path).split(sep).join('/');
      if (made(rel)) continue;
      rmSync(path, { force: true });
      result.removed.push(rel);
    }
  }
  // Staging folders of earlier versions of the command, if a run of one was cut short.
  for (const old of ['.ingest-tmp', '.ingest-old']) rmSync(join(outDir, old), { recursive: true, force: true });
  return result;
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  try {
    if (statSync(path).size !== bytes.length) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).equals(readFileSync(path));
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
