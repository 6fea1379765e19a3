/**
 * Benchmark results: one JSON and one Markdown file per corpus size (results-<N>.json,
 * results-<N>.md), and results.json / results.md over every size measured so far, with the
 * main figures of each N side by side.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildProfile } from './astro-log.ts';
import type { ProfileSummary } from './cpu-profile.ts';
import type { Measurement } from './run.ts';
import type { PageWeight } from './weight.ts';

export type Stage = Measurement & { ok: boolean; output_bytes?: number; pages?: number; pages_per_s?: number; note?: string };

export type Results = {
  n: number;
  seed: number;
  measured_at: string;
  /** The project's code that was built, and any patch applied to the copy. */
  project: { commit: string; dirty: boolean; patches?: Array<{ file: string; sha256: string; summary: string }> };
  machine: { node: string; cores: number; cpu: string; memory_gib: number; platform: string; measurement: string };
  corpus: {
    bulletins: number;
    regions: number;
    provinces: number;
    prefectures: number;
    years: [number, number];
    layouts: Record<string, number>;
    encodings: Record<string, number>;
    bytes: number;
    sha256: string;
    generate_s: number;
  };
  checks: {
    used: number;
    partly_used: number;
    rejected: number;
    facts: number;
    findings: number;
    failed: number;
    not_comparable: number;
    flaws_expected: number;
    flaws_found: number;
    unexpected_failures: string[];
    missing_figures: number;
  };
  ingest: Stage & { bulletins_per_s: number };
  charts: Stage & {
    charts: number;
    by_page: Record<string, number>;
    svg_bytes: number;
    render_svg_s: number;
    spec_json_s: number;
    spec_s: Record<string, number>;
    load_s: number;
    charts_per_s: number;
    pages_with_charts: number;
    /** Specs the renderer refuses (validation), which stop the site build. */
    invalid: { count: number; examples: string[] };
    /** Set when the specs of only some pages were built (the rest extrapolated). */
    sampled: { pages_built: number; pages: number } | null;
    /** Social-card PNGs of a sample of pages; the whole site extrapolated. */
    cards: { sampled: number; mean_s: number; first_s: number; extrapolated_all_s: number };
  };
  site: Stage & { html_pages: number; files: number; build: BuildProfile; steps: Array<{ step: string; wall_s: number; cpu_s: number; max_rss_mib: number; tree_rss_mib?: number }>; profiled: boolean };
  pdf: (Stage & { mode: 'full' | 'sample'; pdfs: number; pdf_pages: number; extrapolated?: { chapter_pdfs: number; pdf_pages: number; wall_s: number; basis: string } }) | { mode: 'skipped'; note: string };
  incremental: {
    changed: string;
    ingest: Stage;
    site: Stage;
    wall_s: number;
    /** Each step of the site build (Astro, cards, search), as for the full build. */
    steps?: Array<{ step: string; wall_s: number }>;
    /** Pages Astro rendered / copied from the last build, of the pages it wrote. */
    pages_rendered?: number;
    pages_reused?: number;
    /** The Astro step again from scratch (astro build --force), compared file by file. */
    verified?: { compared: number; differing: string[] };
  } | null;
  bare: (Stage & { mdx_pages: number; text_chars_per_page: number; ratio_site_to_bare: number }) | null;
  page_weight: PageWeight;
  cpu_profile?: ProfileSummary;
};

const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mib = (bytes: number | undefined) => (bytes === undefined ? '—' : f1(bytes / 2 ** 20));

