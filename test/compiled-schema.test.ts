// The compiled accepting path of the zod schemas (src/core/compiled-schema.ts) against zod itself:
// whenever the compiled form accepts a value, `safeParse` accepts it with the same data (same keys in
// the same order, the same values, objects copied exactly where zod copies them). Run over every
// registered platform's record schema and the canonical customer, on generated records, on
// export-shaped ones, and on both with one thing broken.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledAccepts, safeParseCompiled, useGeneratedCode } from '../src/core/compiled-schema.js';
import { Customer } from '../src/canonical/index.js';
import { registry } from '../src/platforms/index.js';
import { exportShaped } from '../scripts/export-shaped.js';
import { withoutCredentialScan } from '../src/core/credentials.js';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { recordsOf } from './arbitraries/index.js';

type PlatformId = keyof typeof registry;
const ids = Object.keys(registry) as PlatformId[];

/** Where `a` (compiled) and `b` (zod) differ, given the input `input` they were both made from; `undefined` when they do not. */
function difference(a: unknown, b: unknown, input: unknown, path: string): string | undefined {
  if (typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (typeof a !== 'object' || a === null) return `${path}: not an object`;
  // Shared with the input exactly where zod shares it.
  if ((a === input) !== (b === input)) return `${path}: ${b === input ? 'zod shares the input' : 'zod copies'} here`;
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || a.length !== b.length) return `${path}: array`;
    for (let i = 0; i < b.length; i++) {
      const d = difference(a[i], b[i], Array.isArray(input) ? input[i] : undefined, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototype`;
  for (const k of kb) {
    const sub = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[k] : undefined;
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub, `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** Checks the compiled form against zod on `value`; answers whether the compiled form accepted it. */
function agrees(schema: z.ZodType, value: unknown): boolean {
  const compiled = compiledAccepts(schema, value);
  const zod = schema.safeParse(value);
  if (compiled === undefined) return false;
  expect(zod.success, `compiled accepted what zod refuses: ${JSON.stringify(zod.error?.issues.slice(0, 2))}`).toBe(true);
  expect(difference(compiled.data, zod.data, value, '$')).toBeUndefined();
  return true;
}

// One thing broken somewhere in a JSON value: a value replaced (wrong type, null, a long string, a
// secret-shaped key added), a key removed, or a `__proto__` key.
const BREAKS: readonly unknown[] = [null, undefined, 0, -1.5, 2 ** 60, Number.NaN, Infinity, '', 'x'.repeat(300), true, [], {}, ['a'], { a: 1 }, 'ZZ', 'line\nbreak'];
function broken(value: unknown, pick: number, how: number): unknown {
  const spots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const copy = structuredClone(value);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (spots.push({ parent: node, key: i }), visit(v)));
    else if (typeof node === 'object' && node !== null) for (const k of Object.keys(node)) spots.push({ parent: node as Record<string, unknown>, key: k }), visit((node as Record<string, unknown>)[k]);
  };
  visit(copy);
  if (spots.length === 0) return copy;
  const { parent, key } = spots[pick % spots.length]!;
  const h = how % (BREAKS.length + 4);
  if (h < BREAKS.length) (parent as Record<string | number, unknown>)[key] = BREAKS[h];
  else if (h === BREAKS.length && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else if (h === BREAKS.length + 1 && !Array.isArray(parent)) Object.defineProperty(parent, '__proto__', { value: { x: 1 }, enumerable: true, configurable: true, writable: true });
  else if (h === BREAKS.length + 2 && !Array.isArray(parent)) (parent as Record<string, unknown>).password = 'hunter2';
  else if (!Array.isArray(parent)) (parent as Record<string, unknown>).unexpected_key = { nested: [1, null] };
  return copy;
}

describe.each([
  ['generated code', true],
  ['closures (a runtime that forbids generated code)', false],
])('compiled schemas give what zod gives: %s', (_, generated) => {
  beforeAll(() => useGeneratedCode(generated));
  afterAll(() => useGeneratedCode(true));
  for (const id of ids) {
    const schema = registry[id].record as unknown as z.ZodType;
    it(`${id}: generated records (and with one thing broken): compiled accepts only what zod accepts, with zod's data`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(recordsOf(id), fc.nat(), fc.nat(), (record, pick, how) => {
          if (agrees(schema, record)) accepted++;
          agrees(schema, broken(record, pick, how));
          withoutCredentialScan(() => agrees(schema, broken(record, pick, how)));
        }),
        { numRuns: 150 },
      );
      // The compiled form is the fast path: it takes nearly every valid record itself.
      expect(accepted).toBeGreaterThan(100);
    });

    it(`${id}: export-shaped records are all accepted by the compiled form, with zod's data`, () => {
      const records = exportShaped(id, 200, 7);
      expect(records.filter((r) => agrees(schema, r))).toHaveLength(records.length);
      records.slice(0, 50).forEach((r, i) => agrees(schema, broken(r, i * 7, i)));
    });
  }

  it('the canonical customer: generated customers and broken ones', () => {
    let accepted = 0;
    fc.assert(
      fc.property(canonicalCustomer, fc.nat(), fc.nat(), (c, pick, how) => {
        if (agrees(Customer as unknown as z.ZodType, c)) accepted++;
        agrees(Customer as unknown as z.ZodType, broken(c, pick, how));
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('what zod refuses comes with zod\'s issues', () => {
    const schema = registry.magento.record as unknown as z.ZodType;
    const r = safeParseCompiled(schema, { email: 5, firstname: 'A', lastname: 'B', website_id: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.code, i.path])).toEqual(schema.safeParse({ email: 5, firstname: 'A', lastname: 'B', website_id: 1 }).error?.issues.map((i) => [i.code, i.path]));
  });

  it('keys with quotes, backslashes and line breaks are read as keys (they enter generated code as string literals)', () => {
    const odd = z.strictObject({ 'a"b': z.string(), 'c\\d\n': z.number().optional(), '${x}': z.boolean(), '__proto__x': z.null() });
    const v = { 'a"b': 'q', 'c\\d\n': 1, '${x}': true, '__proto__x': null };
    expect(compiledAccepts(odd, v)?.data).toEqual(odd.parse(v));
    expect(compiledAccepts(odd, { ...v, 'c\\d\n': 'no' })).toBeUndefined();
    expect(compiledAccepts(odd, { ...v, extra: 1 })).toBeUndefined();
  });

  it('node kinds it does not know go to zod (a transform, a default): same answers', () => {
    const odd = z.looseObject({ a: z.string().transform((s) => s.length), b: z.number().default(3), c: z.string().trim().optional(), d: z.email(), e: z.number().default(4).optional(), f: z.string().prefault('p').optional() });
    for (const v of [{ a: 'xyz', d: 'a@b.co' }, { a: 'x', b: 2, c: '  q ', d: 'a@b.co' }, { a: 1, d: 'a@b.co' }, { a: 'x', d: 'not an email' }, { a: 'x', d: 'a@b.co', e: undefined, f: undefined }]) {
      const zod = odd.safeParse(v);
      const compiled = safeParseCompiled(odd, v);
      expect(compiled.success).toBe(zod.success);
      expect(compiled.data).toEqual(zod.data);
    }
    // An optional around a schema that substitutes a value for absence: the compiled object must not answer for it.
    const substituting = z.looseObject({ e: z.number().default(4).optional(), f: z.string().prefault('p').optional() });
    for (const v of [{}, { e: undefined, f: undefined }, { e: 1, f: 'q' }]) {
      expect(safeParseCompiled(substituting, v).data).toStrictEqual(substituting.parse(v));
    }
  });
});
