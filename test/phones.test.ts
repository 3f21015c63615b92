import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, decode, encode, type Customer, type PlatformId } from '../src/index.js';
import { isE164, normalisePhone, rememberingPhones, toE164 } from '../src/core/phones.js';
import { customerCountry } from '../src/core/steps.js';
import { NATIONAL_PHONES, notAPhone, phone as writtenPhone } from './arbitraries/common.js';
import { requiredDefaults } from './laws.js';

const COUNTRIES = [...Object.keys(NATIONAL_PHONES), 'SG', 'ZA', 'IN'];

describe('toE164: a phone as written, read in a country', () => {
  it.each([
    ['03 9123 4567', 'AU', '+61391234567'],
    ['(03) 9123 4567', 'AU', '+61391234567'],
    ['0412 345 678', 'AU', '+61412345678'],
    ['+61 412 345 678', undefined, '+61412345678'],
    ['+61 412 345 678', 'US', '+61412345678'], // a leading + needs no country, and wins over it
    ['+610391234567', 'AU', '+61391234567'], // the trunk 0 after the country code is dropped, as dialling does
    ['+1 310-555-0142', 'US', '+13105550142'],
    ['512-555-0199', 'US', '+15125550199'],
    ['(416) 555-0123', 'CA', '+14165550123'],
    ['030 1234567', 'DE', '+49301234567'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['2345 6789', 'HK', '+85223456789'],
    ['+61391234567', undefined, '+61391234567'],
    ['０３ ９１２３ ４５６７', 'AU', '+61391234567'], // full-width digits
    ['٠٣ ٩١٢٣ ٤٥٦٧', 'AU', '+61391234567'], // Arabic-Indic digits
  ])('%s in %s is %s', (text, country, e164) => {
    expect(toE164(text, country)).toBe(e164);
  });

  it.each([
    ['03 9123 4567', undefined, 'no leading + and no country'],
    ['03 9123 4567', 'GB', 'not a valid number in that country'],
    ['03 9123 4567', 'NZ', 'not a valid number in that country'],
    ['0061 3 9123 4567', 'AU', 'an international prefix that is not the country\'s'],
    ['+1 310-555-0142 ext. 12', 'US', 'an extension, which E.164 cannot hold'],
    ['+1 213 373 4253;ext=12', 'US', 'an extension in RFC 3966 form'],
    ['Call 03 9123 4567', 'AU', 'text around the number'],
    ['tel:+61391234567', 'AU', 'a URI, not a number as written'],
    ['1-800-FLOWERS', 'US', 'letters'],
    ['ask at reception', 'AU', 'no number at all'],
    ['', 'AU', 'empty'],
    ['   ', 'AU', 'blank'],
    ['16128234334802', undefined, 'Medusa\'s OpenAPI example: digits without + and country'],
    ['03 9123 4567', 'XX', 'an unknown country is no country'],
  ])('%s in %s is not normalised (%s)', (text, country, _why) => {
    expect(toE164(text, country)).toBeUndefined();
    expect(normalisePhone(text, country)).toBe(text);
  });

  const anyText = fc.oneof(
    writtenPhone,
    notAPhone,
    fc.constantFrom(...Object.values(NATIONAL_PHONES).flat()),
    fc.string({ unit: fc.constantFrom(...'0123456789 +-().'), maxLength: 18 }),
    fc.string({ maxLength: 20 }),
  );
  const anyCountry = fc.option(fc.constantFrom(...COUNTRIES), { nil: undefined });

  it.each([
    [' 0412 345 678', 'AU', '+61412345678'],
    ['0412 345 678 ', 'AU', '+61412345678'],
    [' +61 412 345 678', 'AU', '+61412345678'],
    ['  +1 310-555-0142', undefined, '+13105550142'],
    ['\t03 9123 4567\u00a0', 'AU', '+61391234567'],
    ['\u00a0030 1234567\r', 'DE', '+49301234567'],
  ])('reads %j in %s despite the white space around it (a spreadsheet cell) as %s', (text, country, e164) => {
    expect(toE164(text, country)).toBe(e164);
  });

  it('a phone with white space around it reads as the phone without it, in any country (property)', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\r\n', '');
    fc.assert(
      fc.property(writtenPhone, fc.constantFrom(...COUNTRIES), space, space, (text, country, before, after) => {
        expect(toE164(`${before}${text}${after}`, country)).toBe(toE164(text.trim(), country));
      }),
      { numRuns: 300 },
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(anyText, anyCountry, (text, country) => {
        const once = normalisePhone(text, country);
        expect(normalisePhone(once, country)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('E.164 output re-parses to itself, in any country or none', () => {
    fc.assert(
      fc.property(anyText, anyCountry, anyCountry, (text, country, other) => {
        const e164 = toE164(text, country);
        if (e164 === undefined) return;
        expect(e164).toMatch(/^\+[1-9]\d{1,14}$/);
        expect(isE164(e164)).toBe(true);
        expect(toE164(e164)).toBe(e164);
        expect(toE164(e164, other)).toBe(e164);
      }),
      { numRuns: 2000 },
    );
  });

  it('readings remembered during one conversion are the readings made afresh, the same text in other countries included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, anyCountry), { maxLength: 8 }), anyCountry, (reads, other) => {
        // Each text again in another country, and each E.164 result read again, as a conversion does.
        const asked = reads.flatMap(([text, country]) => [[text, country], [text, other], [toE164(text, country) ?? text, other]] as const);
        const fresh = asked.map(([text, country]) => toE164(text, country));
        expect(rememberingPhones(() => asked.map(([text, country]) => toE164(text, country)))).toStrictEqual(fresh);
      }),
      { numRuns: 500 },
    );
  });

  it('every national example of the arbitraries is valid in its country', () => {
    for (const [country, list] of Object.entries(NATIONAL_PHONES)) for (const text of list) expect(toE164(text, country), `${text} in ${country}`).toBeDefined();
  });
});

/** The option that normalises phones to E.164 (the default carries them as written). */
const E164 = { phones: 'e164' } as const;

// One record per platform with a national-format phone in an Australian address.
const AU = '03 9123 4567';
const records: Record<PlatformId, { record: Record<string, unknown>; path: (string | number)[] }> = {
  magento: {
    record: {
      email: 'mia@example.org', firstname: 'Mia', lastname: 'Chen', website_id: 1,
      addresses: [{ country_id: 'AU', street: ['22 Collins St'], telephone: AU, postcode: '3000', city: 'Melbourne', firstname: 'Mia', lastname: 'Chen', default_billing: true, default_shipping: true }],
    },
    path: ['addresses', 0, 'telephone'],
  },
  medusa: {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      shipping_addresses: [{ id: 'addr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: AU }],
      billing_address: { id: 'addr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: AU },
    },
    path: ['shipping_addresses', 0, 'phone'],
  },
  v4: {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      addresses: [{ id: 7, first_name: 'Mia', last_name: 'Chen', address_line_1: '22 Collins St', city: 'Melbourne', post_code: '3000', country: { code: 'AU' }, phone: AU }],
      active_billing_address: 7, active_shipping_address: 7,
    },
    path: ['addresses', 0, 'phone'],
  },
  'enterprise-v1': {
    record: {
      email: 'mia@example.org', enterprise_id: 42, first_name: 'Mia', last_name: 'Chen',
      billing_address: { phone: AU, first_name: 'Mia', last_name: 'Chen', street_address_1: '22 Collins St', postal_code: '3000', locality: 'Melbourne', country: { code: 'AU' } },
    },
    path: ['billing_address', 'phone'],
  },
  'medusa-v2': {
    record: {
      email: 'mia@example.org', first_name: 'Mia', last_name: 'Chen',
      addresses: [{ id: 'cuaddr_1', first_name: 'Mia', last_name: 'Chen', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: AU, is_default_billing: true, is_default_shipping: true }],
    },
    path: ['addresses', 0, 'phone'],
  },
};
const entries = Object.entries(records) as [PlatformId, (typeof records)[PlatformId]][];
const set = (rec: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> => {
  const copy = structuredClone(rec);
  let node: any = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  node[path[path.length - 1]!] = value;
  return copy;
};
const get = (rec: unknown, path: (string | number)[]): unknown => path.reduce((n: any, k) => n?.[k], rec);
/** Where each platform writes the phone of its first (default) address. */
const phonePath: Record<PlatformId, (string | number)[]> = {
  magento: ['addresses', 0, 'telephone'],
  medusa: ['shipping_addresses', 0, 'phone'],
  v4: ['addresses', 0, 'phone'],
  'enterprise-v1': ['billing_address', 'phone'],
  'medusa-v2': ['addresses', 0, 'phone'],
};

describe.each(entries)('%s address phones with phones: e164', (p, { record, path }) => {
  it('decodes a national-format phone to E.164 in the address country, and the record comes back exactly', () => {
    const { data } = decode(p, record, E164);
    expect(data.addresses?.[0]?.phone).toBe('+61391234567');
    expect(data.addresses?.[0]?.platformData?.[p]).toMatchObject({ [`$${String(path.at(-1))}:original`]: AU });
    expect(encode(p, data, { defaults: requiredDefaults[p] ?? {}, ...E164 } as never)).toStrictEqual({ data: record, losses: [] });
    // The original comes back without the option too: the record's own text, which reads as the canonical phone.
    expect(encode(p, data, { defaults: requiredDefaults[p] ?? {} } as never)).toStrictEqual({ data: record, losses: [] });
  });

  // The phone the target gets is not the one the source wrote: reported where the source wrote it.
  it.each(entries.filter(([q]) => q !== p))('writes E.164 to %s, reported value_changed at the source path', (q) => {
    const { data, losses } = convert(record, { from: p, to: q, defaults: requiredDefaults[q] ?? {}, ...E164 } as never);
    expect(get(data, phonePath[q])).toBe('+61391234567');
    expect(losses.filter((l) => JSON.stringify(l.path) === JSON.stringify(path))).toEqual([{ code: 'value_changed', path, message: 'Written in E.164 form' }]);
  });

  it('keeps a phone it cannot read as written, reports it not_normalised when converted, never in its own platform', () => {
    // Medusa's billing address is a copy of the book entry: change both.
    const raw = p === 'medusa' ? set(set(record, path, 'ask at reception'), ['billing_address', 'phone'], 'ask at reception') : set(record, path, 'ask at reception');
    const { data } = decode(p, raw, E164);
    expect(data.addresses?.[0]?.phone).toBe('ask at reception');
    expect(encode(p, data, { defaults: requiredDefaults[p] ?? {}, ...E164 } as never)).toStrictEqual({ data: raw, losses: [] });
    for (const [q] of entries.filter(([q]) => q !== p)) {
      const out = convert(raw, { from: p, to: q, defaults: requiredDefaults[q] ?? {}, ...E164 } as never);
      expect(get(out.data, phonePath[q])).toBe('ask at reception');
      const loss = out.losses.find((l) => l.code === 'not_normalised');
      expect(loss?.path).toEqual(path);
      expect(loss?.message).not.toContain('reception');
    }
  });

  it('writes E.164 to its own platform once the canonical phone changed', () => {
    const { data } = decode(p, record, E164);
    const changed = structuredClone(data) as Customer;
    changed.addresses![0]!.phone = '+61412345678';
    const out = encode(p, changed, { defaults: requiredDefaults[p] ?? {}, ...E164 } as never);
    expect(get(out.data, phonePath[p])).toBe('+61412345678');
    expect(out.losses).toEqual([]);
  });

  it('writes E.164 to its own platform once the address moved to a country the original is not valid in', () => {
    const { data } = decode(p, record, E164);
    const moved = structuredClone(data) as Customer;
    moved.addresses![0]!.countryCode = 'GB';
    const out = encode(p, moved, { defaults: requiredDefaults[p] ?? {}, ...E164 } as never);
    expect(get(out.data, phonePath[p])).toBe('+61391234567');
    expect(out.losses.filter((l) => l.path.includes('phone'))).toEqual([]);
  });
});

describe('phones of canonical customers', () => {
  const address = { recipient: { given: 'Mia', family: 'Chen' }, lines: ['22 Collins St'], locality: 'Melbourne', postalCode: '3000', countryCode: 'AU', defaultBilling: true, defaultShipping: true };

  it.each(entries)('%s: an E.164 phone is written as is and read back as is', (p) => {
    const customer = { email: 'mia@example.org', name: { given: 'Mia', family: 'Chen' }, addresses: [{ ...address, phone: '+61391234567' }] };
    const out = encode(p, customer, { defaults: requiredDefaults[p] ?? {} } as never);
    expect(get(out.data, phonePath[p])).toBe('+61391234567');
    expect(out.losses.filter((l) => l.path.includes('phone'))).toEqual([]);
    expect(decode(p, out.data).data.addresses?.[0]?.phone).toBe('+61391234567');
  });

  it.each(entries)('%s: with phones: e164, a phone that is not in E.164 is written in E.164 and reported value_changed', (p) => {
    const customer = { email: 'mia@example.org', name: { given: 'Mia', family: 'Chen' }, addresses: [{ ...address, phone: AU }] };
    const out = encode(p, customer, { defaults: requiredDefaults[p] ?? {}, ...E164 } as never);
    expect(get(out.data, phonePath[p])).toBe('+61391234567');
    expect(out.losses.filter((l) => l.path.includes('phone'))).toEqual([{ code: 'value_changed', path: ['addresses', 0, 'phone'], message: 'Written in E.164 form' }]);
  });

  it('an empty phone is written as empty, with nothing to report', () => {
    const out = encode('v4', { email: 'mia@example.org', addresses: [{ ...address, phone: '', mobile: '' }] });
    expect(out.data.addresses?.[0]).toMatchObject({ phone: '', mobile: '' });
    expect(out.losses.filter((l) => l.path.includes('phone') || l.path.includes('mobile'))).toEqual([]);
  });
});

describe('v4 address phone, mobile and fax; Magento fax (phones: e164)', () => {
  it('normalises every phone of a v4 address and gives each original back', () => {
    const rec = {
      ...records.v4.record,
      addresses: [{ id: 7, first_name: 'Mia', last_name: 'Chen', address_line_1: '1 Church St', city: 'Parramatta', post_code: '2150', country: { code: 'AU' }, phone: '(02) 9600 1234', mobile: '0412 000 111', fax: '02 9600 1299' }],
    };
    const { data } = decode('v4', rec, E164);
    expect(data.addresses?.[0]).toMatchObject({ phone: '+61296001234', mobile: '+61412000111', fax: '+61296001299' });
    expect(encode('v4', data, E164).data).toStrictEqual(rec);
    const magento = convert(rec, { from: 'v4', to: 'magento', defaults: { website_id: 1 }, ...E164 });
    expect(magento.data.addresses?.[0]).toMatchObject({ telephone: '+61296001234', fax: '+61296001299' });
    expect(magento.losses).toContainEqual(expect.objectContaining({ code: 'not_representable', path: ['addresses', 0, 'mobile'] }));
  });
});

describe('Medusa customer phone with phones: e164: read in the customer\'s country', () => {
  const book = (country: string, extra: Record<string, unknown> = {}) => ({ first_name: 'Ben', last_name: 'Okafor', address_1: '1 Main St', city: 'Ballarat', country_code: country, postal_code: '3350', ...extra });

  it.each([
    ['the default billing address\'s country', { shipping_addresses: [book('us'), book('au', { id: 'addr_2' })], billing_address: book('au', { id: 'addr_2' }) }, '0400 111 222', '+61400111222'],
    ['the first address\'s country when there is no billing address', { shipping_addresses: [book('au'), book('us')] }, '0400 111 222', '+61400111222'],
    ['the first address\'s country when the billing address has none', { shipping_addresses: [book('au')], billing_address: { ...book('au'), country_code: null } }, '0400111222', '+61400111222'],
    ['no country without addresses: only a leading + is read', {}, '0400111222', '0400111222'],
    ['a leading + without addresses', {}, '+61 400 111 222', '+61400111222'],
    ['another country\'s rules do not read it', { shipping_addresses: [book('us')] }, '0400111222', '0400111222'],
  ])('%s', (_name, addresses, phone, expected) => {
    const rec = { email: 'ben@example.com', phone, ...addresses };
    const { data } = decode('medusa', rec, E164);
    expect(data.phone).toBe(expected);
    expect(encode('medusa', data, E164)).toStrictEqual({ data: rec, losses: [] });
  });

  it('customerCountry: default billing address, else the first address', () => {
    expect(customerCountry({ addresses: [{ countryCode: 'US' }, { countryCode: 'AU', defaultBilling: true }] })).toBe('AU');
    expect(customerCountry({ addresses: [{ countryCode: 'US' }, { countryCode: 'AU' }] })).toBe('US');
    expect(customerCountry({ addresses: [{ countryCode: 'US' }, { countryCode: null, defaultBilling: true }] })).toBe('US');
    expect(customerCountry({})).toBeUndefined();
  });

  it('reads a bare number in the customer\'s country and gives the number back', () => {
    const rec = { email: 'ben@example.com', first_name: 'Ben', last_name: 'Okafor', phone: 400111222, shipping_addresses: [{ ...book('au'), phone: 391234567 }] };
    const { data } = decode('medusa', rec, E164);
    expect(data.phone).toBe('+61400111222');
    expect(data.addresses?.[0]?.phone).toBe('+61391234567');
    expect(encode('medusa', data, E164)).toStrictEqual({ data: rec, losses: [] });
    const magento = convert(rec, { from: 'medusa', to: 'magento', defaults: { website_id: 1 }, ...E164 });
    expect(magento.data.addresses?.[0]?.telephone).toBe('+61391234567');
  });

  it('reports a customer phone it could not normalise when a canonical customer is written to Medusa', () => {
    const { data, losses } = encode('medusa', { email: 'ben@example.com', phone: '0400111222' }, E164);
    expect(data.phone).toBe('0400111222');
    expect(losses).toEqual([{ code: 'not_normalised', path: ['phone'], message: expect.not.stringContaining('0400') }]);
  });
});
