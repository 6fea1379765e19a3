import { describe, expect, it } from 'vitest';
import zh from '../src/i18n/zh.json';
import en from '../src/i18n/en.json';
import { htmlLang, isLang, LANGS, useTranslations } from '../src/i18n/i18n.ts';
import { formatDate, formatNumber } from '../src/i18n/format.ts';
import { hasHan, splitHan } from '../src/i18n/mark.ts';
import { indicatorAnchor, loadGlossary, sortTerms, termAnchor } from '../src/i18n/glossary.ts';
import { assetUrl, normalizeBase, otherLang, pageUrl, rootUrl, urlsFor } from '../src/lib/urls.ts';

const files: Record<string, Record<string, string>> = { zh, en };

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const zhKeys = Object.keys(zh).sort();
    const enKeys = Object.keys(en).sort();
    expect(zhKeys.filter((k) => !(k in en)), 'in zh.json only').toEqual([]);
    expect(enKeys.filter((k) => !(k in zh)), 'in en.json only').toEqual([]);
    expect(zhKeys).toEqual(enKeys);
  });

  it.each(Object.keys(files))('%s.json is flat, with no empty values', (lang) => {
    for (const [key, value] of Object.entries(files[lang]!)) {
      expect(typeof value, key).toBe('string');
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) {
      expect(vars((zh as Record<string, string>)[key]!), key).toEqual(vars((en as Record<string, string>)[key]!));
    }
  });

  it('keep Chinese out of English values (pages mark Chinese with lang="zh-Hans" themselves)', () => {
    for (const [key, value] of Object.entries(en)) expect(hasHan(value), key).toBe(false);
  });
});

describe('useTranslations', () => {
  it('returns the string of each language', () => {
    expect(useTranslations('zh')('nav.home')).toBe('首页');
    expect(useTranslations('en')('nav.home')).toBe('Home');
    expect(useTranslations('zh')('site.name')).toBe('医疗保障统计年鉴');
    expect(useTranslations('en')('site.name')).toBe('Healthcare Security Statistical Yearbook');
  });

  it('interpolates {{n}} without escaping (Astro escapes)', () => {
    expect(useTranslations('en')('about.counts.used', { n: 5 })).toBe('5 used in full');
    expect(useTranslations('zh')('about.counts.used', { n: 5 })).toBe('完整使用5个');
    expect(useTranslations('en')('about.counts.used', { n: '<b>' })).toBe('<b> used in full');
  });

  it('formats numbers marked ", number" through Intl', () => {
    expect(useTranslations('en')('about.sources.caption', { n: 12345 })).toBe('Source files (12,345)');
    expect(useTranslations('zh')('about.sources.caption', { n: 12345 })).toBe('来源文件（12,345个）');
  });

  it('throws on a missing key, naming the key and the language', () => {
    expect(() => useTranslations('en')('nav.nowhere')).toThrow('missing i18n key "nav.nowhere" for en');
    expect(() => useTranslations('zh')('nav.nowhere')).toThrow('missing i18n key "nav.nowhere" for zh');
    // No fallback to nested lookups or the other language.
    expect(() => useTranslations('en')('nav')).toThrow(/missing i18n key "nav"/);
  });

  it('throws on a placeholder left without a value', () => {
    expect(() => useTranslations('en')('about.counts.used')).toThrow(/missing i18n variable "n"/);
  });

  it('knows its languages', () => {
    expect(LANGS).toEqual(['zh', 'en']);
    expect(isLang('zh')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
    expect(htmlLang('zh')).toBe('zh-Hans');
    expect(htmlLang('en')).toBe('en');
  });
});

describe('urls (base "/")', () => {
  it.each([
    ['zh', undefined, '/zh/'],
    ['en', undefined, '/en/'],
    ['zh', '', '/zh/'],
    ['en', 'glossary/', '/en/glossary/'],
    ['en', 'glossary', '/en/glossary/'],
    ['zh', '/about/', '/zh/about/'],
    ['zh', 'regions/anyang/2022/', '/zh/regions/anyang/2022/'],
    ['en', 'regions/anyang/2022', '/en/regions/anyang/2022/'],
    ['en', 'glossary/#term-pooled-fund', '/en/glossary/#term-pooled-fund'],
    ['en', 'glossary#term-pooled-fund', '/en/glossary/#term-pooled-fund'],
  ] as const)('pageUrl(%s, %j) → %s', (lang, path, expected) => {
    expect(path === undefined ? pageUrl(lang) : pageUrl(lang, path)).toBe(expected);
  });

  it.each([
    ['zh', 'en'],
    ['en', 'zh'],
  ] as const)('otherLang(%s) → %s', (lang, expected) => {
    expect(otherLang(lang)).toBe(expected);
  });

  it.each([
    ['data/facts.csv', '/data/facts.csv'],
    ['/data/facts.json', '/data/facts.json'],
  ])('assetUrl(%s) → %s', (path, expected) => {
    expect(assetUrl(path)).toBe(expected);
  });

  it('points x-default at the root', () => {
    expect(rootUrl()).toBe('/');
  });
});

describe('urls on a sub-path', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/yearbook', '/yearbook/'],
    ['/yearbook/', '/yearbook/'],
    ['yearbook//', '/yearbook/'],
    ['/a/b/', '/a/b/'],
  ])('normalizeBase(%j) → %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it('joins with exactly one slash', () => {
    const urls = urlsFor('/yearbook');
    expect(urls.pageUrl('zh')).toBe('/yearbook/zh/');
    expect(urls.pageUrl('en', '/indicators/insured.total')).toBe('/yearbook/en/indicators/insured.total/');
    expect(urls.assetUrl('/data/facts.csv')).toBe('/yearbook/data/facts.csv');
  });
});

