import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversionError, convert, decode, encode, platforms, requestLosses, safeConvert, toRequest, unwrap, type PlatformId } from '../../../src/index.js';
import { MedusaV2AddressRequest, MedusaV2CustomerRequest } from '../../../src/platforms/medusa-v2/schema.js';
import { recordsOf } from '../../arbitraries/index.js';
import { requiredDefaults } from '../../laws.js';

type Rec = Record<string, any>;
type Call = { method: string; path: string; body: Rec };

// platforms.md §2.9: `GET /admin/customers/cus_…?fields=*addresses,*groups` (invented values).
const ben = {
  id: 'cus_01J0ABCDEF0123456789ABCDEF', company_name: 'Okafor Farms Pty Ltd', first_name: 'Ben',
  last_name: 'Okafor', email: 'Ben.Okafor@example.com', phone: '0400111222',
  metadata: { source: 'import-2024-07' }, has_account: false,
  created_by: 'user_01J0USER000000000000000000', created_at: '2024-07-04T03:11:09.120Z',
  updated_at: '2024-07-04T03:11:09.120Z', deleted_at: null,
  addresses: [
    {
      id: 'cuaddr_01J0ADDR00000000000000000A', address_name: 'Warehouse',
      is_default_shipping: true, is_default_billing: false,
      customer_id: 'cus_01J0ABCDEF0123456789ABCDEF', company: 'Okafor Farms Pty Ltd',
      first_name: 'Ben', last_name: 'Okafor', address_1: '7 Mill Rd', address_2: null,
      city: 'Ballarat', country_code: 'au', province: 'VIC', postal_code: '3350',
      phone: '0400111222', metadata: null, created_at: '2024-07-04T03:12:00.000Z',
      updated_at: '2024-07-04T03:12:00.000Z',
    },
  ],
  groups: [
    {
      id: 'cusgroup_01J0GRP0000000000000000000', name: 'Wholesale', metadata: null,
      created_by: null, created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-01T00:00:00.000Z', deleted_at: null,
    },
  ],
};