/** The figures of one run, as rows of label and value (the Markdown table's rows). */
export function summaryRows(r: Results): Array<[string, string]> {
  const s = (stage: Stage | undefined, label: string): Array<[string, string]> =>
    stage
      ? [
          [`${label}: wall s`, f1(stage.wall_s)],
          [`${label}: CPU s (user+sys)`, f1(stage.cpu_s)],
          [`${label}: peak RSS MiB (largest process / tree)`, `${f1(stage.max_rss_mib)} / ${f1(stage.tree_rss_mib)}`],
          [`${label}: output MiB`, mib(stage.output_bytes)],
          ...(stage.pages_per_s === undefined ? [] : ([[`${label}: pages/s`, f1(stage.pages_per_s)]] as Array<[string, string]>)),
        ]
      : [[label, 'not run']];
  const pdf = r.pdf;
  const ex = r.charts.sampled ? 'EXTRAPOLATED ' : '';
  const rows: Array<[string, string]> = [
    ['bulletins (regions: provinces + prefectures; years)', `${r.corpus.bulletins} (${r.corpus.regions}: ${r.corpus.provinces} + ${r.corpus.prefectures}; ${r.corpus.years[0]}–${r.corpus.years[1]})`],
    ['corpus MiB / sha256', `${mib(r.corpus.bytes)} / ${r.corpus.sha256.slice(0, 12)}`],
    ['facts / checks / failed (deliberate found of expected) / not comparable', `${r.checks.facts} / ${r.checks.findings} / ${r.checks.failed} (${r.checks.flaws_found} of ${r.checks.flaws_expected}) / ${r.checks.not_comparable}`],
    ['bulletins used / partly / rejected; expected figures missing', `${r.checks.used} / ${r.checks.partly_used} / ${r.checks.rejected}; ${r.checks.missing_figures}`],
    ...s(r.ingest, '(a) ingest'),
    ['(a) ingest: bulletins/s', f1(r.ingest.bulletins_per_s)],
    ...s(r.site, '(b) site build (no PDF)'),
    ['(b) site: HTML pages / files', `${r.site.html_pages} / ${r.site.files}`],
    ...s(r.charts, '(c) charts (process)'),
    ['(c) charts the renderer refuses', r.charts.invalid?.count ? `${r.charts.invalid.count}: ${r.charts.invalid.examples[0]}` : '0'],
    ['(c) charts: pages whose specs were built', r.charts.sampled ? `${r.charts.sampled.pages_built} of ${r.charts.sampled.pages} (rest EXTRAPOLATED)` : 'all'],
    ['(c) charts: count / SVG MiB', `${ex}${r.charts.charts} / ${mib(r.charts.svg_bytes)}`],
    ['(c) charts: spec building s (chapter / region / indicator pages)', `${ex}${f1(r.charts.spec_s.chapter)} / ${f1(r.charts.spec_s.region)} / ${f1(r.charts.spec_s.indicator)}`],
    ['(c) charts: SVG rendering s / charts per s', `${ex}${f1(r.charts.render_svg_s)} / ${f1(r.charts.charts_per_s)}`],
    ...(r.charts.cards
      ? ([['(c) social-card PNG s each (sample) / EXTRAPOLATED for every page with a chart', `${f1(r.charts.cards.mean_s)} (${r.charts.cards.sampled}) / ${f1(r.charts.cards.extrapolated_all_s)} (${r.charts.pages_with_charts} pages)`]] as Array<[string, string]>)
      : []),
  ];
  if (pdf.mode === 'skipped') rows.push(['(d) PDF: what was printed', pdf.note]);
  else {
    rows.push(['(d) PDF: what was printed', pdf.mode === 'full' ? 'every chapter PDF and both yearbooks (scripts/render-pdf.ts)' : `a sample of chapter PDFs (${pdf.pdfs}), the rest EXTRAPOLATED`]);
    rows.push(...s(pdf, '(d) PDF'));
    rows.push(['(d) PDF: files / PDF pages', `${pdf.pdfs} / ${pdf.pdf_pages}`]);
    rows.push(['(d) PDF for the whole site: chapter PDFs / PDF pages / wall s', pdf.extrapolated ? `EXTRAPOLATED ${pdf.extrapolated.chapter_pdfs} + 2 yearbooks / ${pdf.extrapolated.pdf_pages} / ${f1(pdf.extrapolated.wall_s)}` : 'as measured']);
  }
  if (r.incremental) {
    rows.push(['(e) incremental: one bulletin changed, ingest + site wall s', `${f1(r.incremental.ingest.wall_s)} + ${f1(r.incremental.site.wall_s)} = ${f1(r.incremental.wall_s)}`]);
    rows.push(['(e) incremental: CPU s / peak RSS MiB (site)', `${f1(r.incremental.ingest.cpu_s + r.incremental.site.cpu_s)} / ${f1(r.incremental.site.max_rss_mib)}`]);
    if (r.incremental.steps) rows.push(['(e) incremental: site steps wall s', r.incremental.steps.map((x) => `${stepName(x.step)} ${f1(x.wall_s)}`).join(', ')]);
    if (r.incremental.pages_reused !== undefined) rows.push(['(e) incremental: Astro pages rendered / reused from the last build', `${r.incremental.pages_rendered} / ${r.incremental.pages_reused}`]);
    const v = r.incremental.verified;
    rows.push(['(e) incremental: Astro output = a build from scratch', v ? (v.differing.length ? `NO: ${v.differing.length} of ${v.compared} files differ (${v.differing.slice(0, 3).join(', ')})` : `yes, ${v.compared} files byte-identical`) : 'not checked']);
  } else rows.push(['(e) incremental', 'not run']);
  if (r.bare) {
    rows.push(...s(r.bare, 'bare Astro+MDX'));
    rows.push(['bare: MDX pages (text chars per page)', `${r.bare.mdx_pages} (${r.bare.text_chars_per_page})`]);
    rows.push(['site build / bare build (wall)', `${f1(r.bare.ratio_site_to_bare)}×`]);
    // The bare site is an Astro build only; the site's build has steps after Astro (cards, search).
    const astroStep = r.site.steps?.find((x) => /astro/.test(x.step));
    if (astroStep) rows.push(['astro build step alone / bare build (wall)', `${f1(astroStep.wall_s / r.bare.wall_s)}× (${f1(astroStep.wall_s)} s)`]);
  } else rows.push(['bare Astro+MDX', 'not run']);
  const w = r.page_weight;
  rows.push(['chapter page weight KB gzip: max / median (over 100 KB)', `${f1(w.max_kb)} / ${f1(w.median_kb)} (${w.over_budget} of ${w.chapter_pages})`]);
  rows.push(['largest file a page links to', w.largest_linked ? `${w.largest_linked.file} ${mib(w.largest_linked.bytes)} MiB` : '—']);
  rows.push(['largest chapter data file', w.largest_chapter_data ? `${w.largest_chapter_data.file} ${f1(w.largest_chapter_data.bytes / 1024)} KiB` : '—']);
  return rows;
}

