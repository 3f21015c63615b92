import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, decode, encode, platforms, safeConvert, safeEncode, type Customer, type PlatformId } from '../src/index.js';
import { requiredDefaults } from './laws.js';
import { recordsOf } from './arbitraries/index.js';

type Rec = Record<string, any>;

const [mia] = JSON.parse(readFileSync(join(import.meta.dirname, '../examples/enterprise-v1.json'), 'utf8')) as Rec[];

/** Every address of a record, as the platform stores it. */
const addressesOf = (p: PlatformId, r: Rec): Rec[] =>
  p === 'medusa' ? [r.billing_address, ...(r.shipping_addresses ?? [])].filter(Boolean)
  : p === 'enterprise-v1' ? [r.billing_address, r.shipping_address].filter(Boolean)
  : (r.addresses ?? []);

/** The street lines an address holds, in order (absent keys left out). */
const streetOf = (p: PlatformId, a: Rec): unknown[] => {
  if (p === 'magento') return a.street ?? [];
  const keys = { medusa: ['address_1', 'address_2'], 'medusa-v2': ['address_1', 'address_2'], v4: ['address_line_1', 'address_line_2'], 'enterprise-v1': ['street_address_1', 'street_address_2'] }[p];
  return keys.filter((k) => a[k] !== undefined).map((k) => a[k]);
};

const defaults = (p: PlatformId) => ({ defaults: requiredDefaults[p] ?? {} });
const streetLosses = <L extends { path: readonly (string | number)[] }>(losses: readonly L[]): L[] =>
  losses.filter((l) => l.path.some((k) => typeof k === 'string' && /street|address_[12]|address_line/.test(k)));

