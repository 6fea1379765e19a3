/**
 * Which files differ between two folders, byte for byte: how the benchmark checks that an
 * incremental build wrote what a build from scratch writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesUnder(dir: string, include: (rel: string) => boolean): Set<string> {
  return new Set(
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .filter(include),
  );
}

/**
 * The files (relative paths) whose bytes differ, or that only one folder has, among those
 * `include` accepts; and how many were compared.
 *
 * @example
 *   treeDifferences('dist-a', 'dist-b', (rel) => !rel.startsWith('pagefind/')) // { compared: 8006, differing: [] }
 */
export function treeDifferences(a: string, b: string, include: (rel: string) => boolean): { compared: number; differing: string[] } {
  const left = filesUnder(a, include);
  const right = filesUnder(b, include);
  const differing: string[] = [];
  for (const rel of new Set([...left, ...right])) {
    if (!left.has(rel) || !right.has(rel) || !readFileSync(join(a, rel)).equals(readFileSync(join(b, rel)))) differing.push(rel);
  }
  return { compared: left.size, differing: differing.sort() };
}
