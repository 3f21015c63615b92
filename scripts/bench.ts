// `npm run bench` (it builds first). One run prints:
//
// 1. In process: microseconds per record of `safeConvert` for every pair of registered platforms
//    (same-platform pairs included), on export-shaped records (scripts/export-shaped.ts), next to
//    `JSON.parse` + `JSON.stringify` of the same records and the ratio of the two (target: at most 4×),
//    each the fastest of three passes taken in turn (see `measurePair`);
//    then one adversarial row per source platform: the property-test records (test/arbitraries/<id>.ts,
//    `record`) converted to Medusa. BENCH_PAIRS_RECORDS records per platform (default 3,000).
// 2. Validation alone per platform: zod's parse, the compiled path with and without the credential walk.
// 3. The built CLI on an export-shaped Magento NDJSON export (BENCH_RECORDS records, default 200,000),
//    Magento to Medusa, single-threaded and `--workers 2`, next to an identity pipeline (JSON.parse +
//    JSON.stringify only) and a validation pipeline (the same plus the Magento record schema, zod's own
//    parse): records per second, ratio to identity; each run twice in turn, the faster kept.
// 4. Peak memory (maximum resident set size) of every process.
//
// Every export-shaped record must be valid for its platform: the in-process records are decoded with
// `safeDecode`, and the NDJSON file's are counted by the validation pipeline and the CLI's report; any
// reject stops the run. A quick run: `BENCH_RECORDS=20000 BENCH_PAIRS_RECORDS=1000 npm run bench`.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { platforms, safeConvert, safeDecode, schemaOf, type Issue, type PlatformId } from '../src/index.js';
import { safeParseCompiled } from '../src/core/compiled-schema.js';
import { withoutCredentialScan } from '../src/core/credentials.js';
import { checkGenerators, exportShaped, exportShapedRecords } from './export-shaped.js';

const root = join(import.meta.dirname, '..');

