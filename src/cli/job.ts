// The conversion of one batch of input items: the same code runs in the main thread and in worker
// threads. It only calls the library (safeConvert, unwrap, toRequest, requestLosses); everything it returns is
// plain data that crosses a thread boundary cheaply (output already serialised).
import { ConversionError, platforms, requestLosses, safeConvert, safeDecode, schemaOf, toRequest, unwrap, type Issue, type Loss, type Operation, type PhoneMode, type PlatformId, type PlatformOptions } from '../index.js';
import { DEFAULT_WEBSITES, magentoCsvLosses, websiteIssue, type MagentoCsvWriteOptions } from '../csv/magento.js';
import type { SourceFile, SourceItem } from '../io/items.js';
import { parseLine, type RawLine } from '../io/ndjson.js';

/** What every record of a run is converted with (structured-cloneable: it is sent to workers). */
export interface Job {
  readonly from: PlatformId;
  readonly to: PlatformId;
  readonly defaults: Record<string, unknown>;
  /** The library's `platformOptions` (`--platform-options`, JSON as read) and `residue` (`--no-residue`: false). */
  readonly platformOptions?: PlatformOptions;
  readonly residue?: boolean;
  /** `--strict-addresses`: see the library's `strictAddresses`. */
  readonly strictAddresses?: boolean;
  /** `--no-derive-names`: see the library's `deriveNames`. */
  readonly deriveNames?: boolean;
  /** The library's `phones` (`--phones`; absent: as written). */
  readonly phones?: PhoneMode;
  /** Write the API request body of this operation instead of the record; its losses are counted with the record's. */
  readonly request?: Operation;
  /**
   * With magento-csv output: the writer's website and store codes (`--website`, `--store`) and
   * attribute columns (`--attribute`). A record whose `website_id` has no code is rejected here (the
   * writer would refuse it), so it goes to the rejects, not the run; the report counts what the CSV
   * files cannot hold with the same codes and columns.
   */
  readonly csvWrite?: MagentoCsvWriteOptions;
  /** `text`: records serialised as JSON, joined by `separator`; `data`: the records themselves (CSV output). */
  readonly output: 'text' | 'data';
  readonly separator: string;
  /** Collect one short line per reject (record number, issue codes and paths) and per empty item for `--verbose`. */
  readonly describeRejects: boolean;
}

/** An input item: a SourceItem, or an NDJSON line still to be parsed (parsed where it is converted). */
export type Item = SourceItem | RawLine;

export interface BatchResult {
  /** Output records serialised and joined by the job's separator (text output). */
  readonly text: string;
  /**
   * The same text as UTF-8, in place of `text` when the batch was converted in a worker thread: the
   * bytes are handed over, not copied, and the thread that writes never holds the text as a string.
   */
  readonly bytes?: Uint8Array;
  /** Output records (data output). */
  readonly data: Record<string, unknown>[];
  readonly converted: number;
  /** Reject lines `{ file?, line, input, issues }`, each ending with a line break (`file`: see `SourceItem`). */
  readonly rejects: string;
  readonly rejected: number;
  /** `[file, count]`: rejects by the file their `line` counts in (inputs of more than one file). */
  readonly rejectedByFile: [SourceFile, number][];
  /** `[path, code, count]`: losses of converted records, by path pattern (see `pathPattern`). */
  readonly losses: [string, string, number][];
  /** `[code, count]`: issue codes of rejected records. */
  readonly issues: [string, number][];
  /** `[path, code, count]`: issues of rejected records, by path pattern. */
  readonly issuePaths: [string, string, number][];
  /** `[path, code, count]`: the same, of rejected records that are valid source records (paths in the target record). */
  readonly targetIssuePaths: [string, string, number][];
  /**
   * Of the first records of the input (record numbers up to `SNIFF_LINES`) that were rejected: how
   * many were looked at (`sniffed`), and `[platform, count]` of those another platform's shape fits better.
   */
  readonly sniffed: number;
  readonly looksLike: [string, number][];
  /**
   * `[option, count]`: the `platformOptions` lookup tables (`v4.countries`) that `unreferenceable`
   * losses name as the one that would give the id (read from the library's messages, which never quote values).
   */
  readonly lookupOptions: [string, number][];
  /** Input items (NDJSON lines, JSON array elements) that held no record: `[]`, a list page with no records. */
  readonly empty: number;
  /** With `describeRejects`: one line per reject and per empty item, without any value. */
  readonly notes: string[];
}

