import type { Issue } from '../core/issues.js';
/** One input record as read: its 1-based record number, the raw input as read, and either the record or why it could not be read. */
export interface SourceItem { readonly line: number; readonly input: unknown; readonly record?: unknown; readonly issues?: Issue[] }
