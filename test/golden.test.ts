/**
 * Golden facts per seed bulletin (test/golden/*.yaml, written by reading the bulletins):
 * every listed figure must come out with its value, unit, bound, scope, year-on-year change,
 * line and sentence, and the listed checks must reach the listed result.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../src/pipeline/clean.ts';
import { decodeBulletin } from '../src/pipeline/decode.ts';
import { ingestSeeds, type IngestOutput } from '../src/pipeline/ingest.ts';
import { loadPipelineData, loadSeeds, projectRoot } from '../scripts/lib/load-data.ts';

type GoldenFact = {
  indicator: string;
  region?: string;
  year?: number;
  value: number;
  unit: string;
  bound?: string;
  scope?: string | null;
  yoy?: { pct: number | null; abs: number | null } | null;
  line: number;
  quote: string;
};
type GoldenFinding = { check: string; indicator: string; status: string; year?: number; expected?: number; stated?: number };
type Golden = { file: string; region: string; year: number; kind: string; only_lines?: number[]; facts: GoldenFact[]; findings: GoldenFinding[] };

const goldenDir = join(projectRoot, 'test/golden');
const goldens: Golden[] = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(goldenDir, f), 'utf8')) as Golden);

let out: IngestOutput;
beforeAll(() => {
  const { files, manifest } = loadSeeds(join(projectRoot, 'seeds'));
  out = ingestSeeds({ files, manifest, ...loadPipelineData() });
});

describe.each(goldens.map((g) => [g.file, g] as const))('%s', (_file, golden) => {
  const entry = () => out.report.find((r) => r.file === golden.file)!;
  const facts = () => out.facts.filter((f) => f.bulletin === entry().bulletin);

  it('is identified as the bulletin it is', () => {
    expect(entry()).toMatchObject({ status: 'used', region: golden.region, year: golden.year, kind: golden.kind });
  });

  it.each(golden.facts.map((g) => [`${g.indicator} ${g.region ?? ''} ${g.year ?? ''} = ${g.value}`, g] as const))('states %s', (_name, g) => {
    const matches = facts().filter(
      (f) =>
        f.indicator === g.indicator &&
        f.region === (g.region ?? golden.region) &&
        f.year === (g.year ?? golden.year) &&
        f.value === g.value &&
        f.source.line === g.line,
    );
    expect(matches, `no ${g.indicator} = ${g.value} on line ${g.line}`).not.toHaveLength(0);
    const fact = matches[0]!;
    expect(fact.unit).toBe(g.unit);
    expect(fact.bound).toBe(g.bound ?? 'exact');
    expect(fact.scope).toBe(g.scope ?? null);
    expect(fact.yoy).toEqual(g.yoy ?? null);
    expect(fact.source.quote).toContain(g.quote);
  });

  it.each((golden.findings ?? []).map((g) => [`${g.check} ${g.indicator} → ${g.status}`, g] as const))('checks %s', (_name, g) => {
    const found = out.findings.filter(
      (f) => f.check === g.check && f.indicator === g.indicator && f.region === golden.region && f.year === (g.year ?? golden.year) && f.facts.some((id) => facts().some((x) => x.id === id)),
    );
    expect(found.map((f) => f.status)).toContain(g.status);
    if (g.expected !== undefined) expect(found.find((f) => f.status === g.status)).toMatchObject({ expected: g.expected, stated: g.stated });
  });

  it('quotes every fact from its own cleaned source line', () => {
    const decoded = decodeBulletin(new Uint8Array(readFileSync(join(projectRoot, 'seeds', golden.file))));
    if (!decoded.ok) throw new Error(decoded.reason);
    const lines = cleanText(decoded.text).lines;
    for (const f of facts()) {
      const texts = lines.filter((l) => l.line === f.source.line).map((l) => l.text);
      expect(texts.some((t) => t.includes(f.source.quote)), `${f.id}: ${f.source.quote}`).toBe(true);
      expect(f.source.quote, f.id).toContain(f.source.stated.replace(/(万元|亿元|元|万人|人|个月|%)$/, '').replace(/^'/, '').split(/[万亿]/)[0]);
    }
    if (golden.only_lines) expect(new Set(facts().map((f) => f.source.line))).toEqual(new Set(golden.only_lines));
  });

  it('marks every fact once, around its own figure, in the Chinese MDX', () => {
    const zh = out.files.get(`bulletins/zh/${entry().bulletin}.mdx`)!;
    const marked = [...zh.matchAll(/<Fig id="([^"]+)"(?: cell)?>([^<]*)<\/Fig>/g)].map((m) => [m[1], m[2]] as const);
    expect(marked.map(([id]) => id).sort()).toEqual(facts().map((f) => f.id).sort());
    const byId = new Map(facts().map((f) => [f.id, f]));
    for (const [id, text] of marked) {
      const fact = byId.get(id!)!;
      // In prose the figure is marked as stated; in tables and chart data, the cell as written.
      expect(text!.replace(/\\/g, ''), id).toBe(fact.source.block === 'text' ? fact.source.stated : fact.source.quote);
    }
  });
});
