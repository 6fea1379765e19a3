/**
 * Which charts each page shows, decided once for the page and for what is built from the
 * same charts elsewhere: each chart's CSV download and the page's social-card image.
 */
import type { ChartSpec } from '../charts/spec.ts';
import { LANGS, useTranslations, type Lang } from '../i18n/i18n.ts';
import type { Region } from '../pipeline/schema.ts';
import { chartId, comparisonChart, fundChart, seriesChart, subregionChart } from './charts.ts';
import { chapterFacts, timeSeries } from './queries.ts';
import type { RegionYear, Yearbook } from './yearbook-types.ts';

/** A chapter's charts: the funds by scheme, the region's time series, its sub-regions side by side. */
export function chapterCharts(book: Yearbook, chapter: RegionYear, lang: Lang): ChartSpec[] {
  const region = chapter.region;
  const facts = chapterFacts(book, chapter);
  const charts: ChartSpec[] = [];
  const funds = fundChart(book, chapter, facts, lang);
  if (funds) charts.push(funds);
  const seriesIndicators = [...new Set(facts.filter((f) => f.region === region.code && f.indicator !== 'unclassified' && f.scope === null).map((f) => f.indicator))];
  // The active share is 100% minus the retiree share: one chart of the two is enough.
  for (const id of seriesIndicators.filter((id) => !(id === 'ratio.active_share' && seriesIndicators.includes('ratio.retiree_share')))) {
    const spec = seriesChart(book, region.code, id, lang);
    if (spec && spec.categories.length >= 3) charts.push(spec);
  }
  for (const id of [...new Set(facts.filter((f) => f.region !== region.code || (f.scope && /本级|城区/.test(f.scope))).map((f) => f.indicator))]) {
    const spec = id === 'unclassified' ? null : subregionChart(book, chapter, facts, id, lang);
    if (spec) charts.push(spec);
  }
  return charts;
}

/** The indicators a region states for its whole area, in the catalogue's topic order. */
export function regionIndicators(book: Yearbook, region: Region): string[] {
  const ids = [...new Set((book.factsByRegion.get(region.code) ?? []).filter((f) => f.indicator !== 'unclassified' && f.scope === null).map((f) => f.indicator))];
  const topicRank = (id: string) => book.topics.findIndex((tp) => tp.id === book.indicators.get(id)?.topic);
  return ids.sort((a, b) => topicRank(a) - topicRank(b) || a.localeCompare(b));
}

/** The indicators a region states in two or more years: its time series. */
export function regionSeriesIndicators(book: Yearbook, region: Region): string[] {
  return regionIndicators(book, region).filter((id) => timeSeries(book, region.code, id).length >= 2);
}

/** A region page's charts: one time series per indicator stated in two or more years. */
export function regionCharts(book: Yearbook, region: Region, lang: Lang): ChartSpec[] {
  return regionSeriesIndicators(book, region).flatMap((id) => seriesChart(book, region.code, id, lang, chartId('chart-series', id)) ?? []);
}

/** An indicator page's chart: the indicator across regions. */
export function indicatorCharts(book: Yearbook, indicator: string, lang: Lang): ChartSpec[] {
  return [comparisonChart(book, indicator, lang)].filter((c) => c !== null);
}

/** Regions that have chapters, each once. */
export function chapterRegions(book: Yearbook): Region[] {
  return [...new Map(book.chapters.map((c) => [c.region.code, c.region])).values()];
}

/** Indicators with at least one stated figure: the indicator pages. */
export function usedIndicators(book: Yearbook): string[] {
  return [...book.indicators.keys()].filter((id) => book.factsByIndicator.has(id));
}

export type PageCharts = { lang: Lang; /** After /{lang}/, as in pageUrl. */ path: string; title: string; charts: ChartSpec[] };

/**
 * Every page that shows charts, with its title (as its <h1>) and its charts, in both languages:
 * one page at a time (a national yearbook's charts are not held at once).
 */
export function* eachPageCharts(book: Yearbook): Generator<PageCharts> {
  for (const lang of LANGS) {
    const t = useTranslations(lang);
    const name = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
    // Charts are built as each page comes, not for every page first.
    const pages: Array<{ path: string; title: string; charts: () => ChartSpec[] }> = [
      ...book.chapters.map((c) => ({ path: `regions/${c.region.slug}/${c.year}/`, title: t('chapter.title', { region: name(c.region), year: c.year }), charts: () => chapterCharts(book, c, lang) })),
      ...chapterRegions(book).map((r) => ({ path: `regions/${r.slug}/`, title: name(r), charts: () => regionCharts(book, r, lang) })),
      ...usedIndicators(book).map((id) => ({ path: `indicators/${id}/`, title: name(book.indicators.get(id)!), charts: () => indicatorCharts(book, id, lang) })),
    ];
    for (const page of pages) {
      const charts = page.charts();
      if (charts.length > 0) yield { lang, path: page.path, title: page.title, charts };
    }
  }
}

/**
 * The social-card picture of a page: its main chart's card, or the language's plain card
 * (pagePath null).
 *
 * @example
 *   cardPath('en', 'regions/anyang/2022/') // 'og/en/regions/anyang/2022.png'
 *   cardPath('zh', null)                   // 'og/zh.png'
 */
export function cardPath(lang: Lang, pagePath: string | null): string {
  return pagePath ? `og/${lang}/${pagePath.replace(/\/$/, '')}.png` : `og/${lang}.png`;
}

/**
 * Where the data of a page's charts is published, beside the page in the data folder.
 *
 * @example
 *   chartCsvPath('en', 'regions/anyang/2022/') // 'data/charts/en/regions/anyang/2022.csv'
 */
export function chartCsvPath(lang: Lang, pagePath: string): string {
  return `data/charts/${lang}/${pagePath.replace(/\/$/, '')}.csv`;
}

/**
 * The name that file is saved under: one that says whose charts they are (its address ends in
 * just the year).
 *
 * @example
 *   chartCsvName('en', 'regions/anyang/2022/') // 'en-regions-anyang-2022-charts.csv'
 */
export function chartCsvName(lang: Lang, pagePath: string): string {
  return `${lang}-${pagePath.replace(/\/$/, '').replaceAll('/', '-')}-charts.csv`;
}

/** One indicator's figures across regions and years, as CSV. */
export function indicatorCsvPath(indicator: string): string {
  return `data/indicators/${indicator}.csv`;
}
