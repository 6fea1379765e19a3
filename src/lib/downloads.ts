/**
 * The files of the site that are data rather than pages, as paths under dist/ and their text:
 * the whole yearbook's data files as ingest wrote them, one CSV per indicator, each chapter's
 * facts as CSV and JSON, each page's chart data as CSV and the SVG of its social card
 * (scripts/render-cards.ts draws it as the PNG pages name). scripts/write-downloads.ts writes
 * them after Astro; see there why Astro does not.
 */
import { join } from 'node:path';
import { chartCardSvg, plainCardSvg } from '../charts/card.ts';
import { LANGS, useTranslations } from '../i18n/i18n.ts';
import { factsToCsv } from '../pipeline/emit-data.ts';
import type { Fact } from '../pipeline/schema.ts';
import { chartsCsv } from './chart-csv.ts';
import { cardPath, chartCsvPath, eachPageCharts, indicatorCsvPath, usedIndicators } from './page-charts.ts';
import { chapterFacts } from './queries.ts';
import type { Yearbook } from './yearbook-types.ts';

/** What a download is made of: text, or a file of content/data published as it is. */
export type Download = { path: string; text: string } | { path: string; copyOf: string };

/** The content/data files published whole (described in datapackage.json). */
const PUBLISHED_AS_WRITTEN = ['facts.json', 'facts.csv', 'findings.json', 'regions.json', 'indicators.json'];

function factsCsv(book: Yearbook, facts: Fact[]): string {
  return factsToCsv(facts, book.regions, book.indicators);
}

/**
 * Every download of the site, one after another (a national yearbook has some 23,000: they
 * are made as they are written, not held at once).
 *
 * @example
 *   [...downloads(book, 'content/data')].map((d) => d.path) // ['data/facts.json', …, 'data/indicators/coverage.rate.csv', …, 'og/en.svg']
 */
export function* downloads(book: Yearbook, contentDataDir: string): Generator<Download> {
  // Tens of megabytes for the whole country: not worth writing a second time.
  for (const file of PUBLISHED_AS_WRITTEN) yield { path: `data/${file}`, copyOf: join(contentDataDir, file) };
  for (const id of usedIndicators(book)) yield { path: indicatorCsvPath(id), text: factsCsv(book, book.factsByIndicator.get(id) ?? []) };
  for (const chapter of book.chapters) {
    const facts = chapterFacts(book, chapter);
    const base = `data/regions/${chapter.region.slug}/${chapter.year}`;
    yield { path: `${base}.csv`, text: factsCsv(book, facts) };
    yield { path: `${base}.json`, text: `${JSON.stringify({ facts }, null, 2)}\n` };
  }
  for (const page of eachPageCharts(book)) {
    const t = useTranslations(page.lang);
    yield { path: chartCsvPath(page.lang, page.path), text: chartsCsv(page.charts) };
    yield { path: svgOf(cardPath(page.lang, page.path)), text: chartCardSvg(page.charts[0]!, { site: t('site.name'), title: page.title }) };
  }
  for (const lang of LANGS) {
    const t = useTranslations(lang);
    yield { path: svgOf(cardPath(lang, null)), text: plainCardSvg(lang, { title: t('site.name'), tagline: t('site.description') }) };
  }
}

function svgOf(pngPath: string): string {
  return pngPath.replace(/\.png$/, '.svg');
}
