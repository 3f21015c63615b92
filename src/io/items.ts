import type { Issue } from '../core/issues.js';
/**
 * One input record as read: its 1-based record number, the raw input as read, and either the record or
 * why it could not be read. `file`: which file `line` counts in, when the input is more than one file
 * (Magento's CSV pair: `main` or `addresses`). An NDJSON line holding an array gives one item per
 * element, each with the line's number and its `index` in the array (from 0). A line that is not UTF-8
 * keeps its exact bytes, as base64, in `inputBase64` (its `input` shows them decoded, with U+FFFD in
 * place of the bad bytes).
 */
export interface SourceItem {
  readonly line: number;
  readonly file?: SourceFile;
  readonly index?: number;
  readonly input: unknown;
  readonly inputBase64?: string;
  readonly record?: unknown;
  readonly issues?: Issue[];
}

/** The files of a Magento CSV pair: the Customers Main File and the Customer Addresses file. */
export type SourceFile = 'main' | 'addresses';
