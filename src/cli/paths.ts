// The files a run reads and the files it writes, kept apart: an output never replaces an input, and
// two outputs are never one file. Files are compared as the file system sees them (a symlink, a hard
// link or `./x` names the same file); the temporary files beside the outputs are created new under
// random names (SafeFile), so they cannot be any of these.
import { fstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './options.js';

/** A file the run writes: its path, and how to name it in a message (`-o out.ndjson`). */
export interface OutputFile {
  readonly path: string;
  readonly what: string;
}

/** A file the run reads: its path, and the argument that gave it (`INPUT`, `--addresses`, …). */
export interface InputFile {
  readonly path: string;
  readonly role: string;
}

/** The identity of an existing file (device and inode), or `undefined` when there is none. */
function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** Where a path that may not exist yet points: its directory resolved through symlinks, then its name. */
function location(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return resolve(path);
  }
}

/** The identity of the regular file a stream reads from by descriptor (standard input from `< file`), else `undefined`. */
export function streamIdentity(stream: object): string | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    const s = fstatSync(fd);
    return s.isFile() ? `${s.dev}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Throws a `UsageError` (one line) when two outputs are one file, or when an output is an input.
 * `stdin`: the identity of the file on standard input, when that is the input (`streamIdentity`).
 */
export function checkRunFiles(outputs: readonly OutputFile[], inputs: readonly InputFile[], stdin?: string): void {
  const seen = new Map<string, OutputFile>();
  for (const output of outputs) {
    const keys = [identity(output.path), location(output.path)].filter((k) => k !== undefined);
    const other = keys.map((k) => seen.get(k)).find((f) => f !== undefined);
    if (other) throw new UsageError(`${output.what} and ${other.what} are the same file: give each output its own path`);
    for (const k of keys) seen.set(k, output);
  }
  const read = new Map<string, InputFile>();
  for (const input of inputs) {
    const key = identity(input.path);
    if (key !== undefined) read.set(key, input);
  }
  if (stdin !== undefined) read.set(stdin, { role: 'standard input', path: '' });
  for (const output of outputs) {
    const key = identity(output.path);
    const input = key === undefined ? undefined : read.get(key);
    if (!input) continue;
    const which = input.path === '' ? 'the file on standard input' : input.path === output.path ? `the ${input.role} file` : `the ${input.role} file ${input.path}`;
    throw new UsageError(`${output.what} is ${which}: an output cannot replace an input`);
  }
}
