// A killed run leaves no partial file at the output path: output goes to a temporary file beside it,
// renamed only at the end. The input is standard input held open, so the run is surely unfinished
// when it is killed (no timing involved).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, hidden, magentoRecords, ndjson, scratch, start, until } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

const begin = (out: string) => {
  const child = start(['convert', '--from', 'magento', '--to', 'medusa', '-o', out, '--report', `${out}.report.json`, '-q'], dir);
  const result = finished(child);
  // The child is killed with its input still open: a write that was pending then fails with EPIPE.
  child.stdin.on('error', () => {});
  // More than one batch of records, and no end of input: the run converts, writes, and waits for more.
  child.stdin.write(ndjson(magentoRecords(1200)));
  const writing = () => hidden(dir).some((f) => f.startsWith(`.${out}.`) && statSync(join(dir, f)).size > 0);
  return { child, result, writing };
};

describe('a killed run', () => {
  it('SIGKILL: nothing at the output, rejects or report paths (only a temporary file beside them)', async () => {
    const { child, result, writing } = begin('killed.ndjson');
    await until(writing);
    child.kill('SIGKILL');
    expect((await result).signal).toBe('SIGKILL');
    for (const f of ['killed.ndjson', 'killed.rejects.ndjson', 'killed.ndjson.report.json']) expect(existsSync(join(dir, f))).toBe(false);
    expect(hidden(dir).every((f) => f.endsWith('.tmp'))).toBe(true);
  });

  it('SIGTERM and SIGINT: nothing at the output paths and the temporary files removed', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const out = `${signal.toLowerCase()}.ndjson`;
      const { child, result, writing } = begin(out);
      await until(writing);
      child.kill(signal);
      expect((await result).code).toBe(code);
      expect(existsSync(join(dir, out))).toBe(false);
      expect(hidden(dir).filter((f) => f.startsWith(`.${out}`))).toEqual([]);
    }
  });
});
