// `customer-codecs convert`: reads the input as items, converts them in batches (in this thread or in
// worker threads), writes records, rejects and the report, and returns the exit code. Every record
// read ends in the output or in the rejects: the report's read = converted + rejected.
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { platforms, safeConvert, UnknownPlatformError, type PlatformId } from '../index.js';
import { readMagentoCompositeCsv, readMagentoCsv } from '../csv/magento.js';
import { fileInput, InputError, reason, streamInput, type Input } from '../io/input.js';
import { readJson } from '../io/json.js';
import { ndjsonLines, withJsonHint } from '../io/ndjson.js';
import { SafeFile, stdoutOut, type Out } from '../io/output.js';
import { runBatch, type BatchResult, type Item, type Job } from './job.js';
import { addressesPathOf, isInvalidOption, optionDetail, rejectsPathOf, UsageError, type ConvertOptions } from './options.js';
import { checkRunFiles, streamIdentity, type InputFile, type OutputFile } from './paths.js';
import { Pool } from './pool.js';
import { startProgress } from './progress.js';
import { droppedRejects, summary, Tally } from './report.js';
import { isMagentoAddressesFile, noAddressesWarning } from './magento-files.js';
import { jsonSink, magentoCsvSink, ndjsonSink, nullSink, type Sink } from './sinks.js';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
}

/**
 * Records per batch, and the text size that closes a batch of NDJSON lines early. Small enough that
 * the batches in flight (two per worker, and their results) weigh little beside the library itself.
 */
const BATCH = 200;
const BATCH_CHARS = 1 << 18;

async function* batches(items: AsyncIterable<Item>, name: string): AsyncGenerator<Item[]> {
  let batch: Item[] = [];
  let chars = 0;
  try {
    for await (const item of items) {
      batch.push(item);
      if ('bytes' in item) chars += item.bytes.length;
      if (batch.length >= BATCH || chars >= BATCH_CHARS) {
        yield batch;
        batch = [];
        chars = 0;
      }
    }
  } catch (error) {
    // A read error of the input stream (the file went away, a device error): the run cannot go on.
    if ((error as NodeJS.ErrnoException).syscall) throw new InputError(`cannot read ${name}: ${reason(error)}`);
    throw error;
  }
  if (batch.length > 0) yield batch;
}

/** The first `limit` items (`--limit`): reading stops there. */
async function* first(items: AsyncIterable<Item>, limit: number): AsyncGenerator<Item> {
  if (limit <= 0) return;
  let taken = 0;
  for await (const item of items) {
    yield item;
    if (++taken >= limit) return;
  }
}

function itemsOf(o: ConvertOptions, input: Input, addresses: Input | undefined, note: (text: string) => void): AsyncIterable<Item> {
  switch (o.inputFormat) {
    case 'ndjson': {
      const lines = ndjsonLines(input.open() as AsyncIterable<Uint8Array | string>);
      if (o.quiet) return lines;
      // Pretty-printed JSON read as NDJSON is one reject per line: say what would read it.
      return withJsonHint(lines, () => note(`customer-codecs: hint: ${input.name} looks like one JSON document over several lines, read as NDJSON (a record per line): pass --input-format json to read it as JSON`));
    }
    case 'json':
      return readJson(input, o.from);
    case 'magento-csv':
      return readMagentoCsv(input.open(), { ...o.csvRead, ...(addresses ? { addresses: addresses.open() } : {}) });
    case 'magento-composite-csv':
      return readMagentoCompositeCsv(input.open(), o.csvRead);
  }
}

/** A refused `--platform-options` file as a usage error naming the option's path (`magento.streetLines`). */
function platformOptionsError(file: string, error: unknown): unknown {
  if (error instanceof UnknownPlatformError) return new UsageError(`--platform-options ${file}: ${error.message}`);
  if (!isInvalidOption(error)) return error;
  const path = error.option.replace(/^platformOptions\.?/, '');
  return new UsageError(`--platform-options ${file}: ${path ? `${path}: ` : ''}${optionDetail(error)}`);
}

/**
 * Checks the run's options with the library before reading anything, by converting nothing: the
 * options of every platform the file names (not only --from and --to, so a mistake anywhere in it
 * shows), then the defaults.
 */
function checkLibraryOptions(o: ConvertOptions): void {
  if (o.platformOptionsFile !== undefined) {
    const named = o.platformOptions !== null && typeof o.platformOptions === 'object' ? Object.keys(o.platformOptions) : [];
    const ids = new Set<PlatformId>([o.from, o.to, ...platforms.filter((p) => named.includes(p))]);
    try {
      for (const id of ids) safeConvert({}, { from: id, to: id, platformOptions: o.platformOptions, residue: o.residue });
    } catch (error) {
      throw platformOptionsError(o.platformOptionsFile, error);
    }
  }
  try {
    safeConvert({}, { from: o.from, to: o.to, defaults: o.defaults });
  } catch (error) {
    if (isInvalidOption(error)) throw new UsageError(`--default${error.option.startsWith('defaults.') ? ` ${error.option.slice(9)}` : ''}: ${optionDetail(error)}`);
    throw error;
  }
}

