/**
 * npm run bench -- --bulletins N [--seed S] [--skip-pdf] [--out DIR]
 *                  [--pdf-sample K] [--chart-pages K] [--profile] [--max-old-space MB]
 *                  [--commit REV] [--patch FILE]… [--work DIR] [--keep] [--skip-bare] [--skip-incremental]
 *                  [--verify-incremental]
 *
 * Builds the yearbook from a synthetic corpus of N bulletins in a copy of the project (under
 * /tmp; this project's content/ and dist/ are never touched) and measures, each as wall time,
 * CPU time (user + system, children included), peak memory, output size and pages per second:
 *   (a) ingest (scripts/ingest.ts);
 *   (b) the Astro site build without PDFs;
 *   (c) the static charts: every chart spec of the site built and rendered to SVG in process
 *       (with --chart-pages K the specs of K pages only, the rest extrapolated), and the
 *       social-card PNG of a sample of pages;
 *   (d) the PDFs (scripts/render-pdf.ts; above 60 chapters a sample of chapters, with the
 *       whole site extrapolated from it and marked so);
 *   (e) an incremental build: one bulletin changed, ingest and site build again, then (up to
 *       500 bulletins, or with --verify-incremental) Astro from scratch, whose output must be
 *       byte-identical to the incremental one;
 * then a bare Astro + MDX site of as many pages with as much text per page (the ratio of the
 * two build times), and the page weight of the chapter pages (scripts/measure-pages.ts) with
 * the largest file a page links to. Writes <out>/results-N.json and .md, and results.json /
 * results.md over every N measured; prints the summary. --profile records a CPU profile of
 * the Astro step of the site build (which then runs a little slower) and lists where it spends
 * its time. --max-old-space
 * raises Node's heap limit for every step (NODE_OPTIONS), for corpora that need more than the
 * default. --commit builds the files of a commit instead of the working tree (runs of several
 * N then measure the same code); --patch applies a patch (patch -p1) to the copy, for measuring
 * past a fault of the site that stops its build (recorded with the results). The figures
 * measured so far are kept in
 * <out>/results-N.partial.json until the end, and the logs of every step in <out>/out/N/.
 * Exits 1 if a stage fails or the corpus is not read as generated.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus, totalmem, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AstroLog } from './lib/bench/astro-log.ts';
import { generateCorpus, type Corpus } from './lib/bench/corpus.ts';
import { summarizeProfiles } from './lib/bench/cpu-profile.ts';
import { treeDifferences } from './lib/bench/compare-trees.ts';
import { copyProject, makeBareProject, pageText, projectVersion } from './lib/bench/project.ts';
import { summaryRows, writeResults, type Results, type Stage } from './lib/bench/results.ts';
import { folderSize, runMeasured as runCommand, type RunOptions, type RunResult } from './lib/bench/run.ts';
import { verifyIngest } from './lib/bench/verify.ts';
import { pageWeight } from './lib/bench/weight.ts';
import { hasChromium } from './lib/chromium.ts';
import { loadPipelineData, projectRoot } from './lib/load-data.ts';
import type { Fact, Finding, ReportEntry } from '../src/pipeline/schema.ts';

/** Up to this many chapters every PDF is printed; beyond, a sample. */
const FULL_PDF_MAX_CHAPTERS = 60;

