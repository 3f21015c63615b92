// Output files written safely: to a temporary file beside the target, renamed over it only when the
// run has finished, so a killed or failed run never leaves a partial file at the output path.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, openSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { onInterrupt } from './cleanup.js';
import { InputError, reason } from './input.js';

/** Text written with backpressure: a file in progress or standard output. */
export interface Out {
  /** What to call it in messages. */
  readonly name: string;
  readonly stream: Writable;
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes and closes (standard output is flushed, not closed). */
  close(): Promise<void>;
}

class StreamOut implements Out {
  private failure: Error | undefined;
  constructor(
    readonly name: string,
    readonly stream: Writable,
  ) {
    stream.on('error', (e) => {
      this.failure ??= e;
    });
  }

  protected check(): void {
    if (this.failure) throw new InputError(`cannot write ${this.name}: ${reason(this.failure)}`);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    this.check();
    if (chunk.length === 0) return;
    if (!this.stream.write(chunk)) {
      try {
        await once(this.stream, 'drain');
      } catch {
        this.check();
      }
    }
  }

  async close(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
    this.check();
  }
}

/** Standard output (never closed: other code may still print). */
export const stdoutOut = (stream: Writable): Out => new StreamOut('standard output', stream);

/** The nearest existing one of `dir` and its parents when it is not a directory (a file where a directory was meant). */
function notADirectory(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

/** A file written to `.<name>.<pid>.<random>.tmp` beside `target` (its directory created when missing), renamed to `target` by `commit`. */
export class SafeFile extends StreamOut {
  readonly tmp: string;
  private readonly unregister: () => void;

  constructor(readonly target: string) {
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let fd: number;
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (error) {
      const blocker = notADirectory(dirname(target));
      throw new InputError(`cannot write ${target}: ${blocker === undefined ? `cannot create the directory ${dirname(target)}: ${reason(error)}` : `${blocker} is not a directory`}`);
    }
    try {
      fd = openSync(tmp, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
      throw new InputError(`cannot write ${target}: ${denied ? `cannot create files in ${dirname(target)}: ${reason(error)}` : reason(error)}`);
    }
    super(target, createWriteStream(tmp, { fd, highWaterMark: 256 * 1024 }));
    this.tmp = tmp;
    this.unregister = onInterrupt(() => this.discard());
  }

  override async close(): Promise<void> {
    this.check();
    const stream = this.stream as WriteStream;
    if (!stream.writableEnded) stream.end();
    try {
      await finished(stream);
    } catch {
      this.check();
    }
    this.check();
  }

  /** Puts the finished file in place (call after `close`). */
  commit(): void {
    try {
      renameSync(this.tmp, this.target);
    } catch (error) {
      throw new InputError(`cannot write ${this.target}: ${reason(error)}`);
    } finally {
      this.unregister();
    }
  }

  /** Removes the temporary file (a failed or interrupted run). */
  discard(): void {
    this.unregister();
    this.stream.destroy();
    try {
      unlinkSync(this.tmp);
    } catch {
      // already gone
    }
  }
}
