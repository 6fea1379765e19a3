import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSeeds, type IngestOutput } from '../src/pipeline/ingest.ts';
import type { ReportEntry } from '../src/pipeline/schema.ts';
import { loadPipelineData, projectRoot } from '../scripts/lib/load-data.ts';
import { badCorpus, GB_NAME, TRUNCATED_NAME } from './helpers/bad-corpus.ts';

const files = badCorpus();
const fixture = (name: string): string => readFileSync(join(projectRoot, 'test/fixtures/bad', name), 'utf8');

describe('ingestSeeds over a folder of bad inputs', () => {
  let out: IngestOutput;
  const entry = (name: string): ReportEntry => {
    const found = out.report.find((r) => r.file === name);
    if (!found) throw new Error(`no report entry for ${name}`);
    return found;
  };
  beforeAll(() => {
    out = ingestSeeds({ files, manifest: { bulletins: {} }, ...loadPipelineData() });
  });

  it('gives every file exactly one report entry, also in data/ingest-report.json', () => {
    expect(out.report.map((r) => r.file).sort()).toEqual(files.map((f) => f.name).sort());
    const written = JSON.parse(out.files.get('data/ingest-report.json')!) as { files: ReportEntry[] };
    expect(written.files.map((r) => r.file).sort()).toEqual(files.map((f) => f.name).sort());
  });

  it.each([
    ['empty.txt', /empty/, null],
    ['blank.txt', /empty|blank/, null],
    ['scan.png', /binary.*offset 8\b/, 3],
    ['no-region-2022-bulletin.txt', /no recognisable region/, null],
    ['kaifeng-2022-export.txt', /2[0-9]\.\d MB is more than a bulletin/, null],
  ])('rejects %s with a clear message', (name, message, line) => {
    const e = entry(name);
    expect(e.status).toBe('rejected');
    expect(e.bulletin).toBeNull();
    expect(e.facts).toBe(0);
    expect(e.problems).toEqual([{ line, message: expect.stringMatching(message) }]);
  });

  it('keeps one of two identical files and rejects the other as a duplicate naming the first', () => {
    const pair = ['xuchang-2022-bulletin.txt', 'zz-downloaded-again.txt'].map(entry);
    const rejected = pair.filter((e) => e.status === 'rejected');
    const kept = pair.filter((e) => e.status !== 'rejected');
    expect(rejected).toHaveLength(1);
    expect(kept).toHaveLength(1);
    expect(rejected[0]!.problems).toEqual([{ line: null, message: expect.stringContaining(`same content as ${kept[0]!.file}`) }]);
    expect(out.facts.filter((f) => f.source.file === rejected[0]!.file)).toEqual([]);
    expect(out.facts.filter((f) => f.source.file === kept[0]!.file && f.indicator === 'insured.total').map((f) => f.value)).toEqual([4421800]);
  });

  it('reads the GB18030 bulletin without a declaration and takes its figures', () => {
    const e = entry(GB_NAME);
    expect(e).toMatchObject({ status: 'used', encoding: 'gb18030', region: '410300', year: 2022, problems: [] });
    const insured = out.facts.filter((f) => f.source.file === GB_NAME && f.indicator === 'insured.total');
    expect(insured).toHaveLength(1);
    expect(insured[0]).toMatchObject({ value: 6553700, unit: 'person', region: '410300', year: 2022, source: { line: 5, stated: '655.37万人' } });
    const income = out.facts.filter((f) => f.source.file === GB_NAME && f.indicator === 'fund.total.income');
    expect(income.map((f) => [f.value, f.source.line])).toEqual([[7865000000, 9]]);
  });

  it('uses a truncated UTF-8 bulletin, reporting the truncation on its last line', () => {
    const e = entry(TRUNCATED_NAME);
    expect(e).toMatchObject({ status: 'partly-used', encoding: 'utf-8', region: '410700', year: 2022 });
    expect(e.problems).toContainEqual({ line: 5, message: expect.stringMatching(/truncated/) });
    expect(out.facts.filter((f) => f.source.file === TRUNCATED_NAME && f.indicator === 'insured.total').map((f) => f.value)).toEqual([5801200]);
  });

  it('keeps a bulletin with no figures as partly used, saying so', () => {
    const e = entry('pingdingshan-2022-plan.txt');
    expect(e).toMatchObject({ status: 'partly-used', region: '410400', year: 2022, facts: 0 });
    expect(e.problems).toContainEqual({ line: null, message: expect.stringMatching(/no figures/) });
    expect(out.files.has(`bulletins/zh/${e.bulletin}.mdx`)).toBe(true);
  });

  it('flags two bulletins of one city and year that disagree on 参保人数', () => {
    const a = entry('nanyang-2022-bulletin.txt');
    const b = entry('nanyang-2022-news.txt');
    expect(a.bulletin).not.toBeNull();
    expect(b.bulletin).not.toBeNull();
    expect(a.bulletin).not.toBe(b.bulletin);
    const ids = [`${a.bulletin}-L3-1`, `${b.bulletin}-L3-1`];
    const conflict = out.findings.filter((f) => f.check === 'two-sources' && f.indicator === 'insured.total' && f.region === '411300');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ status: 'fail', year: 2022 });
    expect([...conflict[0]!.facts].sort()).toEqual([...ids].sort());
    expect([conflict[0]!.expected, conflict[0]!.stated].sort()).toEqual([10125000, 10453200]);
    for (const e of [a, b]) expect(e.conflicts).toContainEqual({ line: 3, message: expect.stringMatching(/disagrees/) });
    const findings = JSON.parse(out.files.get('data/findings.json')!) as { findings: Array<{ check: string; status: string; facts: string[] }> };
    expect(findings.findings.some((f) => f.check === 'two-sources' && f.status === 'fail' && ids.every((id) => f.facts.includes(id)))).toBe(true);
  });

  it('takes the data year of a report from "截至2022年底" (as of the end of 2022) when nothing else names it', () => {
    expect(entry('zhoukou-2022-news.txt')).toMatchObject({ status: 'used', region: '411600', year: 2022 });
    expect(out.facts.filter((f) => f.source.file === 'zhoukou-2022-news.txt' && f.indicator === 'insured.total').map((f) => [f.value, f.year])).toEqual([[10126300, 2022]]);
  });

  it('goes on past the bad files: every readable bulletin with figures yields facts and pages', () => {
    for (const name of [GB_NAME, TRUNCATED_NAME, 'nanyang-2022-bulletin.txt', 'nanyang-2022-news.txt']) {
      const e = entry(name);
      expect(out.facts.some((f) => f.source.file === name), name).toBe(true);
      expect(out.files.has(`bulletins/zh/${e.bulletin}.mdx`), name).toBe(true);
      expect(out.files.has(`bulletins/en/${e.bulletin}.mdx`), name).toBe(true);
    }
    const written = JSON.parse(out.files.get('data/facts.json')!) as { facts: unknown[] };
    expect(written.facts).toHaveLength(out.facts.length);
  });
});

