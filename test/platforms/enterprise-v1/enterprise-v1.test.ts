import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, decode, encode, InvalidOptionError, safeDecode, toRequest, unwrap, ConversionError } from '../../../src/index.js';
import { record } from '../../arbitraries/enterprise-v1.js';

const [mia, soren, guest] = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/enterprise-v1.json'), 'utf8')) as Record<string, unknown>[];
const P = 'enterprise-v1';

const melbourne = {
  phone: '03 9123 4567', latitude: -37.8136, longitude: 144.9631, first_name: 'Mia', last_name: 'Chen',
  street_address_1: '22 Collins St', street_address_2: '', postal_code: '3000', locality: 'Melbourne',
  region: { name: 'Victoria', code: 'Vic' }, country: { name: 'Australia', code: 'AU' },
};
/** Same address in both slots (platforms.md 3.8 create example, as the show response would print it). */
const sameBoth = { id: 1189, enterprise_id: 42, email: 'mia.chen@example.org', first_name: 'Mia', last_name: 'Chen', billing_address: melbourne, shipping_address: melbourne };
const minimal = { enterprise_id: 42, email: 'alice@example.com' };

const resource = (attributes: Record<string, unknown>) => ({
  id: String(attributes.id), type: 'customer', attributes,
  relationships: { enterprise: { data: { id: '42', type: 'enterprise' }, links: { related: 'https://openfoodnetwork.example/api/v1/enterprises/42' } } },
});

