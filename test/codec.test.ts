import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codecOf, convert, decode, encode, InvalidOptionError, platforms, safeDecode, type PlatformId } from '../src/index.js';
import { RESIDUE_KEY } from '../src/core/residue.js';
import { record as enterpriseV1 } from './arbitraries/enterprise-v1.js';
import { record as magento } from './arbitraries/magento.js';
import { record as medusa } from './arbitraries/medusa.js';
import { record as medusaV2 } from './arbitraries/medusa-v2.js';
import { record as v4 } from './arbitraries/v4.js';

const records: Record<PlatformId, fc.Arbitrary<Record<string, unknown>>> = { magento, medusa, v4, 'enterprise-v1': enterpriseV1, 'medusa-v2': medusaV2 };

const examples = platforms.flatMap((p) =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', `${p}.json`), 'utf8')) as unknown[]).map(
    (record, i) => [p, i + 1, record] as const,
  ),
);

describe('the zod codec of each platform is the same description as decode / encode', () => {
  it.each(examples)('%s example %i', (p, _i, record) => {
    const codec = codecOf(p);
    const canonical = z.decode(codec, record as never);
    expect(canonical).toStrictEqual(decode(p, record).data);
    expect(z.encode(codec, canonical)).toStrictEqual(encode(p, canonical).data);
    expect(z.encode(codec, canonical)).toStrictEqual(record);
  });

  it('rejects an invalid record through zod with the record path', () => {
    const result = z.safeDecode(codecOf('magento'), { email: 'x' } as never);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(['email']);
  });
});

describe('codecOf(p) is the conversion: z.decode / z.encode run what decode / encode run', () => {
  it.each(platforms)('%s: generated records decode and encode as decode and encode do', (p) => {
    const codec = codecOf(p);
    fc.assert(
      fc.property(records[p], (r) => {
        const decoded = safeDecode(p, r);
        const viaZod = z.safeDecode(codec, r as never);
        expect(viaZod.success).toBe(decoded.success);
        if (!decoded.success || !viaZod.success) return;
        expect(viaZod.data).toStrictEqual(decoded.data);
        expect(z.encode(codec, decoded.data)).toStrictEqual(encode(p, decoded.data).data);
      }),
      { numRuns: 200 },
    );
  });

  it('restores the residue a conversion wrote into Medusa metadata (Magento -> Medusa -> canonical)', () => {
    fc.assert(
      fc.property(magento, (r) => {
        const there = convert(r, { from: 'magento', to: 'medusa' }).data;
        const viaZod = z.decode(codecOf('medusa'), there as never);
        expect(viaZod).toStrictEqual(decode('medusa', there).data);
        expect(JSON.stringify(viaZod)).not.toContain(RESIDUE_KEY);
      }),
      { numRuns: 100 },
    );
  });

  it('takes the same options as encode: defaults fill what the target requires', () => {
    const customer = decode('magento', { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 }).data;
    expect(z.safeEncode(codecOf('enterprise-v1'), customer).error?.issues.map((i) => i.path)).toContainEqual(['enterprise_id']);
    const withShop = codecOf('enterprise-v1', { defaults: { enterprise_id: 42 } });
    expect(z.encode(withShop, customer)).toStrictEqual(encode('enterprise-v1', customer, { defaults: { enterprise_id: 42 } }).data);
    expect(z.encode(withShop, customer).enterprise_id).toBe(42);
  });

  it('is made once per platform without options, and checks options as encode does', () => {
    expect(codecOf('medusa')).toBe(codecOf('medusa'));
    expect(() => codecOf('enterprise-v1', { defaults: { nope: 1 } as never })).toThrow(InvalidOptionError);
    expect(() => codecOf('magento', { residue: 'yes' as never })).toThrow(InvalidOptionError);
  });

  it("reports the library's issue code in each zod issue's params", () => {
    const parsed = JSON.parse('{"id":"cus_1","email":"a@b.co","first_name":null,"last_name":null,"billing_address_id":null,"phone":null,"has_account":false,"created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z","deleted_at":null,"metadata":{"__proto__":{"x":1}}}');
    const bad = z.safeDecode(codecOf('medusa'), parsed as never);
    expect(bad.error?.issues.map((i) => ({ code: i.code, path: i.path, message: i.message, params: (i as z.core.$ZodIssueCustom).params }))).toMatchInlineSnapshot(`
      [
        {
          "code": "custom",
          "message": "A "__proto__" key cannot be carried safely",
          "params": {
            "code": "invalid_input",
          },
          "path": [
            "metadata",
            "__proto__",
          ],
        },
      ]
    `);
  });
});