const { values } = parseArgs({
  options: {
    bulletins: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'skip-pdf': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench' },
    'pdf-sample': { type: 'string', default: '20' },
    'chart-pages': { type: 'string' },
    'max-old-space': { type: 'string' },
    commit: { type: 'string' },
    patch: { type: 'string', multiple: true, default: [] },
    profile: { type: 'boolean', default: false },
    work: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-bare': { type: 'boolean', default: false },
    'skip-incremental': { type: 'boolean', default: false },
    // After the incremental build, Astro again from scratch and the two outputs compared
    // (default up to 500 bulletins; it costs a whole Astro build).
    'verify-incremental': { type: 'boolean' },
  },
});
const n = Number(values.bulletins);
const seed = Number(values.seed);
if (!values.bulletins || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run bench -- --bulletins N [--seed S] [--skip-pdf] [--out DIR] [--pdf-sample K] [--profile] [--work DIR] [--keep]');
  process.exit(2);
}
const outDir = resolve(projectRoot, values.out!);
const work = values.work ? resolve(values.work) : mkdtempSync(join(tmpdir(), `yearbook-bench-${n}-`));
const project = join(work, 'site');
const logs = join(work, 'logs');
mkdirSync(logs, { recursive: true });
const node = process.execPath;
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(values['max-old-space'] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(values['max-old-space'])}`.trim() } : {}),
};
const partialFile = join(outDir, `results-${n}.partial.json`);
const soFar: Record<string, unknown> = { n, seed, partial: true };
/** Keeps what has been measured, in case a long run is stopped. */
const keep = (key: string, value: unknown) => {
  soFar[key] = value;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(partialFile, `${JSON.stringify(soFar, null, 2)}\n`);
};
// No step may take more than 85% of the machine's memory (others work on it too).
const maxTreeMib = Math.round((totalmem() / 2 ** 20) * 0.85);
const runMeasured = (command: string, args: string[], options: RunOptions): Promise<RunResult> => runCommand(command, args, { maxTreeMib, ...options });
const say = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

say(`${n} bulletins, seed ${seed}; working in ${work}`);
let ok = true;
const stageOk = (name: string, r: RunResult): boolean => {
  if (r.exitCode === 0) return true;
  ok = false;
  console.error(`${name} failed (exit ${r.exitCode}):\n${r.output.slice(-4000)}`);
  return false;
};
const stage = (r: RunResult, extra: Partial<Stage> = {}): Stage => {
  const { output, exitCode, ...m } = r;
  void output;
  return { ...m, ok: exitCode === 0, ...extra };
};
const rate = (count: number, seconds: number) => (seconds > 0 ? Math.round((count / seconds) * 100) / 100 : 0);

// ── The corpus and the project copy ──────────────────────────────────────────────────────────
const data = loadPipelineData();
const t0 = performance.now();
const corpus = generateCorpus(n, seed, data.gazetteer);
const generateS = (performance.now() - t0) / 1000;
if (existsSync(project)) rmSync(project, { recursive: true, force: true });
copyProject(projectRoot, project, corpus.files, values.commit ?? null);
const version = projectVersion(projectRoot, values.commit ?? null);
const patches = (values.patch ?? []).map((file) => {
  const path = resolve(file);
  const applied = spawnSync('patch', ['-p1', '--forward', '-d', project, '-i', path], { encoding: 'utf8' });
  if (applied.status !== 0) {
    console.error(`patch ${file} does not apply:\n${applied.stdout}${applied.stderr}`);
    process.exit(2);
  }
  const text = readFileSync(path, 'utf8');
  return { file: relative(projectRoot, path), sha256: createHash('sha256').update(text).digest('hex'), summary: text.split('\n')[0]! };
});
const count = <K extends string>(keys: K[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
say(`project ${version.commit.slice(0, 12)}${version.dirty ? ' with uncommitted changes' : ''}${values.commit ? ` (--commit ${values.commit})` : ' (working tree)'}${patches.length ? `, patched: ${patches.map((p) => p.file).join(', ')}` : ''}`);
say(`corpus: ${corpus.bulletins.length} bulletins, ${corpus.regions} regions (${corpus.provinces} provinces, ${corpus.prefectures} prefectures), ${corpus.firstYear}–${corpus.lastYear}, ${corpus.flaws.length} deliberate failed checks, sha256 ${corpus.sha256.slice(0, 16)} (${generateS.toFixed(1)} s)`);

// ── (a) ingest ───────────────────────────────────────────────────────────────────────────────
say('(a) ingest');
const ingestRun = await runMeasured(node, ['scripts/ingest.ts'], { cwd: project, env, log: join(logs, 'ingest.log') });
if (!stageOk('ingest', ingestRun)) finish(null);
const readContent = <T>(file: string): T => JSON.parse(readFileSync(join(project, 'content/data', file), 'utf8')) as T;
const report = readContent<{ files: ReportEntry[] }>('ingest-report.json').files;
const facts = readContent<{ facts: Fact[] }>('facts.json').facts;
const findings = readContent<{ findings: Finding[] }>('findings.json').findings;
const verified = verifyIngest(corpus, { report, facts, findings });
const contentSize = folderSize(join(project, 'content'), (p) => p.includes('/translations/'));
const ingest = { ...stage(ingestRun, { output_bytes: contentSize.bytes, pages: corpus.bulletins.length * 2, pages_per_s: rate(corpus.bulletins.length * 2, ingestRun.wall_s) }), bulletins_per_s: rate(corpus.bulletins.length, ingestRun.wall_s) };
say(`    ${f(ingest.wall_s)} s wall, ${f(ingest.cpu_s)} s CPU, ${f(ingest.max_rss_mib)} MiB; ${facts.length} facts, ${findings.length} checks; used ${verified.used}, flaws found ${verified.flawsFound}/${corpus.flaws.length}, unexpected failures ${verified.unexpected.length}, figures missing ${verified.missing.length}`);
keep('ingest', ingest);
keep('checks', { ...verified, missing: verified.missing.length, unexpected: verified.unexpected.map((x) => x.id), notComparable: verified.notComparable.length });
for (const m of verified.misread.slice(0, 10)) console.error(`    not read as generated: ${m}`);
for (const m of verified.missing.slice(0, 10)) console.error(`    figure not extracted: ${m.file} ${m.fact.indicator} ${m.fact.value} ${JSON.stringify(m.fact.yoy)} (found: ${m.found.join(' | ') || 'nothing'})`);
for (const m of verified.flawsMissed) console.error(`    deliberate flaw not reported: ${JSON.stringify(m)}`);
if (verified.misread.length || verified.flawsMissed.length || verified.unexpected.length) ok = false;

// ── (c) charts, in process ───────────────────────────────────────────────────────────────────
say('(c) charts: every chart spec of the site rendered to SVG, and a sample of social cards');
// From a scratch folder: the card cache (./node_modules/.cache) must not warm the site build's.
const chartCwd = join(work, 'charts');
mkdirSync(chartCwd, { recursive: true });
const chartPages = Number(values['chart-pages'] ?? 0);
const chartRun = await runMeasured(node, [join(project, 'scripts/lib/bench/chart-stage.ts'), project, '10', String(chartPages)], { cwd: chartCwd, env, log: join(logs, 'charts.log') });
stageOk('charts', chartRun);
type ChartStage = { sampled: Results['charts']['sampled']; invalid: Results['charts']['invalid']; charts: number; by_page: Record<string, number>; svg_bytes: number; render_svg_s: number; spec_json_s: number; spec_s: Record<string, number>; load_s: number; pages_with_charts: number; cards: Results['charts']['cards'] };
const chartData = JSON.parse(chartRun.output.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? '{}') as Partial<ChartStage>;
const charts = {
  ...stage(chartRun, { output_bytes: chartData.svg_bytes ?? 0 }),
  charts: chartData.charts ?? 0,
  by_page: chartData.by_page ?? {},
  svg_bytes: chartData.svg_bytes ?? 0,
  render_svg_s: chartData.render_svg_s ?? 0,
  spec_json_s: chartData.spec_json_s ?? 0,
  spec_s: chartData.spec_s ?? {},
  load_s: chartData.load_s ?? 0,
  charts_per_s: rate(chartData.charts ?? 0, chartData.render_svg_s ?? 0),
  pages_with_charts: chartData.pages_with_charts ?? 0,
  cards: chartData.cards ?? { sampled: 0, mean_s: 0, first_s: 0, extrapolated_all_s: 0 },
  sampled: chartData.sampled ?? null,
  invalid: chartData.invalid ?? { count: 0, examples: [] },
};
if (charts.invalid.count > 0) console.error(`    ${charts.invalid.count} chart specs the renderer refuses, e.g. ${charts.invalid.examples.join('; ')}`);
keep('charts', charts);
say(`    ${charts.sampled ? `EXTRAPOLATED from ${charts.sampled.pages_built} of ${charts.sampled.pages} pages: ` : ''}${charts.charts} charts; specs ${f(sum(Object.values(charts.spec_s)))} s, SVG ${f(charts.render_svg_s)} s (${f(charts.charts_per_s)} charts/s); social card ${f(charts.cards.mean_s)} s each (sample of ${charts.cards.sampled}; ~${f(charts.cards.extrapolated_all_s)} s for all ${charts.pages_with_charts}); process ${f(charts.wall_s)} s wall`);

// ── (b) site build ───────────────────────────────────────────────────────────────────────────
const astro = join(project, 'node_modules/astro/bin/astro.mjs');
const profileDir = join(work, 'cpu-profile');
const buildSteps = siteBuildSteps();
/** Runs the steps of `npm run build` after ingest and before the PDFs, measured together. */
async function buildSite(label: string, logName: string, profile = false): Promise<{ run: RunResult; log: AstroLog; steps: Array<{ step: string; wall_s: number; cpu_s: number; max_rss_mib: number; tree_rss_mib: number }> }> {
  say(`${label}: ${buildSteps.map((a) => a.join(' ').replace(`${project}/`, '')).join(' && ')}`);
  const log = new AstroLog();
  const runs: RunResult[] = [];
  let offset = 0;
  for (const step of buildSteps) {
    // A sample every 2 ms (10 ms for long builds) keeps the profile readable in memory.
    // Only the Astro step is profiled: the steps after it do one thing each and are timed on their own.
    const args = profile && step[0] === astro ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${n > 1000 ? 10000 : 2000}`, ...step] : step;
    const at = offset;
    const run = await runMeasured(node, args, { cwd: project, env, log: join(logs, logName), onLine: (line, t) => log.line(line, at + t) });
    runs.push(run);
    offset += run.wall_s;
    if (run.exitCode !== 0) break;
  }
  const total = (key: 'wall_s' | 'cpu_s' | 'user_s' | 'system_s') => Math.round(sum(runs.map((r) => r[key])) * 1000) / 1000;
  const run: RunResult = {
    wall_s: total('wall_s'),
    cpu_s: total('cpu_s'),
    user_s: total('user_s'),
    system_s: total('system_s'),
    max_rss_mib: Math.max(...runs.map((r) => r.max_rss_mib)),
    tree_rss_mib: Math.max(...runs.map((r) => r.tree_rss_mib)),
    method: runs[0]!.method,
    exitCode: runs.find((r) => r.exitCode !== 0)?.exitCode ?? 0,
    output: runs.map((r) => r.output).join('\n').slice(-65536),
  };
  const steps = runs.map((r, k) => ({ step: buildSteps[k]!.map((a) => a.replace(`${project}/`, '')).join(' '), wall_s: r.wall_s, cpu_s: r.cpu_s, max_rss_mib: r.max_rss_mib, tree_rss_mib: r.tree_rss_mib }));
  return { run, log, steps };
}
const full = await buildSite(`(b) site build${values.profile ? ' (CPU profile on)' : ''}`, 'site-build.log', values.profile);
if (!stageOk('site build', full.run)) finish(null);
const dist = join(project, 'dist');
const distSize = folderSize(dist, (p) => p.includes('/pdf/') || p.includes('/pdf-sample/'));
const htmlPages = listHtml(dist);
const site = {
  ...stage(full.run, { output_bytes: distSize.bytes, pages: htmlPages.length, pages_per_s: rate(htmlPages.length, full.run.wall_s) }),
  html_pages: htmlPages.length,
  files: distSize.files,
  // Phases of the Astro step; the steps after it are listed on their own.
  build: full.log.profile(full.steps.find((x) => x.step.includes('astro'))?.wall_s ?? full.run.wall_s),
  steps: full.steps,
  profiled: values.profile,
};
say(`    ${f(site.wall_s)} s wall, ${f(site.cpu_s)} s CPU, ${f(site.max_rss_mib)} MiB; ${site.html_pages} HTML pages (${f(site.pages_per_s!)} /s), ${(distSize.bytes / 2 ** 20).toFixed(1)} MiB`);
keep('site', site);
for (const g of site.build.routes) say(`      ${g.group}: ${g.pages} pages, ${f(g.total_s)} s (mean ${f(g.mean_ms)} ms, max ${f(g.max_ms)} ms)`);

