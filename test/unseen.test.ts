/**
 * Bulletins the pipeline was not built on (test/fixtures/unseen: other regions, years,
 * encodings and layouts of the same family, see EXPECTED.md there). Their backbone figures
 * were written down with the texts, and the pipeline must find each of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { ingestSeeds, type IngestOutput } from '../src/pipeline/ingest.ts';
import { codeNodes, parseMdx } from './helpers/mdx.ts';
import { loadPipelineData, projectRoot } from '../scripts/lib/load-data.ts';

type Expected = {
  region: string;
  year: number;
  kind: string;
  facts: Array<{ indicator: string; region?: string; year?: number; value: number; unit: string; bound: string; scope: string | null; yoy: { pct: number | null; abs: number | null } | null; phrase: string }>;
  inconsistencies?: string[];
};

const dir = join(projectRoot, 'test/fixtures/unseen');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
let out: IngestOutput;

beforeAll(() => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  out = ingestSeeds({ files, manifest: { bulletins: {} }, ...loadPipelineData() });
});

describe.each(Object.entries(expected))('%s', (file, exp) => {
  const entry = () => out.report.find((r) => r.file === file)!;

  it('is identified from its own text (no manifest)', () => {
    expect(entry()).toMatchObject({ status: 'used', region: exp.region, year: exp.year, kind: exp.kind });
  });

  it.each(exp.facts.map((f) => [`${f.indicator} = ${f.value}`, f] as const))('states %s', (_name, e) => {
    const found = out.facts.filter(
      (f) =>
        f.bulletin === entry().bulletin &&
        f.indicator === e.indicator &&
        f.region === (e.region ?? exp.region) &&
        f.year === (e.year ?? exp.year) &&
        f.scope === e.scope &&
        f.value === e.value,
    );
    expect(found, e.phrase).not.toHaveLength(0);
    expect(found[0]).toMatchObject({ unit: e.unit, bound: e.bound, yoy: e.yoy });
  });
});

describe('deliberate inconsistencies', () => {
  it('finds the Guangdong enrollment parts that do not add up to the total', () => {
    const bulletin = out.report.find((r) => r.file === 'guangdong-2022-bulletin.txt')!.bulletin!;
    const ids = new Set(out.facts.filter((f) => f.bulletin === bulletin).map((f) => f.id));
    const finding = out.findings.find((f) => f.check === 'parts-sum' && f.indicator === 'insured.total' && ids.has(f.facts[0]!));
    expect(finding).toMatchObject({ status: 'fail', expected: 110205700, stated: 110255700 });
  });

  it('finds the Changde county table adding up to its total row', () => {
    const sums = out.findings.filter((f) => f.check === 'subregion-sum' && f.region === '430700');
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((f) => f.status === 'pass')).toBe(true);
  });
});

describe('hostile text', () => {
  it('keeps markup and MDX syntax from a bulletin as literal text in both languages', () => {
    const slug = out.report.find((r) => r.file === 'hostile-2022-bulletin.txt')!.bulletin!;
    const zh = out.files.get(`bulletins/zh/${slug}.mdx`)!;
    const en = out.files.get(`bulletins/en/${slug}.mdx`)!;
    for (const mdx of [zh, en]) {
      const tree = parseMdx(mdx);
      expect(codeNodes(tree)).toEqual([]);
      const text = toString(tree);
      for (const literal of ['<script>document.write("统计口径说明")</script>', '<b>453.68万人</b>', 'import x from "y"', 'export const a = 1', '{value}', '`312.6万人`', '# 数据来源']) {
        expect(text).toContain(literal);
      }
    }
  });
});