/**
 * A path as a pattern: an array index followed by more path becomes `*` (`addresses.*.street.2`);
 * a final index stays, as its position means something (the third street line, the third address).
 */
export function pathPattern(path: readonly (string | number)[]): string {
  if (path.length === 0) return ROOT;
  return path.map((_, i) => segment(path, i)).join('.');
}

const ROOT = '(root)';

/** Key `i` of `path` in its pattern: an index followed by more path is `*`. */
const segment = (path: readonly (string | number)[], i: number): string => {
  const k = path[i]!;
  return typeof k === 'number' && i < path.length - 1 ? '*' : String(k);
};

/**
 * A record's outcome: converted, with its `losses` (paths in the source record) and what writing it
 * left out (`written`, paths in the target record: a request body, the Magento CSV files), or rejected.
 */
type Attempt = { ok: true; value: unknown; losses: Loss[]; written: Loss[] } | { ok: false; issues: Issue[] };

/** Rejected records among the first this many of the input are tried as every other platform's (a wrong --from). */
export const SNIFF_LINES = 50;

/** How many top-level keys of `input` the record shape of `p` does not name. */
const unknownKeys = (p: PlatformId, input: object): number => {
  const known = schemaOf(p).shape as Record<string, unknown>;
  return Object.keys(input).filter((k) => !Object.hasOwn(known, k)).length;
};

/**
 * The platform other than `from` whose record shape fits `input` better: it reads it as a valid
 * record, naming more of its top-level keys than `from`'s shape does (a lenient shape reads many
 * records, so validity alone says little); `undefined` when none does.
 */
function readerOf(from: PlatformId, input: object): PlatformId | undefined {
  let best: { p: PlatformId; unknown: number } = { p: from, unknown: unknownKeys(from, input) };
  for (const p of platforms) {
    if (p === from || !safeDecode(p, input).success) continue;
    const unknown = unknownKeys(p, input);
    if (unknown < best.unknown) best = { p, unknown };
  }
  return best.p === from ? undefined : best.p;
}

