// Placeholder: the Magento CSV reader and writer are built in another branch (issue 4, item 2 and 3);
// these are the exact signatures the CLI calls. The lead replaces this file on merge.
import type { Readable, Writable } from 'node:stream';
import type { SourceItem } from '../io/items.js';

const notMerged = (): never => {
  throw new Error('magento CSV: not merged yet');
};

/** Customers Main File, joined with the Customer Addresses file when given. */
export function readMagentoCsv(main: Readable, options?: { addresses?: Readable }): AsyncIterable<SourceItem> {
  void main;
  void options;
  return notMerged();
}

/** The single-file "Customers and Addresses" format. */
export function readMagentoCompositeCsv(file: Readable): AsyncIterable<SourceItem> {
  void file;
  return notMerged();
}

export interface MagentoCsvWriter { write(record: Record<string, unknown>): void; end(): Promise<void> }

/** Writes Magento records as a Customers Main File and a Customer Addresses file. */
export function createMagentoCsvWriter(main: Writable, addresses: Writable): MagentoCsvWriter {
  void main;
  void addresses;
  return notMerged();
}
