/**
 * The whole pipeline as one pure function: seed files in, content files and a report out.
 * read → clean → segment → identify → extract → validate → emit. No file system, clock or
 * network: the CLI (scripts/ingest.ts) reads the seeds and writes what this returns.
 *
 * Its stages are exported for the CLI, which runs the per-bulletin ones (readBulletin,
 * emitBulletin) on worker threads and keeps readings between runs: plan → read (per
 * bulletin) → assemble (all bulletins: ids, repeats, checks) → emit (per bulletin) → finish.
 */
import { createHash } from 'node:crypto';
import type { Block } from './blocks.ts';
import { compileCatalogue } from './classify.ts';
import { describeFact, translateScope, type EnglishContext } from './english.ts';
import { factRows, factsFiles, publicCatalogue, summarize, toJsonRecords, usedRegions } from './emit-data.ts';
import { enTree, serializeMdx, zhTree, type EnglishSection } from './emit-mdx.ts';
import { markFigures } from './figure-marks.ts';
import { translatedTree, translationCoverage, type Translate } from './emit-english.ts';
import { pieceId, type TranslationFile } from './translation-memory.ts';
import type { Draft } from './draft.ts';
import type { Manifest, ManifestEntry } from './manifest.ts';
import { readBulletin, type Reading } from './read-bulletin.ts';
import { buildRegionIndex, type RegionIndex } from './regions.ts';
import type { BulletinMeta, Catalogue, Fact, Finding, Indicator, Kind, Region, ReportEntry, ReportNote } from './schema.ts';
import { boundsAgree, validateFacts, type Checks } from './validate.ts';

export type SeedFile = { name: string; bytes: Uint8Array };
export type IngestInput = {
  files: SeedFile[];
  /** Translation memory by bulletin slug (content/translations/<slug>.yaml); may be empty. */
  translations?: Map<string, TranslationFile>;
  manifest: Manifest;
  gazetteer: Region[];
  catalogue: Catalogue;
  checks: Checks;
};
export type IngestOutput = {
  /** Paths relative to the content folder → file text. */
  files: Map<string, string>;
  report: ReportEntry[];
  facts: Fact[];
  findings: Finding[];
  summary: string;
};

export type Parsed = {
  entry: ReportEntry;
  /** Set when emitting: how much of the text has an editorial translation. */
  english?: { pieces: number; translated: number; title: string | null };
  meta: Omit<BulletinMeta, 'lang' | 'title' | 'translation' | 'facts'> & { title_zh: string; title_en: string };
  facts: Fact[];
};

const KIND_ZH: Record<Kind, string> = { bulletin: '医疗保障统计公报', yearbook: '年鉴医疗保障篇', 'fund-report': '医疗保险基金运行分析报告', news: '医疗保障新闻报道' };
const KIND_EN: Record<Kind, string> = { bulletin: 'healthcare security statistical bulletin', yearbook: 'yearbook entry on healthcare security', 'fund-report': 'medical insurance fund report', news: 'news report on healthcare security' };

/**
 * @example
 *   const out = ingestSeeds({ files, manifest, gazetteer, catalogue, checks });
 *   out.files.get('data/facts.json')
 */
export function ingestSeeds(input: IngestInput): IngestOutput {
  const index = buildRegionIndex(input.gazetteer);
  const ctx = { index, catalogue: compileCatalogue(input.catalogue) };
  const plan = planSeeds(input.files, input.manifest);
  const readings = plan.map((p) => (p.entry ? null : readBulletin(p.name, p.bytes, p.manifest, ctx)));
  const whole = assemble(input, index, plan, readings);
  const env = emitEnv(input.catalogue, index);
  const blocksOf = new Map(readings.flatMap((r, k) => (r?.ok ? [[plan[k]!.name, r.blocks] as const] : [])));
  const emitted = emitJobs(whole, input.translations).map((job) => emitBulletin(job, blocksOf.get(job.meta.source_file)!, env));
  return finish(input, whole, emitted);
}

/** The seeds in the order they are read: by name, each once, with what is known before reading. */
export type PlannedSeed = { name: string; bytes: Uint8Array; sha256: string; manifest: ManifestEntry; entry: ReportEntry | null };

