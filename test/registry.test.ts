import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declaredLoss } from '../src/core/mapping.js';
import type { Part } from '../src/core/requests.js';
import { platforms } from '../src/index.js';
import { registry } from '../src/platforms/index.js';
import { arbitraries } from './arbitraries/index.js';

// Adding a platform is its folder and one registry line: these checks hold every registered platform
// to the same declarations, so a new one cannot skip one.

describe('every registered platform', () => {
  it('has arbitraries (test/arbitraries/<id>.ts, one line in test/arbitraries/index.ts), and no others are listed', () => {
    expect(Object.keys(arbitraries).sort()).toStrictEqual(Object.keys(registry).sort());
  });

  it.each(platforms)('%s: its generated records are records of the platform', (p) => {
    const own = arbitraries[p];
    expect(own, `no arbitraries for ${p}`).toBeDefined();
    for (const record of fc.sample(own!.record, { numRuns: 50, seed: 1 })) expect(registry[p].record.safeParse(record).success).toBe(true);
  });

  it.each(platforms)('%s: each shop value is a key of its records, and its example a value the key can hold', (p) => {
    const shape = registry[p].record.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const v of registry[p].shopValues ?? []) {
      expect(Object.keys(shape), `${p} shop value ${v.key}`).toContain(v.key);
      expect(shape[v.key]!.safeParse(v.example).success, `${p} shop value ${v.key} example`).toBe(true);
    }
  });

  /** Every omit part of a request body, at any depth. */
  const omits = (parts: readonly Part[]): Extract<Part, { kind: 'omit' }>[] =>
    parts.flatMap((p) => (p.kind === 'omit' ? [p] : 'parts' in p ? omits(p.parts) : []));
  // Codes that say what a value is; the others say what a body lacks (no key, no form, no id to refer by).
  const WHAT_IT_IS = new Set(['server_assigned', 'read_only', 'platform_data']);

  it.each(platforms)('%s: a request leaves a value out as what its mapping table says it is (the code read from the table)', (p) => {
    const platform = registry[p];
    for (const operation of ['create', 'update'] as const) {
      for (const part of omits(platform.requests[operation].body)) {
        const where = `${p} ${operation} ${part.keys.join(', ')}`;
        if (WHAT_IT_IS.has(part.lost.code)) expect(part.table, `${where}: ${part.lost.code} without its table (use omitAs)`).toBeDefined();
        if (part.table === undefined) continue;
        const table = platform.tables.find((t) => t.name === part.table);
        expect(table, where).toBeDefined();
        for (const key of part.keys) expect(declaredLoss(table!, key), where).toBe(part.lost.code);
      }
    }
  });
});

describe('shared code knows no platform', () => {
  const root = join(import.meta.dirname, '../src/core');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  /** The code of a file without its comments (examples in comments name platforms). */
  const code = (file: string): string =>
    readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|\s)\/\/.*$/gm, '$1');
  // The platform ids, and the names each platform declares (credential keys, shop values).
  const names = new Set(
    Object.values(registry).flatMap((p) => [
      p.id,
      ...(p.shopValues ?? []).map((v) => v.key),
      ...(p.credentialNames?.resetToken ?? []),
      ...(p.credentialNames?.resetTime ?? []),
      ...(p.credentialNames?.attributeEntry ? [p.credentialNames.attributeEntry.code] : []),
    ]),
  );

  it.each(files(root).map((f) => [f.slice(root.length + 1), f]))('src/core/%s names no platform id nor a name a platform declares', (_name, file) => {
    const literals = [...code(file).matchAll(/(['"`])([^'"`\n]*)\1/g)].map((m) => m[2]!);
    expect(literals.filter((l) => names.has(l))).toStrictEqual([]);
  });
});
