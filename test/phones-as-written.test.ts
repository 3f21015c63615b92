// Phones by default: carried exactly as the source wrote them, never parsed, never reported; E.164 only
// with `phones: 'e164'`. libphonenumber-js is wrapped to count its calls (behaviour unchanged).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { convert, decode, encode, InvalidOptionError, platforms, safeConvert, type Customer, type PlatformId } from '../src/index.js';
import { getAt, startsWith, type Path } from '../src/core/path.js';
import { registry } from '../src/platforms/index.js';
import { record as enterpriseV1 } from './arbitraries/enterprise-v1.js';
import { record as magento } from './arbitraries/magento.js';
import { record as medusa } from './arbitraries/medusa.js';
import { record as medusaV2 } from './arbitraries/medusa-v2.js';
import { record as v4 } from './arbitraries/v4.js';
import { requiredDefaults } from './laws.js';

const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('libphonenumber-js/max', async (importOriginal) => {
  const real = await importOriginal<typeof import('libphonenumber-js/max')>();
  return {
    ...real,
    parsePhoneNumberFromString: (...args: Parameters<typeof real.parsePhoneNumberFromString>) => {
      parsed.count++;
      return real.parsePhoneNumberFromString(...args);
    },
  };
});

const records: Record<PlatformId, fc.Arbitrary<Record<string, unknown>>> = { magento, medusa, v4, 'enterprise-v1': enterpriseV1, 'medusa-v2': medusaV2 };
const examples = (p: PlatformId): Record<string, unknown>[] => JSON.parse(readFileSync(join(import.meta.dirname, `../examples/${p}.json`), 'utf8'));
const defaults = (q: PlatformId) => ({ defaults: requiredDefaults[q] ?? {} }) as never;