// ── page weight ──────────────────────────────────────────────────────────────────────────────
say('page weight (scripts/measure-pages.ts)');
const measure = await runMeasured(node, ['scripts/measure-pages.ts'], { cwd: project, env, log: join(logs, 'measure.log') });
stageOk('page weight', measure);
const weight = pageWeight(dist, readFileSync(join(logs, 'measure.log'), 'utf8'));
keep('page_weight', weight);
say(`    chapter pages: max ${weight.max_kb} KB (${weight.max_page}), median ${weight.median_kb} KB, ${weight.over_budget} over budget; largest linked file ${weight.largest_linked?.file} ${((weight.largest_linked?.bytes ?? 0) / 2 ** 20).toFixed(1)} MiB`);

// ── (d) PDF ──────────────────────────────────────────────────────────────────────────────────
const chapters = new Set(corpus.bulletins.map((b) => `${b.region}|${b.year}`)).size;
let pdf: Results['pdf'];
if (values['skip-pdf']) pdf = { mode: 'skipped', note: 'skipped (--skip-pdf)' };
else if (!hasChromium()) pdf = { mode: 'skipped', note: 'skipped: no Chromium at /usr/bin/chromium (CHROMIUM_PATH)' };
else if (chapters <= FULL_PDF_MAX_CHAPTERS) {
  say(`(d) PDF: scripts/render-pdf.ts, every chapter (${chapters}) in both languages and the two yearbooks`);
  const run = await runMeasured(node, ['scripts/render-pdf.ts'], { cwd: project, env, log: join(logs, 'pdf.log') });
  stageOk('pdf', run);
  const lines = readFileSync(join(logs, 'pdf.log'), 'utf8').split('\n');
  const pages = sum(lines.map((l) => Number(/\s(\d+) pages\s/.exec(l)?.[1] ?? 0)));
  const files = lines.filter((l) => /\s\d+ pages\s/.test(l)).length;
  const bytes = folderSize(join(dist, 'pdf')).bytes;
  pdf = { ...stage(run, { output_bytes: bytes, pages, pages_per_s: rate(pages, run.wall_s) }), mode: 'full', pdfs: files, pdf_pages: pages };
} else {
  const k = Number(values['pdf-sample']);
  say(`(d) PDF: a sample of ${k} of ${chapters} chapters in both languages (the rest extrapolated)`);
  const run = await runMeasured(node, ['scripts/lib/bench/pdf-sample.ts', project, String(k)], { cwd: project, env, log: join(logs, 'pdf-sample.log') });
  stageOk('pdf sample', run);
  const s = JSON.parse(run.output.trim().split('\n').filter((l) => l.startsWith('{')).pop() ?? '{}') as { pdfs: number; pages: number; bytes: number; render_s: number };
  const perPdf = s.render_s / Math.max(1, s.pdfs);
  const pagesPerPdf = s.pages / Math.max(1, s.pdfs);
  // Chapter PDFs at the sample's pace; each yearbook PDF holds every chapter of its language
  // and is printed twice (the second time with page numbers in its contents).
  const chapterPdfs = chapters * 2;
  const yearbookPages = chapterPdfs * pagesPerPdf;
  const wall = chapterPdfs * perPdf + 2 * (yearbookPages / Math.max(1e-9, s.pages / s.render_s));
  pdf = {
    ...stage(run, { output_bytes: s.bytes, pages: s.pages, pages_per_s: rate(s.pages, run.wall_s) }),
    mode: 'sample',
    pdfs: s.pdfs,
    pdf_pages: s.pages,
    extrapolated: {
      chapter_pdfs: chapterPdfs,
      pdf_pages: Math.round(chapterPdfs * pagesPerPdf * 2),
      wall_s: Math.round(wall),
      basis: `linear: ${f(perPdf)} s per chapter PDF and ${f(s.pages / s.render_s)} PDF pages/s from ${s.pdfs} sampled PDFs; two yearbook PDFs of every chapter, each printed twice`,
    },
  };
}
keep('pdf', pdf);
if (pdf.mode !== 'skipped') say(`    ${pdf.pdfs} PDFs, ${pdf.pdf_pages} pages in ${f(pdf.wall_s)} s (${f(pdf.pages_per_s!)} pages/s)${pdf.extrapolated ? `; EXTRAPOLATED whole site: ${pdf.extrapolated.chapter_pdfs} chapter PDFs + 2 yearbooks, ~${pdf.extrapolated.pdf_pages} pages, ~${f(pdf.extrapolated.wall_s)} s` : ''}`);
else say(`(d) PDF ${pdf.note}`);

