// The built package (dist/, built by the global setup test/cli/setup.ts when stale): every path
// package.json `exports` promises resolves, by the package's own name, under `import` and `require`,
// to a file that exists and holds what the sources export.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../../src/index.js';
import * as magentoCsv from '../../src/magento-csv.js';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown>; dependencies: Record<string, string> };
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

describe('dependencies, after the build', () => {
  // The packages the built files load at run time: bare specifiers of import/require, by package name
  // (a package name never starts with `_` or `.`, so prose such as `from "_website"` in a message is none).
  const loaded = new Set<string>();
  for (const file of readdirSync(resolve(root, 'dist')).filter((f) => /\.(c?js)$/.test(f))) {
    const code = readFileSync(resolve(root, 'dist', file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom ?|\brequire\(|\bimport\()["']((?:@[\w.-]+\/)?[a-z0-9][\w.-]*)(?:\/[\w./-]+)?["']/g)) loaded.add(m[1]!);
  }
  const builtin = new Set(builtinModules);

  it('every package the built files load is a dependency (or Node, or the package itself)', () => {
    const foreign = [...loaded].filter((name) => !name.startsWith('node:') && !builtin.has(name) && name !== pkg.name);
    expect(foreign.sort()).toEqual(foreign.filter((name) => name in pkg.dependencies).sort());
  });

  it('no dependency is bundled into dist as well as installed: each one is loaded, not copied in', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !loaded.has(name))).toEqual([]);
    // iso-3166 (ESM only) is bundled for the CJS build, so it is a devDependency, not installed with the package.
    expect(pkg.dependencies['iso-3166']).toBeUndefined();
    expect(loaded.has('iso-3166')).toBe(false);
  });
});