describe('enterprise-v1 records (reference examples)', () => {
  it.each([
    ['show response, shipping address only (3.8)', mia!],
    ['different billing and shipping addresses, null street_address_2', soren!],
    ['collection item with "" names and empty slots (3.8)', guest!],
    ['the same address in both slots', sameBoth],
    ['minimal customer', minimal],
  ])('%s comes back exactly', (_name, rec) => {
    const { data } = decode(P, rec);
    expect(encode(P, data)).toStrictEqual({ data: rec, losses: [] });
  });

  it.each([
    ['mia', mia!, { ids: { [P]: 1187 }, email: 'mia.chen@example.org', name: { given: 'Mia', family: 'Chen' }, reference: 'MC-0007', tags: ['wholesale', 'veg-box'] }],
    ['guest', guest!, { ids: { [P]: 1190 }, email: 'guest@example.org', name: { given: '', family: '' }, reference: null, tags: [] }],
    ['minimal', minimal, { email: 'alice@example.com' }],
  ])('decodes %s to its canonical values', (_name, rec, expected) => {
    expect(decode(P, rec).data).toMatchObject(expected);
  });

  it('decodes an address and keeps what has no canonical place as enterprise-v1 data', () => {
    // Phones in E.164 on request; by default carried as written.
    const { data } = decode(P, mia, { phones: 'e164' });
    expect(decode(P, mia).data.addresses?.[0]?.phone).toBe('03 9123 4567');
    expect(data.addresses).toStrictEqual([
      {
        phone: '+61391234567',
        recipient: { given: 'Mia', family: 'Chen' },
        lines: ['22 Collins St'],
        postalCode: '3000',
        locality: 'Melbourne',
        // Spree's `Vic` is AU-VIC; the record's own spelling is kept as a hint for the way back.
        administrativeArea: { code: 'VIC', name: 'Victoria', platformData: { [P]: { $written: { code: 'Vic', name: 'Victoria' } } } },
        countryCode: 'AU',
        defaultShipping: true,
        // The English country name next to the code carries nothing of its own.
        // The empty street_address_2 is no line: the hint brings it back to Open Food Network.
        platformData: { [P]: { '$phone:original': '03 9123 4567', $blankLines: { at: [1], of: 2 }, latitude: -37.8136, longitude: 144.9631 } },
      },
    ]);
    expect(data.platformData?.[P]).toStrictEqual({
      enterprise_id: 42, allow_charges: false, terms_and_conditions_accepted_at: null, billing_address: null, balance: -12.5,
    });
  });

  it.each([
    ['identical slots -> one address with both flags', sameBoth, [{ defaultBilling: true, defaultShipping: true }]],
    ['different slots -> billing first, then shipping', soren!, [{ defaultBilling: true }, { defaultShipping: true }]],
  ])('%s', (_name, rec, flags) => {
    const addresses = decode(P, rec).data.addresses ?? [];
    expect(addresses.map((a) => ({ defaultBilling: a.defaultBilling, defaultShipping: a.defaultShipping }))).toEqual(
      flags.map((f) => ({ defaultBilling: undefined, defaultShipping: undefined, ...f })),
    );
  });

  it('keeps a null street_address_2 apart from ""', () => {
    const shipping = decode(P, soren).data.addresses?.[1];
    expect(shipping?.lines).toEqual(['4/88 Main Rd']);
    expect(shipping?.platformData?.[P]).toMatchObject({ street_address_2: null });
    expect(shipping?.platformData?.[P]).not.toHaveProperty('$blankLines');
    expect(encode(P, decode(P, soren).data).data).toStrictEqual(soren);
    expect(encode(P, decode(P, mia).data).data).toStrictEqual(mia);
  });

  it('holds every generated record exactly (local check; the shared law suite runs more)', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(encode(P, decode(P, r).data)).toStrictEqual({ data: r, losses: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('enterprise-v1 encoding from canonical customers', () => {
  const address = (extra: Record<string, unknown>) => ({
    recipient: { given: 'Ana', family: 'Lima' }, lines: ['1 Flinders Street'], locality: 'Melbourne', postalCode: '3000',
    countryCode: 'AU', phone: '+61404333222', ...extra,
  });

  it('needs `defaults: { enterprise_id }` when the source has none', () => {
    const customer = { email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' } };
    expect(() => encode(P, customer)).toThrow(ConversionError);
    expect(encode(P, customer, { defaults: { enterprise_id: 7 } }).data).toStrictEqual({ enterprise_id: 7, first_name: 'Ana', last_name: 'Lima', email: 'ana@example.com' });
  });

  it('fills each slot with the first flagged address and reports the rest', () => {
    const { data, losses } = encode(
      P,
      {
        email: 'ana@example.com',
        addresses: [
          address({ lines: ['Level 2', '88 Queen St', 'Rear entrance'], defaultBilling: true, defaultShipping: true, organization: 'Green Acres' }),
          address({ locality: 'Geelong', defaultShipping: true }),
          address({ locality: 'Ballarat' }),
        ],
      },
      { defaults: { enterprise_id: 7 } },
    );
    expect(data.billing_address).toStrictEqual(data.shipping_address);
    expect(data.billing_address).toMatchObject({ street_address_1: 'Level 2', street_address_2: '88 Queen St, Rear entrance', country: { code: 'AU' } });
    expect(losses.map((l) => [l.code, l.path])).toEqual([
      ['value_changed', ['addresses', 0, 'lines', 1]],
      ['value_changed', ['addresses', 0, 'lines', 2]],
      ['not_representable', ['addresses', 0, 'organization']],
      ['not_representable', ['addresses', 1]],
      ['not_representable', ['addresses', 2]],
    ]);
  });

  it.each([
    ['two identical addresses in the two slots', [address({ defaultBilling: true }), address({ defaultShipping: true })], 1],
  ])('reports %s, which would read back as one', (_name, addresses, merged) => {
    const { data, losses } = encode(P, { email: 'ana@example.com', addresses }, { defaults: { enterprise_id: 7 } });
    expect(data.shipping_address).toBeDefined();
    expect(losses).toEqual([expect.objectContaining({ code: 'value_changed', path: ['addresses', merged] })]);
  });

  it('fills the slots whatever the address order, without reporting the order', () => {
    const addresses = [address({ locality: 'Geelong', defaultShipping: true }), address({ defaultBilling: true })];
    const { data, losses } = encode(P, { email: 'ana@example.com', addresses }, { defaults: { enterprise_id: 7 } });
    expect(data.shipping_address?.locality).toBe('Geelong');
    expect(data.billing_address?.locality).not.toBe('Geelong');
    expect(losses).toEqual([]);
  });

  it('does not report the English country name, which is derivable, when converting to Magento', () => {
    const { losses } = convert(mia, { from: P, to: 'magento', defaults: { website_id: 1 } });
    expect(losses.map((l) => l.path)).not.toContainEqual(['shipping_address', 'country', 'name']);
    expect(losses.map((l) => l.path)).not.toContainEqual(['shipping_address', 'country']);
  });

  it('names another spelling of the country name, not the whole country, when converting to Magento', () => {
    const record = { ...mia, shipping_address: { ...melbourne, country: { code: 'AU', name: 'Australien' } } };
    const { data, losses } = convert(record, { from: P, to: 'magento', defaults: { website_id: 1 } });
    expect(data.addresses?.[0]?.country_id).toBe('AU');
    expect(losses.map((l) => [l.code, l.path])).toContainEqual(['platform_data', ['shipping_address', 'country', 'name']]);
    expect(losses.map((l) => l.path)).not.toContainEqual(['shipping_address', 'country']);
  });
});

describe('enterprise-v1 validation', () => {
  const issues = (rec: unknown) => {
    const r = safeDecode(P, rec);
    return r.success ? [] : r.error.issues;
  };

  it('names every missing required field', () => {
    expect(issues({ shipping_address: { street_address_2: 'Unit 4' } })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "enterprise_id",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "email",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "phone",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "first_name",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "last_name",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "street_address_1",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "postal_code",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "locality",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "country",
          ],
        },
      ]
    `);
  });

  it('rejects a bad email and wrong types', () => {
    expect(issues({ ...minimal, email: 'mia.chen@', enterprise_id: '42', tags: 'wholesale', first_name: 7 })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "enterprise_id",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected string, received number",
          "path": [
            "first_name",
          ],
        },
        {
          "code": "invalid_email",
          "message": "Invalid email address",
          "path": [
            "email",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected array, received string",
          "path": [
            "tags",
          ],
        },
      ]
    `);
  });

  it('reads a country as any ISO code form or, without a code, an English name', () => {
    const withCountry = (country: unknown) => ({ ...minimal, shipping_address: { ...melbourne, country } });
    for (const country of [{ code: 'au' }, { code: 'AUS', name: 'Australia' }, { code: '036' }, { name: 'Australia' }, { code: null, name: 'australia' }]) {
      expect(decode(P, withCountry(country)).data.addresses?.[0]?.countryCode).toBe('AU');
    }
  });

  it('rejects a country that is no ISO 3166-1 code, or no known name without a code', () => {
    expect(
      issues({ ...minimal, billing_address: { ...melbourne, country: { code: 'XX', name: 'Australia' } }, shipping_address: { ...melbourne, country: { name: 'Atlantis' } } }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 country code",
          "path": [
            "billing_address",
            "country",
            "code",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not a known country name (and no country code)",
          "path": [
            "shipping_address",
            "country",
            "name",
          ],
        },
      ]
    `);
    expect(issues({ ...minimal, shipping_address: { ...melbourne, country: { name: null } } })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "country",
            "code",
          ],
        },
      ]
    `);
  });

  it('rejects blank required address fields and a timestamp without a zone', () => {
    expect(
      issues({ ...minimal, terms_and_conditions_accepted_at: '2024-02-01 09:30:00', shipping_address: { ...melbourne, phone: '', locality: '', latitude: '-37.8' } }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_format",
          "message": "Not an ISO 8601 date-time with zone",
          "path": [
            "terms_and_conditions_accepted_at",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "phone",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "shipping_address",
            "latitude",
          ],
        },
        {
          "code": "required",
          "message": "Required",
          "path": [
            "shipping_address",
            "locality",
          ],
        },
      ]
    `);
  });

  it('throws ConversionError from the throwing API', () => {
    expect(() => decode(P, { email: 'x' })).toThrow(ConversionError);
  });
});

describe('enterprise-v1 payloads', () => {
  it('unwraps a single JSON:API document to its attributes', () => {
    const doc = { data: resource(mia!), included: [{ id: '42', type: 'enterprise', attributes: { id: 42, name: 'Green Acres' } }] };
    expect(unwrap(P, doc)).toEqual([mia]);
  });

  it('unwraps a collection page to the attributes of each resource', () => {
    const page = {
      data: [resource(guest!), resource(soren!)],
      meta: { pagination: { results: 3, pages: 2, page: 2, per_page: 2 } },
      links: {
        self: 'https://openfoodnetwork.example/api/v1/customers?page=2&per_page=2',
        first: 'https://openfoodnetwork.example/api/v1/customers?page=1&per_page=2',
        prev: 'https://openfoodnetwork.example/api/v1/customers?page=1&per_page=2',
        next: null,
        last: 'https://openfoodnetwork.example/api/v1/customers?page=2&per_page=2',
      },
    };
    expect(unwrap(P, page)).toEqual([guest, soren]);
    expect(unwrap(P, { ...page, data: [] })).toEqual([]);
  });

  it('rejects a payload that is not a customer document', () => {
    expect(() => unwrap(P, { errors: [{ detail: 'The resource you were looking for could not be found.' }] })).toThrow(ConversionError);
    expect(() => unwrap(P, { data: { ...resource(mia!), type: 'enterprise' } })).toThrow(ConversionError);
    expect(() => unwrap(P, { data: [resource(mia!)] })).toThrow(ConversionError);
  });
});

describe('enterprise-v1 requests', () => {
  it('builds the create body (platforms.md 3.8): flat, permitted keys only, server fields left out', () => {
    expect(toRequest(P, 'create', mia)).toStrictEqual({
      email: 'mia.chen@example.org', enterprise_id: 42, code: 'MC-0007', first_name: 'Mia', last_name: 'Chen',
      tags: ['wholesale', 'veg-box'], billing_address: null,
      shipping_address: {
        phone: '03 9123 4567', latitude: -37.8136, longitude: 144.9631, first_name: 'Mia', last_name: 'Chen',
        street_address_1: '22 Collins St', street_address_2: '', postal_code: '3000', locality: 'Melbourne',
        region: { code: 'Vic', name: 'Victoria' }, country: { code: 'AU', name: 'Australia' },
      },
    });
  });

  it('leaves out an object billing address (only `null` is permitted) and undocumented keys', () => {
    const rec = { ...soren!, created_manually: true, shipping_address: { ...(soren!.shipping_address as object), company: 'unused', region: { code: 'Vic', name: 'Victoria', id: 3 } } };
    const body = toRequest(P, 'update', rec) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'email', 'enterprise_id', 'first_name', 'last_name', 'shipping_address', 'tags']);
    expect(body.shipping_address).not.toHaveProperty('company');
    expect((body.shipping_address as Record<string, unknown>).region).toStrictEqual({ code: 'Vic', name: 'Victoria' });
  });

  it('shares the body between create and update, and takes no password', () => {
    expect(toRequest(P, 'update', guest)).toStrictEqual(toRequest(P, 'create', guest));
    expect(toRequest(P, 'update', guest)).toStrictEqual({
      email: 'guest@example.org', enterprise_id: 42, code: null, first_name: '', last_name: '', tags: [], billing_address: null, shipping_address: null,
    });
    expect(() => toRequest(P, 'create', guest, { password: 'x' })).toThrow(InvalidOptionError);
    expect(() => toRequest(P, 'update', guest, { password: 'x' })).toThrow(InvalidOptionError);
  });
});
