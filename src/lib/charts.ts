/**
 * Chart specs built from facts: the figures of a chapter by scheme, time series of a region,
 * sub-regions side by side, and one indicator across regions. Every value keeps its fact id.
 */
import type { ChartSpec } from '../charts/spec.ts';
import { ChartSpecSchema } from '../charts/spec.ts';
import type { Fact, Unit } from '../pipeline/schema.ts';
import type { Lang, Translate } from '../i18n/i18n.ts';
import { perYearbook } from './memo.ts';
import { childRegions, timeSeries } from './queries.ts';
import type { RegionYear, Yearbook } from './yearbook-types.ts';


const UNIT_LABELS: Record<Lang, Record<Unit, string>> = {
  zh: { person: '人', person_time: '人次', yuan: '元', percent: '%', count: '个', month: '个月' },
  en: { person: 'people', person_time: 'person-times', yuan: 'CNY', percent: '%', count: 'number', month: 'months' },
};

/** An element id for a chart about an indicator: "fund.resident.months_covered" → "chart-fund-resident-months-covered". */
export function chartId(prefix: string, indicator: string): string {
  return `${prefix}-${indicator.replace(/[._]/g, '-')}`;
}

function regionName(book: Yearbook, code: string, lang: Lang): string {
  const r = book.regions.get(code);
  return r ? (lang === 'zh' ? r.name_zh : r.name_en) : code;
}

function indicatorName(book: Yearbook, id: string, lang: Lang): string {
  const i = book.indicators.get(id);
  return i ? (lang === 'zh' ? i.name_zh : i.name_en) : id;
}

function sourceLine(book: Yearbook, facts: Fact[], lang: Lang): string {
  const files = [...new Set(facts.map((f) => f.bulletin))];
  const titles = files.map((b) => book.sourceByBulletin.get(b)).map((s) => (s ? (lang === 'zh' ? (s.source_title ?? s.title_zh) : s.title_en) : ''));
  return `${lang === 'zh' ? '来源：' : 'Source: '}${titles.join(lang === 'zh' ? '；' : '; ')}`;
}

/** The first whole-region statement of an indicator among a chapter's facts. */
export function chapterFact(facts: Fact[], region: string, year: number, indicator: string): Fact | null {
  return facts.find((f) => f.region === region && f.year === year && f.indicator === indicator && f.scope === null && f.same_as === null) ?? null;
}

/** Income, expenditure and balance of the employee and resident funds, side by side. */
export function fundChart(book: Yearbook, chapter: RegionYear, facts: Fact[], lang: Lang): ChartSpec | null {
  const schemes = ['employee', 'resident'] as const;
  const measures = ['income', 'expenditure', 'balance'] as const;
  const categories = lang === 'zh' ? ['职工医保', '居民医保'] : ['Employee insurance', 'Resident insurance'];
  const series = measures.map((m) => ({
    name: { zh: { income: '收入', expenditure: '支出', balance: '累计结存' }, en: { income: 'Income', expenditure: 'Expenditure', balance: 'Accumulated balance' } }[lang][m],
    points: schemes.map((s, k) => {
      const f = chapterFact(facts, chapter.region.code, chapter.year, `fund.${s}.${m}`);
      return { label: categories[k]!, value: f?.value ?? null, fact: f?.id ?? null };
    }),
  }));
  const used = series.flatMap((s) => s.points).filter((p) => p.fact);
  if (used.length < 2) return null;
  const region = regionName(book, chapter.region.code, lang);
  return ChartSpecSchema.parse({
    id: 'chart-funds',
    lang,
    kind: 'bar',
    title: lang === 'zh' ? `${region}${chapter.year}年医保基金收支` : `${region}, ${chapter.year}: insurance fund income, expenditure and balance`,
    unit: 'yuan',
    unitLabel: UNIT_LABELS[lang].yuan,
    categories,
    series,
    source: sourceLine(book, used.map((p) => book.factById.get(p.fact!)!), lang),
    description:
      lang === 'zh'
        ? `职工医保与城乡居民医保基金的收入、支出和年末累计结存（元），${region}，${chapter.year}年。`
        : `Income, expenditure and year-end accumulated balance of the employee and resident insurance funds (CNY), ${region}, ${chapter.year}.`,
  });
}

/** Every stated year of one indicator in a region, as a line (two years or more). */
export function seriesChart(book: Yearbook, region: string, indicator: string, lang: Lang, id = chartId('chart', indicator)): ChartSpec | null {
  // The same on each of the region's chapters and its region page: built once.
  return perYearbook(book, 'seriesChart', `${region}|${indicator}|${lang}|${id}`, () => buildSeriesChart(book, region, indicator, lang, id));
}

function buildSeriesChart(book: Yearbook, region: string, indicator: string, lang: Lang, id: string): ChartSpec | null {
  const points = timeSeries(book, region, indicator);
  if (points.length < 2) return null;
  const unit = points[0]!.fact.unit;
  const name = indicatorName(book, indicator, lang);
  const place = regionName(book, region, lang);
  const first = points[0]!.year;
  const last = points[points.length - 1]!.year;
  return ChartSpecSchema.parse({
    id,
    lang,
    kind: 'line',
    title: lang === 'zh' ? `${place}${name}，${first}—${last}年` : `${name}, ${place}, ${first}–${last}`,
    unit,
    unitLabel: UNIT_LABELS[lang][unit],
    categories: points.map((p) => String(p.year)),
    series: [{ name, points: points.map((p) => ({ label: String(p.year), value: p.fact.value, fact: p.fact.id })) }],
    source: sourceLine(book, points.map((p) => p.fact), lang),
    description:
      lang === 'zh'
        ? `${place}${name}逐年数字，${first}年至${last}年，共${points.length}年。`
        : `${name} in ${place} for each year stated, ${first} to ${last} (${points.length} years).`,
  });
}

