/**
 * The per-bulletin stages of ingest (reading and emitting) on worker threads, or in this thread
 * for a few bulletins, with results in the order asked for whatever thread finishes first: the
 * output does not depend on timing. A bulletin is emitted on the thread that read it, where its
 * blocks are.
 */
import type { EmitJob, PlannedSeed, ReadingSummary } from '../../src/pipeline/ingest.ts';
import type { ManifestEntry } from '../../src/pipeline/manifest.ts';
import { BulletinStages, type EmittedBytes, type StagesData } from './ingest-stages.ts';
import { WorkerThread } from './worker-thread.ts';

export type Stages = {
  read(seeds: PlannedSeed[], keys: string[]): Promise<{ readings: ReadingSummary[]; cached: number }>;
  emit(jobs: EmitJob[]): Promise<EmittedBytes[]>;
  close(): Promise<void>;
};

/** The stages in this thread, one bulletin after another. */
export function localStages(data: StagesData): Stages {
  const stages = new BulletinStages(data);
  return {
    read: async (seeds, keys) => {
      const results = seeds.map((s, k) => stages.read(s.name, s.bytes, s.manifest, keys[k]!));
      return { readings: results.map((r) => r.reading), cached: results.filter((r) => r.cached).length };
    },
    emit: async (jobs) => jobs.map((job) => stages.emit(job)),
    close: async () => {},
  };
}

export type ToWorker =
  | { type: 'read'; name: string; bytes: Uint8Array; manifest: ManifestEntry; key: string }
  | { type: 'emit'; job: EmitJob };
export type FromWorker = { reading: ReadingSummary; cached: boolean } | EmittedBytes;

// Messages in flight per thread: enough that a thread never waits for the next job.
const WINDOW = 4;

export class IngestPool implements Stages {
  private readonly workers: Array<WorkerThread<ToWorker, FromWorker>>;
  private readonly holder = new Map<string, number>();

  constructor(size: number, data: StagesData) {
    this.workers = Array.from({ length: size }, () => new WorkerThread<ToWorker, FromWorker>(new URL('./ingest-worker.ts', import.meta.url), data));
  }

  /** Readings of the seeds, in their order; `keys` are their cache keys. */
  async read(seeds: PlannedSeed[], keys: string[]): Promise<{ readings: ReadingSummary[]; cached: number }> {
    let cached = 0;
    const readings = await this.spread(seeds.length, (k) => ({ type: 'read', name: seeds[k]!.name, bytes: seeds[k]!.bytes, manifest: seeds[k]!.manifest, key: keys[k]! }), null, (k, w) => this.holder.set(seeds[k]!.name, w));
    const out = readings.map((m) => {
      if (!('reading' in m)) throw new Error('unexpected reply to a read');
      if (m.cached) cached++;
      return m.reading;
    });
    return { readings: out, cached };
  }

  /** The pages of each job, in order, each on the thread that read its bulletin. */
  async emit(jobs: EmitJob[]): Promise<EmittedBytes[]> {
    const replies = await this.spread(jobs.length, (k) => ({ type: 'emit', job: jobs[k]! }), (k) => this.holder.get(jobs[k]!.meta.source_file)!);
    return replies.map((m) => {
      if (!('zh' in m)) throw new Error('unexpected reply to an emit');
      return m;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  // Jobs 0…n-1 over the threads: to a fixed thread where `threadOf` says, otherwise to whichever
  // has room; each thread holds at most WINDOW of them at a time.
  private spread(n: number, message: (k: number) => ToWorker, threadOf: ((k: number) => number) | null, placed?: (k: number, w: number) => void): Promise<FromWorker[]> {
    const results = new Array<FromWorker>(n);
    const queues = this.workers.map(() => [] as number[]);
    const shared: number[] = [];
    for (let k = 0; k < n; k++) (threadOf ? queues[threadOf(k)]! : shared).push(k);
    return new Promise((resolve, reject) => {
      let done = 0;
      if (n === 0) resolve(results);
      const feed = (w: number) => {
        const k = queues[w]!.shift() ?? shared.shift();
        if (k === undefined) return;
        placed?.(k, w);
        this.workers[w]!.call(message(k)).then((m) => {
          results[k] = m;
          if (++done === n) resolve(results);
          else feed(w);
        }, reject);
      };
      // Jobs bound to a thread are all sent at once, so that this thread can do other work
      // meanwhile; shared ones a few at a time, so that a slow thread takes fewer.
      this.workers.forEach((_, w) => {
        const count = threadOf ? queues[w]!.length : WINDOW;
        for (let i = 0; i < count; i++) feed(w);
      });
    });
  }
}
