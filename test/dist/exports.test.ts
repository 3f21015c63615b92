// The built package (dist/, built by the global setup test/cli/setup.ts when stale): every path
// package.json `exports` promises resolves, by the package's own name, under `import` and `require`,
// to a file that exists and holds what the sources export.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as magentoCsv from '../../src/magento-csv.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
const require = createRequire(resolve(root, 'test/dist/smoke.cjs'));
const sources: Record<string, Record<string, unknown>> = { '.': main, './magento-csv': magentoCsv };

/** Every file path under an `exports` entry, e.g. `./dist/index.d.cts`. */
const targets = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(targets);

describe('package.json exports, after the build', () => {
  it.each(Object.entries(pkg.exports).filter(([key]) => !key.includes('*')))('%s: every target file exists', (_key, value) => {
    for (const target of targets(value)) expect(existsSync(resolve(root, target)), target).toBe(true);
  });

  it.each(Object.entries(sources))('%s: import and require give the names the source exports', async (key, source) => {
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    const esm = (await import(specifier)) as Record<string, unknown>;
    const cjs = require(specifier) as Record<string, unknown>;
    const names = Object.keys(source).sort();
    expect(Object.keys(esm).filter((n) => n !== 'default').sort()).toEqual(names);
    expect(Object.keys(cjs).sort()).toEqual(names);
  });

  it('the JSON Schemas resolve by name', () => {
    const schema = require(`${pkg.name}/schemas/medusa.record.json`) as { type: string };
    expect(schema.type).toBe('object');
    expect(() => require.resolve(`${pkg.name}/schemas/nope.json`)).toThrow();
  });
});
