import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, convert, decode, encode, safeDecode, toRequest, unwrap, type Customer } from '../../../src/index.js';
import { record } from '../../arbitraries/medusa.js';

const [ana, jonas, guest] = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/medusa.json'), 'utf8')) as Record<string, unknown>[];
const minimal = { email: 'li@example.com' };
const billingOnly = {
  email: 'zoe@example.org', first_name: 'Zoë', last_name: 'Ng',
  billing_address: { id: 'addr_01HZZ0B1C2D3E4F5G6H7J8K9M0', first_name: 'Zoë', last_name: 'Ng', address_1: '22 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000' },
};
const secondLineOnly = {
  email: 'soren@example.com',
  shipping_addresses: [{ address_1: null, address_2: 'Suite 210', city: 'Aarhus', country_code: 'dk', postal_code: '8000' }],
};

describe('medusa records (reference examples)', () => {
  it.each([
    ['GET response with its own billing address, book and group (platforms.md 1.9)', ana!],
    ['billing address that is a row of the address book', jonas!],
    ['list item without relations (1.9)', guest!],
    ['email only', minimal],
    ['billing address without an address book key', billingOnly],
    ['address with only a second street line', secondLineOnly],
  ])('%s comes back exactly', (_name, rec) => {
    const { data } = decode('medusa', rec);
    expect(encode('medusa', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('decodes the documented concepts to their canonical places', () => {
    // Phones in E.164 on request; by default carried as written.
    const { data } = decode('medusa', ana, { phones: 'e164' });
    expect(decode('medusa', ana).data.phone).toBe(ana!.phone);
    expect(data).toMatchObject({
      ids: { medusa: 'cus_01HZX3V7C8A1B2C3D4E5F6G7H8' },
      email: 'ana.lima@example.com',
      name: { given: 'Ana', family: 'Lima-Souza' },
      phone: '+61412345678',
      hasAccount: true,
      metadata: { tier: 'gold' },
      createdAt: '2024-05-02T01:20:11.412Z',
      deletedAt: null,
      groups: [{ ids: { medusa: 'cgrp_01HZX4Q8D6V2K9M3T7B5N1R0CE' }, name: 'Wholesale' }],
    });
    expect(data.addresses).toHaveLength(2);
    expect(data.addresses?.[0]).toMatchObject({
      ids: { medusa: 'addr_01HZX6K2M3N4P5Q6R7S8T9V0W1' },
      organization: 'Lima Design',
      recipient: { given: 'Ana', family: 'Lima-Souza' },
      lines: ['4/88 Queen St', 'Level 2'],
      locality: 'Brisbane',
      administrativeArea: { code: 'QLD', name: 'Queensland' },
      postalCode: '4000',
      countryCode: 'AU',
      phone: null,
    });
    expect(data.addresses?.[0]?.defaultBilling).toBeUndefined();
    // The billing address is not in the book: it is appended, flagged and marked billing-only.
    expect(data.addresses?.[1]).toMatchObject({
      lines: ['12 Harbour St'],
      locality: 'Sydney',
      defaultBilling: true,
      platformData: { medusa: { $billingOnly: true, address_2: null, customer_id: null } },
    });
    expect(data.platformData?.medusa).toMatchObject({ billing_address_id: 'addr_01HZX5A1B2C3D4E5F6G7H8J9K0' });
  });

  it('flags the book entry that the billing address is a copy of', () => {
    const { data } = decode('medusa', jonas);
    expect(data.addresses).toHaveLength(1);
    expect(data.addresses?.[0]).toMatchObject({ countryCode: 'DE', lines: ['Friedrichstraße 68'], defaultBilling: true });
    expect(data.platformData?.medusa?.billing_address).toBeUndefined();
  });

  it('keeps an unknown key verbatim', () => {
    const rec = { ...minimal, loyalty_points: 120 };
    expect(decode('medusa', rec).data.platformData).toStrictEqual({ medusa: { loyalty_points: 120 } });
    expect(encode('medusa', decode('medusa', rec).data).data).toStrictEqual(rec);
  });

  it('holds every generated record exactly (local check; the shared law suite runs more)', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(encode('medusa', decode('medusa', r).data)).toStrictEqual({ data: r, losses: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('medusa encoding of canonical customers', () => {
  const home = { recipient: { given: 'María', family: 'López' }, lines: ['1450 Ocean Park Blvd', 'Suite 210'], locality: 'Santa Monica', countryCode: 'US', postalCode: '90405', phone: '+13105550142' };
  const work = { ...home, lines: ['782 Elm Street'], locality: 'Austin', postalCode: '78701' };

  it('writes the default billing address as a billing copy and keeps it in the book, and reads it back', () => {
    const customer: Customer = { email: 'maria@example.com', name: { given: 'María', family: 'López' }, addresses: [work, { ...home, defaultBilling: true }] };
    const { data, losses } = encode('medusa', customer);
    expect(losses).toEqual([]);
    expect(data.billing_address).toStrictEqual(data.shipping_addresses?.[1]);
    expect(data.shipping_addresses).toHaveLength(2);
    expect(data.billing_address).toStrictEqual({
      first_name: 'María', last_name: 'López', address_1: '1450 Ocean Park Blvd', address_2: 'Suite 210',
      city: 'Santa Monica', country_code: 'us', postal_code: '90405', phone: '+13105550142',
    });
    expect(decode('medusa', data).data).toStrictEqual(customer);
  });

  it('reports what Medusa has no place for', () => {
    const customer: Customer = {
      email: 'maria@example.com',
      gender: 'female',
      groups: [{ ids: { medusa: 'cgrp_01HZX4Q8D6V2K9M3T7B5N1R0CE' }, name: 'VIP' }, { ids: { magento: 2 }, name: 'Wholesale' }],
      addresses: [{ ...home, lines: ['Unit 4', '1450 Ocean Park Blvd', 'Rear entrance'], defaultShipping: true, administrativeArea: { code: 'CA', name: 'California' } }],
    };
    const { data, losses } = encode('medusa', customer, { residue: false });
    expect(data.groups).toStrictEqual([{ id: 'cgrp_01HZX4Q8D6V2K9M3T7B5N1R0CE', name: 'VIP' }]);
    expect(data.shipping_addresses?.[0]).toMatchObject({ address_1: 'Unit 4', address_2: '1450 Ocean Park Blvd, Rear entrance', province: 'California' });
    expect(losses.map((l) => [l.code, l.path])).toStrictEqual([
      ['value_changed', ['addresses', 0, 'lines', 1]],
      ['value_changed', ['addresses', 0, 'lines', 2]],
      ['unreferenceable', ['groups', 1]],
      ['not_representable', ['gender']],
      ['not_representable', ['addresses', 0, 'defaultShipping']],
    ]);
  });

  it('leaves `groups` out when no group can be referenced, so an update never clears the membership', () => {
    const { data, losses } = encode('medusa', { email: 'a@example.com', groups: [{ ids: { magento: 1 } }] }, { residue: false });
    expect(data).toStrictEqual({ email: 'a@example.com' });
    expect(losses).toEqual([expect.objectContaining({ code: 'unreferenceable', path: ['groups', 0] })]);
  });

  it('fails instead of inventing a missing email', () => {
    expect(() => encode('medusa', { name: { given: 'Ana' } })).toThrow(ConversionError);
  });

  it('names server fields, in the book entry and in its billing copy, in losses when converting to Magento', () => {
    const { data, losses } = convert(jonas, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(data).toMatchObject({ email: 'jonas.berg@example.de', firstname: 'Jonas', lastname: 'Berg' });
    expect(data.addresses).toStrictEqual([
      // `province: "Berlin"` is DE-BE: Magento gets the code, the name and the standard-install region id.
      expect.objectContaining({
        country_id: 'DE', street: ['Friedrichstraße 68'], region: { region_code: 'BE', region: 'Berlin', region_id: 82 }, region_id: 82, default_billing: true,
      }),
    ]);
    expect(losses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'server_assigned', path: ['id'] }),
        expect.objectContaining({ code: 'server_assigned', path: ['billing_address_id'] }),
        expect.objectContaining({ code: 'server_assigned', path: ['shipping_addresses', 0, 'id'] }),
        expect.objectContaining({ code: 'server_assigned', path: ['billing_address', 'id'] }),
        expect.objectContaining({ code: 'server_assigned', path: ['billing_address', 'created_at'] }),
      ]),
    );
  });
});

describe('medusa validation', () => {
  const issues = (rec: unknown) => {
    const r = safeDecode('medusa', rec);
    return r.success ? [] : r.error.issues;
  };

  it('requires an email', () => {
    expect(issues({ first_name: 'Ana' })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "email",
          ],
        },
      ]
    `);
  });

  it('rejects a malformed email', () => {
    expect(issues({ email: 'ana.lima@' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_email",
          "message": "Invalid email address",
          "path": [
            "email",
          ],
        },
      ]
    `);
  });

  it('reads the OpenAPI example, whose phone and postal code are bare numbers, and gives the numbers back', () => {
    // The Medusa docs' own example (seed 002): typed string, printed as numbers.
    const oas = {
      id: 'cus_01G2SG30J8C85S4A5CHM2S1NS2', email: 'user@example.com', first_name: 'Arno', last_name: 'Willms',
      billing_address_id: 'addr_01G8ZH853YPY9B94857DY91YGW', phone: 16128234334802, has_account: false,
      created_at: '2019-08-24T14:15:22Z', updated_at: '2019-08-24T14:15:22Z', deleted_at: '2019-08-24T14:15:22Z',
      orders: [{}], metadata: { car: 'white' },
      shipping_addresses: [{
        id: 'addr_01G8ZC9VS1XVE149MGH2J7QSSH', customer_id: 'cus_01G2SG30J8C85S4A5CHM2S1NS2', customer: {}, company: 'Acme',
        first_name: 'Arno', last_name: 'Willms', address_1: '14433 Kemmer Court', address_2: 'Suite 369', city: 'South Geoffreyview',
        province: 'Kentucky', postal_code: 72093, phone: 16128234334802, created_at: '2019-08-24T14:15:22Z',
        updated_at: '2019-08-24T14:15:22Z', deleted_at: '2019-08-24T14:15:22Z', country_code: 'st', metadata: { car: 'white' },
      }],
    };
    const { data } = decode('medusa', oas);
    expect(data.phone).toBe('16128234334802');
    expect(data.addresses?.[0]).toMatchObject({ postalCode: '72093', phone: '16128234334802', countryCode: 'ST' });
    expect(encode('medusa', data).data).toStrictEqual(oas);
    const magento = convert(oas, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } }).data;
    expect(magento.addresses?.[0]).toMatchObject({ postcode: '72093', telephone: '16128234334802' });
    expect(toRequest('medusa', 'update', oas)).toMatchObject({ phone: '16128234334802' });
  });

  it('reads a country code in any letter case, and writes it back as it was only to Medusa', () => {
    const record = { email: 'a@example.com', shipping_addresses: [{ country_code: 'AU', province: 'Vic' }] };
    const { data } = decode('medusa', record);
    expect(data.addresses?.[0]).toMatchObject({ countryCode: 'AU', administrativeArea: { code: 'VIC', name: 'Victoria' } });
    expect(encode('medusa', data)).toStrictEqual({ data: record, losses: [] });
    const { data: v4 } = convert(record, { from: 'medusa', to: 'v4' });
    expect(v4.addresses?.[0]).toMatchObject({ country: { code: 'AU', name: 'Australia' }, state: { code: 'VIC', name: 'Victoria' } });
  });

  it('rejects a country code that is not ISO alpha-2 (alpha-3 included: the column holds two letters)', () => {
    expect(issues({ email: 'a@example.com', billing_address: { country_code: 'aus' }, shipping_addresses: [{ country_code: 'xx' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 alpha-2 country code",
          "path": [
            "billing_address",
            "country_code",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 alpha-2 country code",
          "path": [
            "shipping_addresses",
            0,
            "country_code",
          ],
        },
      ]
    `);
  });

  it('rejects timestamps without a zone and groups without an id', () => {
    expect(issues({ email: 'a@example.com', created_at: '2024-05-02 01:20:11', groups: [{ name: 'VIP' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "groups",
            0,
            "id",
          ],
        },
        {
          "code": "invalid_format",
          "message": "Not an ISO 8601 date-time with zone",
          "path": [
            "created_at",
          ],
        },
      ]
    `);
  });
});

describe('medusa payloads', () => {
  it('unwraps a single customer', () => {
    expect(unwrap('medusa', { customer: ana })).toStrictEqual([ana]);
  });

  it('unwraps a list page', () => {
    expect(unwrap('medusa', { customers: [guest, minimal], count: 137, offset: 0, limit: 50 })).toStrictEqual([guest, minimal]);
  });

  it.each([
    ['a bare record', minimal],
    ['a list page without its count', { customers: [] }],
    ['an array', [minimal]],
  ])('rejects %s', (_name, payload) => {
    expect(() => unwrap('medusa', payload)).toThrow(ConversionError);
  });
});

describe('medusa requests', () => {
  it('builds the flat create body with only the permitted keys and the required password', () => {
    expect(toRequest('medusa', 'create', ana, { password: 's3cret-Passw0rd' })).toStrictEqual({
      email: 'ana.lima@example.com', first_name: 'Ana', last_name: 'Lima-Souza', phone: '+61 412 345 678',
      metadata: { tier: 'gold' }, password: 's3cret-Passw0rd',
    });
  });

  it('fails a create without a password or without names', () => {
    const error = (rec: unknown, password?: string) => {
      try {
        toRequest('medusa', 'create', rec, password === undefined ? {} : { password });
      } catch (e) {
        return (e as ConversionError).issues.map((i) => [i.code, i.path]);
      }
      return [];
    };
    expect(error(ana)).toStrictEqual([['required', ['password']]]);
    expect(error(guest, 'pw')).toStrictEqual([['required', ['first_name']], ['required', ['last_name']]]);
  });

  it('leaves `email` out of an update once the customer has an account, and writes groups as ids', () => {
    expect(toRequest('medusa', 'update', ana)).toStrictEqual({
      first_name: 'Ana', last_name: 'Lima-Souza', phone: '+61 412 345 678', metadata: { tier: 'gold' },
      groups: [{ id: 'cgrp_01HZX4Q8D6V2K9M3T7B5N1R0CE' }],
    });
  });

  it('updates a guest with its email and a new password, dropping nulls', () => {
    expect(toRequest('medusa', 'update', guest, { password: 'n3w' })).toStrictEqual({ email: 'guest@example.com', password: 'n3w' });
  });
});
