import type { Issue, Loss } from '../core/issues.js';
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
  /**
   * What reading did to the record (paths in the record; reported with its conversion's losses, whatever
   * the target): a cell the record does not hold as written (a Magento CSV `website_id` that `_website`
   * overrides), a value the input refers to but does not hold (a default-address pointer naming an
   * address the addresses file lacks).
   */
  readonly losses?: Loss[];
  /**
   * Values the record holds as written in a form only their own platform's files use (a spreadsheet-typed
   * date of a Magento CSV file): a conversion to that platform writes them back as they were, one to
   * another platform writes the normalised value, and reports these losses (paths in the record).
   */
  readonly normalised?: Loss[];
}

/** The files of a Magento CSV pair: the Customers Main File and the Customer Addresses file. */
export type SourceFile = 'main' | 'addresses';
