// Where converted records go: NDJSON lines, one JSON array (streamed), or Magento's CSV pair.
import { once } from 'node:events';
import { createMagentoCsvWriter, type MagentoCsvWriteOptions, type MagentoCsvWriter } from '../csv/magento.js';
import type { Out } from '../io/output.js';
import type { BatchResult } from './job.js';

export interface Sink {
  write(result: BatchResult): Promise<void>;
  /** Writes what closes the output (a JSON array's `]`, the CSV writer's end). */
  finish(): Promise<void>;
}

export const ndjsonSink = (out: Out): Sink => ({
  write: async (r) => {
    if (r.converted === 0) return;
    await out.write(r.bytes ?? r.text);
    await out.write('\n');
  },
  finish: async () => {},
});

/** One JSON array, one record per line: `[\n{…},\n{…}\n]\n`, written as records arrive. */
export function jsonSink(out: Out): Sink {
  let first = true;
  return {
    write: async (r) => {
      if (r.converted === 0) return;
      await out.write(first ? '[\n' : ',\n');
      await out.write(r.bytes ?? r.text);
      first = false;
    },
    finish: () => out.write(first ? '[]\n' : '\n]\n'),
  };
}

/** Magento's Customers Main File and Customer Addresses file, through the CSV module's writer. */
export function magentoCsvSink(main: Out, addresses: Out, options?: MagentoCsvWriteOptions): Sink {
  let writer: MagentoCsvWriter | undefined;
  const writerOf = () => (writer ??= createMagentoCsvWriter(main.stream, addresses.stream, options));
  return {
    write: async (r) => {
      const w = writerOf();
      for (const record of r.data) w.write(record);
      for (const out of [main, addresses]) if (out.stream.writableNeedDrain) await once(out.stream, 'drain');
    },
    finish: () => writerOf().end(),
  };
}

export const nullSink: Sink = { write: async () => {}, finish: async () => {} };
