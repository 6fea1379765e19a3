/**
 * The per-bulletin stages of ingest, as a worker thread runs them (scripts/lib/ingest-worker.ts)
 * or the command itself for a few bulletins: read a bulletin (or take its reading from the
 * cache), and later emit its pages. Blocks stay where the bulletin was read; only the small
 * parts of a reading travel.
 */
import type { Block } from '../../src/pipeline/blocks.ts';
import { factRows, type FactRows } from '../../src/pipeline/emit-data.ts';
import { compileCatalogue } from '../../src/pipeline/classify.ts';
import { emitBulletin, emitEnv, type EmitEnv, type EmitJob, type Emitted, type ReadingSummary } from '../../src/pipeline/ingest.ts';
import type { ManifestEntry } from '../../src/pipeline/manifest.ts';
import { readBulletin, type ReadContext, type Reading } from '../../src/pipeline/read-bulletin.ts';
import { buildRegionIndex } from '../../src/pipeline/regions.ts';
import type { Catalogue, Region } from '../../src/pipeline/schema.ts';
import { EntryCache } from './ingest-cache.ts';

export type StagesData = { catalogue: Catalogue; gazetteer: Region[]; cacheDir: string | null };
/** Pages as UTF-8 bytes, ready to compare with what is on disk, and the bulletin's rows of the facts files. */
export type EmittedBytes = Omit<Emitted, 'zh' | 'en'> & { zh: Uint8Array; en: Uint8Array; rows: FactRows };

const encoder = new TextEncoder();

export class BulletinStages {
  private readonly ctx: ReadContext;
  private readonly env: EmitEnv;
  private readonly cache: EntryCache | null;
  private readonly blocksOf = new Map<string, Block[]>();

  constructor(data: StagesData) {
    const index = buildRegionIndex(data.gazetteer);
    this.ctx = { index, catalogue: compileCatalogue(data.catalogue) };
    this.env = emitEnv(data.catalogue, index);
    this.cache = data.cacheDir ? new EntryCache(data.cacheDir) : null;
  }

  read(name: string, bytes: Uint8Array, manifest: ManifestEntry, key: string): { reading: ReadingSummary; cached: boolean } {
    let reading = this.cache?.get<Reading>(key);
    const cached = reading !== undefined;
    reading ??= readBulletin(name, bytes, manifest, this.ctx);
    if (!cached) this.cache?.set(key, reading);
    if (!reading.ok) return { reading, cached };
    const { blocks, ...summary } = reading;
    this.blocksOf.set(name, blocks);
    return { reading: summary, cached };
  }

  emit(job: EmitJob): EmittedBytes {
    const blocks = this.blocksOf.get(job.meta.source_file);
    if (!blocks) throw new Error(`${job.meta.source_file}: emitted where it was not read`);
    const { zh, en, english } = emitBulletin(job, blocks, this.env);
    return { zh: encoder.encode(zh), en: encoder.encode(en), english, rows: factRows(job.facts, this.env) };
  }
}