function countOf(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} expects a whole number of records, at least 1 (got ${JSON.stringify(raw)})`);
  return n;
}
const count = countOf('BENCH_RECORDS', 200_000);
const pairsCount = countOf('BENCH_PAIRS_RECORDS', 3_000);
const dir = mkdtempSync(join(tmpdir(), 'customer-codecs-bench-'));
const input = join(dir, 'magento.ndjson');

/**
 * Shop values a target record may need that no source holds (a Magento website, an Open Food Network
 * enterprise), by field. A pair gets only those its target's errors ask for (see `defaultsFor`).
 */
const SHOP_VALUES: Readonly<Record<string, unknown>> = { website_id: 1, enterprise_id: 1 };

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (kib: number) => `${int(kib / 1024)} MiB`;
const issueKey = (i: Issue) => `${i.code} at ${i.path.length > 0 ? i.path.join('.') : '(root)'}`;

/** Records as the CLI sees them: NDJSON lines, and the values `JSON.parse` makes of them. */
interface Input {
  readonly lines: string[];
  readonly records: unknown[];
}
const asInput = (records: readonly unknown[]): Input => {
  const lines = records.map((r) => JSON.stringify(r));
  return { lines, records: lines.map((l) => JSON.parse(l) as unknown) };
};

let sink = 0;
/** Microseconds per record of one pass of `JSON.parse` + `JSON.stringify` over `lines` (the identity pipeline's work). */
function parseStringifyPass(lines: readonly string[]): number {
  const start = performance.now();
  for (const line of lines) sink += JSON.stringify(JSON.parse(line)).length;
  const us = ((performance.now() - start) * 1000) / lines.length;
  if (sink < 0) console.log(sink); // keeps the work observable
  return us;
}

/** The defaults a pair needs: a first pass without any, then the shop values its rejects name as required. */
function defaultsFor(from: PlatformId, to: PlatformId, records: readonly unknown[]): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const record of records.slice(0, 200)) {
    const r = safeConvert(record, { from, to });
    if (r.success) continue;
    for (const i of r.error.issues) {
      const field = i.path[0];
      if (i.code === 'required' && i.path.length === 1 && typeof field === 'string' && Object.hasOwn(SHOP_VALUES, field)) defaults[field] = SHOP_VALUES[field];
    }
  }
  return defaults;
}

interface Row {
  readonly from: PlatformId;
  readonly to: PlatformId;
  readonly convertUs: number;
  readonly baselineUs: number;
  readonly rejected: number;
  readonly records: number;
  readonly losses: number;
  readonly defaults: Record<string, unknown>;
  readonly topIssues: string[];
}

/** Timed passes of a pair: the conversion and the baseline alternate, and each keeps its fastest pass. */
const PASSES = 3;

/**
 * Converts every record once to warm up (the first up to 500), then all of them `PASSES` times, each
 * pass followed by a pass of `JSON.parse` + `JSON.stringify` of the same records: the ratio compares
 * the fastest pass of each, measured in the same seconds (this machine's speed drifts by ±20% over a
 * minute when its host is busy, and the slowest passes say more about the host than the code).
 */
function measurePair(from: PlatformId, to: PlatformId, data: Input): Row {
  const defaults = defaultsFor(from, to, data.records);
  const options = { from, to, defaults };
  for (const record of data.records.slice(0, 500)) safeConvert(record, options);
  let rejected = 0;
  let losses = 0;
  const issues = new Map<string, number>();
  let convertUs = Infinity;
  let baselineUs = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const record of data.records) {
      const r = safeConvert(record, options);
      if (pass > 0) continue;
      if (r.success) losses += r.losses.length;
      else {
        rejected += 1;
        for (const key of new Set(r.error.issues.map(issueKey))) issues.set(key, (issues.get(key) ?? 0) + 1);
      }
    }
    convertUs = Math.min(convertUs, ((performance.now() - start) * 1000) / data.records.length);
    baselineUs = Math.min(baselineUs, parseStringifyPass(data.lines));
  }
  const topIssues = [...issues]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, n]) => `${k} (${int(n)})`);
  return { from, to, convertUs, baselineUs, rejected, records: data.records.length, losses: losses / Math.max(1, data.records.length - rejected), defaults, topIssues };
}

/** Decodes every record with `safeDecode`: an export-shaped record its platform rejects is a bug of the generator. */
function checkValid(id: PlatformId, data: Input): { losses: number } {
  let losses = 0;
  data.records.forEach((record, n) => {
    const r = safeDecode(id, record);
    if (!r.success) {
      throw new Error(`export-shaped ${id} record ${n} is not a valid ${id} record: ${r.error.issues.map(issueKey).join('; ')}\n${data.lines[n]}`);
    }
    losses += r.losses.length;
  });
  return { losses: losses / data.records.length };
}

async function adversarial(id: PlatformId): Promise<Input> {
  const module = (await import(`../test/arbitraries/${id}.js`).catch(() => undefined)) as { record?: fc.Arbitrary<unknown> } | undefined;
  if (!module?.record) throw new Error(`test/arbitraries/${id}.ts exports no \`record\` arbitrary: the adversarial row of ${id} needs one`);
  return asInput(fc.sample(module.record, { numRuns: pairsCount, seed: 7 }));
}

