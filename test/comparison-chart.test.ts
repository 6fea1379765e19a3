/**
 * The comparison chart of an indicator across regions at national scale: regions that share an
 * English name (泰州 Jiangsu and 台州 Zhejiang are both Taizhou) get labels told apart by their
 * province, so the chart stays valid (its categories must not repeat).
 */
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../src/charts/svg.ts';
import { comparisonChart } from '../src/lib/charts.ts';
import { indexYearbook } from '../src/lib/yearbook-index.ts';
import type { Fact, Region } from '../src/pipeline/schema.ts';

const region = (code: string, name_zh: string, name_en: string, parent: string | null, level: Region['level']): Region => ({ code, name_zh, short_zh: name_zh, name_en, slug: `r${code}`, level, parent });
const fact = (region: string, value: number): Fact => ({
  id: `f-${region}`, bulletin: `b-${region}`, region, year: 2023, indicator: 'insured.total', value, unit: 'person', precision: 50, bound: 'exact', scope: null, scope_en: null, yoy: null, label: null, same_as: null,
  source: { file: 'x.txt', line: 1, stated: '1万人', block: 'text', context: null, quote: 'x' },
} as unknown as Fact);

const regions = [
  region('320000', '江苏省', 'Jiangsu', null, 'province'),
  region('330000', '浙江省', 'Zhejiang', null, 'province'),
  region('321200', '泰州市', 'Taizhou', '320000', 'prefecture'),
  region('331000', '台州市', 'Taizhou', '330000', 'prefecture'),
  region('320100', '南京市', 'Nanjing', '320000', 'prefecture'),
];
const book = indexYearbook({ facts: [fact('321200', 5e6), fact('331000', 6e6), fact('320100', 9e6)], regions, indicators: [{ id: 'insured.total', name_zh: '参保人数', name_en: 'Insured persons', unit: 'person' } as never], topics: [], findings: [], sources: [], edition: { date: null, basis: 'none' } });

describe('comparison chart labels', () => {
  it('tells regions with the same English name apart by their province, and leaves other names alone', () => {
    const spec = comparisonChart(book, 'insured.total', 'en')!;
    expect(spec.categories).toEqual(['Nanjing (2023)', 'Taizhou, Zhejiang (2023)', 'Taizhou, Jiangsu (2023)']);
    expect(() => renderChartSvg(spec)).not.toThrow();
  });

  it('keeps Chinese names, which differ, as they are', () => {
    expect(comparisonChart(book, 'insured.total', 'zh')!.categories).toEqual(['南京市 (2023)', '台州市 (2023)', '泰州市 (2023)']);
  });
});