export function planSeeds(files: SeedFile[], manifest: Manifest): PlannedSeed[] {
  const seen = new Map<string, string>();
  return [...files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((file) => {
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const planned = { name: file.name, bytes: file.bytes, sha256, manifest: manifest.bulletins[file.name] ?? {}, entry: null };
      const duplicateOf = seen.get(sha256);
      if (duplicateOf) return { ...planned, entry: rejected(file.name, sha256, `same content as ${duplicateOf}; kept once`) };
      seen.set(sha256, file.name);
      if (file.bytes.length > MAX_BULLETIN_BYTES) {
        return { ...planned, entry: rejected(file.name, sha256, `${(file.bytes.length / 2 ** 20).toFixed(1)} MB is more than a bulletin (at most ${MAX_BULLETIN_BYTES / 2 ** 20} MB): is it a bulletin, or several in one file?`) };
      }
      return planned;
    });
}

/** What every bulletin says, put together: slugs and fact ids, repeats, checks and the report. */
export type Assembled = { index: RegionIndex; parsed: Parsed[]; report: ReportEntry[]; facts: Fact[]; findings: Finding[]; indicators: Map<string, Indicator>; factsByBulletin: Map<string, Fact[]> };

/** A reading without its blocks is enough here: blocks matter only to emission. */
export type ReadingSummary = Reading extends infer R ? (R extends { ok: true } ? Omit<R, 'blocks'> : R) : never;

export function assemble(input: Omit<IngestInput, 'files' | 'translations'>, index: RegionIndex, plan: PlannedSeed[], readings: Array<ReadingSummary | null>): Assembled {
  const parsed: Parsed[] = [];
  const report: ReportEntry[] = [];
  const slugs = new Set<string>();
  plan.forEach((seed, k) => {
    const reading = readings[k];
    if (seed.entry || !reading) {
      report.push(seed.entry!);
      return;
    }
    const result = parseBulletin(seed, reading, index, slugs);
    report.push(result.entry);
    if ('meta' in result) parsed.push(result);
  });
  shortenFactIds(parsed);
  const facts = markRepeats(parsed.flatMap((p) => p.facts));
  const indicators = new Map(input.catalogue.indicators.map((i) => [i.id, i]));
  const findings = validateFacts(facts, { checks: input.checks, indicators, parentOf: (c) => index.byCode.get(c)?.parent ?? null });
  noteConflicts(report, parsed, findings);
  const factsByBulletin = new Map<string, Fact[]>();
  for (const f of facts) {
    const own = factsByBulletin.get(f.bulletin);
    if (own) own.push(f);
    else factsByBulletin.set(f.bulletin, [f]);
  }
  return { index, parsed, report, facts, findings, indicators, factsByBulletin };
}

/** What emitting one bulletin's pages needs besides its blocks: plain data, for any thread. */
export type EmitJob = { meta: Parsed['meta']; facts: Fact[]; translation: TranslationFile | undefined };
export type Emitted = { zh: string; en: string; english: NonNullable<Parsed['english']> };
export type EmitEnv = { catalogue: Catalogue; indicators: Map<string, Indicator>; regions: Map<string, Region> };

export function emitEnv(catalogue: Catalogue, index: RegionIndex): EmitEnv {
  return { catalogue, indicators: new Map(catalogue.indicators.map((i) => [i.id, i])), regions: index.byCode };
}

export function emitJobs(whole: Assembled, translations: Map<string, TranslationFile> | undefined): EmitJob[] {
  return whole.parsed.map((p) => ({ meta: p.meta, facts: whole.factsByBulletin.get(p.meta.bulletin) ?? [], translation: translations?.get(p.meta.bulletin) }));
}

/** The Chinese and English pages of one bulletin. */
export function emitBulletin(job: EmitJob, blocks: Block[], env: EmitEnv): Emitted {
  const own = job.facts;
  const { title_zh, title_en, ...base } = job.meta;
  const region = env.regions.get(job.meta.region)!;
  const marks = markFigures(blocks, own);
  const zh = serializeMdx(zhTree({ ...base, lang: 'zh', title: base.source_title ?? title_zh, translation: 'original', facts: own.length }, blocks, marks));
  const byId = new Map(own.map((f) => [f.id, f]));
  const translate = translator(job.translation);
  const coverage = translationCoverage(blocks, translate);
  const editorialTitle = job.meta.source_title ? translate('title', job.meta.source_title) : null;
  const english = { ...coverage, title: editorialTitle };
  const context = { indicators: env.indicators, regions: env.regions, region };
  if (coverage.translated === 0) {
    const en = serializeMdx(
      enTree({ ...base, lang: 'en', title: title_en, translation: 'generated', facts: own.length }, englishSections(own, context, env.catalogue, job.meta.year), blocks, marks, {
        note: 'No editorial English translation of this bulletin exists yet. The sentences below are generated from the figures extracted from the Chinese text, one per figure; the original Chinese text follows in full.',
        originalHeading: 'Original text (Chinese)',
        originalNote: '以下为公报中文原文。The following is the original Chinese text of the bulletin.',
      }),
    );
    return { zh, en, english };
  }
  // Figures of passages still in Chinese are also given as generated sentences.
  const untranslated = new Set(
    blocks.flatMap((b) => (b.kind === 'paragraph' && !translate('paragraph', b.text) ? (marks.paragraphs.get(b) ?? []).flatMap((s) => (typeof s === 'string' ? [] : [s.id])) : [])),
  );
  const complete = coverage.translated === coverage.pieces;
  const title = editorialTitle ?? title_en;
  const en = serializeMdx(
    translatedTree(
      { ...base, lang: 'en', title, translation: complete ? 'editorial' : 'partial', facts: own.length },
      blocks,
      marks,
      translate,
      byId,
      englishSections(own.filter((f) => untranslated.has(f.id)), context, env.catalogue, job.meta.year),
      {
        note: complete
          ? 'Editorial English translation of the Chinese bulletin. Every figure links to the sentence it comes from in the original.'
          : `Editorial English translation of ${coverage.translated} of the bulletin's ${coverage.pieces} passages; the others are shown in the original Chinese, and their figures are also given as sentences below.`,
        untranslatedNote: 'Not yet translated; the original Chinese follows.',
        summaryHeading: 'Figures from passages not yet translated',
      },
    ),
  );
  return { zh, en, english };
}

/** Pages (from `emitted`, in the order of `whole.parsed`) and data files. */
export function finish(input: Pick<IngestInput, 'catalogue'>, whole: Assembled, emitted: Array<Emitted | null>): IngestOutput {
  const files = new Map<string, string>();
  whole.parsed.forEach((p, k) => {
    const e = emitted[k];
    if (!e) return;
    p.english = e.english;
    files.set(`bulletins/zh/${p.meta.bulletin}.mdx`, e.zh);
    files.set(`bulletins/en/${p.meta.bulletin}.mdx`, e.en);
  });
  for (const [path, text] of dataFiles(input, whole)) files.set(path, text);
  const { report, facts, findings } = whole;
  return { files, report, facts, findings, summary: summarize(report, facts, findings) };
}

/** The data files: every fact, region, indicator, finding and bulletin, and the report. */
export function dataFiles(input: Pick<IngestInput, 'catalogue'>, whole: Assembled): Array<[string, string]> {
  return [...factFiles(input, whole), bulletinsFile(whole)];
}

/** The data files that do not depend on emitting the pages (all but data/bulletins.json). */
export function factFiles(input: Pick<IngestInput, 'catalogue'>, whole: Assembled): Array<[string, string]> {
  const names = { regions: whole.index.byCode, indicators: whole.indicators };
  const facts = factsFiles(whole.parsed.map((p) => factRows(whole.factsByBulletin.get(p.meta.bulletin) ?? [], names)));
  // With its byte-order mark: a CSV that spreadsheets open as UTF-8.
  const text = new TextDecoder('utf-8', { ignoreBOM: true });
  return [...facts.map(([path, bytes]): [string, string] => [path, text.decode(bytes)]), ...recordFiles(input, whole)];
}

/** The data files of regions, indicators, findings and the report (facts.json and facts.csv are made by bulletin). */
export function recordFiles(input: Pick<IngestInput, 'catalogue'>, whole: Assembled): Array<[string, string]> {
  const { index, parsed, report, facts, findings } = whole;
  const regions = usedRegions(facts, index.byCode, parsed.map((p) => p.meta.region));
  return [
    ['data/regions.json', toJsonRecords({ regions })],
    ['data/indicators.json', toJsonRecords(publicCatalogue(input.catalogue))],
    ['data/findings.json', toJsonRecords({ findings })],
    ['data/ingest-report.json', toJsonRecords({ files: report })],
  ];
}

/** The bulletins with their English coverage, known once their pages are emitted. */
export function bulletinsFile(whole: Assembled): [string, string] {
  const { parsed, factsByBulletin } = whole;
  return ['data/bulletins.json', toJsonRecords({ bulletins: parsed.map((p) => ({ ...p.meta, facts: (factsByBulletin.get(p.meta.bulletin) ?? []).length, english: p.english })) })];
}

/** The bulletins the seeds hold, segmented (for the translation memory). */
export function parseSeedBulletins(input: Omit<IngestInput, 'translations'>): Array<{ slug: string; file: string; blocks: Block[] }> {
  const index = buildRegionIndex(input.gazetteer);
  const ctx = { index, catalogue: compileCatalogue(input.catalogue) };
  const plan = planSeeds(input.files, input.manifest);
  const readings = plan.map((p) => (p.entry ? null : readBulletin(p.name, p.bytes, p.manifest, ctx)));
  const blocksOf = new Map(readings.flatMap((r, k) => (r?.ok ? [[plan[k]!.name, r.blocks] as const] : [])));
  return assemble(input, index, plan, readings).parsed.map((p) => ({ slug: p.meta.bulletin, file: p.meta.source_file, blocks: blocksOf.get(p.meta.source_file)! }));
}

/** The longest seed is 37 KB and a bulletin as a saved web page a few hundred; beyond this a file is something else. */
export const MAX_BULLETIN_BYTES = 5 * 2 ** 20;

function parseBulletin(seed: PlannedSeed, reading: ReadingSummary, index: RegionIndex, slugs: Set<string>): Parsed | { entry: ReportEntry } {
  const { name, sha256, manifest } = seed;
  if (!reading.ok) return { entry: rejected(name, sha256, reading.reason, reading.line, reading.encoding) };
  const problems: ReportNote[] = [...reading.decodeProblems];
  if (manifest.sha256 && manifest.sha256 !== sha256) {
    problems.push({ line: null, message: `sha256 differs from seeds/manifest.yaml (${manifest.sha256.slice(0, 12)}…): the file changed since it was recorded` });
  }
  problems.push(...reading.cleanProblems);
  const region = index.byCode.get(reading.region)!;
  const { year, kind } = reading;

  let slug = `${region.slug}-${year}-${kind}`;
  for (let n = 2; slugs.has(slug); n++) slug = `${region.slug}-${year}-${kind}-${n}`;
  slugs.add(slug);

  const facts = assignIds(reading.drafts, slug, index);
  for (const k of reading.quoteMissing) problems.push({ line: facts[k]!.source.line, message: `quote for ${facts[k]!.id} not found in the cleaned line` });
  if (facts.length === 0) problems.push({ line: null, message: 'no figures with units found: the text is kept, no facts come from it' });

  const entry: ReportEntry = {
    file: name,
    sha256,
    status: problems.length ? 'partly-used' : 'used',
    bulletin: slug,
    encoding: reading.encoding,
    region: region.code,
    year,
    kind,
    facts: facts.length,
    classified: facts.filter((f) => f.indicator !== 'unclassified').length,
    cleaned: reading.notes,
    problems,
    conflicts: [],
  };
  return {
    entry,
    facts,
    meta: {
      bulletin: slug,
      title_zh: `${region.name_zh}${year}年${KIND_ZH[kind]}`,
      title_en: `${region.name_en}, ${year}: ${KIND_EN[kind]}`,
      source_title: reading.title,
      region: region.code,
      region_slug: region.slug,
      year,
      kind,
      volume: reading.volume,
      published: reading.published,
      publisher: reading.publisher,
      origin: manifest.origin ?? null,
      source_file: name,
      sha256,
    },
  };
}

// Fact ids name their region, year and line ("zhuzhou-2022-L14-1"); the kind of bulletin is
// added only where one region and year has several bulletins. Ids stay readable and pages light.
function shortenFactIds(parsed: Parsed[]): void {
  const perChapter = new Map<string, number>();
  for (const p of parsed) perChapter.set(`${p.meta.region_slug}-${p.meta.year}`, (perChapter.get(`${p.meta.region_slug}-${p.meta.year}`) ?? 0) + 1);
  for (const p of parsed) {
    const chapter = `${p.meta.region_slug}-${p.meta.year}`;
    if (perChapter.get(chapter) !== 1) continue;
    for (const f of p.facts) f.id = f.id.replace(`${p.meta.bulletin}-L`, `${chapter}-L`);
  }
}

function assignIds(drafts: Draft[], bulletin: string, index: RegionIndex): Fact[] {
  const perLine = new Map<number, number>();
  return drafts.map((d) => {
    const n = (perLine.get(d.source.line) ?? 0) + 1;
    perLine.set(d.source.line, n);
    const scope_en = d.scope ? translateScope(d.scope, { regions: index.byCode }) : null;
    return { id: `${bulletin}-L${d.source.line}-${n}`, bulletin, ...d, scope_en, same_as: null };
  });
}

// A figure stated again (in the text and in a table, or in two bulletins) points to its
// first statement, so that tables and charts count it once.
function markRepeats(facts: Fact[]): Fact[] {
  const firsts = new Map<string, Fact[]>();
  return facts.map((f) => {
    if (f.indicator === 'unclassified') return f;
    const key = `${f.region}|${f.year}|${f.indicator}|${f.scope ?? ''}`;
    const earlier = firsts.get(key);
    const same = earlier?.find((e) => e.bound === f.bound && boundsAgree(e, f));
    if (same) return { ...f, same_as: same.id };
    if (earlier) earlier.push(f);
    else firsts.set(key, [f]);
    return f;
  });
}

// Key facts for the generated English: what the text states, and what tables and charts state
// for the bulletin's own year; the time series behind the charts stay in tables and charts.
function englishSections(facts: Fact[], ctx: EnglishContext, catalogue: Catalogue, year: number): EnglishSection[] {
  const topicOf = new Map(catalogue.indicators.map((i) => [i.id, i.topic]));
  const key = (f: Fact) => f.same_as === null && f.indicator !== 'unclassified' && (f.source.block === 'text' || f.year === year);
  return catalogue.topics
    .map((topic) => ({
      heading: topic.name_en,
      sentences: facts.filter((f) => key(f) && topicOf.get(f.indicator) === topic.id).map((f) => describeFact(f, ctx)),
    }))
    .filter((s) => s.sentences.length > 0);
}

function noteConflicts(report: ReportEntry[], parsed: Parsed[], findings: Finding[]): void {
  const entryOf = new Map<string, ReportEntry>();
  for (const r of report) if (r.bulletin !== null && !entryOf.has(r.bulletin)) entryOf.set(r.bulletin, r);
  const bulletinOf = new Map<string, string>();
  for (const p of parsed) for (const f of p.facts) bulletinOf.set(f.id, p.meta.bulletin);
  for (const finding of findings) {
    if (finding.check !== 'two-sources' || finding.status !== 'fail') continue;
    // Each entry receives its notes in the order of the findings and of their facts.
    for (const id of finding.facts) {
      const bulletin = bulletinOf.get(id);
      if (bulletin === undefined) continue;
      const line = Number(/-L(\d+)-\d+$/.exec(id)?.[1]) || null;
      entryOf.get(bulletin)?.conflicts.push({ line, message: `disagrees with another statement: ${finding.message_en}` });
    }
  }
}

/** Looks pieces up in the translation memory; only translations marked translated are used. */
function translator(memory: TranslationFile | undefined): Translate {
  const byId = new Map((memory?.entries ?? []).map((e) => [e.id, e]));
  return (kind, zh) => {
    const entry = byId.get(pieceId(kind, zh.trim()));
    return entry && entry.status === 'translated' && entry.en.trim() !== '' ? entry.en : null;
  };
}

function rejected(file: string, sha256: string, reason: string, line: number | null = null, encoding: string | null = null): ReportEntry {
  return { file, sha256, status: 'rejected', bulletin: null, encoding, region: null, year: null, kind: null, facts: 0, classified: 0, cleaned: [], problems: [{ line, message: reason }], conflicts: [] };
}
