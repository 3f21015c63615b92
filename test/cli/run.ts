// Helpers of the CLI tests: run the built command as a user would, in a temporary directory.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const CLI = join(root, 'dist', 'cli.js');

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `node dist/cli.js ...args` in `cwd`. */
export function start(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
}

/** The result of a process once it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI to its end, feeding `stdin` when given. */
export function cli(args: readonly string[], cwd: string, stdin?: string, env?: NodeJS.ProcessEnv): Promise<Run> {
  const child = start(args, cwd, env);
  const result = finished(child);
  // A run that stops early (a usage error) may close its input before reading it: no EPIPE crash here.
  child.stdin.on('error', () => {});
  child.stdin.end(stdin ?? '');
  return result;
}

/** A fresh temporary directory, and the function that removes it. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const write = (dir: string, name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

export const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

/** The JSON values of an NDJSON text. */
export const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

export const ndjson = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

/** The bundled example records of a platform (examples/<platform>.json). */
export const example = (platform: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(join(root, 'examples', `${platform}.json`), 'utf8')) as Record<string, unknown>[];

/** Files of `dir` whose name starts with `.` (the temporary files of a run in progress). */
export const hidden = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('.'));

/** Polls `check` until it holds (no fixed delays: the test timeout bounds the wait). */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

/** `count` valid Magento records with distinct e-mails, numbered from 1. */
export function magentoRecords(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    email: `customer${i + 1}@example.com`,
    firstname: 'Ana',
    lastname: `Lima ${i + 1}`,
    website_id: 1,
    group_id: 1,
    addresses: [
      {
        id: 1000 + i,
        customer_id: i + 1,
        firstname: 'Ana',
        lastname: `Lima ${i + 1}`,
        street: ['1450 Ocean Park Blvd', `Suite ${i + 1}`],
        city: 'Santa Monica',
        postcode: '90405',
        country_id: 'US',
        region: { region_code: 'CA', region: 'California', region_id: 12 },
        region_id: 12,
        telephone: '+1 310-555-0142',
        default_billing: true,
      },
    ],
  }));
}
