/** A worker thread of the search step: makes the records of the pages it is sent (search-pool.ts). */
import { workerData } from 'node:worker_threads';
import type { ToWorker } from './search-pool.ts';
import { recordOfHtml, type PageRecord, type RegionNames } from './search-records.ts';
import { answerRequests } from './worker-thread.ts';

const regions = workerData as RegionNames;

answerRequests<ToWorker, PageRecord>(({ bytes, page }) => ({ reply: recordOfHtml(bytes, page, regions) }));
