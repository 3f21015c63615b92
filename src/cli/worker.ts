// Worker-thread entry (built as dist/cli-worker.js): converts the batches the CLI's pool sends.
import { parentPort, workerData } from 'node:worker_threads';
import { runBatch, type Item, type Job } from './job.js';

const job = workerData as Job;
parentPort?.on('message', ({ seq, items }: { seq: number; items: Item[] }) => {
  try {
    parentPort?.postMessage({ seq, result: runBatch(job, items) });
  } catch (error) {
    parentPort?.postMessage({ seq, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
