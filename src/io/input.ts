import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** An input the readers stream from: a file (which can be read twice) or stdin (which cannot). */
export interface Input {
  /** What to call it in messages: the path, or `stdin`. */
  readonly name: string;
  /** A stream of the input from its start. Call once unless `reopenable`. */
  open(): Readable;
  /** Whether `open` may be called again (a regular file). */
  readonly reopenable: boolean;
  /** Size in bytes when known (a regular file): with `bytesRead` it gives progress and ETA. */
  readonly size?: number;
  /** Bytes read so far by the most recent stream. */
  bytesRead(): number;
}

/** Thrown when the input or output cannot be used at all (exit code 2): the message is one line without data. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A file input; throws `InputError` when it does not exist or is not a file. */
export function fileInput(path: string): Input {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${reason(error)}`);
  }
  let current: (Readable & { bytesRead: number }) | undefined;
  return {
    name: path,
    reopenable: true,
    size,
    open() {
      current = createReadStream(path, { highWaterMark: 256 * 1024 });
      return current;
    },
    bytesRead: () => current?.bytesRead ?? 0,
  };
}

/** Standard input, or any stream read once (its size is unknown: progress without ETA). */
export function streamInput(stream: Readable, name = 'stdin'): Input {
  let opened = false;
  return {
    name,
    reopenable: false,
    open() {
      if (opened) throw new Error(`${name} can be read only once`);
      opened = true;
      return stream;
    },
    bytesRead: () => 0,
  };
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  EPIPE: 'the reader closed the pipe',
};

/** A system error as a short reason (its code in words), never its data. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? (reasons[code] ?? code) : error instanceof Error ? error.message : String(error);
}
