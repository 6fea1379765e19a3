/**
 * The pieces behind citing and sharing: suggested citations, the edition date, JSON-LD that
 * source text cannot break out of, chart CSVs that spreadsheets cannot run, and social cards
 * that keep text as text.
 */
import { describe, expect, it } from 'vitest';
import { chartCardSvg, plainCardSvg } from '../src/charts/card.ts';
import type { ChartSpec } from '../src/charts/spec.ts';
import { chartsCsv } from '../src/lib/chart-csv.ts';
import { citation, citationText } from '../src/lib/citation.ts';
import { dataset, jsonLdText } from '../src/lib/structured-data.ts';
import type { BulletinRecord, Region } from '../src/pipeline/schema.ts';
import { editionDate } from '../scripts/lib/edition-date.ts';
import { parseCsv } from './site/helpers.ts';

const bulletin = (over: Partial<BulletinRecord> = {}): BulletinRecord => ({
  bulletin: 'anyang-2022-bulletin', source_title: '2022年安阳市医疗保障事业发展统计快报', region: '410500', region_slug: 'anyang', year: 2022, kind: 'bulletin', volume: null,
  published: '2023-03-09', publisher: '安阳市医疗保障局', origin: null, source_file: 'anyang-2022-bulletin.txt', sha256: 'ab'.repeat(32), facts: 30,
  title_zh: '安阳市2022年医疗保障统计公报', title_en: 'Anyang 2022 healthcare security bulletin', english: { pieces: 26, translated: 26, title: 'Preliminary Statistical Bulletin on Healthcare Security in Anyang, 2022' },
  ...over,
});
const anyang: Region = { code: '410500', slug: 'anyang', name_zh: '安阳市', name_en: 'Anyang', level: 'prefecture', parent: '410000' } as Region;

describe('suggested citations', () => {
  const input = { title: '安阳市2022年', url: 'https://yearbook.example.org/zh/regions/anyang/2022/', sources: [bulletin()], accessed: '2026-11-23' };

  it('follows GB/T 7714 for electronic databases in Chinese: [DB/OL], (update)[access date], address, sources', () => {
    expect(citationText(citation('zh', { site: '医疗保障统计年鉴', ...input }))).toBe(
      '医疗保障统计年鉴. 安阳市2022年[DB/OL]. (2026-11-23)[2026-11-23]. https://yearbook.example.org/zh/regions/anyang/2022/. 数据来源：安阳市医疗保障局《2022年安阳市医疗保障事业发展统计快报》（2023-03-09）。',
    );
  });

  it('names the yearbook, page, bulletin, address and access date in English, the publisher kept in Chinese and marked', () => {
    const parts = citation('en', { site: 'Healthcare Security Statistical Yearbook', ...input, title: 'Anyang, 2022', url: 'https://yearbook.example.org/en/regions/anyang/2022/' });
    expect(citationText(parts)).toBe(
      'Healthcare Security Statistical Yearbook. “Anyang, 2022” [data set]. Based on: 安阳市医疗保障局, Preliminary Statistical Bulletin on Healthcare Security in Anyang, 2022 (published 9 March 2023). https://yearbook.example.org/en/regions/anyang/2022/ (accessed 23 November 2026).',
    );
    expect(parts.filter((p) => typeof p !== 'string')).toEqual([{ zh: '安阳市医疗保障局' }]);
  });

  it('names at most three bulletins and counts the rest; leaves out dates it does not have', () => {
    const many = [1, 2, 3, 4, 5].map((i) => bulletin({ bulletin: `b${i}`, publisher: null, published: null }));
    const en = citationText(citation('en', { site: 'Y', title: 'T', url: 'https://x/', sources: many, accessed: null }));
    expect(en).toContain('; and 2 more bulletins. ');
    expect(en).not.toContain('accessed');
    expect(en).not.toContain('published');
    const zh = citationText(citation('zh', { site: '年鉴', title: 'T', url: 'https://x/', sources: many, accessed: null }));
    expect(zh).toContain('等5份公报');
    expect(zh).not.toMatch(/\[\d{4}/);
  });
});

describe('edition date', () => {
  it('takes SOURCE_DATE_EPOCH first, then the commit time, then the newest publication date', () => {
    expect(editionDate({ sourceDateEpoch: '1700000000', commitEpoch: 1600000000, published: ['2023-01-01'] })).toEqual({ date: '2023-11-14', basis: 'SOURCE_DATE_EPOCH' });
    expect(editionDate({ sourceDateEpoch: undefined, commitEpoch: 1600000000, published: ['2023-01-01'] })).toEqual({ date: '2020-09-13', basis: 'commit' });
    expect(editionDate({ sourceDateEpoch: '', commitEpoch: null, published: [null, '2023-02-20', '2022-03-09'] })).toEqual({ date: '2023-02-20', basis: 'sources' });
    expect(editionDate({ sourceDateEpoch: undefined, commitEpoch: null, published: [null] })).toEqual({ date: null, basis: 'none' });
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds, saying what it got', () => {
    expect(() => editionDate({ sourceDateEpoch: '2026-11-23', commitEpoch: null, published: [] })).toThrow(/SOURCE_DATE_EPOCH.*"2026-11-23"/);
  });
});

describe('JSON-LD', () => {
  it('cannot be closed or commented out by text from a bulletin', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028';
    const text = jsonLdText({ name: hostile });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: hostile });
  });

  it('describes a dataset with a description long enough for dataset search, in Chinese too', () => {
    const d = dataset({
      lang: 'zh', name: '门诊人次', description: '门诊就诊人次。', url: 'https://x/zh/indicators/a/', site: '医疗保障统计年鉴', variables: [{ name: '门诊人次', unit: '人次' }],
      years: [2022, 2021, 2022], places: [anyang], sources: [bulletin()], downloads: [{ url: 'https://x/data/a.csv', format: 'text/csv' }], modified: '2026-11-23',
    });
    expect((d.description as string).length).toBeGreaterThanOrEqual(50);
    expect(d.temporalCoverage).toBe('2021/2022');
    expect(d.spatialCoverage).toEqual([{ '@type': 'Place', name: '安阳市', identifier: '410500' }]);
    expect(d.dateModified).toBe('2026-11-23');
  });
});

