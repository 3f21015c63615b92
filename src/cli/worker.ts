// Worker-thread entry (built as dist/cli-worker.js): converts the batches the CLI's pool sends.
import { parentPort, workerData } from 'node:worker_threads';
import { runBatch, type Item, type Job } from './job.js';

const job = workerData as Job;
const encoder = new TextEncoder();
parentPort?.on('message', ({ seq, items }: { seq: number; items: Item[] }) => {
  try {
    const result = runBatch(job, items);
    if (result.text === '') parentPort?.postMessage({ seq, result });
    else {
      const bytes = encoder.encode(result.text);
      parentPort?.postMessage({ seq, result: { ...result, text: '', bytes } }, [bytes.buffer]);
    }
  } catch (error) {
    parentPort?.postMessage({ seq, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
