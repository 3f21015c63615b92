import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codecOf, convert, decode, encode, InvalidOptionError, platforms, safeDecode, safeEncode, type Customer, type PlatformId } from '../src/index.js';
import { RESIDUE_KEY } from '../src/core/residue.js';
import { record as enterpriseV1 } from './arbitraries/enterprise-v1.js';
import { record as magento } from './arbitraries/magento.js';
import { record as medusa } from './arbitraries/medusa.js';
import { record as medusaV2 } from './arbitraries/medusa-v2.js';
import { record as v4 } from './arbitraries/v4.js';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { requiredDefaults } from './laws.js';

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

  it('takes names from the address where the target requires them, as encode does (deriveNames)', () => {
    // A Medusa guest: no names on the customer, names on its billing address.
    const guest = decode('medusa', {
      id: 'cus_01HQ', email: 'gia@example.com', first_name: null, last_name: null, has_account: false,
      billing_address: { id: 'addr_01', first_name: 'Gia', last_name: 'Lo', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: '03 9123 4567' },
    }).data;
    const options = { defaults: { website_id: 1 } };
    const viaZod = z.encode(codecOf('magento', options), guest);
    expect(viaZod).toStrictEqual(encode('magento', guest, options).data);
    expect([viaZod.firstname, viaZod.lastname]).toStrictEqual(['Gia', 'Lo']);
    // Off: refused through zod as encode refuses it.
    const off = z.safeEncode(codecOf('magento', { ...options, deriveNames: false }), guest);
    expect(off.error?.issues.map((i) => i.path)).toStrictEqual([['firstname'], ['lastname']]);
    expect(safeEncode('magento', guest, { ...options, deriveNames: false }).success).toBe(false);
    expect(() => codecOf('magento', { deriveNames: 'yes' as never })).toThrow(InvalidOptionError);
  });

  // Canonical customers, a third of them without names (a guest's): each target encodes them through
  // its codec as `encode` does, names taken from an address, addresses it cannot hold left out.
  const guestsOrNot = fc.tuple(canonicalCustomer, fc.integer({ min: 0, max: 2 })).map(([c, n]): Customer => (n === 0 ? { ...c, name: undefined } : c));
  it.each(platforms)('z.encode(codecOf(%s, options), c) is encode(p, c, options), for any canonical customer', (p) => {
    const options = { defaults: requiredDefaults[p] ?? {} };
    const codec = codecOf(p, options);
    fc.assert(
      fc.property(guestsOrNot, (c) => {
        const direct = safeEncode(p, c, options);
        const viaZod = z.safeEncode(codec, c);
        expect(viaZod.success).toBe(direct.success);
        if (direct.success) expect(viaZod.data).toStrictEqual(direct.data);
        else expect(viaZod.error?.issues.map((i) => [(i as z.core.$ZodIssueCustom).params?.code, i.path])).toStrictEqual(direct.error.issues.map((i) => [i.code, i.path]));
      }),
      { numRuns: 100 },
    );
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

const issueCodes = (r: { success: true } | { success: false; error: { issues: readonly { code: string }[] } }): string[] => (r.success ? [] : r.error.issues.map((i) => i.code));

describe('codecOf answers what decode and encode answer for a value whose reading throws', () => {
  it('a getter that throws is an issue of the codec, as it is an issue of decode and encode (never an exception)', () => {
    const hostile = (): Record<string, unknown> =>
      Object.defineProperty({ firstname: 'Ana', lastname: 'Lima', website_id: 1 }, 'email', { enumerable: true, get: () => { throw new TypeError('no'); } });
    const viaCodec = z.safeDecode(codecOf('magento'), hostile() as never);
    expect(viaCodec.success).toBe(false);
    expect(viaCodec.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toEqual(issueCodes(safeDecode('magento', hostile())));
    const customer = Object.defineProperty({}, 'email', { enumerable: true, get: () => { throw new TypeError('no'); } });
    const encoded = z.safeEncode(codecOf('medusa'), customer as never);
    expect(encoded.success).toBe(false);
    expect(encoded.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toEqual(issueCodes(safeEncode('medusa', customer)));
  });
});
