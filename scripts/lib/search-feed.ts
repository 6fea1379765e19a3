/**
 * Records fed to a Pagefind index with at most `window` of them unanswered. Pagefind's Node API
 * writes every call straight into its service's stdin pipe: a whole yearbook's records sent at
 * once piled up in Node's write queue until the kernel refused it (write ENOBUFS) and the service
 * stopped. Waiting for the oldest answer before sending more keeps the queue short, and lets the
 * service index while the next pages are read. The service answers in the order it was sent to,
 * so the index is the same from run to run.
 *
 * Each answer's word count is checked against the record's number of terms: the search page
 * maps the positions Pagefind reports back to passages by counting terms, which only holds if
 * Pagefind read one word per term.
 */
import type { PagefindIndex } from 'pagefind';
import type { SearchRecord } from './search-records.ts';

export class RecordFeed {
  private readonly pending: Array<Promise<void>> = [];
  private failure: Error | null = null;
  private readonly index: PagefindIndex;
  private readonly window: number;

  constructor(index: PagefindIndex, window = 16) {
    this.index = index;
    this.window = window;
  }

  /** Sends a record once fewer than `window` are unanswered; `terms` is its number of terms. */
  async add(record: SearchRecord, terms: number): Promise<void> {
    while (this.pending.length >= this.window) await this.pending.shift();
    if (this.failure) throw this.failure;
    this.pending.push(
      this.index.addCustomRecord(record).then(
        ({ errors, file }) => {
          if (errors.length) this.failure ??= new Error(`pagefind: ${record.url}: ${errors.join('; ')}`);
          else if (file && file.uniqueWords !== terms) this.failure ??= new Error(`pagefind read ${file.uniqueWords} words in ${record.url}, not its ${terms} terms: results could not point at passages`);
        },
        (e: unknown) => {
          this.failure ??= e instanceof Error ? e : new Error(String(e));
        },
      ),
    );
  }

  /** Waits for every answer; throws the first failure. */
  async drain(): Promise<void> {
    while (this.pending.length) await this.pending.shift();
    if (this.failure) throw this.failure;
  }
}
