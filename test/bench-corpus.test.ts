/**
 * The synthetic corpus of `npm run bench` (scripts/lib/bench/): generated in every layout and
 * encoding, it goes through the real pipeline (seeds folder and manifest read as the ingest
 * command reads them) with every bulletin used, its key figures extracted with their values
 * and changes on last year, every deliberate flaw reported as a failed check and no other
 * check failing; the same N and seed give the same bytes; at N = 3600 it covers every
 * province and prefecture over ten years.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSeeds, type IngestOutput } from '../src/pipeline/ingest.ts';
import { generateCorpus, type Corpus } from '../scripts/lib/bench/corpus.ts';
import { FLAWS, LAYOUTS } from '../scripts/lib/bench/layout.ts';
import { planCorpus } from '../scripts/lib/bench/plan.ts';
import { writeSeeds } from '../scripts/lib/bench/project.ts';
import { verifyIngest, type Verification } from '../scripts/lib/bench/verify.ts';
import { loadPipelineData, loadSeeds } from '../scripts/lib/load-data.ts';

const data = loadPipelineData();
// 40 bulletins: eight regions over 2019–2023, every layout, encoding and flaw.
const N = 40;
const SEED = 7;
let corpus: Corpus;
let out: IngestOutput;
let verified: Verification;
let dir: string;

beforeAll(() => {
  corpus = generateCorpus(N, SEED, data.gazetteer);
  dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  writeSeeds(dir, corpus.files);
  const seeds = loadSeeds(dir);
  out = ingestSeeds({ files: seeds.files, manifest: seeds.manifest, ...data });
  verified = verifyIngest(corpus, out);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the synthetic corpus', () => {
  it('holds N bulletins in every layout and encoding, with a manifest, and one flaw of each kind', () => {
    expect(corpus.bulletins).toHaveLength(N);
    expect(new Set(corpus.bulletins.map((b) => b.layout))).toEqual(new Set(LAYOUTS));
    expect(new Set(corpus.bulletins.map((b) => b.encoding))).toEqual(new Set(['utf-8', 'utf-8-bom-crlf', 'gb18030']));
    expect(new Set(corpus.bulletins.flatMap((b) => (b.flaw ? [b.flaw] : [])))).toEqual(new Set(FLAWS));
    expect(corpus.files.map((f) => f.name)).toContain('manifest.yaml');
  });

  it('is the same bytes for the same N and seed, and other bytes for another seed', () => {
    const again = generateCorpus(N, SEED, data.gazetteer);
    expect(again.sha256).toBe(corpus.sha256);
    expect(again.files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(corpus.files.map((f) => Buffer.from(f.bytes).toString('base64')));
    expect(generateCorpus(N, SEED + 1, data.gazetteer).sha256).not.toBe(corpus.sha256);
  });

  it('has every bulletin used and identified as generated (region, data year, kind)', () => {
    expect(verified.misread).toEqual([]);
    expect(verified.used).toBe(N);
  });

  it('has the key figures of every bulletin extracted with their values and changes', () => {
    const expected = corpus.bulletins.reduce((n, b) => n + b.facts.length, 0);
    expect(expected).toBeGreaterThan(N * 20);
    expect(verified.missing.map((m) => `${m.file}: ${m.fact.indicator} ${m.fact.value} ${JSON.stringify(m.fact.yoy)} — found ${m.found.join(' | ')}`)).toEqual([]);
  });

  it('has the figures of tables and chart data for sub-regions and past years', () => {
    const subRegional = corpus.bulletins.flatMap((b) => b.facts.filter((f) => f.region !== b.region));
    const pastYears = corpus.bulletins.flatMap((b) => b.facts.filter((f) => f.year < b.year));
    expect(subRegional.length).toBeGreaterThan(0);
    expect(pastYears.length).toBeGreaterThan(0);
  });

  it('reports every deliberate flaw as a failed check, and fails no other check', () => {
    expect(corpus.flaws.length).toBeGreaterThanOrEqual(FLAWS.length);
    expect(verified.flawsMissed).toEqual([]);
    expect(verified.unexpected.map((f) => `${f.id}: ${f.message_en}`)).toEqual([]);
    const checks = new Set(out.findings.filter((f) => f.status === 'fail').map((f) => f.check));
    expect(checks).toEqual(new Set(['parts-sum', 'balance-identity', 'yoy', 'subregion-sum']));
  });

  it('passes the checks of figures stated in two bulletins and of changes on last year', () => {
    const passed = (check: string) => out.findings.filter((f) => f.check === check && f.status === 'pass').length;
    expect(passed('yoy')).toBeGreaterThan(N);
    expect(passed('two-sources')).toBeGreaterThan(0);
    expect(passed('subregion-sum')).toBeGreaterThan(0);
  });
});

describe('the plan at scale', () => {
  it('covers all 31 provinces and 333 prefectures over 2014–2023 at N = 3600', () => {
    const plan = planCorpus(3600, 1, data.gazetteer);
    expect(plan.bulletins).toHaveLength(3600);
    expect(plan.regions.filter((r) => r.level === 'province')).toHaveLength(31);
    expect(plan.regions.filter((r) => r.level === 'prefecture')).toHaveLength(333);
    expect([plan.firstYear, plan.lastYear]).toEqual([2014, 2023]);
    expect(new Set(plan.bulletins.map((b) => `${b.region.code}|${b.year}`)).size).toBe(3600);
  });

  it('refuses more bulletins than regions × ten years', () => {
    expect(() => planCorpus(3641, 1, data.gazetteer)).toThrow(/from 1 to 3640/);
  });
});
