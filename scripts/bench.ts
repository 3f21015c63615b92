// `npm run bench`: generates a Magento NDJSON export (BENCH_RECORDS records, default 200,000), converts
// it to Medusa with the built CLI (1 and 2 workers) and streams it through an identity pipeline
// (JSON.parse + JSON.stringify only) and a validation pipeline (the same plus the Magento record
// schema, the floor of any validating conversion) in the same run; prints records per second and
// peak memory.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { record } from '../test/arbitraries/magento.js';

const root = join(import.meta.dirname, '..');
const count = Number(process.env.BENCH_RECORDS ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'customer-codecs-bench-'));
const input = join(dir, 'magento.ndjson');

async function generate(): Promise<void> {
  // A pool of realistic generated records, repeated with fresh ids and emails up to `count`.
  const pool = fc.sample(record, { numRuns: 2000, seed: 7 });
  const out = createWriteStream(input);
  for (let i = 0; i < count; i++) {
    const r = { ...pool[i % pool.length]!, id: i + 1, email: `customer${i}@example.com` };
    if (!out.write(`${JSON.stringify(r)}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
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
  const { records, seconds, maxRssMiB } = JSON.parse(r.stdout) as { records: number; seconds: number; maxRssMiB: number };
  const name = mode === 'identity' ? 'identity (JSON.parse + JSON.stringify)' : 'validation only (+ Magento record schema)';
  return { name, seconds, recordsPerSecond: records / seconds, maxRssMiB };
}

function cli(workers: number): Run {
  const rss = join(dir, `rss-${workers}`);
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', join(root, 'scripts/bench-rss.mjs'), join(root, 'dist/cli.js'), 'convert', '--from', 'magento', '--to', 'medusa', input, '-o', join(dir, `medusa-${workers}.ndjson`), '--rejects', join(dir, `rejects-${workers}.ndjson`), '--workers', String(workers), '--quiet'],
    { encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: rss } },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  return { name: `customer-codecs convert magento -> medusa, --workers ${workers}`, seconds, recordsPerSecond: count / seconds, maxRssMiB: Number(readFileSync(rss, 'utf8')) };
}

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}
await generate();
console.log(`input: ${count} Magento records, ${(statSync(input).size / 2 ** 20).toFixed(1)} MiB NDJSON (${process.version}, ${process.arch})`);
const base = pipeline('identity');
const runs = [base, pipeline('validate'), cli(1), cli(2)];
for (const run of runs) {
  console.log(
    `${run.name.padEnd(58)} ${run.recordsPerSecond.toFixed(0).padStart(8)} rec/s  ${(run.recordsPerSecond / base.recordsPerSecond).toFixed(3)}x identity  peak ${run.maxRssMiB.toFixed(0)} MiB`,
  );
}
rmSync(dir, { recursive: true, force: true });
