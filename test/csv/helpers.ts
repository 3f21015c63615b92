import { Readable, Writable } from 'node:stream';
import { createMagentoCsvWriter, type MagentoCsvWriteOptions } from '../../src/csv/magento.js';
import type { SourceItem } from '../../src/io/items.js';

/** A readable of `text` (or of bytes), in chunks of `size` bytes (to cross chunk boundaries anywhere). */
export const stream = (text: string | Uint8Array, size = 0): Readable => {
  if (size <= 0) return Readable.from([Buffer.from(text)]);
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

export async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A writable that keeps what it is given, as text. */
export function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    }),
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/** Writes `records` with a Magento CSV writer; returns the two files. */
export async function writeAll(records: readonly Record<string, unknown>[], options?: MagentoCsvWriteOptions): Promise<{ main: string; addresses: string }> {
  const main = sink();
  const addresses = sink();
  const writer = createMagentoCsvWriter(main.stream, addresses.stream, options);
  for (const r of records) writer.write(r);
  await writer.end();
  return { main: main.text(), addresses: addresses.text() };
}

/** Lines joined with LF, for CSV texts in tests. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;
