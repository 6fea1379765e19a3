/**
 * What pages compute from the data: chart specs built from facts, derived measures, and the
 * number formats of each language. Runs on the ingested seeds (content/data).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartSpecSchema } from '../src/charts/spec.ts';
import { comparisonChart, fundChart, seriesChart, subregionChart } from '../src/lib/charts.ts';
import { deriveMeasures } from '../src/lib/derived.ts';
import { chapterFacts, headlineFact } from '../src/lib/queries.ts';
import { indexYearbook } from '../src/lib/yearbook-index.ts';
import type { Yearbook } from '../src/lib/yearbook-types.ts';
import { formatFigure } from '../src/pipeline/format.ts';
import { ingestSeeds } from '../src/pipeline/ingest.ts';
import { loadPipelineData, loadSeeds, projectRoot } from '../scripts/lib/load-data.ts';

let book: Yearbook;
beforeAll(() => {
  const { files, manifest } = loadSeeds(join(projectRoot, 'seeds'));
  const out = ingestSeeds({ files, manifest, ...loadPipelineData() });
  const json = (path: string) => JSON.parse(out.files.get(path)!);
  book = indexYearbook({
    facts: json('data/facts.json').facts,
    regions: json('data/regions.json').regions,
    indicators: json('data/indicators.json').indicators,
    topics: json('data/indicators.json').topics,
    findings: json('data/findings.json').findings,
    sources: json('data/bulletins.json').bulletins,
    edition: { date: '2026-01-02', basis: 'SOURCE_DATE_EPOCH' },
  });
});

const chapter = (slug: string, year: number) => book.chapters.find((c) => c.region.slug === slug && c.year === year)!;

describe('chart specs from facts', () => {
  it('puts the Anyang 2022 fund figures by scheme, each value linked to its fact', () => {
    const c = chapter('anyang', 2022);
    const spec = fundChart(book, c, chapterFacts(book, c), 'en')!;
    expect(ChartSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.categories).toEqual(['Employee insurance', 'Resident insurance']);
    // 246678.71万元 and 464088.68万元 (bulletin line 21 and 23)
    expect(spec.series[0]!.points.map((p) => p.value)).toEqual([2466787100, 4640886800]);
    for (const p of spec.series.flatMap((s) => s.points)) expect(book.factById.get(p.fact!)!.value).toBe(p.value);
  });

  it('draws Zhuzhou employee enrollment 2013–2022 from the chart data at the end of the report', () => {
    const spec = seriesChart(book, '430200', 'insured.employee', 'zh')!;
    expect(spec.kind).toBe('line');
    expect(spec.categories[0]).toBe('2013');
    expect(spec.categories.at(-1)).toBe('2022');
    expect(spec.series[0]!.points[0]!.value).toBe(546609);
    expect(spec.title).toContain('株洲市');
  });

  it('lists Zhuzhou counties with their English names, and the city pool', () => {
    const c = chapter('zhuzhou', 2022);
    const spec = subregionChart(book, c, chapterFacts(book, c), 'insured.resident', 'en')!;
    expect(spec.categories).toEqual(expect.arrayContaining(['City-level pool', 'Liling', 'You County']));
    expect(spec.series[0]!.points.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(2918115);
  });

  it('compares one indicator across regions, one latest figure each', () => {
    const spec = comparisonChart(book, 'insured.total', 'zh')!;
    expect(spec.categories).toHaveLength(new Set(spec.categories).size);
    expect(spec.categories.length).toBeGreaterThanOrEqual(3);
  });

  it('returns no chart where there is nothing to compare', () => {
    expect(seriesChart(book, '150000', 'fund.total.income', 'en')).toBeNull();
  });
});

describe('derived measures', () => {
  it('computes fund income per insured person from figures of the same bulletin', () => {
    const d = deriveMeasures(book).find((m) => m.id === 'income_per_insured' && m.region === '410500' && m.year === 2022)!;
    // 7107673900 元 / 5567300 人
    expect(d.value).toBeCloseTo(1276.68, 2);
    expect(d.facts).toHaveLength(2);
  });

  it('does not combine figures of different scopes', () => {
    const anyang2021 = deriveMeasures(book).filter((m) => m.region === '410500' && m.year === 2021 && m.id === 'income_per_insured');
    // 2021 income is for the whole city, enrollment excludes 滑县
    expect(anyang2021).toEqual([]);
  });

  it('uses a headline figure that is the first whole-region statement', () => {
    expect(headlineFact(book, '410500', 2021, 'insured.total')).toBeNull();
    expect(headlineFact(book, '410500', 2022, 'insured.total')!.value).toBe(5567300);
  });
});

describe('figures in each language', () => {
  it.each([
    [5567300, 'person', 'zh', '556.73万人'],
    [5567300, 'person', 'en', '5.57 million people'],
    [7107673900, 'yuan', 'zh', '71.08亿元'],
    [7107673900, 'yuan', 'en', 'CNY 7.11 billion'],
    [96, 'percent', 'en', '96%'],
    [19, 'month', 'zh', '19个月'],
    [105458, 'person', 'en', '105,458 people'],
  ] as const)('%d %s in %s → %s', (value, unit, lang, expected) => {
    expect(formatFigure(value, unit, lang)).toBe(expected);
  });
});
