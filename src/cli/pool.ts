// Spreads batches over worker threads and hands their results back in submission order, so output
// order = input order. At most two batches per worker are in flight: reading waits for the output,
// and memory stays flat whatever the input size.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { runBatch, type BatchResult, type Item, type Job } from './job.js';
import { UsageError } from './options.js';

/**
 * Each worker's heap limit in MiB (environment `CUSTOMER_CODECS_WORKER_HEAP_MB`, default 96). A worker
 * holds the library (about 20 MiB) and at most two batches; without a limit V8 lets each heap grow to
 * several times that before it collects. A batch that does not fit (one huge record) is converted in
 * the main thread instead, and the worker replaced: the limit costs memory, never a record.
 */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CUSTOMER_CODECS_WORKER_HEAP_MB;
  const mb = raw === undefined || raw === '' ? 96 : Number(raw);
  if (!Number.isInteger(mb) || mb < 32) throw new UsageError(`CUSTOMER_CODECS_WORKER_HEAP_MB expects a whole number of MiB, at least 32 (got ${JSON.stringify(raw)})`);
  return mb;
}

/** The worker entry beside this module: dist/cli-worker.js when built, src/cli/worker.ts under tsx. */
function workerUrl(): URL {
  const built = new URL('./cli-worker.js', import.meta.url);
  return existsSync(built) ? built : new URL('./worker.ts', import.meta.url);
}

export class Pool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly results = new Map<number, BatchResult>();
  /** Batches sent and not answered, by sequence number: what a worker that ran out of memory held. */
  private readonly sent = new Map<number, { worker: number; items: Item[] }>();
  private next = 0;
  private delivered = 0;
  private closing = false;
  private submitted = 0;
  private failure: Error | undefined;
  private delivering: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private readonly url = workerUrl();
  private readonly heapMb = workerHeapMb();

  constructor(
    size: number,
    private readonly job: Job,
    private readonly deliver: (result: BatchResult) => Promise<void>,
    /** Told when a batch is converted in this thread (for `--verbose`). */
    private readonly notice: (text: string) => void = () => {},
  ) {
    this.workers = Array.from({ length: size }, (_, i) => this.spawn(i));
    this.busy = this.workers.map(() => 0);
  }

  private spawn(i: number): Worker {
    // A small young generation too: the default lets each heap keep tens of MiB of short-lived garbage.
    const worker = new Worker(this.url, { workerData: this.job, resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 6 } });
    worker.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => this.receive(i, m));
    worker.on('error', (e: Error & { code?: string }) => (e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.replace(i, worker) : this.fail(e)));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing && this.workers[i] === worker) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  /** A worker out of memory: a new one takes its place, and its batches are converted here, in order. */
  private replace(i: number, worker: Worker): void {
    if (this.workers[i] !== worker) return;
    // Out of memory with no batch: the library itself does not fit. Another worker would fare no better.
    if (![...this.sent.values()].some((b) => b.worker === i)) {
      return this.fail(new Error(`a worker thread ran out of memory loading the library: raise CUSTOMER_CODECS_WORKER_HEAP_MB (now ${this.heapMb})`));
    }
    this.workers[i] = this.spawn(i);
    this.busy[i] = 0;
    for (const [seq, { worker: w, items }] of [...this.sent]) {
      if (w !== i) continue;
      this.notice(`a batch of ${items.length} record(s) did not fit a worker's ${this.heapMb} MiB heap: converted in the main thread`);
      try {
        this.accept(seq, runBatch(this.job, items));
      } catch (error) {
        this.fail(error as Error);
      }
    }
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
    this.accept(m.seq, m.result);
  }

  /** A batch's result: delivered once every batch before it is. */
  private accept(seq: number, result: BatchResult): void {
    this.sent.delete(seq);
    this.results.set(seq, result);
    while (this.results.has(this.next)) {
      const ready = this.results.get(this.next) as BatchResult;
      this.results.delete(this.next);
      this.next += 1;
      this.delivering = this.delivering
        .then(() => this.deliver(ready))
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
    this.sent.set(seq, { worker: chosen, items });
    try {
      this.workers[chosen]?.postMessage({ seq, items });
    } catch (error) {
      // A record too deep for the structured clone that carries it to a worker (a JSON array's
      // record, parsed here): the batch is converted in this thread, where it is a reject too_deep.
      if (!(error instanceof RangeError)) throw error;
      this.busy[chosen] = (this.busy[chosen] ?? 1) - 1;
      this.accept(seq, runBatch(this.job, items));
    }
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
