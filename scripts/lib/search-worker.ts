/** A worker thread of the search step: makes the records of the pages it is sent (search-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './search-pool.ts';
import { recordOfHtml, type RegionNames } from './search-records.ts';

const regions = workerData as RegionNames;
const port = parentPort!;

port.on('message', ({ id, bytes, page }: ToWorker) => {
  try {
    port.postMessage({ id, record: recordOfHtml(bytes, page, regions) } satisfies FromWorker);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
  }
});
