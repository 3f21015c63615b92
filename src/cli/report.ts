// The run's tally, the JSON report (`--report`) and the short human summary printed to stderr.
// Neither holds a value from the records: counts, paths and codes only.
import type { SourceFile } from '../io/items.js';
import { inWords } from '../core/words.js';
import type { BatchResult } from './job.js';

export interface Report {
  readonly from: string;
  readonly to: string;
  readonly input: string;
  /** The Customer Addresses file of a Magento CSV input (`--addresses`), else `null`. */
  readonly addresses: string | null;
  readonly inputFormat: string;
  /** The output file, or `null` for standard output and for a dry run. */
  readonly output: string | null;
  readonly outputFormat: string;
  readonly request: string | null;
  readonly dryRun: boolean;
  /** `read` = `converted` + `rejected`; with a Magento CSV pair, `read` counts the main file's customers and the address records no customer claimed. */
  readonly counts: { read: number; converted: number; rejected: number };
  /**
   * Input items that held no record (an NDJSON line `[]`, a list page with no records): not counted in
   * `read`, as they hold nothing to convert or reject; their record numbers are printed with `--verbose`.
   */
  readonly emptyPayloads: number;
  /**
   * Values of converted records the target could not hold (see the library's loss codes); with
   * `request`, also what the request bodies leave out of the target records (`requestLosses`).
   */
  readonly losses: {
    readonly total: number;
    readonly byCode: Record<string, number>;
    /** Most frequent first. A path's array indices are `*` unless last (`addresses.*.street.2`). */
    readonly byPath: { path: string; count: number; codes: Record<string, number> }[];
  };
  /**
   * The rejects file (`"-"`: standard output, `--rejects -`; `null`: not kept) and the issue codes that rejected records; with a
   * Magento CSV input, `byFile`: the rejects by the file they come from (`addresses`: address
   * records whose customer is not in the main file).
   */
  readonly rejects: {
    readonly file: string | null;
    readonly byCode: Record<string, number>;
    /** Most frequent first, as `losses.byPath`: where the issues that rejected records are. */
    readonly byPath: { path: string; count: number; codes: Record<string, number> }[];
    readonly byFile?: Record<SourceFile, number>;
  };
  /** What would fix the most frequent rejects or losses, or a likely mistake (`--from`): one sentence each. */
  readonly hints: string[];
  /**
   * What the run did that is probably not what was meant (also in the summary): a Magento CSV main
   * file read without `--addresses` (every customer converted without addresses).
   */
  readonly warnings: string[];
  /** The docs page of each loss and issue code the run met (see `codeUrl`). */
  readonly docs: Record<string, string>;
  readonly durationMs: number;
  readonly recordsPerSecond: number;
}

/** Where the docs site is published: the default base of the links to the codes. The owner confirms it. */
export const DOCS_URL = 'https://customer-codecs.github.io/customer-codecs/';

/** The docs page of a loss or issue code: its stable anchor on the codes page of the site at `base`. */
export const codeUrl = (base: string, code: string): string => `${base.endsWith('/') ? base : `${base}/`}reference/codes#${code}`;

const sorted = (m: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...m].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));

export class Tally {
  converted = 0;
  rejected = 0;
  empty = 0;
  private readonly paths = new Map<string, Map<string, number>>();
  private readonly lossCodes = new Map<string, number>();
  private readonly issueCodes = new Map<string, number>();
  private readonly issuePaths = new Map<string, Map<string, number>>();
  private readonly targetIssuePaths = new Map<string, Map<string, number>>();
  private readonly looksLike = new Map<string, number>();
  private readonly lookupOptions = new Map<string, number>();
  private sniffed = 0;
  private lossTotal = 0;
  private readonly byFile: Map<SourceFile, number> | undefined;

  /** `files`: the files of the input whose rejects the report counts apart (a Magento CSV pair's). */
  constructor(files: readonly SourceFile[] = []) {
    this.byFile = files.length > 0 ? new Map(files.map((f) => [f, 0])) : undefined;
  }

  get read(): number {
    return this.converted + this.rejected;
  }

