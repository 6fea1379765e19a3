/**
 * Same seeds, same bytes: two runs of the ingest command write identical content folders,
 * and nothing in them depends on the clock or the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../scripts/lib/load-data.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function ingestInto(): Map<string, Buffer> {
  const out = mkdtempSync(join(tmpdir(), 'yearbook-content-'));
  dirs.push(out);
  const run = spawnSync(process.execPath, [join(projectRoot, 'scripts/ingest.ts'), '--seeds', join(projectRoot, 'seeds'), '--out', out], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(out, path), readFileSync(path));
    }
  };
  walk(out);
  return files;
}

describe('ingest output', () => {
  it('is byte-identical across two runs', () => {
    const first = ingestInto();
    const second = ingestInto();
    expect([...first.keys()].sort()).toEqual([...second.keys()].sort());
    expect(first.size).toBeGreaterThan(10);
    for (const [path, bytes] of first) expect(bytes.equals(second.get(path)!), path).toBe(true);
  });

  it('writes the facts CSV as UTF-8 with a byte-order mark for spreadsheets', () => {
    const files = ingestInto();
    const csv = files.get(join('data', 'facts.csv'))!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const facts = JSON.parse(files.get(join('data', 'facts.json'))!.toString('utf8')).facts as unknown[];
    expect(csv.toString('utf8').trimEnd().split('\r\n')).toHaveLength(facts.length + 1);
  });
});