/** Every file the run writes, named as the command line gave it (derived ones with the path they come from). */
function outputFiles(o: ConvertOptions, addressesPath: string | undefined, rejectsPath: string | undefined): OutputFile[] {
  const files: OutputFile[] = [];
  if (!o.dryRun && o.output !== undefined) files.push({ path: o.output, what: `-o ${o.output}` });
  if (addressesPath !== undefined) files.push({ path: addressesPath, what: `the Customer Addresses file ${addressesPath} (written beside -o ${o.output})` });
  if (rejectsPath !== undefined) files.push({ path: rejectsPath, what: o.rejects !== undefined ? `--rejects ${rejectsPath}` : `the rejects file ${rejectsPath} (named after -o ${o.output})` });
  if (o.report !== undefined) files.push({ path: o.report, what: `--report ${o.report}` });
  return files;
}

function inputFiles(o: ConvertOptions): InputFile[] {
  const files: InputFile[] = [];
  if (o.input !== undefined) files.push({ path: o.input, role: 'INPUT' });
  if (o.addresses !== undefined) files.push({ path: o.addresses, role: '--addresses' });
  if (o.platformOptionsFile !== undefined) files.push({ path: o.platformOptionsFile, role: '--platform-options' });
  return files;
}

/**
 * Mistakes with Magento's CSV pair, found from the files' headers before anything is read: the
 * Customer Addresses file given as INPUT is a usage error naming `--addresses`; a main file read
 * without `--addresses` converts every customer without addresses, which is warned about in the
 * report and the summary (and even with `--quiet` when an addresses file sits beside it).
 */
function magentoCsvWarnings(o: ConvertOptions): { text: string; loud: boolean }[] {
  if (o.inputFormat !== 'magento-csv') return [];
  if (o.input !== undefined && isMagentoAddressesFile(o.input)) {
    throw new UsageError(
      `${o.input} is a Magento Customer Addresses file (its header names each customer by _email): give it with --addresses ${o.input}, and the Customers Main File as INPUT`,
    );
  }
  return o.addresses === undefined ? [noAddressesWarning(o.input)] : [];
}