  add(result: BatchResult): void {
    this.converted += result.converted;
    this.rejected += result.rejected;
    this.empty += result.empty;
    for (const [path, code, n] of result.losses) {
      count(this.paths, path, code, n);
      this.lossCodes.set(code, (this.lossCodes.get(code) ?? 0) + n);
      this.lossTotal += n;
    }
    for (const [path, code, n] of result.issuePaths) count(this.issuePaths, path, code, n);
    for (const [path, code, n] of result.targetIssuePaths) count(this.targetIssuePaths, path, code, n);
    this.sniffed += result.sniffed;
    for (const [p, n] of result.looksLike) this.looksLike.set(p, (this.looksLike.get(p) ?? 0) + n);
    for (const [o, n] of result.lookupOptions) this.lookupOptions.set(o, (this.lookupOptions.get(o) ?? 0) + n);
    for (const [code, n] of result.issues) this.issueCodes.set(code, (this.issueCodes.get(code) ?? 0) + n);
    for (const [file, n] of result.rejectedByFile) this.byFile?.set(file, (this.byFile.get(file) ?? 0) + n);
  }

  report(
    meta: Omit<Report, 'counts' | 'emptyPayloads' | 'losses' | 'rejects' | 'hints' | 'warnings' | 'docs' | 'durationMs' | 'recordsPerSecond'> & {
      warnings?: string[];
      /** The docs site of the code links (`--docs-url`), default `DOCS_URL`. */
      docsUrl?: string | undefined;
      rejectsFile: string | null;
      durationMs: number;
      /** Whether lookup tables were given (`--platform-options`). */
      lookups: boolean;
    },
  ): Report {
    const { rejectsFile, durationMs, lookups, warnings = [], docsUrl = DOCS_URL, ...rest } = meta;
    const byPath = byCount(this.paths);
    const rejectPaths = byCount(this.issuePaths);
    const counts = { read: this.read, converted: this.converted, rejected: this.rejected };
    return {
      ...rest,
      counts,
      emptyPayloads: this.empty,
      losses: { total: this.lossTotal, byCode: sorted(this.lossCodes), byPath },
      rejects: {
        file: rejectsFile,
        byCode: sorted(this.issueCodes),
        byPath: rejectPaths,
        ...(this.byFile ? { byFile: Object.fromEntries(this.byFile) as Record<SourceFile, number> } : {}),
      },
      hints: hintsFor({
        to: rest.to,
        counts,
        targetPaths: byCount(this.targetIssuePaths),
        lossPaths: byPath,
        lookups,
        lookupOptions: [...this.lookupOptions].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([o]) => o),
        sniffed: this.sniffed,
        looksLike: this.looksLike,
      }),
      warnings,
      docs: Object.fromEntries([...new Set([...this.lossCodes.keys(), ...this.issueCodes.keys()])].sort().map((code) => [code, codeUrl(docsUrl, code)])),
      durationMs: Math.round(durationMs),
      recordsPerSecond: durationMs > 0 ? Math.round((this.read * 1000) / durationMs) : 0,
    };
  }
}

const n = (x: number) => x.toLocaleString('en-US');

function count(into: Map<string, Map<string, number>>, path: string, code: string, k: number): void {
  let codes = into.get(path);
  if (!codes) into.set(path, (codes = new Map()));
  codes.set(code, (codes.get(code) ?? 0) + k);
}

const byCount = (m: Map<string, Map<string, number>>) =>
  [...m]
    .map(([path, codes]) => ({ path, count: [...codes.values()].reduce((a, b) => a + b, 0), codes: sorted(codes) }))
    .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1));

/** Share of the rejects or of the records that makes a cause frequent enough to name its fix. */
const FREQUENT = 0.5;

/**
 * The fixes the report can name from counts and paths alone (never a value): a wrong `--from` when
 * most records were rejected and the first of them read as another platform's; a target field most
 * rejects lack (`required` at a top-level key), which `--default` gives; values the target refers to
 * by an id it could not find (`unreferenceable`), which lookup tables may resolve.
 */
