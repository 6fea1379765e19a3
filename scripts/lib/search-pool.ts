/**
 * Pages made into search records on worker threads (search-worker.ts), or in this thread for a
 * small site. Parsing the HTML is most of the search step's work, and the thread that feeds
 * Pagefind would otherwise do it all on one core; the records come back as promises, which the
 * caller awaits in page order, so the index does not depend on which thread was faster.
 */
import { Worker } from 'node:worker_threads';
import { recordOfHtml, type PageInfo, type PageRecord, type RegionNames } from './search-records.ts';

export type ToWorker = { id: number; bytes: Uint8Array; page: PageInfo };
export type FromWorker = { id: number; record: PageRecord } | { id: number; error: string };

export class RecordPool {
  private readonly workers: Array<{ worker: Worker; pending: number }>;
  private readonly regions: RegionNames;
  private readonly waiting = new Map<number, { resolve: (r: PageRecord) => void; reject: (e: Error) => void; thread: number }>();
  private nextId = 0;

  /** `threads` = 0: every record is made in this thread. */
  constructor(threads: number, regions: RegionNames) {
    this.regions = regions;
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: regions });
      worker.on('message', (m: FromWorker) => this.settle(m));
      worker.on('error', (e: unknown) => this.failAll(e instanceof Error ? e : new Error(String(e))));
      return { worker, pending: 0 };
    });
  }

  /** The record of a page from its HTML bytes. */
  record(bytes: Uint8Array, page: PageInfo): Promise<PageRecord> {
    if (this.workers.length === 0) return Promise.resolve(recordOfHtml(bytes, page, this.regions));
    // To the thread with the fewest pages waiting.
    const thread = this.workers.reduce((best, w, k) => (w.pending < this.workers[best]!.pending ? k : best), 0);
    const id = this.nextId++;
    this.workers[thread]!.pending++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, thread });
      // Copied (file buffers cannot be handed over): a page is some 100 KB.
      this.workers[thread]!.worker.postMessage({ id, bytes, page } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private settle(m: FromWorker): void {
    const waiting = this.waiting.get(m.id);
    if (!waiting) return;
    this.waiting.delete(m.id);
    this.workers[waiting.thread]!.pending--;
    if ('error' in m) waiting.reject(new Error(m.error));
    else waiting.resolve(m.record);
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
