import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Region } from '../src/pipeline/schema.ts';


// Read rather than import so the test checks the committed file byte-for-byte
// as the site will consume it.
const raw = readFileSync(new URL('../src/data/gazetteer.json', import.meta.url), 'utf8');
const { regions } = JSON.parse(raw) as { regions: Region[] };
const byCode = new Map(regions.map((r) => [r.code, r]));

function get(code: string): Region {
  const r = byCode.get(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
}

describe('gazetteer file format', () => {
  it('is 2-space JSON with a trailing newline, sorted by code', () => {
    expect(raw).toBe(JSON.stringify({ regions }, null, 2) + '\n');
    const codes = regions.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('gazetteer invariants', () => {
  it('has unique six-digit codes', () => {
    for (const r of regions) expect(r.code, r.name_zh).toMatch(/^\d{6}$/);
    expect(byCode.size).toBe(regions.length);
  });

  it('has unique kebab-case ASCII slugs', () => {
    for (const r of regions) expect(r.slug, r.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(regions.map((r) => r.slug)).size).toBe(regions.length);
  });

  it('has a parent for every non-national entry, one level up', () => {
    const up = { province: ['national'], prefecture: ['province'], county: ['prefecture', 'province'] } as const;
    for (const r of regions) {
      if (r.level === 'national') {
        expect(r.parent).toBeNull();
        continue;
      }
      expect(r.parent, r.code).not.toBeNull();
      const parent = byCode.get(r.parent!);
      expect(parent, `${r.code} parent ${r.parent}`).toBeDefined();
      expect(up[r.level] as readonly string[], r.code).toContain(parent!.level);
    }
  });

  it('codes follow the level pattern', () => {
    for (const r of regions) {
      if (r.level === 'province') expect(r.code, r.name_zh).toMatch(/^\d{2}0000$/);
      if (r.level === 'prefecture') expect(r.code, r.name_zh).toMatch(/^\d{4}00$/);
      if (r.level === 'county') expect(r.code.slice(0, 2) + '0000', r.name_zh).toBe(r.parent!.slice(0, 2) + '0000');
    }
  });

  it('never shortens a name to a single character', () => {
    for (const r of regions) expect([...r.short_zh].length, r.name_zh).toBeGreaterThanOrEqual(2);
  });

  it('has exactly one national entry and 31 provinces', () => {
    expect(regions.filter((r) => r.level === 'national')).toHaveLength(1);
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(31);
  });
});

describe('known entries', () => {
  const cases: Array<[string, Partial<Region>]> = [
    ['000000', { name_zh: '全国', short_zh: '全国', name_en: 'China (national)', slug: 'china', level: 'national', parent: null }],
    ['150000', { name_zh: '内蒙古自治区', short_zh: '内蒙古', name_en: 'Inner Mongolia', slug: 'inner-mongolia', level: 'province', parent: '000000' }],
    ['450000', { short_zh: '广西', name_en: 'Guangxi' }],
    ['540000', { short_zh: '西藏', name_en: 'Tibet' }],
    ['650000', { short_zh: '新疆', name_en: 'Xinjiang', slug: 'xinjiang' }],
    ['410500', { name_zh: '安阳市', short_zh: '安阳', name_en: 'Anyang', slug: 'anyang', level: 'prefecture', parent: '410000' }],
    ['411700', { name_zh: '驻马店市', short_zh: '驻马店', name_en: 'Zhumadian', slug: 'zhumadian', level: 'prefecture', parent: '410000' }],
    ['430200', { name_zh: '株洲市', short_zh: '株洲', name_en: 'Zhuzhou', slug: 'zhuzhou', level: 'prefecture', parent: '430000' }],
    ['410526', { name_zh: '滑县', short_zh: '滑县', name_en: 'Hua County', slug: 'hua-county', level: 'county', parent: '410500' }],
    ['222400', { short_zh: '延边', name_en: 'Yanbian' }],
    ['152200', { short_zh: '兴安', name_en: 'Hinggan', slug: 'hinggan' }],
    ['341500', { short_zh: '六安', name_en: "Lu'an", slug: 'lu-an' }],
    ['230700', { name_en: 'Yichun', slug: 'yichun-heilongjiang' }],
    ['360900', { name_en: 'Yichun', slug: 'yichun-jiangxi' }],
  ];
  it.each(cases)('%s', (code, expected) => {
    expect(get(code)).toMatchObject(expected);
  });
});

describe('Zhuzhou (430200) children', () => {
  const children: Array<[string, string, Partial<Region>]> = [
    ['430202', '荷塘区', {}],
    ['430203', '芦淞区', {}],
    ['430204', '石峰区', {}],
    ['430211', '天元区', {}],
    ['430212', '渌口区', { former: ['株洲县'] }],
    ['430223', '攸县', { short_zh: '攸县', name_en: 'You County', slug: 'you-county' }],
    ['430224', '茶陵县', { short_zh: '茶陵' }],
    ['430225', '炎陵县', { short_zh: '炎陵' }],
    ['430281', '醴陵市', { short_zh: '醴陵', name_en: 'Liling' }],
  ];
  it('has exactly these nine children', () => {
    const actual = regions.filter((r) => r.parent === '430200').map((r) => [r.code, r.name_zh]);
    expect(actual).toEqual(children.map(([code, name]) => [code, name]));
  });
  it.each(children)('%s %s', (code, name_zh, expected) => {
    expect(get(code)).toMatchObject({ name_zh, level: 'county', parent: '430200', ...expected });
  });
  it('only renamed units carry "former"', () => {
    expect(get('430211').former).toBeUndefined();
  });
});

describe('municipalities', () => {
  it.each(['110000', '120000', '310000', '500000'])('%s has districts directly under it and no placeholder prefecture', (code) => {
    const prefix = code.slice(0, 2);
    expect(regions.filter((r) => r.level === 'prefecture' && r.code.startsWith(prefix))).toHaveLength(0);
    const districts = regions.filter((r) => r.level === 'county' && r.code.startsWith(prefix));
    expect(districts.length).toBeGreaterThan(0);
    for (const d of districts) expect(d.parent, d.name_zh).toBe(code);
  });
  it.each([
    ['110101', '东城区'],
    ['110105', '朝阳区'],
    ['110108', '海淀区'],
  ])('Beijing district %s %s', (code, name_zh) => {
    expect(get(code)).toMatchObject({ name_zh, parent: '110000', level: 'county' });
  });
});
