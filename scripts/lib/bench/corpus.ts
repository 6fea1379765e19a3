/**
 * A synthetic corpus of N bulletins for benchmarking and for testing the pipeline at scale:
 * the files (named region-year-kind.txt, most in UTF-8, some with BOM and CRLF, some in
 * GB18030), a seeds/manifest.yaml giving each file's sha256, region, data year, publisher
 * and publication date, and what the pipeline should find in them: the key figures of every
 * bulletin, and the failed checks each deliberate flaw should cause. Same N and seed, same
 * bytes.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import type { Kind, Region } from '../../../src/pipeline/schema.ts';
import { writeBulletin } from './layout-bulletin.ts';
import { writeFundReport } from './layout-fund-report.ts';
import { writeNews } from './layout-news.ts';
import { writeYearbook } from './layout-yearbook.ts';
import { FLAW_FINDINGS, type Flaw, type Layout, type LayoutInput, type LayoutOutput } from './layout.ts';
import { RegionModels } from './model.ts';
import { planCorpus, type PlannedBulletin } from './plan.ts';
import { randomFor } from './random.ts';
import type { ExpectedFact } from './statements.ts';

export type CorpusFile = { name: string; bytes: Uint8Array };

export type ExpectedBulletin = {
  file: string;
  region: string;
  year: number;
  kind: Kind;
  layout: Layout;
  encoding: 'utf-8' | 'utf-8-bom-crlf' | 'gb18030';
  flaw: Flaw | null;
  facts: ExpectedFact[];
};

export type Corpus = {
  n: number;
  seed: number;
  /** The bulletins, then manifest.yaml and README.md (what a seeds folder holds). */
  files: CorpusFile[];
  manifest: string;
  bulletins: ExpectedBulletin[];
  /** Failed checks the flaws should cause: one entry per check, naming its bulletin. */
  flaws: Array<{ file: string; flaw: Flaw; check: string; indicator: string; region: string; year: number }>;
  /** sha256 over every file name and its bytes, in order. */
  sha256: string;
  regions: number;
  provinces: number;
  prefectures: number;
  firstYear: number;
  lastYear: number;
};

const WRITERS: Record<Layout, (input: LayoutInput) => LayoutOutput> = {
  bulletin: writeBulletin,
  yearbook: writeYearbook,
  'fund-report': writeFundReport,
  news: writeNews,
};

/** How many years of history a fund report's chart data goes back. */
const HISTORY_YEARS = 7;

/**
 * @example
 *   const corpus = generateCorpus(50, 1, gazetteer);
 *   corpus.files.length // 52: 50 bulletins, manifest.yaml, README.md
 */
export function generateCorpus(n: number, seed: number, gazetteer: Region[]): Corpus {
  const plan = planCorpus(n, seed, gazetteer);
  const models = new RegionModels(seed, gazetteer);
  const files: CorpusFile[] = [];
  const bulletins: ExpectedBulletin[] = [];
  const manifest: Record<string, Record<string, string | number>> = {};

  for (const planned of plan.bulletins) {
    const m = models.get(planned.region);
    const random = randomFor(seed, `text|${planned.region.code}|${planned.year}`);
    const publisher = planned.layout === 'fund-report' ? `${planned.region.name_zh}医疗保障事务中心` : `${planned.region.name_zh}医疗保障局`;
    const published = `${planned.year + 1}-${String(random.int(2, 5)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const history = [...Array(HISTORY_YEARS).keys()].map((k) => m.years.get(planned.year - HISTORY_YEARS + 1 + k)!);
    const out = WRITERS[planned.layout]({
      region: planned.region,
      year: planned.year,
      now: m.years.get(planned.year)!,
      before: m.years.get(planned.year - 1)!,
      history,
      children: planned.children.map((c) => models.get(c)),
      flaw: planned.flaw,
      publisher,
      published,
      random,
    });
    const encoding = pickEncoding(planned, random.next());
    const name = `${planned.region.slug}-${planned.year}-${planned.layout}.txt`;
    const bytes = encode(out.text, encoding);
    files.push({ name, bytes });
    bulletins.push({ file: name, region: planned.region.code, year: planned.year, kind: planned.layout, layout: planned.layout, encoding, flaw: planned.flaw, facts: out.facts });
    manifest[name] = { sha256: sha256(bytes), region: planned.region.code, year: planned.year, publisher, published };
  }

  const manifestText = [
    `# Synthetic bulletins for npm run bench: ${n} bulletins, seed ${seed}. Generated; do not edit.`,
    '# Every figure is invented. Region codes and names are GB/T 2260 (src/data/gazetteer.json).',
    stringify({ bulletins: manifest }, { lineWidth: 0 }),
  ].join('\n');
  files.push({ name: 'manifest.yaml', bytes: new TextEncoder().encode(manifestText) });
  files.push({ name: 'README.md', bytes: new TextEncoder().encode(readme(n, seed)) });

  const flaws = bulletins.flatMap((b) => (b.flaw ? FLAW_FINDINGS[b.flaw].map((f) => ({ file: b.file, flaw: b.flaw!, ...f, region: b.region, year: b.year })) : []));
  const digest = createHash('sha256');
  for (const f of files) digest.update(f.name).update('\0').update(f.bytes).update('\0');
  return {
    n,
    seed,
    files,
    manifest: manifestText,
    bulletins,
    flaws,
    sha256: digest.digest('hex'),
    regions: plan.regions.length,
    provinces: plan.regions.filter((r) => r.level === 'province').length,
    prefectures: plan.regions.filter((r) => r.level === 'prefecture').length,
    firstYear: plan.firstYear,
    lastYear: plan.lastYear,
  };
}

// Mostly UTF-8 as published; some saved by Windows tools, some in the GB18030 of older sites.
// News articles are saved web pages: always UTF-8.
function pickEncoding(planned: PlannedBulletin, x: number): ExpectedBulletin['encoding'] {
  if (planned.layout === 'news') return 'utf-8';
  if (x < 0.1) return 'gb18030';
  if (x < 0.2) return 'utf-8-bom-crlf';
  return 'utf-8';
}

function encode(text: string, encoding: ExpectedBulletin['encoding']): Uint8Array {
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  if (encoding === 'utf-8-bom-crlf') return new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
  return new TextEncoder().encode(text);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readme(n: number, seed: number): string {
  return `# Synthetic seeds (${n} bulletins, seed ${seed})

Generated by \`npm run bench\` (scripts/lib/bench/): invented figures for real regions, in the
layouts of the real seeds — statistical bulletin, yearbook entry, fund report with tables and
chart data, news article. A few carry deliberate inconsistencies (scripts/lib/bench/layout.ts,
FLAWS) that the checks must report. Not for publication.
`;
}
