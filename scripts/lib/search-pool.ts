/**
 * Pages made into search records on worker threads (search-worker.ts), or in this thread for a
 * small site. Parsing the HTML is most of the search step's work, and the thread that feeds
 * Pagefind would otherwise do it all on one core; the records come back as promises, which the
 * caller awaits in page order, so the index does not depend on which thread was faster.
 */
import { recordOfHtml, type PageInfo, type PageRecord, type RegionNames } from './search-records.ts';
import { WorkerThread } from './worker-thread.ts';

export type ToWorker = { bytes: Uint8Array; page: PageInfo };

export class RecordPool {
  private readonly workers: Array<WorkerThread<ToWorker, PageRecord>>;
  private readonly regions: RegionNames;

  /** `threads` = 0: every record is made in this thread. */
  constructor(threads: number, regions: RegionNames) {
    this.regions = regions;
    this.workers = Array.from({ length: threads }, () => new WorkerThread<ToWorker, PageRecord>(new URL('./search-worker.ts', import.meta.url), regions));
  }

  /** The record of a page from its HTML bytes (copied to the thread: a page is some 100 KB). */
  record(bytes: Uint8Array, page: PageInfo): Promise<PageRecord> {
    if (this.workers.length === 0) return Promise.resolve(recordOfHtml(bytes, page, this.regions));
    // To the thread with the fewest pages waiting.
    const thread = this.workers.reduce((best, w) => (w.pending < best.pending ? w : best));
    return thread.call({ bytes, page });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
