import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convert, ConversionError, InvalidOptionError, platforms, requestLosses, safeConvert, safeDecode, safeEncode, toRequest, unwrap, type PlatformId,
} from '../src/index.js';
import { requiredDefaults } from './laws.js';

type Rec = Record<string, unknown>;

/** `{ email, <key>: { x: { x: … } } }` nested `levels` deep under `key`. */
function nested(levels: number, key = 'metadata'): Rec {
  const root: Rec = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 };
  let at: Rec = {};
  root[key] = at;
  for (let i = 0; i < levels; i++) at = (at.x = {}) as Rec;
  return root;
}

const codes = (r: { success: boolean; error?: ConversionError }) => (r.success ? [] : r.error!.issues.map((i) => i.code));

/** Every never-throwing call of every platform on `value`: each must answer, never throw. */
function everySafeCall(value: unknown): { name: string; result: { success: boolean; error?: ConversionError } }[] {
  return platforms.flatMap((p) => [
    { name: `safeDecode ${p}`, result: safeDecode(p, value) },
    { name: `safeEncode ${p}`, result: safeEncode(p, value, { defaults: requiredDefaults[p] ?? {} } as never) },
    ...platforms.map((to) => ({ name: `safeConvert ${p} -> ${to}`, result: safeConvert(value, { from: p, to, defaults: requiredDefaults[to] ?? {} } as never) })),
  ]);
}

describe('safe* never throw: the defects found by fuzzing, each by name', () => {
  it('a record nested 2,200 levels deep is an issue too_deep, for every platform and call', () => {
    for (const { name, result } of everySafeCall(nested(2200))) {
      expect(result.success, name).toBe(false);
      expect(codes(result), name).toContain('too_deep');
    }
  });

  it('a cyclic value is an issue too_deep, not a stack overflow', () => {
    const cyclic: Rec = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 };
    cyclic.self = cyclic;
    for (const { name, result } of everySafeCall(cyclic)) expect(codes(result), name).toStrictEqual(['too_deep']);
  });

  it('a Symbol-keyed property (in Medusa metadata too) is an issue, not a throw while building the message', () => {
    const record = { id: 'cus_1', email: 'ana@example.com', metadata: { [Symbol('s')]: 1 } };
    for (const { name, result } of everySafeCall(record)) expect(codes(result), name).toStrictEqual(['invalid_input']);
  });

  it('a getter that throws and a proxy whose traps throw are issues', () => {
    const getter = { email: 'ana@example.com' };
    Object.defineProperty(getter, 'boom', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    for (const value of [getter, proxy]) for (const { name, result } of everySafeCall(value)) expect(codes(result), name).toStrictEqual(['invalid_input']);
  });

  it('a getter that throws only when read a second time is still an issue (the data part of each call is guarded)', () => {
    let reads = 0;
    const sly = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 };
    Object.defineProperty(sly, 'firstname', { enumerable: true, get: () => { reads += 1; if (reads > 1) throw new Error('second read'); return 'Ana'; } });
    const result = safeDecode('magento', sly);
    expect(codes(result)).toStrictEqual(['invalid_input']);
    expect(result.success ? '' : result.error.issues[0]!.message).not.toContain('second read');
  });

  it('a 16 MB field of multi-byte characters is an issue too_large', () => {
    const big = { email: 'ana@example.com', firstname: 'é'.repeat(16 * 2 ** 20), lastname: 'Lima', website_id: 1 };
    for (const p of platforms) expect(codes(safeDecode(p, big)), p).toStrictEqual(['too_large']);
  });

  it('a Medusa record with a residue and a function value answers with an issue', () => {
    const there = convert({ email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1, middlename: 'J.' }, { from: 'magento', to: 'medusa' }).data as Rec;
    const hostile = { ...there, metadata: { ...(there.metadata as Rec), fn: () => 1 } };
    const back = safeConvert(hostile, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(back.success ? [] : back.error.issues).toStrictEqual([{ code: 'invalid_input', path: ['metadata', 'fn'], message: 'A function is no JSON value: records are JSON values' }]);
  });

  it('pins the issue shapes', () => {
    const deep = safeDecode('magento', nested(10), { limits: { depth: 3 } });
    const large = safeDecode('magento', { email: 'x'.repeat(2 ** 23 + 1) });
    expect([deep, large].map((r) => (r.success ? [] : r.error.issues))).toMatchInlineSnapshot(`
      [
        [
          {
            "code": "too_deep",
            "message": "Nested deeper than 3 levels (or cyclic): not read (the \`limits.depth\` option)",
            "path": [
              "metadata",
              "x",
              "x",
              "x",
            ],
          },
        ],
        [
          {
            "code": "too_large",
            "message": "Holds more than 8388608 characters: not read (the \`limits.size\` option)",
            "path": [],
          },
        ],
      ]
    `);
  });
});