// ── bare Astro + MDX of the same size ────────────────────────────────────────────────────────
let bare: Results['bare'] = null;
if (!values['skip-bare']) {
  const chapterPages = htmlPages.filter((p) => /\/(zh|en)\/regions\/[^/]+\/\d{4}\/index\.html$/.test(p));
  const texts = chapterPages.map((p) => ({ lang: /\/(zh|en)\//.exec(p)![1]!, text: pageText(p) }));
  const pages = [...Array(n * 2).keys()].map((k) => texts[k % Math.max(1, texts.length)]!);
  const bareDir = join(work, 'bare');
  rmSync(bareDir, { recursive: true, force: true });
  makeBareProject(projectRoot, bareDir, pages);
  const chars = Math.round(sum(pages.map((p) => p.text.length)) / Math.max(1, pages.length));
  say(`bare Astro + MDX: ${pages.length} pages of ${chars} characters on average`);
  const run = await runMeasured(node, [join(bareDir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: bareDir, env, log: join(logs, 'bare-build.log') });
  stageOk('bare build', run);
  const out = folderSize(join(bareDir, 'dist'));
  bare = { ...stage(run, { output_bytes: out.bytes, pages: pages.length, pages_per_s: rate(pages.length, run.wall_s) }), mdx_pages: pages.length, text_chars_per_page: chars, ratio_site_to_bare: Math.round((site.wall_s / run.wall_s) * 100) / 100 };
  keep('bare', bare);
  say(`    ${f(run.wall_s)} s wall, ${f(run.cpu_s)} s CPU, ${f(run.max_rss_mib)} MiB; site build / bare = ${f(bare.ratio_site_to_bare)}×`);
}

// ── (e) incremental build ────────────────────────────────────────────────────────────────────
let incremental: Results['incremental'] = null;
if (!values['skip-incremental']) {
  const changed = changeOneBulletin(corpus, join(project, 'seeds'));
  say(`(e) incremental: ${changed} changed; ingest and site build again`);
  const again = await runMeasured(node, ['scripts/ingest.ts'], { cwd: project, env, log: join(logs, 'ingest-incremental.log') });
  stageOk('incremental ingest', again);
  const rebuilt = await buildSite('    site build', 'site-build-incremental.log');
  stageOk('incremental site build', rebuilt.run);
  const pages = listHtml(dist).length;
  const astroLog = rebuilt.log.profile(rebuilt.run.wall_s);
  const rendered = sum(astroLog.routes.map((g) => g.pages));
  incremental = {
    changed,
    ingest: stage(again, { pages: corpus.bulletins.length * 2, pages_per_s: rate(corpus.bulletins.length * 2, again.wall_s) }),
    site: stage(rebuilt.run, { pages, pages_per_s: rate(pages, rebuilt.run.wall_s), output_bytes: folderSize(dist, (p) => p.includes('/pdf')).bytes }),
    wall_s: Math.round((again.wall_s + rebuilt.run.wall_s) * 1000) / 1000,
    steps: rebuilt.steps.map(({ step, wall_s }) => ({ step, wall_s })),
    pages_rendered: rendered,
    pages_reused: astroLog.reused,
  };
  say(`    ingest ${f(again.wall_s)} s + site ${f(rebuilt.run.wall_s)} s = ${f(incremental.wall_s)} s; Astro rendered ${rendered} pages and reused ${astroLog.reused}`);
  if (values['verify-incremental'] ?? n <= 500) {
    say('    verify: the Astro step again from scratch (astro build --force), compared file by file with the incremental output');
    const incrementalDist = `${dist}-incremental`;
    rmSync(incrementalDist, { recursive: true, force: true });
    renameSync(dist, incrementalDist);
    let built = stageOk('verify build', await runMeasured(node, [astro, 'build', '--force'], { cwd: project, env, log: join(logs, 'site-build-verify.log') }));
    // Then the steps after Astro that write the rest of the files compared (the data files and
    // cards); not the search index (below).
    for (const step of buildSteps.filter((s) => s[0] !== astro && !s.some((a) => a.includes('build-search-index')))) {
      if (built) built = stageOk(`verify ${step.join(' ')}`, await runMeasured(node, step, { cwd: project, env, log: join(logs, 'site-build-verify.log') }));
    }
    if (built) {
      // The search index and the PDFs come from later steps.
      const verified = treeDifferences(incrementalDist, dist, (rel) => !/^(pagefind|pdf)\//.test(rel));
      incremental.verified = verified;
      if (verified.differing.length) {
        ok = false;
        console.error(`    the incremental build differs from a build from scratch in ${verified.differing.length} files, e.g. ${verified.differing.slice(0, 10).join(', ')}`);
      } else say(`    ${verified.compared} files byte-identical`);
    }
    rmSync(dist, { recursive: true, force: true });
    renameSync(incrementalDist, dist);
  }
}

const results: Results = {
  n,
  seed,
  measured_at: new Date().toISOString(),
  project: { ...version, patches },
  machine: {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memory_gib: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    measurement: `${ingestRun.method === 'gnu-time' ? 'GNU time + /proc samples' : '/proc accounting + samples'}${values['max-old-space'] ? `; --max-old-space-size=${values['max-old-space']}` : ''}`,
  },
  corpus: {
    bulletins: corpus.bulletins.length,
    regions: corpus.regions,
    provinces: corpus.provinces,
    prefectures: corpus.prefectures,
    years: [corpus.firstYear, corpus.lastYear],
    layouts: count(corpus.bulletins.map((b) => b.layout)),
    encodings: count(corpus.bulletins.map((b) => b.encoding)),
    bytes: sum(corpus.files.map((f) => f.bytes.length)),
    sha256: corpus.sha256,
    generate_s: Math.round(generateS * 1000) / 1000,
  },
  checks: {
    used: verified.used,
    partly_used: verified.partlyUsed,
    rejected: verified.rejected,
    facts: facts.length,
    findings: findings.length,
    failed: findings.filter((x) => x.status === 'fail').length,
    not_comparable: verified.notComparable.length,
    flaws_expected: corpus.flaws.length,
    flaws_found: verified.flawsFound,
    unexpected_failures: verified.unexpected.map((x) => `${x.id}: ${x.message_en}`),
    missing_figures: verified.missing.length,
  },
  ingest,
  charts,
  site,
  pdf,
  incremental,
  bare,
  page_weight: weight,
  ...(values.profile && existsSync(profileDir) ? { cpu_profile: summarizeProfiles(profileDir, 30) } : {}),
};
finish(results);

function finish(r: Results | null): never {
  // The logs of every step, beside the results (bench/out/ is not tracked).
  cpSync(logs, join(outDir, 'out', String(n)), { recursive: true });
  if (existsSync(profileDir)) cpSync(profileDir, join(outDir, 'out', String(n), 'cpu-profile'), { recursive: true });
  if (r) {
    const files = writeResults(outDir, r);
    rmSync(partialFile, { force: true });
    console.log('');
    for (const [label, value] of summaryRows(r)) console.log(`${label.padEnd(72)} ${value}`);
    console.log(`\nresults: ${files.json}, ${files.md}, ${join(outDir, 'results.md')}`);
  }
  if (!values.keep && ok && r) rmSync(work, { recursive: true, force: true });
  else console.log(`work folder kept: ${work} (logs in ${logs})`);
  process.exit(ok && r ? 0 : 1);
}

/** Revises one bulletin (a UTF-8 statistical bulletin near the middle of the list) and updates its sha256 in the manifest. */
function changeOneBulletin(c: Corpus, seedsDir: string): string {
  const candidates = c.bulletins.filter((b) => b.encoding === 'utf-8' && b.layout === 'bulletin' && /参保率稳定在\d+％以上/.test(readFileSync(join(seedsDir, b.file), 'utf8')));
  const target = candidates[Math.floor(candidates.length / 2)] ?? c.bulletins[0]!;
  const file = join(seedsDir, target.file);
  const before = readFileSync(file);
  // A revised note and a revised figure (the coverage rate, which no identity checks), so that
  // the bulletin's text, its figures, its region's series and the indicator's pages all change.
  const text = before
    .toString('utf8')
    .replace('注：1.本公报数据为快报数', '注：本公报发布后部分文字有修订。1.本公报数据为快报数')
    .replace(/参保率稳定在(\d+)％以上/, (_, rate: string) => `参保率稳定在${Number(rate) - 1}％以上`);
  writeFileSync(file, text);
  const manifestFile = join(seedsDir, 'manifest.yaml');
  const oldSha = /sha256: ([0-9a-f]{64})/.exec(readFileSync(manifestFile, 'utf8').split(`${target.file}:`)[1] ?? '')?.[1];
  const newSha = createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
  if (oldSha) writeFileSync(manifestFile, readFileSync(manifestFile, 'utf8').replace(oldSha, newSha));
  return target.file;
}

/**
 * The steps of this project's `npm run build` between ingest and the PDFs (astro build, and
 * whatever the build runs after it), as argument lists for node.
 */
function siteBuildSteps(): string[][] {
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const out: string[][] = [];
  for (const step of (pkg.scripts?.build ?? 'astro build').split('&&').map((x) => x.trim())) {
    if (/check-node|run -s ingest|run ingest|render-pdf/.test(step)) continue;
    const words = step.split(/\s+/).filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
    if (words[0] === 'astro') out.push([astro, ...words.slice(1)]);
    else if (words[0] === 'node') out.push(words.slice(1));
    else throw new Error(`bench: a step of the build script it cannot run on its own: "${step}"`);
  }
  return out;
}

function listHtml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('/.'))
    .map((e) => join(e.parentPath, e.name));
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function f(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
