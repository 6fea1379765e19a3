/**
 * One bulletin on its own: read → clean → segment → identify → extract. What comes out depends
 * only on the file's bytes, its manifest entry and the pipeline's code and data, never on the
 * other bulletins, so it can run on any thread and be kept between runs (scripts/lib/ingest-cache.ts).
 * It is plain data (structured-clone and JSON safe). Slugs and fact ids, which do depend on the
 * other bulletins, are given afterwards (ingest.ts).
 */
import type { Block } from './blocks.ts';
import { cleanText } from './clean.ts';
import type { compileCatalogue } from './classify.ts';
import { decodeBulletin } from './decode.ts';
import type { Draft } from './draft.ts';
import { extractBulletin } from './extract.ts';
import { identifyBulletin } from './identify.ts';
import type { ManifestEntry } from './manifest.ts';
import type { RegionIndex } from './regions.ts';
import type { Kind, ReportNote } from './schema.ts';
import { segmentLines } from './segment.ts';

export type Reading =
  | { ok: false; reason: string; line: number | null; encoding: string | null }
  | {
      ok: true;
      encoding: string;
      /** Problems of decoding, then of cleaning (the manifest's own check goes between). */
      decodeProblems: ReportNote[];
      cleanProblems: ReportNote[];
      /** What cleaning did and how the bulletin was identified. */
      notes: ReportNote[];
      blocks: Block[];
      region: string;
      year: number;
      kind: Kind;
      title: string | null;
      volume: number | null;
      published: string | null;
      publisher: string | null;
      drafts: Draft[];
      /** Drafts whose quote is not in their cleaned line (by index), a sign of a cleaning bug. */
      quoteMissing: number[];
    };

export type ReadContext = { index: RegionIndex; catalogue: ReturnType<typeof compileCatalogue> };

/**
 * @example
 *   readBulletin('anyang-2022.txt', bytes, {}, ctx).ok
 */
export function readBulletin(name: string, bytes: Uint8Array, manifest: ManifestEntry, ctx: ReadContext): Reading {
  const decoded = decodeBulletin(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, line: decoded.line, encoding: null };
  const rejected = (reason: string): Reading => ({ ok: false, reason, line: null, encoding: decoded.encoding });
  if (decoded.text.trim() === '') return rejected('empty file (only blank lines)');
  const cleaned = cleanText(decoded.text);
  const blocks = segmentLines(cleaned.lines);
  const identity = identifyBulletin({ blocks, frontMatter: cleaned.frontMatter, html: cleaned.html }, ctx.index);
  const region = manifest.region ? (ctx.index.byCode.get(manifest.region) ?? null) : identity.region;
  const year = manifest.year ?? identity.year;
  const kind = manifest.kind ?? identity.kind;
  if (!region) return rejected('no recognisable region: no province or prefecture is named; add one in seeds/manifest.yaml');
  if (!year) return rejected('no recognisable data year: no "YYYY年" with figures; add one in seeds/manifest.yaml');

  const drafts = extractBulletin(blocks, { file: name, region, year, index: ctx.index, catalogue: ctx.catalogue });
  // Several cleaned lines can share a raw line (an HTML body on one line).
  const lineTexts = new Map<number, string[]>();
  for (const l of cleaned.lines) {
    const texts = lineTexts.get(l.line);
    if (texts) texts.push(l.text);
    else lineTexts.set(l.line, [l.text]);
  }
  const quoteMissing = drafts.flatMap((d, k) => (lineTexts.get(d.source.line)?.some((t) => t.includes(d.source.quote)) ? [] : [k]));
  return {
    ok: true,
    encoding: decoded.encoding,
    decodeProblems: decoded.problems,
    cleanProblems: cleaned.problems,
    notes: [...cleaned.notes, ...identity.evidence.map((message) => ({ line: null, message }))],
    blocks,
    region: region.code,
    year,
    kind,
    title: manifest.title ?? identity.title,
    volume: identity.volume,
    published: manifest.published ?? identity.published,
    publisher: manifest.publisher ?? identity.publisher,
    drafts,
    quoteMissing,
  };
}