/** Writes results-<n>.json and .md, then results.json and results.md over every size in `dir`. */
export function writeResults(dir: string, r: Results): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `results-${r.n}.json`);
  const md = join(dir, `results-${r.n}.md`);
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(md, detail(r));
  const all = readdirSync(dir)
    .filter((f) => /^results-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Results)
    .sort((a, b) => a.n - b.n);
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify({ runs: all }, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), overview(all));
  return { json, md };
}

function table(header: string[], rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${header.map(esc).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function overview(runs: Results[]): string {
  const byRun = runs.map((r) => new Map(summaryRows(r)));
  // Every run's rows, each new one after the row it follows in its own run.
  const labels: string[] = [];
  for (const m of byRun) {
    let at = 0;
    for (const l of m.keys()) {
      const i = labels.indexOf(l);
      if (i >= 0) at = i + 1;
      else labels.splice(at++, 0, l);
    }
  }
  const machines = [...new Set(runs.map((r) => `${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory_gib} GiB, Node ${r.machine.node}`))];
  return `# Benchmark results

\`npm run bench -- --bulletins N\` over a synthetic corpus (scripts/lib/bench/). One column per
corpus size; details and the build profile of each in results-<N>.md, all figures in
results-<N>.json. Wall and CPU time in seconds (CPU = user + system of the process and its
children); peak RSS of the largest process and of the whole process tree; pages/s = HTML pages
(ingest: MDX pages, PDF: printed pages) per wall second. Extrapolated figures are marked.

Machine: ${machines.join('; ')}. Runs: ${runs.map((r) => `N=${r.n} seed ${r.seed}, project ${r.project?.commit.slice(0, 10) ?? 'unknown'}${r.project?.dirty ? '+changes' : ''}${r.project?.patches?.length ? ` + ${r.project.patches.map((p) => p.file).join(', ')}` : ''} (${r.measured_at.slice(0, 16).replace('T', ' ')})`).join('; ')}.

${table(['', ...runs.map((r) => `N = ${r.n}`)], labels.map((l) => [l, ...byRun.map((m) => m.get(l) ?? '—')]))}
`;
}

function detail(r: Results): string {
  const b = r.site.build;
  const parts = [
    `# Benchmark: ${r.n} bulletins (seed ${r.seed})`,
    '',
    `Project ${r.project?.commit.slice(0, 12) ?? 'unknown'}${r.project?.dirty ? ' (with uncommitted changes)' : ''}${r.project?.patches?.length ? `, PATCHED in the copy with ${r.project.patches.map((p) => `${p.file} (${p.summary})`).join('; ')}` : ''}. Measured ${r.measured_at} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory_gib} GiB, Node ${r.machine.node} (${r.machine.measurement}).`,
    '',
    table(['figure', 'value'], summaryRows(r)),
    '',
    '## Site build steps',
    '',
    table(['step', 'wall s', 'CPU s', 'peak RSS MiB (largest process / tree)'], r.site.steps.map((x) => [x.step, f1(x.wall_s), f1(x.cpu_s), `${f1(x.max_rss_mib)} / ${x.tree_rss_mib === undefined ? '–' : f1(x.tree_rss_mib)}`])),
    '',
    '## Site build phases (from the build log, timed as lines arrive)',
    '',
    table(['phase', 's'], b.phases.map((p) => [p.name, f1(p.s)])),
    '',
    '## Page generation by kind of page (Astro\'s per-page times)',
    '',
    table(['pages', 'count', 'total s', 'mean ms', 'max ms', 'slowest'], b.routes.map((g) => [g.group, String(g.pages), f1(g.total_s), f1(g.mean_ms), f1(g.max_ms), g.slowest])),
    '',
    `Slowest pages: ${b.slowest.map((s) => `${s.route} ${f1(s.ms)} ms`).join('; ')}`,
    '',
  ];
  if (r.checks.unexpected_failures.length) parts.push('## Checks that failed without a deliberate flaw', '', ...r.checks.unexpected_failures.map((u) => `- ${u}`), '');
  if (r.cpu_profile) {
    const p = r.cpu_profile;
    parts.push(
      `## CPU profile of the Astro step (${p.profiles} thread profile(s): ${f1(p.sampled_s)} s busy sampled, ${f1(p.idle_s ?? 0)} s idle left out)`,
      '',
      '### Inclusive time by function',
      '',
      table(['function', 'where', 's', 'share'], p.inclusive.map((x) => [x.fn, x.where, f1(x.s), `${(x.share * 100).toFixed(1)}%`])),
      '',
      "### Inclusive time of the site's own functions (as built)",
      '',
      table(['function', 'where', 's', 'share'], (p.site_inclusive ?? []).map((x) => [x.fn, x.where, f1(x.s), `${(x.share * 100).toFixed(1)}%`])),
      '',
      '### Self time by function',
      '',
      table(['function', 'where', 's', 'share'], p.self.map((x) => [x.fn, x.where, f1(x.s), `${(x.share * 100).toFixed(1)}%`])),
      '',
      '### Self time by package or file',
      '',
      table(['area', 's', 'share'], p.by_area.map((x) => [x.area, f1(x.s), `${(x.share * 100).toFixed(1)}%`])),
      '',
    );
  }
  return `${parts.join('\n')}\n`;
}

/** A build step's short name: "astro", "render-cards", "build-search-index". */
function stepName(step: string): string {
  return /astro/.test(step) ? 'astro' : (/([\w-]+)\.ts/.exec(step)?.[1] ?? step);
}