function hintsFor(r: {
  to: string;
  counts: Report['counts'];
  /** Issues of rejected records that are valid source records: what the target lacks. */
  targetPaths: Report['rejects']['byPath'];
  lossPaths: Report['losses']['byPath'];
  lookups: boolean;
  /** The lookup tables the `unreferenceable` losses name (`v4.countries`), most often named first. */
  lookupOptions: readonly string[];
  sniffed: number;
  looksLike: Map<string, number>;
}): string[] {
  const hints: string[] = [];
  const { read, rejected } = r.counts;
  const [likely, readBy = 0] = [...r.looksLike].sort(([, a], [, b]) => b - a)[0] ?? [];
  if (likely !== undefined && rejected >= read * 0.8 && readBy >= r.sniffed * 0.8) {
    hints.push(`most records were rejected, and ${n(readBy)} of the first ${n(r.sniffed)} of them fit the ${likely} record shape better: is --from ${likely} meant?`);
  }
  for (const { path, codes } of r.targetPaths) {
    const lacking = codes.required ?? 0;
    if (lacking > 0 && lacking >= rejected * FREQUENT && /^[A-Za-z_][\w-]*$/.test(path)) {
      hints.push(`${n(lacking)} of ${n(rejected)} rejected records lack ${path}, which ${r.to} requires: give it with --default ${path}=VALUE`);
    }
  }
  const unreferenceable = r.lossPaths.filter((p) => (p.codes.unreferenceable ?? 0) > 0);
  if (!r.lookups && unreferenceable.length > 0) {
    const total = unreferenceable.reduce((a, p) => a + (p.codes.unreferenceable ?? 0), 0);
    const where = unreferenceable.slice(0, 3).map((p) => p.path).join(', ');
    // Name the tables the losses say would give the ids (`v4.countries`): the option that fixes them.
    const [first] = r.lookupOptions;
    const file = first === undefined ? '' : `{${first.split('.').map((k) => `"${k}": `).join('{')}[…]${'}'.repeat(first.split('.').length)}`;
    const tables = first === undefined ? '' : ` (these need ${inWords(r.lookupOptions, 'and')}: FILE holds e.g. ${file})`;
    hints.push(`${n(total)} values could not be referenced in ${r.to} (most often ${where}): lookup tables given with --platform-options FILE may resolve some of them${tables}`);
  }
  return hints;
}

/** What to say when rejected records went nowhere (no rejects file, nor `--rejects -`); `undefined` when there are none. */
export function droppedRejects(r: Report): string | undefined {
  const { rejected } = r.counts;
  if (rejected === 0 || r.rejects.file !== null) return undefined;
  return `${n(rejected)} rejected record${rejected === 1 ? ' was' : 's were'} not kept: pass --rejects FILE to keep them`;
}

/** A few lines for stderr; with `docsUrl` (`--docs-url`), a link to the docs of each code the run met. */
export function summary(r: Report, docsUrl?: string): string {
  const { read, converted, rejected } = r.counts;
  const seconds = r.durationMs / 1000;
  const lines = [
    `${r.dryRun ? 'dry run: ' : ''}${r.from} -> ${r.to}: ${n(read)} read, ${n(converted)} converted, ${n(rejected)} rejected` +
      ` in ${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s (${n(r.recordsPerSecond)} records/s)`,
  ];
  if (rejected > 0) {
    const codes = Object.entries(r.rejects.byCode)
      .slice(0, 4)
      .map(([code, count]) => `${code} ${n(count)}`)
      .join(', ');
    const where = r.rejects.file === '-' ? 'rejected: written to standard output' : r.rejects.file ? `rejected: see ${r.rejects.file}` : droppedRejects(r);
    lines.push(`  ${where}${codes ? ` (issues: ${codes})` : ''}`);
    const orphans = r.rejects.byFile?.addresses ?? 0;
    if (orphans > 0) lines.push(`  ${n(orphans)} of them from the addresses file: address records whose customer is not in the main file`);
  }
  if (r.emptyPayloads > 0) {
    lines.push(`  no records in ${n(r.emptyPayloads)} payload(s) (an empty array or list page): their record numbers with --verbose`);
  }
  if (r.losses.total > 0) {
    const top = r.losses.byPath
      .slice(0, 5)
      .map((p) => `${p.path} ${n(p.count)}`)
      .join(', ');
    const carried = r.losses.byCode.carried ?? 0;
    lines.push(
      `  not in ${r.to}'s fields${r.outputFormat === 'magento-csv' ? ' or its CSV files' : ''}${r.request ? ` or its ${r.request} request` : ''}: ${n(r.losses.total)} values${carried ? ` (${n(carried)} of them carried in its metadata)` : ''}; most often ${top}${r.losses.byPath.length > 5 ? ', …' : ''}`,
    );
  }
  for (const warning of r.warnings) lines.push(`  warning: ${warning}`);
  for (const hint of r.hints) lines.push(`  hint: ${hint}`);
  if (docsUrl !== undefined) for (const code of Object.keys(r.docs)) lines.push(`  docs: ${code} ${codeUrl(docsUrl, code)}`);
  if (r.output) lines.push(`  output: ${r.output}`);
  return `${lines.join('\n')}\n`;
}
