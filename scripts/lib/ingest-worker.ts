/** A worker thread of the ingest command: runs the per-bulletin stages it is sent (ingest-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './ingest-pool.ts';
import { BulletinStages, type StagesData } from './ingest-stages.ts';

const stages = new BulletinStages(workerData as StagesData);
const port = parentPort!;

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'read') {
      port.postMessage({ id: message.id, ...stages.read(message.name, message.bytes, message.manifest, message.key) } satisfies FromWorker);
    } else {
      const pages = stages.emit(message.job);
      // The page bytes have buffers of their own: handed over, not copied.
      port.postMessage({ id: message.id, ...pages } satisfies FromWorker, [pages.zh.buffer as ArrayBuffer, pages.en.buffer as ArrayBuffer]);
    }
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
  }
});