describe('Intl formatting', () => {
  it('formats numbers and dates per language', () => {
    expect(formatNumber('en', 5567300)).toBe('5,567,300');
    expect(formatNumber('zh', 2022, { useGrouping: false })).toBe('2022');
    expect(formatDate('en', '2022-03-09')).toBe('9 March 2022');
    expect(formatDate('zh', '2022-03-09')).toBe('2022年3月9日');
    expect(() => formatDate('en', '2022/03/09')).toThrow();
  });
});

describe('splitHan', () => {
  it('finds the Chinese runs in English text', () => {
    expect(splitHan('region 安阳市 (410500): named 30 times')).toEqual([
      { text: 'region ', zh: false },
      { text: '安阳市', zh: true },
      { text: ' (410500): named 30 times', zh: false },
    ]);
    expect(splitHan('title 2022年安阳市医疗保障事业发展统计快报')).toEqual([
      { text: 'title ', zh: false },
      { text: '2022年安阳市医疗保障事业发展统计快报', zh: true },
    ]);
    expect(splitHan('no Chinese “here”')).toEqual([{ text: 'no Chinese “here”', zh: false }]);
    expect(splitHan('')).toEqual([]);
  });
});

describe('glossary', () => {
  const { terms } = loadGlossary();

  it('has at least 30 terms, each in both languages', () => {
    expect(terms.length).toBeGreaterThanOrEqual(30);
    for (const term of terms) {
      expect(hasHan(term.zh), term.id).toBe(true);
      expect(hasHan(term.en), term.id).toBe(false);
      expect(hasHan(term.def_en), term.id).toBe(false);
    }
  });

  it('uses the official English for the key terms', () => {
    const en = new Map(terms.map((t) => [t.zh, t.en]));
    expect(en.get('国家医疗保障局')).toBe('National Healthcare Security Administration');
    expect(en.get('职工基本医疗保险')).toBe('Employee Basic Medical Insurance');
    expect(en.get('城乡居民基本医疗保险')).toBe('Urban and Rural Resident Basic Medical Insurance');
    expect(en.get('统筹基金')).toBe('pooled fund');
    expect(en.get('集中带量采购')).toBe('volume-based procurement');
    expect(en.get('跨省异地就医直接结算')).toBe('direct settlement of inter-provincial medical expenses');
  });

  it('sorts by pinyin in Chinese and alphabetically in English', () => {
    const zhOrder = sortTerms(terms, 'zh').map((t) => t.zh);
    expect(zhOrder.indexOf('参保率')).toBeLessThan(zhOrder.indexOf('统筹基金'));
    // 长期 is read cháng qī: before 城乡 (cheng), not among the zh- words.
    expect(zhOrder.indexOf('长期护理保险')).toBeLessThan(zhOrder.indexOf('城乡居民基本医疗保险'));
    const enOrder = sortTerms(terms, 'en').map((t) => t.en);
    expect(enOrder.indexOf('accumulated balance')).toBeLessThan(enOrder.indexOf('pooled fund'));
  });

  it('builds anchors', () => {
    expect(termAnchor('pooled-fund')).toBe('term-pooled-fund');
    expect(indicatorAnchor('insured.employee.active')).toBe('indicator-insured-employee-active');
  });
});
