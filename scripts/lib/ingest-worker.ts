/** A worker thread of the ingest command: runs the per-bulletin stages it is sent (ingest-pool.ts). */
import { workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './ingest-pool.ts';
import { BulletinStages, type StagesData } from './ingest-stages.ts';
import { answerRequests } from './worker-thread.ts';

const stages = new BulletinStages(workerData as StagesData);

answerRequests<ToWorker, FromWorker>((message) => {
  if (message.type === 'read') return { reply: stages.read(message.name, message.bytes, message.manifest, message.key) };
  const pages = stages.emit(message.job);
  // The bytes of the pages and rows have buffers of their own: handed over, not copied.
  return { reply: pages, transfer: [pages.zh, pages.en, pages.rows.json, pages.rows.csv].map((b) => b.buffer as ArrayBuffer) };
});
