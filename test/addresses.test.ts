import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, platforms, safeConvert, safeEncode, type Loss, type PlatformId } from '../src/index.js';
import { getAt, isPlainObject } from '../src/core/path.js';
import { record as enterpriseV1 } from './arbitraries/enterprise-v1.js';
import { record as magento } from './arbitraries/magento.js';
import { record as medusa } from './arbitraries/medusa.js';
import { record as medusaV2 } from './arbitraries/medusa-v2.js';
import { record as v4 } from './arbitraries/v4.js';
import { requiredDefaults } from './laws.js';

type Rec = Record<string, unknown>;
const records: Record<PlatformId, fc.Arbitrary<Rec>> = { magento, medusa, v4, 'enterprise-v1': enterpriseV1, 'medusa-v2': medusaV2 };
const leftOut = (losses: readonly Loss[]) => losses.filter((l) => l.message.startsWith('Left out'));

// A guest's Medusa record as shops hold them: the billing address has no phone, which Magento requires.
const guest = {
  id: 'cus_01H', email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', has_account: false,
  billing_address: { first_name: 'Ana', last_name: 'Lima', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: null },
  shipping_addresses: [{ first_name: 'Ana', last_name: 'Lima', address_1: '9 Smith St', city: 'Fitzroy', country_code: 'au', postal_code: '3065', phone: '0400 111 222' }],
};

describe('an address the target cannot hold is left out, not the customer', () => {
  it('Medusa -> Magento: the phone-less billing address is one loss at it; the other address converts', () => {
    const result = safeConvert(guest, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect((result.data.addresses ?? []).map((a) => a.city)).toStrictEqual(['Fitzroy']);
    expect(leftOut(result.losses)).toMatchInlineSnapshot(`
      [
        {
          "code": "not_representable",
          "message": "Left out: magento cannot hold this address (required at addresses.1.telephone); the customer converts without it (\`strictAddresses\` rejects it instead)",
          "path": [
            "billing_address",
          ],
        },
      ]
    `);
  });

  it('an address Medusa holds in two places (the billing address and its copy in the book) is one loss at each place', () => {
    const billing = { first_name: 'Ana', last_name: 'Lima', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000' };
    const copy = { ...guest, billing_address: billing, shipping_addresses: [billing, guest.shipping_addresses[0]!] };
    const result = safeConvert(copy, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(result.success ? leftOut(result.losses).map((l) => l.path) : result.error.issues).toStrictEqual([['shipping_addresses', 0], ['billing_address']]);
  });

  it('strictAddresses rejects the customer instead, with the issue at the target path', () => {
    const result = safeConvert(guest, { from: 'medusa', to: 'magento', defaults: { website_id: 1 }, strictAddresses: true });
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required: the magento shop requires telephone in addresses (as a standard install does; for a shop where it is optional, give \`platformOptions.magento.requiredAddressFields\` without it)",
          "path": [
            "addresses",
            1,
            "telephone",
          ],
        },
      ]
    `);
  });

  it('a strictAddresses that is not a boolean is misuse', () => {
    expect(() => safeConvert(guest, { from: 'medusa', to: 'magento', strictAddresses: 'yes' as never })).toThrow(InvalidOptionError);
  });

  it('an encode of a canonical customer reports the address at its index as given, after earlier ones are left out', () => {
    const ok = { recipient: { given: 'Ana', family: 'Lima' }, lines: ['1 Collins St'], locality: 'Melbourne', postalCode: '3000', countryCode: 'AU', phone: '0400111222' };
    const customer = { email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' }, addresses: [{}, ok, { locality: 'Fitzroy' }, ok] };
    const result = safeEncode('magento', customer, { defaults: { website_id: 1 } });
    expect(result.success ? leftOut(result.losses).map((l) => l.path) : result.error.issues).toStrictEqual([['addresses', 0], ['addresses', 2]]);
    expect(result.success ? result.data.addresses?.length : 0).toBe(2);
  });

  describe.each(platforms)('from %s', (from) => {
    it.each(platforms.filter((to) => to !== from))('to %s: what strictAddresses rejects for its addresses alone converts, one loss at each address left out', (to) => {
      let applied = 0;
      fc.assert(
        fc.property(records[from], (r) => {
          const options = { from, to, defaults: requiredDefaults[to] ?? {} } as const;
          const strict = safeConvert(r, { ...options, strictAddresses: true });
          const lenient = safeConvert(r, options);
          if (strict.success) {
            // Nothing to leave out: both modes give the same record and losses.
            expect(lenient).toStrictEqual(strict);
            return;
          }
          if (!lenient.success) return; // rejected for something else than an address
          applied += 1;
          const dropped = leftOut(lenient.losses);
          expect(dropped.length).toBeGreaterThan(0);
          // Each loss is at an address of the source record, or at a value designating one.
          for (const loss of dropped) expect(getAt(r, loss.path), JSON.stringify(loss.path)).toBeDefined();
          expect(dropped.some((l) => isPlainObject(getAt(r, l.path)))).toBe(true);
        }),
        { numRuns: 150 },
      );
      // Medusa and v4 addresses may lack the phone that Magento and Open Food Network require: there the property must apply.
      if ((from === 'medusa' || from === 'v4') && (to === 'magento' || to === 'enterprise-v1')) expect(applied).toBeGreaterThan(0);
    });
  });
});