/** Counties and districts (and the city's own pool) for one indicator in a chapter year. */
export function subregionChart(book: Yearbook, chapter: RegionYear, facts: Fact[], indicator: string, lang: Lang): ChartSpec | null {
  const children = childRegions(book, chapter.region.code);
  const parts = facts.filter((f) => f.indicator === indicator && f.year === chapter.year && (children.some((c) => c.code === f.region) || (f.region === chapter.region.code && f.scope !== null && /本级|城区/.test(f.scope))));
  const unique = [...new Map(parts.map((f) => [`${f.region}|${f.scope}`, f])).values()];
  // Two areas out of many is a gap in the table, not a comparison.
  if (unique.length < 3) return null;
  const label = (f: Fact) => (f.region === chapter.region.code ? (lang === 'zh' ? f.scope! : f.scope === '城区' ? 'Urban districts' : 'City-level pool') : regionName(book, f.region, lang));
  const unit = unique[0]!.unit;
  const name = indicatorName(book, indicator, lang);
  const place = regionName(book, chapter.region.code, lang);
  return ChartSpecSchema.parse({
    id: chartId('chart-areas', indicator),
    lang,
    kind: 'bar',
    title: lang === 'zh' ? `${place}各县市区${name}，${chapter.year}年` : `${name} by county and district, ${place}, ${chapter.year}`,
    unit,
    unitLabel: UNIT_LABELS[lang][unit],
    categories: unique.map(label),
    series: [{ name, points: unique.map((f) => ({ label: label(f), value: f.value, fact: f.id })) }],
    source: sourceLine(book, unique, lang),
    description:
      lang === 'zh'
        ? `${place}所辖各县市区的${name}，${chapter.year}年，按公报所列。`
        : `${name} in each county and district of ${place} as the bulletin lists them, ${chapter.year}.`,
  });
}

/**
 * Category labels of a comparison, "Name (year)": two regions may share a name (泰州 and 台州
 * are both Taizhou in English), so a repeated name is told apart by its parent region, and by
 * its code if that is not enough.
 */
function comparisonLabels(book: Yearbook, facts: Fact[], lang: Lang): (f: Fact) => string {
  const count = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  const plain = (f: Fact) => regionName(book, f.region, lang);
  const withParent = (f: Fact) => {
    const parent = book.regions.get(f.region)?.parent;
    return parent ? `${plain(f)}${lang === 'zh' ? '（' : ', '}${regionName(book, parent, lang)}${lang === 'zh' ? '）' : ''}` : plain(f);
  };
  const plainCount = count(facts.map(plain));
  const parentCount = count(facts.map(withParent));
  const name = (f: Fact) => (plainCount.get(plain(f))! === 1 ? plain(f) : parentCount.get(withParent(f))! === 1 ? withParent(f) : `${withParent(f)} ${f.region}`);
  return (f) => `${name(f)} (${f.year})`;
}

/** One indicator across regions: the latest whole-region figure of each. */
export function comparisonChart(book: Yearbook, indicator: string, lang: Lang): ChartSpec | null {
  const latest = new Map<string, Fact>();
  for (const f of book.factsByIndicator.get(indicator) ?? []) {
    if (f.scope !== null || f.same_as !== null) continue;
    const region = book.regions.get(f.region);
    if (!region || region.level === 'county') continue;
    const current = latest.get(f.region);
    if (!current || f.year > current.year) latest.set(f.region, f);
  }
  const facts = [...latest.values()].sort((a, b) => b.value - a.value);
  if (facts.length < 2) return null;
  const unit = facts[0]!.unit;
  const name = indicatorName(book, indicator, lang);
  const label = comparisonLabels(book, facts, lang);
  return ChartSpecSchema.parse({
    id: 'chart-comparison',
    lang,
    kind: 'bar',
    title: lang === 'zh' ? `${name}：各地区最新数字` : `${name}: latest figure of each region`,
    unit,
    unitLabel: UNIT_LABELS[lang][unit],
    categories: facts.map(label),
    series: [{ name, points: facts.map((f) => ({ label: label(f), value: f.value, fact: f.id })) }],
    source: sourceLine(book, facts, lang),
    description:
      lang === 'zh'
        ? `${facts.length}个地区的${name}，各取公报所列最近一年，年份不同、口径可能不同，比较时请注意。`
        : `${name} in ${facts.length} regions, each from its latest bulletin; years and scopes differ, so compare with care.`,
  });
}

/** The words around a chart, in the page language. */
export function chartLabels(t: Translate, spec: ChartSpec) {
  return {
    table: t('chart.table'),
    source: t('chart.source'),
    category: spec.kind === 'line' ? t('chart.year') : t('chart.category'),
    unit: t('chart.unit'),
    noData: t('chart.noData'),
  };
}
