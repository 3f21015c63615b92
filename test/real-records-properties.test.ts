// Issue 10 as properties over the registry: names derived from the customer's address, slots filled
// when no address is designated, and one unholdable address left out with exactly one loss. The
// examples are in test/real-records.test.ts; the targets each property applies to are found from
// what the platforms do (probes below), never named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, platforms, safeConvert, safeEncode, type Address, type Customer, type PlatformId } from '../src/index.js';
import { getAt, isPlainObject, startsWith, type Path } from '../src/core/path.js';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { requiredDefaults } from './laws.js';

const defaultsOf = (p: PlatformId) => requiredDefaults[p] ?? {};
const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
const samePath = (a: Path, b: Path) => a.length === b.length && startsWith(a, b);

/** An address every platform holds (phone in E.164, a postcode, a known country). */
const HOLDABLE: Address = {
  recipient: { given: 'Una', family: 'Held' }, lines: ['9 Unholdable Lane'], locality: 'Unholdville', postalCode: '3000', countryCode: 'AU', phone: '+61391234567',
};
const named = (addresses: Address[]): Customer => ({ email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' }, addresses });
const nameless = (addresses: Address[]): Customer => ({ email: 'ana@example.com', addresses });

/** The top-level fields a target requires that only names fill: required without names, not with them (deriveNames off). */
function nameFields(p: PlatformId): string[] {
  const requiredAt = (c: Customer) => {
    const r = safeEncode(p, c, { defaults: defaultsOf(p), deriveNames: false });
    return r.success ? [] : r.error.issues.filter((i) => i.code === 'required' && i.path.length === 1).map((i) => String(i.path[0]));
  };
  const withNames = requiredAt(named([HOLDABLE]));
  return requiredAt(nameless([HOLDABLE])).filter((f) => !withNames.includes(f));
}

/** Canonical customers with no names and at least one address holding both name parts (a guest's). */
const guest: fc.Arbitrary<Customer> = canonicalCustomer
  .filter((c) => (c.addresses ?? []).some((a) => !blank(a.recipient?.given) && !blank(a.recipient?.family)))
  .map(({ name: _name, ...c }) => c as Customer);

describe('names derived from the address, for every target that requires names', () => {
  const targets = platforms.filter((p) => nameFields(p).length > 0);

  it('applies to at least one registered target', () => {
    expect(targets.length).toBeGreaterThan(0);
  });

  // From a canonical customer (encode) and from every source record that holds a guest (convert):
  // `derived` losses point at the address names (in the source) and the target's name fields.
  const sources = (to: PlatformId) => [undefined, ...platforms.filter((p) => p !== to)] as const;
  describe.each(targets)('to %s', (to) => {
    const fields = nameFields(to);
    it.each(sources(to).map((from) => [from ?? 'a canonical customer', from] as const))('from %s: converts with one derived loss per name field; refused with deriveNames: false', (_label, from) => {
      let applied = 0;
      fc.assert(
        fc.property(guest, (c) => {
          let input: unknown = c;
          if (from !== undefined) {
            // The source's record of the guest, where it holds one (names absent or blank).
            const source = safeEncode(from, c, { defaults: defaultsOf(from), deriveNames: false });
            if (!source.success) return;
            input = source.data;
          }
          const convert = (deriveNames: boolean) =>
            from === undefined ? safeEncode(to, c, { defaults: defaultsOf(to), deriveNames }) : safeConvert(input, { from, to, defaults: defaultsOf(to), deriveNames });
          const off = convert(false);
          expect(off.success).toBe(false);
          if (off.success) return;
          expect(fields.every((f) => off.error.issues.some((i) => i.code === 'required' && samePath(i.path, [f])))).toBe(true);
          // Refused for something besides the names: not this property's subject.
          if (off.error.issues.some((i) => !(i.path.length === 1 && fields.includes(String(i.path[0]))))) return;
          const on = convert(true);
          expect(on.success, JSON.stringify(on.success ? [] : on.error.issues)).toBe(true);
          if (!on.success) return;
          applied += 1;
          // One per name field; a source address read from two places (Medusa's billing copy, identical
          // Open Food Network slots) names both.
          const derived = on.losses.filter((l) => l.code === 'derived' && l.target !== undefined);
          expect([...new Set(derived.map((l) => String(l.target)))].sort()).toStrictEqual([...fields].sort());
          for (const loss of derived) {
            // The source path holds the name written at the target field, inside an address of the source.
            const value = getAt(on.data, loss.target!);
            expect(typeof value === 'string' && !blank(value)).toBe(true);
            expect(getAt(input, loss.path), JSON.stringify(loss)).toBe(value);
            expect(loss.path.length).toBeGreaterThan(1);
          }
        }),
        { numRuns: 60 },
      );
      // Every source but those that cannot hold a customer without names gives the property runs.
      if (from === undefined || safeEncode(from, nameless([HOLDABLE]), { defaults: defaultsOf(from), deriveNames: false }).success) {
        expect(applied).toBeGreaterThan(0);
      }
    });
  });
});

/** Every string and number leaf of a value. */
const leafValues = (v: unknown): unknown[] =>
  Array.isArray(v) ? v.flatMap(leafValues) : isPlainObject(v) ? Object.values(v).flatMap(leafValues) : v === null || v === undefined ? [] : [v];

/** Targets that hold designated addresses only: a second, undesignated address has no place there. */
function designatedOnly(p: PlatformId): boolean {
  const other = { ...HOLDABLE, lines: ['1 Other St'], locality: 'Elsewhere' };
  const r = safeEncode(p, named([{ ...HOLDABLE, defaultBilling: true, defaultShipping: true }, other]), { defaults: defaultsOf(p) });
  return r.success && r.losses.some((l) => samePath(l.path, ['addresses', 1]));
}

/** An address few platforms hold (no recipient, phone or country): a target that cannot hold it leaves it out. */
const THIN: Address = { lines: ['0 Thin St'], locality: 'Thinville' };

/** Canonical customers with addresses, none designated default billing or shipping; now and then a thin one first. */
const undesignated: fc.Arbitrary<Customer> = fc
  .tuple(canonicalCustomer, fc.boolean())
  .filter(([c]) => (c.addresses ?? []).length > 0)
  .map(([c, thin]) => ({ ...c, addresses: [...(thin ? [THIN] : []), ...(c.addresses ?? [])].map(({ defaultBilling: _b, defaultShipping: _s, ...a }) => a) }));

describe('slots filled by the first address when the source designates none, for every target of designated slots only', () => {
  const targets = platforms.filter(designatedOnly);

  it('applies to at least one registered target', () => {
    expect(targets.length).toBeGreaterThan(0);
  });

  const sources = (to: PlatformId) => [undefined, ...platforms.filter((p) => p !== to)] as const;
  describe.each(targets)('to %s', (to) => {
    it.each(sources(to).map((from) => [from ?? 'a canonical customer', from] as const))('from %s: the first address the target holds fills its slots, reported derived at it', (_label, from) => {
      let applied = 0;
      fc.assert(
        fc.property(undesignated, (c) => {
          let input: unknown = c;
          if (from !== undefined) {
            // The source's record of the customer, where it holds addresses and designates none of them.
            const source = safeEncode(from, c, { defaults: defaultsOf(from) });
            if (!source.success) return;
            const read = decode(from, source.data).data.addresses ?? [];
            if (read.length === 0 || read.some((a) => a.defaultBilling === true || a.defaultShipping === true)) return;
            input = source.data;
          }
          const result = from === undefined ? safeEncode(to, c, { defaults: defaultsOf(to) }) : safeConvert(input, { from, to, defaults: defaultsOf(to) });
          if (!result.success) return; // refused for something else than its addresses
          const slots = decode(to, result.data).data.addresses ?? [];
          const derived = result.losses.filter((l) => l.code === 'derived' && isPlainObject(getAt(input, l.path)));
          if (slots.length === 0) {
            // Every address was left out (the target could hold none): nothing filled, nothing derived.
            expect(derived).toStrictEqual([]);
            return;
          }
          applied += 1;
          // Never silently no address: one address fills every slot, reported at it.
          expect(slots.every((a) => a.defaultBilling === true && a.defaultShipping === true), JSON.stringify(slots)).toBe(true);
          expect(derived, JSON.stringify(result.losses)).toHaveLength(1);
          const at = derived[0]!.path;
          // The address reported is the one in the slots, and the first of the input the target holds.
          expect(leafValues(getAt(input, at))).toContain(slots[0]!.locality);
          if (from === undefined) {
            const leftOut = result.losses.filter((l) => l.message.startsWith('Left out')).map((l) => l.path[1]);
            expect(at).toStrictEqual(['addresses', (c.addresses ?? []).findIndex((_, i) => !leftOut.includes(i))]);
          }
        }),
        { numRuns: 60 },
      );
      expect(applied).toBeGreaterThan(0);
    });
  });
});
