// src/csv/records.ts wraps a private function of csv-parse (`hookRecordEnd`), so package.json pins
// csv-parse's exact version: this fails when the version installed is another, or the hook no longer
// takes, before a changed internal could change how broken records are reported.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { csvRecords, hookRecordEnd } from '../../src/csv/records.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };

/** The version of csv-parse that `import 'csv-parse'` loads. */
function installed(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('csv-parse'));
  while (!dir.endsWith('/csv-parse')) dir = dirname(dir);
  return (JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('csv-parse is pinned', () => {
  it('to an exact version, the one the lockfile holds and the one installed', () => {
    const pin = pkg.dependencies['csv-parse']!;
    expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/csv-parse']!.version).toBe(pin);
    expect(installed()).toBe(pin);
  });

  it('and the private hook takes on that version', () => {
    expect(hookRecordEnd(parse(), () => undefined)).toBeDefined();
  });

  it('so a broken record is reported once, with its whole text', async () => {
    const out = [];
    for await (const r of csvRecords(Readable.from(['email,firstname\n"a@b.co"x,Ana\nc@d.co,Cy\n']))) out.push(r);
    expect(out.map((r) => (r.kind === 'broken' ? ['broken', r.raw] : ['cells', r.cells]))).toEqual([
      ['cells', ['email', 'firstname']],
      ['broken', '"a@b.co"x,Ana'],
      ['cells', ['c@d.co', 'Cy']],
    ]);
  });
});
