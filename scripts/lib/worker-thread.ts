/**
 * A worker thread that answers numbered requests, for the pools of ingest and search: each call
 * is a promise settled by the reply carrying its number, or rejected with the error the thread
 * sent back; if the thread itself fails, every call still waiting is rejected.
 */
import { parentPort, Worker } from 'node:worker_threads';

type Envelope<Reply> = { id: number; reply: Reply } | { id: number; error: string };

export class WorkerThread<Request, Reply> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(script: URL, workerData: unknown) {
    this.worker = new Worker(script, { workerData });
    this.worker.on('message', (m: Envelope<Reply>) => {
      const waiting = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('error' in m) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.reply);
    });
    this.worker.on('error', (e: unknown) => {
      const error = e instanceof Error ? e : new Error(String(e));
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    });
  }

  /** Calls not answered yet. */
  get pending(): number {
    return this.waiting.size;
  }

  call(request: Request): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * In the worker: answers each request with what `handle` returns (its `transfer` buffers handed
 * over, not copied), or with the error it threw.
 */
export function answerRequests<Request, Reply>(handle: (request: Request) => { reply: Reply; transfer?: ArrayBuffer[] }): void {
  const port = parentPort!;
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    try {
      const { reply, transfer } = handle(request);
      port.postMessage({ id, reply } satisfies Envelope<Reply>, transfer ?? []);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Envelope<Reply>);
    }
  });
}