const magentoWith = (street: string[]): Rec => ({
  email: 'maria@example.com', firstname: 'María', lastname: 'López', website_id: 1,
  addresses: [{ country_id: 'US', street, telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica', firstname: 'María', lastname: 'López' }],
});
const medusaWith = (address_1: string | null, address_2: string | null): Rec => ({
  email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima',
  shipping_addresses: [{ first_name: 'Ana', last_name: 'Lima', address_1, address_2, city: 'Sydney', country_code: 'au', postal_code: '2000', phone: '+61 412 345 678' }],
});

/** A canonical customer with one address holding `lines` (default shipping: every platform holds it). */
const ana = (lines: string[]): Customer => ({
  email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' },
  addresses: [{ recipient: { given: 'Ana', family: 'Lima' }, lines, locality: 'Sydney', postalCode: '2000', countryCode: 'AU', phone: '+61412345678', defaultShipping: true }],
});

describe('empty street lines are never written to another platform', () => {
  it('Open Food Network street_address_2 "" -> Magento: one line, no trailing empty line, nothing reported', () => {
    const { data, losses } = convert(mia!, { from: 'enterprise-v1', to: 'magento', defaults: { website_id: 1 } });
    expect(data.addresses?.[0]?.street).toStrictEqual(['22 Collins St']);
    expect(streetLosses(losses)).toStrictEqual([]);
  });

  it.each<[string, string | null, string | null, string[]]>([
    ['address_2 ""', '12 Harbour St', '', ['12 Harbour St']],
    ['address_1 "" (the second line becomes line 1, which Magento requires)', '', 'Suite 5', ['Suite 5']],
    ['address_2 null', '12 Harbour St', null, ['12 Harbour St']],
  ])('Medusa %s -> Magento', (_name, a1, a2, street) => {
    const { data, losses } = convert(medusaWith(a1, a2), { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(data.addresses?.[0]?.street).toStrictEqual(street);
    expect(streetLosses(losses)).toStrictEqual([]);
  });

  it.each<[string[], PlatformId, Rec]>([
    [['1 Main St', ''], 'medusa', { address_1: '1 Main St' }],
    [['1 Main St', ''], 'v4', { address_line_1: '1 Main St' }],
    [['1 Main St', ''], 'enterprise-v1', { street_address_1: '1 Main St' }],
    [['1 Main St', '', 'Rear'], 'medusa', { address_1: '1 Main St', address_2: 'Rear' }],
    [['1 Main St', '', 'Rear'], 'v4', { address_line_1: '1 Main St', address_line_2: 'Rear' }],
    [['1 Main St', '', 'Rear'], 'enterprise-v1', { street_address_1: '1 Main St', street_address_2: 'Rear' }],
    [['1 Main St', '', '', 'Rear'], 'medusa', { address_1: '1 Main St', address_2: 'Rear' }],
  ])('Magento street %j -> %s: empty lines left out, the others fit without a join', (street, to, expected) => {
    const rec = magentoWith(street);
    if (to === 'enterprise-v1') rec.addresses[0].default_shipping = true;
    const { data, losses } = convert(rec, { from: 'magento', to, ...defaults(to) });
    const [address] = addressesOf(to, data as Rec);
    expect(streetOf(to, address!)).toStrictEqual(Object.values(expected));
    expect(address).toMatchObject(expected);
    expect(streetLosses(losses)).toStrictEqual([]);
  });

  it('a canonical customer with empty lines is written as the one without them', () => {
    for (const p of platforms) expect(encode(p, ana(['', '1 Main St', '', 'Rear', '']), defaults(p))).toStrictEqual(encode(p, ana(['1 Main St', 'Rear']), defaults(p)));
  });
});

describe('empty street lines come back to their own platform', () => {
  it('decodes them to no canonical line, remembered by a hint', () => {
    const [address] = decode('magento', magentoWith(['1 Main St', '', 'Rear'])).data.addresses!;
    expect(address!.lines).toStrictEqual(['1 Main St', 'Rear']);
    expect(address!.platformData?.magento).toMatchObject({ $blankLines: { at: [1], of: 3 } });
  });

  it.each<[string, Rec, PlatformId]>([
    ['Open Food Network street_address_2 ""', mia!, 'enterprise-v1'],
    ['Medusa address_1 "", address_2 set', medusaWith('', 'Suite 5'), 'medusa'],
    ['Medusa both lines ""', medusaWith('', ''), 'medusa'],
    ['Magento ["a", "", "c"]', magentoWith(['1 Main St', '', 'Rear']), 'magento'],
  ])('%s: decoded and encoded again, exactly', (_name, rec, p) => {
    expect(encode(p, decode(p, rec).data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('through Medusa and back (the hint travels in its residue), exactly; without residue, without the empty line', () => {
    const rec = magentoWith(['1 Main St', '', 'Rear']);
    const there = convert(rec, { from: 'magento', to: 'medusa' });
    expect(convert(there.data, { from: 'medusa', to: 'magento' }).data).toStrictEqual(rec);
    const bare = convert(rec, { from: 'magento', to: 'medusa', residue: false });
    expect(convert(bare.data, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } }).data.addresses?.[0]?.street).toStrictEqual(['1 Main St', 'Rear']);
  });

  it('an outdated hint (the lines changed since) puts no empty line back', () => {
    const decoded = decode('magento', magentoWith(['1 Main St', ''])).data;
    const changed = { ...decoded, addresses: [{ ...decoded.addresses![0]!, lines: ['1 Main St', 'Suite 5'] }] };
    expect(encode('magento', changed).data.addresses?.[0]?.street).toStrictEqual(['1 Main St', 'Suite 5']);
  });
});

describe('empty street lines, for generated records', () => {
  const hasEmptyLine = (p: PlatformId, r: Rec) => addressesOf(p, r).some((a) => streetOf(p, a).includes(''));

  it.each(platforms)('the %s arbitrary generates empty street lines', (p) => {
    expect(fc.sample(recordsOf(p), 300).some((r) => hasEmptyLine(p, r))).toBe(true);
  });

  describe.each(platforms)('%s -> every other platform', (from) => {
    it.each(platforms.filter((to) => to !== from))('-> %s writes no empty street line', (to) => {
      fc.assert(
        fc.property(recordsOf(from), (r) => {
          const result = safeConvert(r, { from, to, ...defaults(to) });
          if (!result.success) return;
          for (const a of addressesOf(to, result.data as Rec)) expect(streetOf(to, a)).not.toContain('');
        }),
        { numRuns: 200 },
      );
    });
  });

  it('a canonical customer encodes as if its empty lines were not there', () => {
    const lines = fc.array(fc.oneof(fc.constantFrom('1 Main St', 'Suite 5', 'Rear'), fc.constant('')), { maxLength: 5 });
    fc.assert(
      fc.property(fc.constantFrom(...platforms), lines, (p, ls) => {
        // Without residue: a joined street travels in Medusa's residue as the canonical lines were, empty ones included.
        const options = { ...defaults(p), residue: false };
        const a = safeEncode(p, ana(ls), options);
        const b = safeEncode(p, ana(ls.filter((l) => l !== '')), options);
        expect(a.success).toBe(b.success);
        if (a.success && b.success) {
          expect(a.data).toStrictEqual(b.data);
          expect(a.losses.map((l) => l.code)).toStrictEqual(b.losses.map((l) => l.code));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a line break inside a street line', () => {
  it('Medusa address_2 with a line break -> Magento: a new line where the break was, reported, never a break in a line', () => {
    const r = medusaWith('1 Main St', 'Suite 5\nBuilding B');
    const two = convert(r, { from: 'medusa', to: 'magento', ...defaults('magento') });
    expect((two.data as Rec).addresses[0].street).toStrictEqual(['1 Main St', 'Suite 5, Building B']);
    const three = convert(r, { from: 'medusa', to: 'magento', ...defaults('magento'), platformOptions: { magento: { streetLines: 3 } } });
    expect((three.data as Rec).addresses[0].street).toStrictEqual(['1 Main St', 'Suite 5', 'Building B']);
    expect(streetLosses(three.losses)).toMatchInlineSnapshot(`
      [
        {
          "code": "value_changed",
          "message": "Magento stores a street as its lines joined with line breaks: each line break in this line starts a new street line",
          "path": [
            "shipping_addresses",
            0,
            "address_2",
          ],
        },
      ]
    `);
    expect(streetLosses(two.losses).map((l) => l.message)).toStrictEqual([
      'Magento stores a street as its lines joined with line breaks: each line break in this line starts a new street line; Magento holds 2 street lines: lines 2–3 are written as line 2, joined with ", "',
    ]);
  });

  it('the other platforms keep the line break: their lines are free text', () => {
    const { shipping_addresses: [address], ...customer } = medusaWith('1 Main St', 'Suite 5\r\nBuilding B');
    // As the billing address: Open Food Network holds a billing and a shipping address, not a list.
    const r = { ...customer, billing_address: address };
    for (const to of ['v4', 'enterprise-v1'] as const) {
      const out = convert(r, { from: 'medusa', to, ...defaults(to) });
      expect(addressesOf(to, out.data as Rec).flatMap((a) => streetOf(to, a))).toContain('Suite 5\r\nBuilding B');
      expect(streetLosses(out.losses)).toStrictEqual([]);
    }
  });

  it('a Magento street line holding a line break is refused: Magento would read it back as two lines', () => {
    const result = safeConvert(magentoWith(['1 Main St\nSuite 5']), { from: 'magento', to: 'medusa' });
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "A Magento street line cannot hold a line break (Magento stores the lines joined with line breaks)",
          "path": [
            "addresses",
            0,
            "street",
            0,
          ],
        },
      ]
    `);
  });

  it('for generated records of every platform: Magento gets no line break in a line, and each line that held one is reported', () => {
    const withBreak = (p: PlatformId, r: Rec) => addressesOf(p, r).some((a) => streetOf(p, a).some((l) => typeof l === 'string' && /[\r\n]/.test(l)));
    for (const p of ['medusa', 'v4', 'enterprise-v1'] as const) expect(fc.sample(recordsOf(p), { numRuns: 1000, seed: 20261205 }).some((r) => withBreak(p, r))).toBe(true);
    fc.assert(
      fc.property(
        fc.oneof(...(['medusa', 'v4', 'enterprise-v1'] as const).map((p) => recordsOf(p).map((record) => [p, record] as const))),
        fc.integer({ min: 1, max: 4 }),
        ([from, r], streetLines) => {
          // strictAddresses: every address converts or the record is no counterexample (a left-out address is reported whole).
          const result = safeConvert(r, { from, to: 'magento', ...defaults('magento'), platformOptions: { magento: { streetLines } }, strictAddresses: true });
          // A record Magento cannot take for another reason is no counterexample, but a line break never makes one.
          if (!result.success) {
            expect(result.error.issues.filter((i) => i.message.includes('line break'))).toStrictEqual([]);
            return;
          }
          for (const a of (result.data as Rec).addresses ?? []) for (const l of a.street) expect(l).not.toMatch(/[\r\n]/);
          const reported = result.losses.filter((l) => l.code === 'value_changed').map((l) => l.path.join('.'));
          const keys = { medusa: ['address_1', 'address_2'], v4: ['address_line_1', 'address_line_2'], 'enterprise-v1': ['street_address_1', 'street_address_2'] }[from];
          for (const a of addressesOf(from, r)) {
            for (const k of keys) {
              if (typeof a[k] === 'string' && /[\r\n]/.test(a[k]) && /\S/.test(a[k].replace(/[\r\n]/g, ''))) expect(reported.some((p) => p.endsWith(`.${k}`))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