export async function runConvert(o: ConvertOptions, io: Io): Promise<number> {
  const started = performance.now();
  checkLibraryOptions(o);
  const input = o.input === undefined ? streamInput(io.stdin) : fileInput(o.input);
  const addresses = o.addresses === undefined ? undefined : fileInput(o.addresses);

  const writeOutput = !o.dryRun;
  const addressesPath = writeOutput && o.outputFormat === 'magento-csv' && o.output ? addressesPathOf(o.output) : undefined;
  // `--rejects -` writes them to standard output: no rejects file named after -o.
  const rejectsPath = o.rejects ?? (writeOutput && o.output && o.stdout !== 'rejects' ? rejectsPathOf(o.output) : undefined);
  checkRunFiles(outputFiles(o, addressesPath, rejectsPath), inputFiles(o), o.input === undefined ? streamIdentity(io.stdin) : undefined);
  const warnings = magentoCsvWarnings(o);

  const files: SafeFile[] = [];
  const open = (path: string) => {
    const file = new SafeFile(path);
    files.push(file);
    return file;
  };
  const tally = new Tally(o.inputFormat === 'magento-csv' ? ['main', 'addresses'] : []);
  const stopProgress = o.quiet
    ? () => {}
    : startProgress(io.stderr, { records: () => tally.read, ...(input.size ? { bytes: () => [input.bytesRead(), input.size ?? 0] as [number, number] } : {}) });
  let pool: Pool | undefined;
  /** Why `--workers` will not help here (see `workersNote`), printed after the summary. */
  let workersCores: number | undefined;
  try {
    let out: Out | undefined;
    let sink: Sink = nullSink;
    if (writeOutput) {
      out = o.output ? open(o.output) : stdoutOut(io.stdout);
      if (o.outputFormat === 'magento-csv') sink = magentoCsvSink(out, open(addressesPath as string), o.csvWrite);
      else sink = o.outputFormat === 'json' ? jsonSink(out) : ndjsonSink(out);
    }
    const rejects = rejectsPath ? open(rejectsPath) : o.stdout === 'rejects' ? stdoutOut(io.stdout) : undefined;
    const report = o.report ? open(o.report) : undefined;

    const job: Job = {
      from: o.from,
      to: o.to,
      defaults: o.defaults,
      ...(o.platformOptions === undefined ? {} : { platformOptions: o.platformOptions }),
      residue: o.residue,
      strictAddresses: o.strictAddresses,
      deriveNames: o.deriveNames,
      phones: o.phones,
      ...(o.request ? { request: o.request } : {}),
      ...(o.outputFormat === 'magento-csv' ? { csvWrite: o.csvWrite } : {}),
      output: o.outputFormat === 'magento-csv' ? 'data' : 'text',
      separator: o.outputFormat === 'json' ? ',\n' : '\n',
      describeRejects: o.verbose,
    };
    // A line on stderr, above the progress line when there is one.
    const note = (text: string) => io.stderr.write(`${io.stderr.isTTY && !o.quiet ? '\r\x1b[K' : ''}${text}\n`);
    const deliver = async (result: BatchResult) => {
      tally.add(result);
      await sink.write(result);
      if (rejects && result.rejected > 0) await rejects.write(result.rejects);
      if (o.verbose) for (const line of result.notes) note(line);
    };

    const read = itemsOf(o, input, addresses, note);
    const items = batches(o.limit === undefined ? read : first(read, o.limit), input.name);
    if (o.workers > 1) {
      // Each worker warms up on its own and shares the cores with the reading thread: with as many
      // workers as cores they pay off on large inputs only (docs/performance.md). Said once, after
      // the summary, for a run small enough that they most likely did not; never an error.
      workersCores = availableParallelism();
      pool = new Pool(o.workers, job, deliver, (text) => {
        if (o.verbose) note(text);
      });
      for await (const batch of items) await pool.submit(batch);
      await pool.drain();
    } else {
      for await (const batch of items) await deliver(runBatch(job, batch));
    }
    await sink.finish();

    const final = tally.report({
      from: o.from,
      to: o.to,
      input: input.name,
      addresses: addresses?.name ?? null,
      inputFormat: o.inputFormat,
      output: writeOutput ? (o.output ?? null) : null,
      outputFormat: o.outputFormat,
      request: o.request ?? null,
      dryRun: o.dryRun,
      rejectsFile: o.stdout === 'rejects' ? '-' : (rejectsPath ?? null),
      lookups: o.platformOptions !== undefined,
      warnings: warnings.map((w) => w.text),
      docsUrl: o.docsUrl,
      durationMs: performance.now() - started,
    });
    if (report) await report.write(`${JSON.stringify(final, null, 2)}\n`);
    for (const stream of [out, rejects]) if (stream && !(stream instanceof SafeFile)) await stream.close();
    for (const file of files) await file.close();
    for (const file of files) file.commit();
    stopProgress();
    if (o.stdout === 'report') io.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
    if (!o.quiet) io.stderr.write(summary(final, o.docsUrl));
    // After the summary: a run that stops early (exit 2) says only why.
    const workersNoted = workersCores === undefined ? undefined : workersAdvice(o.workers, workersCores, final.counts.read);
    if (!o.quiet && workersNoted) io.stderr.write(`${workersNoted}\n`);
    else {
      // The only trace of rejects nobody kept: printed even with --quiet.
      const dropped = droppedRejects(final);
      if (dropped) io.stderr.write(`customer-codecs: warning: ${dropped}\n`);
      // A warning that names the fix found beside the input (an addresses file) is printed even so.
      for (const { text, loud } of warnings) if (loud) io.stderr.write(`customer-codecs: warning: ${text}\n`);
    }
    return final.counts.rejected > 0 ? 1 : 0;
  } catch (error) {
    stopProgress();
    for (const file of files) file.discard();
    throw error;
  } finally {
    await pool?.close();
  }
}

/**
 * Below this many records, as many workers as cores most likely made a run no faster (measured on
 * 2 cores, Magento to Medusa: 2 workers slower than one thread at 5,000 records, even at 20,000, 1.5×
 * faster at 100,000; docs/performance.md).
 */
export const WORKERS_PAY_OFF = 50_000;

/** The note after the summary of a run of `read` records with `n` workers on `cores` cores, if it gets one. */
export const workersAdvice = (n: number, cores: number, read: number): string | undefined =>
  n > 1 && n >= cores && read < WORKERS_PAY_OFF ? workersNote(n, cores) : undefined;

/** Why `--workers n` most likely did not make a small run faster: each worker warms up on its own, and the reading thread shares the `cores` cores. */
export const workersNote = (n: number, cores: number): string =>
  `customer-codecs: note: --workers ${n} on ${cores} core${cores === 1 ? '' : 's'}: each worker warms up on its own and the reading thread shares the cores, so they pay off on large inputs only ` +
  `(measured on 2 cores: 2 workers slower than one thread at 5,000 records, even at 20,000, 1.5× faster at 100,000: docs/performance.md); with at least ${n + 1} cores they help sooner`;
