// Spreads batches over worker threads and hands their results back in submission order, so output
// order = input order. At most two batches per worker are in flight: reading waits for the output,
// and memory stays flat whatever the input size.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BatchResult, Item, Job } from './job.js';

/** The worker entry beside this module: dist/cli-worker.js when built, src/cli/worker.ts under tsx. */
function workerUrl(): URL {
  const built = new URL('./cli-worker.js', import.meta.url);
  return existsSync(built) ? built : new URL('./worker.ts', import.meta.url);
}

export class Pool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly results = new Map<number, BatchResult>();
  private next = 0;
  private delivered = 0;
  private closing = false;
  private submitted = 0;
  private failure: Error | undefined;
  private delivering: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(
    size: number,
    job: Job,
    private readonly deliver: (result: BatchResult) => Promise<void>,
  ) {
    const url = workerUrl();
    this.workers = Array.from({ length: size }, (_, i) => {
      const worker = new Worker(url, { workerData: job });
      worker.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => this.receive(i, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
    this.busy = this.workers.map(() => 0);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private receive(worker: number, m: { seq: number; result?: BatchResult; error?: string }): void {
    this.busy[worker] = (this.busy[worker] ?? 1) - 1;
    if (m.error !== undefined || !m.result) return this.fail(new Error(m.error ?? 'a worker thread sent no result'));
    this.results.set(m.seq, m.result);
    while (this.results.has(this.next)) {
      const result = this.results.get(this.next) as BatchResult;
      this.results.delete(this.next);
      this.next += 1;
      this.delivering = this.delivering
        .then(() => this.deliver(result))
        .then(
          () => {
            this.delivered += 1;
            this.poke();
          },
          (e: Error) => this.fail(e),
        );
    }
    this.poke();
  }

  /** Batches submitted and not yet written. */
  private inFlight(): number {
    return this.submitted - this.delivered;
  }

  private async waitUntil(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    if (this.failure) throw this.failure;
  }

  /** Sends a batch to the least busy worker; waits first while every worker has two batches. */
  async submit(items: Item[]): Promise<void> {
    await this.waitUntil(() => this.inFlight() < this.workers.length * 2);
    let chosen = 0;
    for (let i = 1; i < this.workers.length; i++) if ((this.busy[i] ?? 0) < (this.busy[chosen] ?? 0)) chosen = i;
    const seq = this.submitted++;
    this.busy[chosen] = (this.busy[chosen] ?? 0) + 1;
    this.workers[chosen]?.postMessage({ seq, items });
  }

  /** Waits for every submitted batch to be delivered. */
  async drain(): Promise<void> {
    await this.waitUntil(() => this.delivered === this.submitted);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