// One record per platform whose first address phone is written with a leading space, the national way.
const WRITTEN = ' 0412 345 678';
const sources: Record<PlatformId, { record: Record<string, unknown>; path: Path }> = {
  magento: {
    record: {
      email: 'mia@example.org', firstname: 'Mia', lastname: 'Chen', website_id: 1,
      addresses: [{ country_id: 'AU', street: ['22 Collins St'], telephone: WRITTEN, postcode: '3000', city: 'Melbourne', firstname: 'Mia', lastname: 'Chen', default_billing: true, default_shipping: true }],
    },
    path: ['addresses', 0, 'telephone'],
  },
  medusa: {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      shipping_addresses: [{ id: 'addr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: WRITTEN }],
      billing_address: { id: 'addr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: WRITTEN },
    },
    path: ['shipping_addresses', 0, 'phone'],
  },
  v4: {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      addresses: [{ id: 7, first_name: 'Mia', last_name: 'Chen', address_line_1: '22 Collins St', city: 'Melbourne', post_code: '3000', country: { code: 'AU' }, phone: WRITTEN }],
      active_billing_address: 7, active_shipping_address: 7,
    },
    path: ['addresses', 0, 'phone'],
  },
  'enterprise-v1': {
    record: {
      email: 'mia@example.org', enterprise_id: 42, first_name: 'Mia', last_name: 'Chen',
      billing_address: { phone: WRITTEN, first_name: 'Mia', last_name: 'Chen', street_address_1: '22 Collins St', postal_code: '3000', locality: 'Melbourne', country: { code: 'AU' } },
    },
    path: ['billing_address', 'phone'],
  },
  'medusa-v2': {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      addresses: [{ id: 'cuaddr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: WRITTEN, is_default_billing: true, is_default_shipping: true }],
    },
    path: ['addresses', 0, 'phone'],
  },
};
/** Where each platform writes the phone of its first (default) address. */
const phonePath: Record<PlatformId, Path> = {
  magento: ['addresses', 0, 'telephone'],
  medusa: ['shipping_addresses', 0, 'phone'],
  v4: ['addresses', 0, 'phone'],
  'enterprise-v1': ['billing_address', 'phone'],
  'medusa-v2': ['addresses', 0, 'phone'],
};
/** The losses about the phone at `path`: at it or below it (a loss of the whole address is not one). */
const phoneLosses = (losses: readonly { path: Path }[], path: Path) => losses.filter((l) => startsWith(l.path, path));

describe.each(platforms)('%s phones by default', (p) => {
  const { record, path } = sources[p];

  it('carries a phone exactly as written, surrounding white space included', () => {
    const { data, losses } = decode(p, record);
    expect(data.addresses?.[0]?.phone).toBe(WRITTEN);
    expect(losses).toEqual([]);
    expect(encode(p, data, defaults(p))).toStrictEqual({ data: record, losses: [] });
  });

  it.each(platforms)('to %s: the same text, and no phone reported', (q) => {
    const { data, losses } = convert(record, { from: p, to: q, ...(defaults(q) as object) });
    expect(getAt(data, phonePath[q])).toBe(WRITTEN);
    expect(phoneLosses(losses, path)).toEqual([]);
  });

  it.each(platforms.filter((q) => q !== p))("to %s with phones: 'e164': E.164, reported value_changed at the source path", (q) => {
    const { data, losses } = convert(record, { from: p, to: q, ...(defaults(q) as object), phones: 'e164' });
    expect(getAt(data, phonePath[q])).toBe('+61412345678');
    expect(phoneLosses(losses, path)).toEqual([{ code: 'value_changed', path, message: 'Written in E.164 form' }]);
  });

  it("to itself with phones: 'e164': normalised there too, and reported", () => {
    const { data, losses } = convert(record, { from: p, to: p, ...(defaults(p) as object), phones: 'e164' });
    expect(getAt(data, path)).toBe('+61412345678');
    expect(phoneLosses(losses, path)).toEqual([{ code: 'value_changed', path, message: 'Written in E.164 form' }]);
  });

  it("decodes with phones: 'e164' and gives the record's own text back, with or without the option", () => {
    const { data } = decode(p, record, { phones: 'e164' });
    expect(data.addresses?.[0]?.phone).toBe('+61412345678');
    expect(encode(p, data, defaults(p))).toStrictEqual({ data: record, losses: [] });
    expect(encode(p, data, { ...(defaults(p) as object), phones: 'e164' })).toStrictEqual({ data: record, losses: [] });
  });
});

describe('the phones option', () => {
  it.each([['E164'], [''], [true], [1]])('refuses %j', (phones) => {
    const record = examples('magento')[0];
    for (const call of [
      () => convert(record, { from: 'magento', to: 'medusa', phones: phones as never }),
      () => decode('magento', record, { phones: phones as never }),
      () => encode('medusa', {}, { phones: phones as never }),
    ]) {
      expect(call).toThrow(InvalidOptionError);
      expect(call).toThrow(/Invalid option "phones": expected 'as-written' or 'e164'/);
    }
  });

  it('parses no phone unless asked: the reference examples to every platform', () => {
    const pairs = platforms.flatMap((p) => platforms.map((q) => [p, q] as const));
    parsed.count = 0;
    for (const [p, q] of pairs) for (const r of examples(p)) safeConvert(r, { from: p, to: q, ...(defaults(q) as object) });
    for (const p of platforms) for (const r of examples(p)) encode(p, decode(p, r).data, defaults(p));
    expect(parsed.count).toBe(0);
    // The same runs with the option do parse (the counter counts).
    for (const [p, q] of pairs) for (const r of examples(p)) safeConvert(r, { from: p, to: q, ...(defaults(q) as object), phones: 'e164' });
    expect(parsed.count).toBeGreaterThan(0);
  });
});

const PHONES: readonly Path[] = [['phone'], ['mobile']];
const ADDRESS_PHONES: readonly Path[] = [['phone'], ['mobile'], ['fax']];

/** Each phone text of a record as `p` decodes it (no residue restored): its canonical value and the text at its source path. */
function phonesOf(p: PlatformId, record: Record<string, unknown>): { path: Path; raw: unknown; value: string }[] {
  const platform = registry[p];
  const { customer, state } = platform.decodeRecord(platform.record.parse(record) as never);
  const c = customer as Customer;
  const paths = [...PHONES, ...(c.addresses ?? []).flatMap((_, i) => ADDRESS_PHONES.map((k) => ['addresses', i, ...k]))];
  return paths.flatMap((at) => {
    const value = getAt(c, at);
    if (typeof value !== 'string') return [];
    const origin = state.origins.get(at);
    expect(origin, `${p}: origin of ${at.join('.')}`).toBeDefined();
    return [{ path: origin!.source as Path, raw: getAt(record, origin!.source as Path), value }];
  });
}

describe.each(platforms)('%s -> every platform, by default', (p) => {
  it.each(platforms)('-> %s: every phone in the target is one the source wrote, as it wrote it', (q) => {
    fc.assert(
      fc.property(records[p], (record) => {
        const before = phonesOf(p, record);
        // Read as written: the canonical phone is the source's text (a bare number: its digits).
        for (const { raw, value } of before) expect(value).toBe(String(raw));
        const result = safeConvert(record, { from: p, to: q, ...(defaults(q) as object) });
        if (!result.success) return;
        const written = new Set(before.map((b) => b.value));
        const after = phonesOf(q, result.data as Record<string, unknown>);
        for (const { raw, value } of after) {
          expect(String(raw)).toBe(value);
          expect(written.has(value), `${JSON.stringify(value)} is not a phone of the source`).toBe(true);
        }
        // No phone is changed, and none the target holds is missing.
        const carried = new Set(after.map((a) => a.value));
        for (const { path, value } of before) {
          const lost = result.losses.filter((l) => startsWith(path, l.path));
          expect(lost.filter((l) => l.code === 'value_changed' || l.code === 'not_normalised')).toEqual([]);
          if (lost.length === 0) expect(carried.has(value), `${path.join('.')} reached ${q}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
