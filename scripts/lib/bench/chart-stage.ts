/**
 * node scripts/lib/bench/chart-stage.ts <project> — the static charts of a built corpus, in
 * process: loads the project's content/data as the pages do (indexYearbook), builds every
 * chart spec the pages build (chapter pages: funds, time series of three years or more,
 * sub-regions; region pages: time series; indicator pages: the comparison), in both
 * languages, and renders each to SVG with src/charts/svg.ts. Prints one JSON line: counts,
 * sizes, and the time spent building specs and rendering SVG (Node start-up excluded).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartSpec } from '../../../src/charts/spec.ts';
import { renderChartSvg } from '../../../src/charts/svg.ts';
import { chartSpecJson } from '../../../src/charts/validate.ts';
import { chartId, comparisonChart, fundChart, seriesChart, subregionChart } from '../../../src/lib/charts.ts';
import { chapterFacts, timeSeries } from '../../../src/lib/queries.ts';
import { indexYearbook } from '../../../src/lib/yearbook-index.ts';
import type { Yearbook } from '../../../src/lib/yearbook-types.ts';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];

const project = process.argv[2] ?? process.cwd();
const read = <T>(file: string): T => JSON.parse(readFileSync(join(project, 'content/data', file), 'utf8')) as T;

const t0 = performance.now();
const indicatorsJson = read<{ indicators: never[]; topics: never[] }>('indicators.json');
// The collections of src/content.config.ts, read as the pages get them.
const book = indexYearbook({
  facts: read<{ facts: never[] }>('facts.json').facts,
  regions: read<{ regions: never[] }>('regions.json').regions,
  indicators: indicatorsJson.indicators,
  topics: indicatorsJson.topics,
  findings: read<{ findings: never[] }>('findings.json').findings,
  sources: read<{ bulletins: never[] }>('bulletins.json').bulletins,
  edition: existsSync(join(project, 'content/data/edition.json')) ? read<never>('edition.json') : ({ date: null, basis: 'none' } as never),
} as Parameters<typeof indexYearbook>[0]);
const loadMs = performance.now() - t0;

const specs: Array<{ page: 'chapter' | 'region' | 'indicator'; spec: ChartSpec }> = [];
const specMs = { chapter: 0, region: 0, indicator: 0 };
const time = (page: keyof typeof specMs, build: () => Array<ChartSpec | null>) => {
  const start = performance.now();
  for (const spec of build()) if (spec) specs.push({ page, spec });
  specMs[page] += performance.now() - start;
};

for (const lang of LANGS) {
  for (const chapter of book.chapters) time('chapter', () => chapterCharts(book, chapter, lang));
  const regions = [...new Map(book.chapters.map((c) => [c.region.code, c.region])).values()];
  for (const region of regions) time('region', () => regionCharts(book, region.code, lang));
  const used = [...book.indicators.values()].filter((i) => book.facts.some((f) => f.indicator === i.id));
  for (const indicator of used) time('indicator', () => [comparisonChart(book, indicator.id, lang)]);
}

let svgBytes = 0;
let jsonBytes = 0;
const renderStart = performance.now();
for (const { spec } of specs) svgBytes += Buffer.byteLength(renderChartSvg(spec));
const renderMs = performance.now() - renderStart;
const jsonStart = performance.now();
for (const { spec } of specs) jsonBytes += Buffer.byteLength(chartSpecJson(spec));
const jsonMs = performance.now() - jsonStart;

const count = (page: string) => specs.filter((s) => s.page === page).length;
console.log(
  JSON.stringify({
    charts: specs.length,
    by_page: { chapter: count('chapter'), region: count('region'), indicator: count('indicator') },
    points: specs.reduce((n, s) => n + s.spec.series.reduce((m, x) => m + x.points.length, 0), 0),
    svg_bytes: svgBytes,
    json_bytes: jsonBytes,
    load_s: loadMs / 1000,
    spec_s: { chapter: specMs.chapter / 1000, region: specMs.region / 1000, indicator: specMs.indicator / 1000 },
    render_svg_s: renderMs / 1000,
    spec_json_s: jsonMs / 1000,
  }),
);

/** The charts of a chapter page, as src/pages/[lang]/regions/[region]/[year].astro builds them. */
function chapterCharts(book: Yearbook, chapter: Yearbook['chapters'][number], lang: Lang): Array<ChartSpec | null> {
  const region = chapter.region;
  const facts = chapterFacts(book, chapter);
  const out: Array<ChartSpec | null> = [fundChart(book, chapter, facts, lang)];
  const seriesIndicators = [...new Set(facts.filter((f) => f.region === region.code && f.indicator !== 'unclassified' && f.scope === null).map((f) => f.indicator))];
  for (const id of seriesIndicators.filter((id) => !(id === 'ratio.active_share' && seriesIndicators.includes('ratio.retiree_share')))) {
    const spec = seriesChart(book, region.code, id, lang);
    if (spec && spec.categories.length >= 3) out.push(spec);
  }
  for (const id of [...new Set(facts.filter((f) => f.region !== region.code || (f.scope && /本级|城区/.test(f.scope))).map((f) => f.indicator))]) {
    out.push(id === 'unclassified' ? null : subregionChart(book, chapter, facts, id, lang));
  }
  return out;
}

/** The time series of a region page, as src/pages/[lang]/regions/[region]/index.astro builds them. */
function regionCharts(book: Yearbook, code: string, lang: Lang): Array<ChartSpec | null> {
  const ids = [...new Set(book.facts.filter((f) => f.region === code && f.indicator !== 'unclassified' && f.scope === null).map((f) => f.indicator))];
  return ids.filter((id) => timeSeries(book, code, id).length >= 2).map((id) => seriesChart(book, code, id, lang, chartId('chart-series', id)));
}
