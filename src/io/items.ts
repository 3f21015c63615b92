import type { Issue } from '../core/issues.js';
/**
 * One input record as read: its 1-based record number, the raw input as read, and either the record or why it could not be read.
 * `file`: which file `line` counts in, when the input is more than one file (Magento's CSV pair: `main` or `addresses`).
 */
export interface SourceItem { readonly line: number; readonly file?: SourceFile; readonly input: unknown; readonly record?: unknown; readonly issues?: Issue[] }

/** The files of a Magento CSV pair: the Customers Main File and the Customer Addresses file. */
export type SourceFile = 'main' | 'addresses';
