/**
 * node scripts/lib/bench/chart-stage.ts <project> [cards] [pages] — the static charts of a
 * built corpus, in process: loads the project's content/data as the pages do (indexYearbook),
 * builds the chart specs of every page with the site's own src/lib/page-charts.ts (chapter,
 * region and indicator pages, both languages), renders each to SVG (src/charts/svg.ts) and
 * serialises it for the live chart, each step timed on its own. Then draws the social-card
 * PNG (src/charts/card.ts, scripts/lib/card-png.ts) of a sample of pages, to give the time per
 * card. With [pages] > 0, only that many pages (spread over the list) are built and the rest
 * is extrapolated page for page (marked "sampled"). Prints one JSON line (Node start-up
 * excluded). Run it from a scratch folder: the card cache goes to ./node_modules/.cache,
 * which must not be the project's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowSiteImports } from '../site-imports.ts';

allowSiteImports();

const { renderChartSvg } = await import('../../../src/charts/svg.ts');
const { chartSpecJson } = await import('../../../src/charts/validate.ts');
const { chartCardSvg } = await import('../../../src/charts/card.ts');
const { cardFontFor, cardLang, cardPng, cardText } = await import('../card-png.ts');
const { chapterCharts, chapterRegions, indicatorCharts, regionCharts, usedIndicators } = await import('../../../src/lib/page-charts.ts');
const { indexYearbook } = await import('../../../src/lib/yearbook-index.ts');
const { readYearbookData } = await import('../../../src/lib/yearbook-data.ts');
const { LANGS, useTranslations } = await import('../../../src/i18n/i18n.ts');
type ChartSpec = import('../../../src/charts/spec.ts').ChartSpec;

const project = process.argv[2] ?? process.cwd();
const cardSample = Number(process.argv[3] ?? 10);
const pageSample = Number(process.argv[4] ?? 0);
const t0 = performance.now();
// The data as the pages read it (src/lib/yearbook.ts).
const book = indexYearbook(readYearbookData(join(project, 'content/data')));
const loadMs = performance.now() - t0;

type Kind = 'chapter' | 'region' | 'indicator';
type Page = { kind: Kind; title: string; lang: 'zh' | 'en'; build: () => ChartSpec[] };
const all: Page[] = LANGS.flatMap((lang) => [
  ...book.chapters.map((chapter) => ({ kind: 'chapter' as const, lang, title: `${chapter.region.name_zh} ${chapter.year}`, build: () => chapterCharts(book, chapter, lang) })),
  ...chapterRegions(book).map((region) => ({ kind: 'region' as const, lang, title: region.name_zh, build: () => regionCharts(book, region, lang) })),
  ...usedIndicators(book).map((id) => ({ kind: 'indicator' as const, lang, title: id, build: () => indicatorCharts(book, id, lang) })),
]);
const spread = <T>(items: T[], k: number): T[] => (k <= 0 || k >= items.length ? items : [...Array(k).keys()].map((i) => items[Math.floor((i * items.length) / k)]!));
// A sample keeps each kind of page in proportion (at least one of each).
const kinds: Kind[] = ['chapter', 'region', 'indicator'];
const chosen = kinds.flatMap((kind) => {
  const list = all.filter((p) => p.kind === kind);
  return spread(list, pageSample > 0 ? Math.max(1, Math.round((pageSample * list.length) / all.length)) : 0);
});
const specMs: Record<Kind, number> = { chapter: 0, region: 0, indicator: 0 };
const built: Array<Page & { charts: ChartSpec[] }> = [];
for (const page of chosen) {
  const start = performance.now();
  built.push({ ...page, charts: page.build() });
  specMs[page.kind] += performance.now() - start;
}
// Per kind of page: how many pages each built page stands for.
const weight = Object.fromEntries(kinds.map((k) => [k, all.filter((p) => p.kind === k).length / Math.max(1, built.filter((p) => p.kind === k).length)])) as Record<Kind, number>;
const specs = built.flatMap((p) => p.charts.map((spec) => ({ spec, weight: weight[p.kind] })));
const pages = built;

let svgBytes = 0;
let jsonBytes = 0;
let renderMs = 0;
let jsonMs = 0;
// A spec the renderer refuses (its validation throws) would stop the site's build: counted, not fatal here.
const invalid: string[] = [];
for (const { spec, weight: w } of specs) {
  const start = performance.now();
  try {
    svgBytes += Buffer.byteLength(renderChartSvg(spec)) * w;
    const mid = performance.now();
    jsonBytes += Buffer.byteLength(chartSpecJson(spec)) * w;
    renderMs += (mid - start) * w;
    jsonMs += (performance.now() - mid) * w;
  } catch (error) {
    invalid.push(`${spec.lang} "${spec.title}": ${(error as Error).message}`);
  }
}

// Social cards of pages spread over the list (each page with a chart has one).
const withCharts = pages.filter((p) => p.charts.length > 0);
const step = Math.max(1, withCharts.length / cardSample);
const sampled = [...Array(Math.min(cardSample, withCharts.length)).keys()].map((k) => withCharts[Math.floor(k * step)]!);
const cardSvgs = sampled.map((p) => chartCardSvg(p.charts[0]!, { site: useTranslations(p.lang)('site.name'), title: p.title }));
// With fonts cut to the cards' characters, as scripts/render-cards.ts draws them.
const fontDir = mkdtempSync(join(tmpdir(), 'yearbook-card-fonts-'));
const fonts = Object.fromEntries((['zh', 'en'] as const).map((lang) => [lang, cardFontFor(lang, cardSvgs.filter((svg) => cardLang(svg) === lang).map(cardText).join(''), fontDir)]));
const cardTimes: number[] = [];
for (const svg of cardSvgs) {
  const start = performance.now();
  cardPng(svg, fonts[cardLang(svg)]);
  cardTimes.push(performance.now() - start);
}
rmSync(fontDir, { recursive: true, force: true });

const count = (kind: Kind) => Math.round(pages.filter((p) => p.kind === kind).reduce((n, p) => n + p.charts.length, 0) * weight[kind]);
const cardMean = cardTimes.length ? cardTimes.reduce((a, b) => a + b, 0) / cardTimes.length : 0;
const pagesWithCharts = Math.round(kinds.reduce((n, k) => n + withCharts.filter((p) => p.kind === k).length * weight[k], 0));
console.log(
  JSON.stringify({
    sampled: built.length < all.length ? { pages_built: built.length, pages: all.length } : null,
    charts: count('chapter') + count('region') + count('indicator'),
    by_page: { chapter: count('chapter'), region: count('region'), indicator: count('indicator') },
    pages_with_charts: pagesWithCharts,
    svg_bytes: Math.round(svgBytes),
    json_bytes: Math.round(jsonBytes),
    load_s: loadMs / 1000,
    spec_s: Object.fromEntries(kinds.map((k) => [k, (specMs[k] * weight[k]) / 1000])),
    render_svg_s: renderMs / 1000,
    spec_json_s: jsonMs / 1000,
    invalid: { count: invalid.length, examples: invalid.slice(0, 5) },
    cards: { sampled: cardTimes.length, mean_s: cardMean / 1000, first_s: (cardTimes[0] ?? 0) / 1000, extrapolated_all_s: (cardMean * pagesWithCharts) / 1000 },
  }),
);