function attempt(job: Job, record: unknown): Attempt {
  const { from, to, defaults, platformOptions, residue, phones, strictAddresses, deriveNames } = job;
  const result = safeConvert(record, { from, to, defaults, platformOptions, residue, phones, strictAddresses, ...(deriveNames === undefined ? {} : { deriveNames }) });
  if (!result.success) return { ok: false, issues: result.error.issues };
  const unwritable = job.csvWrite && websiteIssue((result.data as Record<string, unknown>).website_id, job.csvWrite.websites ?? DEFAULT_WEBSITES, '--website CODE=ID');
  if (unwritable) return { ok: false, issues: [unwritable] };
  // Magento CSV output: what the two files cannot hold of the record (paths in the record).
  if (!job.request) return { ok: true, value: result.data, losses: result.losses, written: job.csvWrite ? magentoCsvLosses(result.data as Record<string, unknown>, job.csvWrite) : [] };
  try {
    // What the body leaves out of the target record joins what the record could not hold (paths in the target record).
    const value = toRequest(job.to, job.request, result.data);
    return { ok: true, value, losses: result.losses, written: requestLosses(job.to, job.request, result.data) };
  } catch (error) {
    if (error instanceof ConversionError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * A converted record's losses with what reading it did (`SourceItem.losses`), and, converting to
 * another platform, the values it holds in a form only its own platform's files use (`normalised`:
 * converting to its own platform writes them back as read). A reference reading could not resolve
 * (`unreferenceable`: a default-address pointer naming an address the file lacks) is the one loss at
 * its cell: the conversion's and the writing's losses of the same value (an address id, server-assigned)
 * say the same thing less well. Writing's paths are in the target record: the same cell only when
 * converting to the platform read.
 */
function withReadLosses(job: Job, item: SourceItem, result: Extract<Attempt, { ok: true }>): Attempt {
  const read = [...(item.losses ?? []), ...(job.to === job.from ? [] : (item.normalised ?? []))];
  if (read.length === 0) return result;
  const unresolved = read.filter((l) => l.code === 'unreferenceable').map((l) => l.path);
  const other = (l: Loss) => !unresolved.some((p) => samePath(p, l.path));
  return { ...result, losses: [...read, ...result.losses.filter(other)], written: job.to === job.from ? result.written.filter(other) : result.written };
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

const sameIssues = (a: Issue[], b: Issue[]) => JSON.stringify(a) === JSON.stringify(b);

/** One record's outcome, with where it was read: `file` of a CSV pair, `index` in an NDJSON array line, `inputBase64` of a line that is not UTF-8. */
interface Outcome {
  readonly file?: SourceFile;
  readonly line: number;
  readonly index?: number;
  readonly input: unknown;
  readonly inputBase64?: string;
  readonly result: Attempt;
}

/** The outcomes of one item: a record converts; a read payload is unwrapped and each record converted (none for an empty page). */
function outcomes(job: Job, item: SourceItem): Outcome[] {
  const at = { ...(item.file === undefined ? {} : { file: item.file }), line: item.line, ...(item.index === undefined ? {} : { index: item.index }) };
  if (item.issues) return [{ ...at, input: item.input, ...(item.inputBase64 === undefined ? {} : { inputBase64: item.inputBase64 }), result: { ok: false, issues: item.issues } }];
  const first = attempt(job, item.record);
  if (first.ok) return [{ ...at, input: item.input, result: withReadLosses(job, item, first) }];
  // Not a record: perhaps a read payload (a `{customer}`, a list page, a JSON:API document).
  let records: unknown[];
  try {
    records = unwrap(job.from, item.record);
  } catch (error) {
    if (error instanceof ConversionError) return [{ ...at, input: item.input, result: first }];
    throw error;
  }
  if (records.length === 1) {
    const only = attempt(job, records[0]);
    // The payload shape that is the record itself (a Magento customer): the same failure.
    if (!only.ok && sameIssues(only.issues, first.issues)) return [{ ...at, input: item.input, result: first }];
    return [{ ...at, input: records[0], result: only }];
  }
  return records.map((record) => ({ ...at, input: record, result: attempt(job, record) }));
}

const isRaw = (item: Item): item is RawLine => 'unterminated' in item;

/**
 * A reject as one JSON line. A record nested too deep for JSON.stringify (it was read, and refused
 * as too_deep) is written without its input, which `inputOmitted` says: the line number finds it.
 */
function rejectLine(reject: { input: unknown; issues: Issue[] } & Record<string, unknown>): string {
  try {
    return JSON.stringify(reject);
  } catch {
    return JSON.stringify({ ...reject, input: undefined, inputOmitted: 'nested too deep to write back: see the input at this line' });
  }
}

/**
 * Counts of `[pathPattern(path), code]`, kept as a tree of path segments: a converted record has a
 * dozen losses or more, and the pattern text of each is made once per pattern, not once per loss.
 * `entries()` gives what a Map keyed by the pattern text would, in the order each was first counted,
 * but for keys holding a dot: `a.b` and `a` then `b` share the pattern text `a.b` and are counted
 * apart here (the report merges them: `Tally.add`).
 */
export class PatternCounts {
  private readonly root: PatternNode = { kids: new Map(), codes: undefined };
  private readonly order: { node: PatternNode; pattern: string; code: string }[] = [];

  add(path: readonly (string | number)[], code: string): void {
    let node = this.root;
    if (path.length === 0) node = this.kid(node, ROOT);
    for (let i = 0; i < path.length; i++) node = this.kid(node, segment(path, i));
    const codes = (node.codes ??= new Map());
    const n = codes.get(code);
    if (n === undefined) {
      codes.set(code, 1);
      this.order.push({ node, pattern: pathPattern(path), code });
    } else codes.set(code, n + 1);
  }

  private kid(node: PatternNode, key: string): PatternNode {
    let next = node.kids.get(key);
    if (!next) node.kids.set(key, (next = { kids: new Map(), codes: undefined }));
    return next;
  }

  /** `[pattern, code, count]`, in the order first counted. */
  entries(): [string, string, number][] {
    return this.order.map(({ node, pattern, code }) => [pattern, code, node.codes!.get(code)!]);
  }
}
interface PatternNode {
  readonly kids: Map<string, PatternNode>;
  codes: Map<string, number> | undefined;
}

/** `path\u0000code` tallies as `[path, code, count]`. */
const splitKeys = (m: Map<string, number>): [string, string, number][] =>
  [...m].map(([k, n]) => {
    const [path = '', code = ''] = k.split('\u0000');
    return [path, code, n];
  });

/** Converts a batch of items, in order. */
/** A lookup table named in a loss message: `platformOptions.v4.countries` -> `v4.countries`. */
const LOOKUP_OPTION = /`platformOptions\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)`/g;

export function runBatch(job: Job, items: readonly Item[]): BatchResult {
  const texts: string[] = [];
  const data: Record<string, unknown>[] = [];
  let rejects = '';
  let rejected = 0;
  let empty = 0;
  const losses = new PatternCounts();
  const issues = new Map<string, number>();
  const issuePaths = new Map<string, number>();
  const targetIssuePaths = new Map<string, number>();
  const looksLike = new Map<string, number>();
  const lookupOptions = new Map<string, number>();
  let sniffed = 0;
  const notes: string[] = [];
  const byFile = new Map<SourceFile, number>();
  for (const raw of items) {
    const parsed = isRaw(raw) ? parseLine(raw) : [raw];
    if (!parsed) continue; // a line of Unicode spaces: blank
    let records = 0;
    for (const item of parsed) {
      for (const { file, line, index, input, inputBase64, result } of outcomes(job, item)) {
        records += 1;
        if (result.ok) {
          if (job.output === 'text') texts.push(JSON.stringify(result.value));
          else data.push(result.value as Record<string, unknown>);
          for (const list of [result.losses, result.written]) {
            for (const loss of list) {
              losses.add(loss.path, loss.code);
              if (loss.code === 'unreferenceable') {
                for (const [, option] of loss.message.matchAll(LOOKUP_OPTION)) lookupOptions.set(option!, (lookupOptions.get(option!) ?? 0) + 1);
              }
            }
          }
        } else {
          rejected += 1;
          // `file`, `index` and `inputBase64` only where they apply (JSON.stringify leaves out undefined).
          rejects += `${rejectLine({ file, line, index, input, inputBase64, issues: result.issues })}\n`;
          if (file !== undefined) byFile.set(file, (byFile.get(file) ?? 0) + 1);
          // A valid source record rejected: what the target lacks (a shop value --default gives). And
          // among the first records, whether another platform's shape fits them better (a wrong --from).
          const validSource = input !== null && typeof input === 'object' && safeDecode(job.from, input).success;
          for (const issue of result.issues) {
            issues.set(issue.code, (issues.get(issue.code) ?? 0) + 1);
            const k = `${pathPattern(issue.path)}\u0000${issue.code}`;
            issuePaths.set(k, (issuePaths.get(k) ?? 0) + 1);
            if (validSource) targetIssuePaths.set(k, (targetIssuePaths.get(k) ?? 0) + 1);
          }
          if (line <= SNIFF_LINES && file !== 'addresses') {
            sniffed += 1;
            const reader = input !== null && typeof input === 'object' ? readerOf(job.from, input) : undefined;
            if (reader) looksLike.set(reader, (looksLike.get(reader) ?? 0) + 1);
          }
          if (job.describeRejects) {
            const what = result.issues.slice(0, 5).map((i) => `${i.code} at ${i.path.length > 0 ? i.path.join('.') : '(root)'}`);
            notes.push(`${file === undefined ? '' : `${file} file `}record ${line}${index === undefined ? '' : `, index ${index}`}: ${what.join('; ')}${result.issues.length > 5 ? '; …' : ''}`);
          }
        }
      }
    }
    // An empty array on a line, or a list page with no records: nothing to convert or reject, but counted.
    if (records === 0) {
      empty += 1;
      if (job.describeRejects) notes.push(`record ${raw.line}: no records (an empty array or list page)`);
    }
  }
  return {
    text: texts.join(job.separator),
    data,
    converted: job.output === 'text' ? texts.length : data.length,
    rejects,
    rejected,
    rejectedByFile: [...byFile],
    losses: losses.entries(),
    issues: [...issues],
    issuePaths: splitKeys(issuePaths),
    targetIssuePaths: splitKeys(targetIssuePaths),
    sniffed,
    looksLike: [...looksLike],
    lookupOptions: [...lookupOptions],
    empty,
    notes,
  };
}