function printPairs(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}\n`);
  console.log('| from → to | convert µs/rec | parse + stringify µs/rec | ratio | ≤ 4× | rejected | losses/rec | defaults |');
  console.log('| --- | ---: | ---: | ---: | :---: | ---: | ---: | --- |');
  for (const r of rows) {
    const ratio = r.convertUs / r.baselineUs;
    const defaults = Object.keys(r.defaults).length > 0 ? `\`${JSON.stringify(r.defaults)}\`` : '';
    const rejected = r.rejected === 0 ? '0' : `**${int(r.rejected)} of ${int(r.records)}**`;
    console.log(`| ${r.from} → ${r.to} | ${fmt(r.convertUs)} | ${fmt(r.baselineUs, 2)} | ${fmt(ratio)}× | ${ratio <= 4 ? 'yes' : 'no'} | ${rejected} | ${fmt(r.losses)} | ${defaults} |`);
  }
  const rejecting = rows.filter((r) => r.rejected > 0);
  if (rejecting.length > 0) {
    console.log('\nRejected records, most frequent issues (records counted once per issue):');
    for (const r of rejecting) console.log(`- ${r.from} → ${r.to}: ${r.topIssues.join('; ')}`);
  }
}

// --- 1. In process -----------------------------------------------------------------------------

checkGenerators();
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
console.log(`customer-codecs bench: ${process.version}, ${process.arch}; ${int(pairsCount)} records per platform in process, ${int(count)} in the CLI run`);
console.log('\nExport-shaped records (scripts/export-shaped.ts), each decoded with safeDecode first:\n');
console.log('| platform | records | rejected | bytes/rec (JSON) | addresses/rec | decode losses/rec |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const shaped = new Map<PlatformId, Input>();
for (const id of platforms) {
  const data = asInput(exportShaped(id, pairsCount));
  const { losses } = checkValid(id, data);
  let addresses = 0;
  for (const record of data.records) {
    const r = safeDecode(id, record);
    if (r.success) addresses += r.data.addresses?.length ?? 0;
  }
  const bytes = data.lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) / data.lines.length;
  console.log(`| ${id} | ${int(data.records.length)} | 0 | ${int(bytes)} | ${fmt(addresses / data.records.length, 2)} | ${fmt(losses, 2)} |`);
  shaped.set(id, data);
}

const rows: Row[] = [];
for (const from of platforms) {
  const data = shaped.get(from) as Input;
  for (const to of platforms) rows.push(measurePair(from, to, data));
}
printPairs(`In process, export-shaped records: safeConvert vs JSON.parse + JSON.stringify (${platforms.length * platforms.length} pairs, ${int(pairsCount)} records each, after a warm-up; the fastest of ${PASSES} passes of each, alternating; target ratio ≤ 4×)`, rows);

const adversarialRows: Row[] = [];
for (const from of platforms) {
  const data = await adversarial(from);
  adversarialRows.push(measurePair(from, 'medusa', data));
}
printPairs(`In process, adversarial records (fc.sample of test/arbitraries/<id>.ts \`record\`, seed 7) converted to medusa`, adversarialRows);

// Validation alone, per platform: zod's own parse of the record schema, the compiled accepting path a
// conversion runs (src/core/compiled-schema.ts) with the credential-key walk (a source record) and
// without it (a target record, see `withoutCredentialScan`), next to parse + stringify; fastest of five.
const fastest = (run: () => void, n: number): number => {
  run();
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, ((performance.now() - start) * 1000) / n);
  }
  return best;
};
console.log('\nValidation alone, export-shaped records (µs per record; × parse + stringify)\n');
console.log('| platform | parse + stringify | zod `safeParse` | compiled, credential walk (source) | compiled, no walk (target) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const id of platforms) {
  const { lines, records } = shaped.get(id) as Input;
  const schema = schemaOf(id) as unknown as z.ZodType;
  const json = Math.min(...Array.from({ length: 5 }, () => parseStringifyPass(lines)));
  const cell = (us: number) => `${fmt(us)} (${fmt(us / json)}×)`;
  const zod = fastest(() => records.forEach((r) => schema.safeParse(r)), records.length);
  const source = fastest(() => records.forEach((r) => safeParseCompiled(schema, r)), records.length);
  const target = fastest(() => withoutCredentialScan(() => records.forEach((r) => safeParseCompiled(schema, r))), records.length);
  console.log(`| ${id} | ${fmt(json, 2)} | ${cell(zod)} | ${cell(source)} | ${cell(target)} |`);
}
console.log(`\nPeak memory of this process (records held in memory): ${mib(process.resourceUsage().maxRSS)}`);