const spec: ChartSpec = {
  id: 'chart-x', lang: 'en', kind: 'bar', title: 'Funds <by> scheme & year', unit: 'yuan', unitLabel: 'CNY', categories: ['=SUM(A1)', 'Resident, rural'],
  series: [{ name: '+Income', points: [{ label: '=SUM(A1)', value: 100, fact: 'f-1' }, { label: 'Resident, rural', value: null, fact: null }] }],
  source: 'Source: x', description: 'A chart.',
};

describe('chart CSV', () => {
  it('has one row per point of every chart of the page, naming its chart, with the value in base units and its fact, and defuses spreadsheet formulas', () => {
    const line: ChartSpec = { ...spec, id: 'chart-y', kind: 'line', title: 'Insured', unit: 'person', categories: ['2021', '2022'], series: [{ name: 'All', points: [{ label: '2021', value: 5, fact: 'f-2' }, { label: '2022', value: 6, fact: 'f-3' }] }] };
    const text = chartsCsv([spec, line]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['chart_id', 'chart', 'category', 'series', 'value', 'unit', 'fact_id'],
      ['chart-x', 'Funds <by> scheme & year', "'=SUM(A1)", "'+Income", '100', 'yuan', 'f-1'],
      ['chart-x', 'Funds <by> scheme & year', 'Resident, rural', "'+Income", '', 'yuan', ''],
      ['chart-y', 'Insured', '2021', 'All', '5', 'person', 'f-2'],
      ['chart-y', 'Insured', '2022', 'All', '6', 'person', 'f-3'],
    ]);
  });
});

describe('social cards', () => {
  it('keep titles as text: markup in a title is escaped, not drawn as SVG', () => {
    const svg = chartCardSvg(spec, { site: 'Yearbook', title: '<script>x</script> & co' });
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(svg).toContain('Funds &lt;by&gt; scheme &amp; year');
    expect(svg).not.toContain('<script');
    expect(svg.match(/<svg /g)?.length).toBe(2);
  });

  it('wrap a long plain-card text into lines instead of cutting it', () => {
    const svg = plainCardSvg('en', { title: 'Healthcare Security Statistical Yearbook', tagline: 'Figures from Chinese healthcare security bulletins, each traced to its source, checked and published in Chinese and English.' });
    const lines = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('Healthcare Security Statistical Yearbook Figures from Chinese healthcare security bulletins, each traced to its source, checked and published in Chinese and English.');
    expect(lines.length).toBeGreaterThan(2);
  });
});