describe('limits are options', () => {
  it('depth and size can be lowered and raised', () => {
    expect(codes(safeDecode('magento', nested(10), { limits: { depth: 5 } }))).toStrictEqual(['too_deep']);
    expect(safeDecode('magento', nested(100), { limits: { depth: 200 } }).success).toBe(true);
    expect(codes(safeDecode('magento', { email: 'ana@example.com', firstname: 'A'.repeat(500), lastname: 'L', website_id: 1 }, { limits: { size: 100 } }))).toStrictEqual(['too_large']);
  });

  it('a limit that is no positive whole number is misuse, thrown', () => {
    const attempts = [{ depth: 0 }, { size: -1 }, { depth: 1.5 }, { width: 3 }, 'deep'];
    const messages = attempts.map((limits) => {
      try {
        safeDecode('magento', {}, { limits } as never);
        return 'no error';
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidOptionError);
        return (e as Error).message;
      }
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Invalid option "limits.depth": expected a positive whole number",
        "Invalid option "limits.size": expected a positive whole number",
        "Invalid option "limits.depth": expected a positive whole number",
        "Invalid option "limits": "width" is not a limit; expected depth or size",
        "Invalid option "limits": expected \`{ depth?, size? }\`",
      ]
    `);
  });

  it('the throwing calls refuse a too-deep value with ConversionError', () => {
    expect(() => toRequest('magento', 'create', nested(2200))).toThrow(ConversionError);
    expect(() => requestLosses('medusa', 'update', nested(2200))).toThrow(ConversionError);
    expect(() => unwrap('medusa', { customer: nested(2200) })).toThrow(ConversionError);
  });
});

describe('hostile values: every safe* call of every platform answers', () => {
  // Any value, with cycles and throwing getters mixed in.
  const hostile = fc
    .tuple(fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }), fc.nat(3))
    .map(([value, twist]) => {
      if (typeof value !== 'object' || value === null) return value;
      if (twist === 1) (value as Rec).self = value;
      if (twist === 2) Object.defineProperty(value, 'boom', { enumerable: true, get: () => { throw new Error('boom'); } });
      if (twist === 3) (value as Rec).email = 'ana@example.com';
      return value;
    });

  it('fast-check anything(), cycles and throwing getters: no call throws', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        for (const { name, result } of everySafeCall(value)) expect(typeof result.success, name).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it.each<PlatformId>([...platforms])('%s: a deep value under any key of a generated record is too_deep', (p) => {
    fc.assert(
      fc.property(fc.constantFrom('metadata', 'custom_attributes', 'addresses', 'extension_attributes', 'zzz'), fc.integer({ min: 65, max: 3000 }), (key, levels) => {
        expect(codes(safeDecode(p, nested(levels, key)))).toContain('too_deep');
      }),
      { numRuns: 20 },
    );
  });
});

describe('no record text in any message', () => {
  // Record text placed where messages once quoted it: key names, attribute codes, metadata keys, residue paths.
  const marker = 'Zq7xMarker';
  const records: Record<PlatformId, Rec> = {
    magento: {
      email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1, [marker]: 1,
      extension_attributes: { [marker]: true }, custom_attributes: [{ attribute_code: marker, value: 'x' }, { attribute_code: `${marker}_password`, value: 'secret' }],
      addresses: [{ firstname: 'Ana', lastname: 'Lima', street: ['1 A St'], city: 'Austin', country_id: 'US', telephone: '512 555 0199', postcode: '78701', [marker]: 2 }],
    },
    medusa: { id: 'cus_1', email: 'ana@example.com', metadata: { [marker]: 1 }, [marker]: 1 },
    v4: { id: 1, email: 'ana@example.com', [marker]: 1, country: { [marker]: 1 } },
    'enterprise-v1': { id: 1, email: 'ana@example.com', enterprise_id: 1, [marker]: 1 },
    'medusa-v2': { id: 'cus_1', email: 'ana@example.com', metadata: { [marker]: 1 }, addresses: [{ metadata: { [marker]: 1 }, [marker]: 2 }], [marker]: 1 },
  };
  const messages = (r: { success: boolean; losses?: { message: string }[]; error?: ConversionError }): string[] =>
    r.success ? (r.losses ?? []).map((l) => l.message) : [r.error!.message, ...r.error!.issues.map((i) => i.message)];

  it.each<PlatformId>([...platforms])('%s records: no loss or issue message quotes a key, a code or a residue path', (p) => {
    for (const to of platforms) {
      const direct = safeConvert(records[p], { from: p, to, defaults: requiredDefaults[to] ?? {} } as never);
      expect(messages(direct).filter((m) => m.includes(marker)), `${p} -> ${to}`).toStrictEqual([]);
      // Through Medusa's residue and on to every platform: the residue's paths hold the keys.
      const there = safeConvert(records[p], { from: p, to: 'medusa' });
      if (!there.success) continue;
      const onward = safeConvert(there.data, { from: 'medusa', to, defaults: requiredDefaults[to] ?? {} } as never);
      expect(messages(onward).filter((m) => m.includes(marker)), `${p} -> medusa -> ${to}`).toStrictEqual([]);
    }
  });
});
