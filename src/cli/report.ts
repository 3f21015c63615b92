// The run's tally, the JSON report (`--report`) and the short human summary printed to stderr.
// Neither holds a value from the records: counts, paths and codes only.
import type { SourceFile } from '../io/items.js';
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
  readonly rejects: { readonly file: string | null; readonly byCode: Record<string, number>; readonly byFile?: Record<SourceFile, number> };
  readonly durationMs: number;
  readonly recordsPerSecond: number;
}

const sorted = (m: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...m].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));

export class Tally {
  converted = 0;
  rejected = 0;
  empty = 0;
  private readonly paths = new Map<string, Map<string, number>>();
  private readonly lossCodes = new Map<string, number>();
  private readonly issueCodes = new Map<string, number>();
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
      let codes = this.paths.get(path);
      if (!codes) this.paths.set(path, (codes = new Map()));
      codes.set(code, (codes.get(code) ?? 0) + n);
      this.lossCodes.set(code, (this.lossCodes.get(code) ?? 0) + n);
      this.lossTotal += n;
    }
    for (const [code, n] of result.issues) this.issueCodes.set(code, (this.issueCodes.get(code) ?? 0) + n);
    for (const [file, n] of result.rejectedByFile) this.byFile?.set(file, (this.byFile.get(file) ?? 0) + n);
  }

  report(meta: Omit<Report, 'counts' | 'emptyPayloads' | 'losses' | 'rejects' | 'durationMs' | 'recordsPerSecond'> & { rejectsFile: string | null; durationMs: number }): Report {
    const { rejectsFile, durationMs, ...rest } = meta;
    const byPath = [...this.paths]
      .map(([path, codes]) => ({ path, count: [...codes.values()].reduce((a, b) => a + b, 0), codes: sorted(codes) }))
      .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1));
    return {
      ...rest,
      counts: { read: this.read, converted: this.converted, rejected: this.rejected },
      emptyPayloads: this.empty,
      losses: { total: this.lossTotal, byCode: sorted(this.lossCodes), byPath },
      rejects: { file: rejectsFile, byCode: sorted(this.issueCodes), ...(this.byFile ? { byFile: Object.fromEntries(this.byFile) as Record<SourceFile, number> } : {}) },
      durationMs: Math.round(durationMs),
      recordsPerSecond: durationMs > 0 ? Math.round((this.read * 1000) / durationMs) : 0,
    };
  }
}

const n = (x: number) => x.toLocaleString('en-US');

/** What to say when rejected records went nowhere (no rejects file, nor `--rejects -`); `undefined` when there are none. */
export function droppedRejects(r: Report): string | undefined {
  const { rejected } = r.counts;
  if (rejected === 0 || r.rejects.file !== null) return undefined;
  return `${n(rejected)} rejected record${rejected === 1 ? ' was' : 's were'} not kept: pass --rejects FILE to keep them`;
}

/** A few lines for stderr. */
export function summary(r: Report): string {
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
  if (r.output) lines.push(`  output: ${r.output}`);
  return `${lines.join('\n')}\n`;
}