describe('scripts/ingest.ts on bad seeds folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'yearbook-bad-input-'));
  const good = fixture('luoyang-2022-bulletin.txt');
  const runIngest = (seeds: string, outDir: string, ...extra: string[]) =>
    spawnSync(process.execPath, ['scripts/ingest.ts', '--seeds', seeds, '--out', outDir, ...extra], { cwd: projectRoot, encoding: 'utf8' });
  const seedsWith = (name: string, entries: Record<string, string | Uint8Array>): string => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(entries)) writeFileSync(join(dir, file), content);
    return dir;
  };

  const outDir = join(root, 'content');
  let firstRun: ReturnType<typeof runIngest>;
  let factsBefore: Buffer;
  beforeAll(() => {
    firstRun = runIngest(seedsWith('good', { 'luoyang-2022-bulletin.txt': good }), outDir);
    factsBefore = readFileSync(join(outDir, 'data/facts.json'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('ingests a folder with one good bulletin: exit 0 and the content files written', () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    const facts = JSON.parse(factsBefore.toString('utf8')) as { facts: Array<{ indicator: string; value: number }> };
    expect(facts.facts.filter((f) => f.indicator === 'insured.total').map((f) => f.value)).toEqual([6553700]);
    const report = JSON.parse(readFileSync(join(outDir, 'data/ingest-report.json'), 'utf8')) as { files: ReportEntry[] };
    expect(report.files.map((r) => [r.file, r.status])).toEqual([['luoyang-2022-bulletin.txt', 'used']]);
    expect(existsSync(join(outDir, 'bulletins/zh/luoyang-2022-bulletin.mdx'))).toBe(true);
    expect(existsSync(join(outDir, 'bulletins/en/luoyang-2022-bulletin.mdx'))).toBe(true);
    expect(existsSync(join(outDir, '.ingest-tmp'))).toBe(false);
  });

  it.each([
    ['is not valid YAML (a tab indents a key)', 'bulletins:\n  luoyang-2022-bulletin.txt:\n    publisher: 洛阳市医疗保障局\n\tyear: 2022\n', 4, /tab/i],
    ['has an unknown field', '# Seeds for the CLI test.\nbulletins:\n  luoyang-2022-bulletin.txt:\n    publisher: 洛阳市医疗保障局\n    year: 2022\n    colour: blue\n', 6, /colour/],
  ])('stops when manifest.yaml %s, naming the file and line, and leaves the content as it was', (_name, manifest, line, what) => {
    const seeds = seedsWith(`manifest-${line}`, { 'luoyang-2022-bulletin.txt': good, 'manifest.yaml': manifest });
    const run = runIngest(seeds, outDir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`manifest\\.yaml:${line}\\b`));
    expect(run.stderr).toMatch(what);
    expect(readFileSync(join(outDir, 'data/facts.json')).equals(factsBefore)).toBe(true);
  });

  it('with --strict, fails on a folder holding a rejected file; without it, exits 0', () => {
    const seeds = seedsWith('strict', { 'luoyang-2022-bulletin.txt': good, 'empty.txt': new Uint8Array(0) });
    const lenient = runIngest(seeds, join(root, 'content-lenient'));
    expect(lenient.status, lenient.stderr).toBe(0);
    const strict = runIngest(seeds, join(root, 'content-strict'), '--strict');
    expect(strict.status).not.toBe(0);
    expect(strict.status).not.toBeNull();
    expect(strict.stderr).toMatch(/strict/);
  });
});