// --- 2. The CLI on an export-shaped Magento NDJSON file -----------------------------------------

async function generate(): Promise<void> {
  const out = createWriteStream(input);
  for (const record of exportShapedRecords('magento', count)) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(() => res()));
}

interface Run {
  readonly name: string;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly maxRssMiB: number;
}

function pipeline(mode: 'identity' | 'validate'): Run {
  const r = spawnSync(process.execPath, [join(root, 'scripts/bench-identity.mjs'), input, join(dir, `${mode}.ndjson`), mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${mode} pipeline failed: ${r.stderr}`);
  const { records, invalid, seconds, maxRssMiB } = JSON.parse(r.stdout) as { records: number; invalid: number; seconds: number; maxRssMiB: number };
  if (records !== count) throw new Error(`${mode} pipeline read ${records} records, not ${count}`);
  if (invalid > 0) throw new Error(`${invalid} of the ${count} export-shaped Magento records fail the Magento record schema`);
  const name = mode === 'identity' ? 'identity (JSON.parse + JSON.stringify, streamed)' : 'validation only (+ Magento record schema)';
  return { name, seconds, recordsPerSecond: records / seconds, maxRssMiB };
}

function cli(workers: number): Run {
  const rss = join(dir, `rss-${workers}`);
  const report = join(dir, `report-${workers}.json`);
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', join(root, 'scripts/bench-rss.mjs'), join(root, 'dist/cli.js'), 'convert', '--from', 'magento', '--to', 'medusa', input, '-o', join(dir, `medusa-${workers}.ndjson`), '--rejects', join(dir, `rejects-${workers}.ndjson`), '--report', report, '--workers', String(workers), '--quiet'],
    { encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: rss } },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  const { counts } = JSON.parse(readFileSync(report, 'utf8')) as { counts: { read: number; converted: number; rejected: number } };
  if (counts.read !== count || counts.rejected > 0) {
    throw new Error(`the CLI (--workers ${workers}) read ${counts.read} of ${count} export-shaped Magento records and rejected ${counts.rejected}: see ${join(dir, `rejects-${workers}.ndjson`)}`);
  }
  const name = workers === 1 ? '`customer-codecs convert --from magento --to medusa`' : `the same with \`--workers ${workers}\``;
  return { name, seconds, recordsPerSecond: count / seconds, maxRssMiB: Number(readFileSync(rss, 'utf8')) };
}

/** The faster of two runs (the peak memory: the larger): see `measurePair` on this machine's drift. */
const best = (a: Run, b: Run): Run => ({ ...(a.seconds <= b.seconds ? a : b), maxRssMiB: Math.max(a.maxRssMiB, b.maxRssMiB) });

await generate();
const size = statSync(input).size / 2 ** 20;
// Every run twice, in turn, so that a busy minute of the host does not fall on one row only.
const once = (): Run[] => [pipeline('identity'), pipeline('validate'), cli(1), cli(2)];
const [first, second] = [once(), once()];
const runs = first.map((run, i) => best(run, second[i]!));
const base = runs[0]!;
// Reached only when every record passed the schema and both CLI runs rejected none (else they throw).
console.log(`\nCLI, export-shaped Magento NDJSON: ${int(count)} records, ${fmt(size)} MiB, Magento to Medusa (every record valid: 0 schema failures, 0 CLI rejects)\n`);
console.log('| run | records/s | vs identity | peak memory |');
console.log('| --- | ---: | ---: | ---: |');
for (const run of runs) {
  console.log(`| ${run.name} | ${int(run.recordsPerSecond)} | ${(run.recordsPerSecond / base.recordsPerSecond).toFixed(3)}× | ${int(run.maxRssMiB)} MiB |`);
}
rmSync(dir, { recursive: true, force: true });