const maria = {
  id: 341, email: 'maria.lopez@example.com', firstname: 'María', lastname: 'López', website_id: 1, default_billing: '587', default_shipping: '588',
  password_hash: '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8:Xq9LmN2pR7sT4vW8yZ1aB3cD5eF6gH7j:3_32_2_67108864',
  addresses: [
    { id: 587, country_id: 'US', region: { region_code: 'CA', region: 'California', region_id: 12 }, street: ['1450 Ocean Park Blvd', 'Suite 210'],
      telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica', firstname: 'María', lastname: 'López', default_billing: true, default_shipping: false },
    { id: 588, country_id: 'US', street: ['782 Elm Street'], telephone: '512-555-0199', postcode: '78701', city: 'Austin', firstname: 'María', lastname: 'López',
      default_billing: false, default_shipping: true },
  ],
};

describe('medusa-v2 records from the reference', () => {
  it('decodes the §2.9 response and encodes it back exactly', () => {
    const [record] = unwrap('medusa-v2', { customer: ben });
    const { data, losses } = decode('medusa-v2', record);
    expect(losses).toEqual([]);
    expect(data.companyName).toBe('Okafor Farms Pty Ltd');
    expect(data.addresses?.[0]).toMatchObject({ label: 'Warehouse', defaultShipping: true, defaultBilling: false, countryCode: 'AU', administrativeArea: { code: 'VIC', name: 'Victoria' } });
    expect(encode('medusa-v2', data).data).toStrictEqual(ben);
  });

  it('unwraps a list page and refuses an error body as a record', () => {
    expect(unwrap('medusa-v2', { customers: [ben, ben], count: 2, offset: 0, limit: 50 })).toHaveLength(2);
    const error = { type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'password'" };
    expect(() => decode('medusa-v2', error)).toThrow(ConversionError);
    try {
      decode('medusa-v2', error);
    } catch (e) {
      expect((e as ConversionError).issues).toMatchInlineSnapshot(`
        [
          {
            "code": "error_response",
            "message": "A medusa-v2 API error response, not a record: invalid_data: Invalid request: Unrecognized fields: 'password'",
            "path": [],
          },
        ]
      `);
    }
  });

  it('refuses a password or hash key in a record', () => {
    const result = safeConvert({ ...ben, password_hash: 'x' }, { from: 'medusa-v2', to: 'magento', defaults: { website_id: 1 } });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toStrictEqual([['invalid_input', ['password_hash']]]);
  });
});

describe('Magento -> medusa-v2', () => {
  it('writes the default flags on the addresses, lower-case countries, and reports the hash not_migratable', () => {
    const { data, losses } = convert(maria, { from: 'magento', to: 'medusa-v2' });
    expect(data.addresses?.map((a) => [a.is_default_billing, a.is_default_shipping, a.country_code])).toStrictEqual([
      [true, false, 'us'],
      [false, true, 'us'],
    ]);
    expect(losses.filter((l) => l.code !== 'carried')).toMatchInlineSnapshot(`
      [
        {
          "code": "not_migratable",
          "message": "Medusa v2 cannot take a password hash; the customer has to set a new password there",
          "path": [
            "password_hash",
          ],
        },
      ]
    `);
    expect(JSON.stringify(data)).not.toContain(maria.password_hash);
    const { password_hash: _hash, ...withoutHash } = maria;
    expect(convert(data, { from: 'medusa-v2', to: 'magento' }).data).toStrictEqual(withoutHash);
  });

  it('writes one default billing address: a second canonical one is reported, and comes back through the residue', () => {
    const two = { ...maria, password_hash: undefined, addresses: maria.addresses.map((a) => ({ ...a, default_billing: true })) };
    delete (two as Rec).password_hash;
    const { data, losses } = convert(two, { from: 'magento', to: 'medusa-v2', residue: false });
    expect(data.addresses?.map((a) => a.is_default_billing)).toStrictEqual([true, undefined]);
    expect(losses).toContainEqual({ code: 'not_representable', path: ['addresses', 1, 'default_billing'], message: 'Medusa v2 holds one default billing address per customer, and an earlier address is it' });
    const carried = convert(two, { from: 'magento', to: 'medusa-v2' }).data;
    expect(convert(carried, { from: 'medusa-v2', to: 'magento' }).data).toStrictEqual(two);
  });
});

describe('Medusa v1 -> medusa-v2', () => {
  const address = { first_name: 'Ana', last_name: 'Lima', address_1: '12 Harbour St', city: 'Sydney', country_code: 'au', postal_code: '2000', phone: '0412 345 678' };
  const home = { id: 'addr_01HOME', customer_id: 'cus_01', ...address };
  const work = { id: 'addr_01WORK', customer_id: 'cus_01', ...address, address_1: '1 George St' };

  it.each([
    ['the billing address is a row of the address book', { billing_address_id: 'addr_01HOME', billing_address: home, shipping_addresses: [home, work] }, [[true, '12 Harbour St'], [undefined, '1 George St']]],
    ['the billing address is a copy of its own', { billing_address: { ...home, id: 'addr_01BILL', customer_id: null }, shipping_addresses: [home, work] }, [[undefined, '12 Harbour St'], [undefined, '1 George St'], [true, '12 Harbour St']]],
    ['there is only a billing address', { billing_address: home }, [[true, '12 Harbour St']]],
    ['there is no billing address', { billing_address: null, shipping_addresses: [work] }, [[undefined, '1 George St']]],
  ])('%s', (_name, addresses, expected) => {
    const record = { id: 'cus_01', email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', ...addresses };
    const { data } = convert(record, { from: 'medusa', to: 'medusa-v2' });
    expect(data.addresses?.map((a) => [a.is_default_billing, a.address_1])).toStrictEqual(expected);
    // Medusa v1 has no default shipping address.
    expect(data.addresses?.some((a) => 'is_default_shipping' in a)).toBe(false);
    expect(convert(data, { from: 'medusa-v2', to: 'medusa' }).data).toStrictEqual(record);
  });
});

const calls = (platform: PlatformId, record: unknown, operation: 'create' | 'update' = 'create'): Call[] => toRequest(platform, operation, record) as Call[];

describe('medusa-v2 requests: the calls a client sends', () => {
  it('creates the customer, then each address on its own route (§2.9 bodies)', () => {
    expect(calls('medusa-v2', ben)).toMatchInlineSnapshot(`
      [
        {
          "body": {
            "company_name": "Okafor Farms Pty Ltd",
            "email": "Ben.Okafor@example.com",
            "first_name": "Ben",
            "last_name": "Okafor",
            "metadata": {
              "source": "import-2024-07",
            },
            "phone": "0400111222",
          },
          "method": "POST",
          "path": "/admin/customers",
        },
        {
          "body": {
            "address_1": "7 Mill Rd",
            "address_2": null,
            "address_name": "Warehouse",
            "city": "Ballarat",
            "company": "Okafor Farms Pty Ltd",
            "country_code": "au",
            "first_name": "Ben",
            "is_default_billing": false,
            "is_default_shipping": true,
            "last_name": "Okafor",
            "metadata": null,
            "phone": "0400111222",
            "postal_code": "3350",
            "province": "VIC",
          },
          "method": "POST",
          "path": "/admin/customers/{id}/addresses",
        },
      ]
    `);
  });

  it('updates an address with an id on its own route and creates one without', () => {
    const record = { ...ben, addresses: [...ben.addresses, { address_1: '9 New Rd', country_code: 'au' }] };
    expect(calls('medusa-v2', record, 'update').map((c) => c.path)).toStrictEqual([
      '/admin/customers/{id}',
      '/admin/customers/{id}/addresses/cuaddr_01J0ADDR00000000000000000A',
      '/admin/customers/{id}/addresses',
    ]);
  });

  it('names what no admin route accepts: has_account, created_by, group links, server fields', () => {
    expect(requestLosses('medusa-v2', 'create', ben).map((l) => [l.code, l.path.join('.')])).toMatchInlineSnapshot(`
      [
        [
          "server_assigned",
          "id",
        ],
        [
          "read_only",
          "has_account",
        ],
        [
          "server_assigned",
          "created_by",
        ],
        [
          "server_assigned",
          "addresses.0.id",
        ],
        [
          "server_assigned",
          "addresses.0.customer_id",
        ],
        [
          "server_assigned",
          "addresses.0.created_at",
        ],
        [
          "server_assigned",
          "addresses.0.updated_at",
        ],
        [
          "not_representable",
          "groups",
        ],
        [
          "server_assigned",
          "created_at",
        ],
        [
          "server_assigned",
          "updated_at",
        ],
      ]
    `);
  });

  // medusa-v2-updates.md §2: what zod 4's `z.string().email()` refuses and accepts (checked by running zod).
  it.each(['a@b.c', 'user@röser.de', 'jörg@example.com', 'x..y@example.com', '.x@example.com', 'x.@example.com', 'x@localhost', '"quoted"@example.com', 'x@[127.0.0.1]', 'x@ex_ample.com', 'x@-example.com', 'x@example.123'])(
    'refuses to build a request for the e-mail %s (Medusa v2 would answer 400)',
    (email) => {
      const record = { email, first_name: 'Ana' };
      expect(() => toRequest('medusa-v2', 'create', record)).toThrow(ConversionError);
      try {
        toRequest('medusa-v2', 'create', record);
      } catch (e) {
        // Refused by the body's rule (call 0), or already as a record (a quoted local part is no e-mail the library reads).
        expect((e as ConversionError).issues.map((i) => [i.code, i.path])).toStrictEqual([['invalid_email', email.startsWith('"') ? ['email'] : [0, 'body', 'email']]]);
        expect((e as ConversionError).message).not.toContain(email);
      }
    },
  );

  it.each(["o'brien@example.com", 'x+tag@example.com', 'x-@example.com', 'ANA@EXAMPLE.COM', 'user@xn--rser-moa.de'])('sends the e-mail %s as it is', (email) => {
    expect(calls('medusa-v2', { email })[0]!.body.email).toBe(email);
  });

  it('reports a refused e-mail per record on the way from Magento (the record converts, its request is refused)', () => {
    const idn = { ...maria, email: 'maria@röser.de' };
    delete (idn as Rec).password_hash;
    const { data } = convert(idn, { from: 'magento', to: 'medusa-v2' });
    expect(data.email).toBe('maria@röser.de');
    expect(() => toRequest('medusa-v2', 'create', data)).toThrow(/invalid|Invalid/);
  });

  it('the body schemas are strict: keys their validators do not take are refused', () => {
    for (const key of ['password', 'has_account', 'groups', 'addresses', 'created_by']) {
      expect(MedusaV2CustomerRequest.safeParse({ email: 'a@example.com', [key]: 'x' }).success, key).toBe(false);
    }
    for (const key of ['id', 'customer_id', 'created_at', 'country']) expect(MedusaV2AddressRequest.safeParse({ [key]: 'x' }).success, key).toBe(false);
    expect(MedusaV2AddressRequest.safeParse({ is_default_billing: null }).success).toBe(false);
    expect(MedusaV2AddressRequest.safeParse({ is_default_billing: true, country_code: null }).success).toBe(true);
  });

  it('sends a record country code in lower case, and says the form changed', () => {
    const record = { email: 'a@example.com', addresses: [{ address_1: '1 Main St', country_code: 'AU' }] };
    expect(calls('medusa-v2', record)[1]!.body.country_code).toBe('au');
    expect(requestLosses('medusa-v2', 'create', record)).toContainEqual({ code: 'value_changed', path: ['addresses', 0, 'country_code'], message: 'Sent in another form in the medusa-v2 create request: the country code is sent in lower case' });
  });

  it('from every platform: each body passes its validator, is_default_* are booleans or absent, countries are lower case', () => {
    const sources = platforms.map((p) => recordsOf(p).map((r) => [p, r] as const));
    let built = 0;
    fc.assert(
      fc.property(fc.oneof(...sources), ([from, r]) => {
        const converted = safeConvert(r, { from, to: 'medusa-v2', defaults: requiredDefaults['medusa-v2'] ?? {} });
        if (!converted.success) return;
        let sent: Call[];
        try {
          sent = calls('medusa-v2', converted.data);
        } catch (e) {
          // Only the e-mail rule refuses a converted record.
          expect((e as ConversionError).issues.map((i) => i.code)).toStrictEqual(['invalid_email']);
          return;
        }
        built++;
        expect(sent[0]!.path).toBe('/admin/customers');
        expect(MedusaV2CustomerRequest.safeParse(sent[0]!.body).success).toBe(true);
        expect(sent.slice(1).map((c) => c.path)).toStrictEqual((converted.data.addresses ?? []).map(() => '/admin/customers/{id}/addresses'));
        for (const { body } of sent.slice(1)) {
          expect(MedusaV2AddressRequest.safeParse(body).success).toBe(true);
          for (const flag of ['is_default_billing', 'is_default_shipping']) expect([true, false, undefined]).toContain(body[flag]);
          if (typeof body.country_code === 'string') expect(body.country_code).toMatch(/^[a-z]{2}$/);
        }
        expect(sent.slice(1).filter((c) => c.body.is_default_billing === true).length).toBeLessThanOrEqual(1);
        expect(sent.slice(1).filter((c) => c.body.is_default_shipping === true).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
    expect(built).toBeGreaterThan(150);
  });
});
