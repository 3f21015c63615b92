import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, convert, decode, encode, InvalidOptionError, safeDecode, toRequest, unwrap, type Customer } from '../../../src/index.js';
import { record } from '../../arbitraries/v4.js';

type Rec = Record<string, any>;
const [liam, zoe, hiroshi] = JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples/v4.json'), 'utf8')) as Rec[];

/** The list item of platforms.md §4.8 (abbreviated by the docs). */
const listItem = {
  id: 5521, display_id: 1021, status: 'active', first_name: 'Liam', last_name: 'Nguyen',
  email: 'liam@nguyenbakery.com.au', addresses: [], active_billing_address: null,
  active_shipping_address: null, is_in_trash: false,
};

/** SDK-style and odd values: integer parent, unknown sex, dangling id, a second line without a first. */
const odd = {
  id: 77, email: 'ana@example.com', first_name: 'Ana', last_name: null, sex: 'OTHER', parent: 5400,
  store_credit: '12.50', version: 4, created_at: '2024-07-04 12:30:00',
  newsletter: { subscribed: false, double_opt_in: true },
  addresses: [
    { id: 1, type: 'BILLING', address_line_1: null, address_line_2: 'c/o Reception', country: { id: 13, name: 'Australia' }, state: null },
    { id: 2, type: 'OFFICE', address_line_2: 'Rear entrance', country: null, state: {} },
    { address_line_1: null, country: { code: null } },
    { id: null, address_line_1: '', address_line_2: null, country: { code: 'NZ' }, state: { id: 5 } },
  ],
  active_billing_address: 999, active_shipping_address: 2, custom_fields: { crm: 'A-1' },
};

const minimal = { email: 'h.tanaka@example.org' };

describe('v4 records (reference examples)', () => {
  it.each([
    ['GET response (platforms.md 4.8 / seed 003)', liam!],
    ['customer with billing and shipping addresses', zoe!],
    ['customer without addresses', hiroshi!],
    ['list item (4.8)', listItem],
    ['SDK integer parent, unknown sex, dangling and null pointers, odd lines', odd],
    ['minimal customer', minimal],
  ])('%s comes back exactly', (_name, rec) => {
    const { data } = decode('v4', rec);
    expect(encode('v4', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('decodes the documented concepts to their canonical places', () => {
    // Phones in E.164 on request; by default carried as written.
    const { data } = decode('v4', liam, { phones: 'e164' });
    expect(decode('v4', liam!).data.addresses?.[0]).toMatchObject({ phone: '02 9600 1234', mobile: '0412000111', fax: null });
    expect(data).toMatchObject({
      ids: { v4: 5521 },
      email: 'liam@nguyenbakery.com.au',
      name: { given: 'Liam', family: 'Nguyen' },
      gender: 'male',
      isBusiness: true,
      companyName: 'Nguyen Bakery',
      taxIds: { abn: '51 824 753 556', abnBranch: '001' },
    });
    // "2024-07-04 12:30:00" has no zone: read in the customer's time zone (Australia/Sydney), the original kept as a hint.
    expect(data.createdAt).toBe('2024-07-04T12:30:00+10:00');
    expect(data.addresses).toEqual([
      {
        ids: { v4: 9901 },
        recipient: { given: 'Liam', family: 'Nguyen' },
        email: 'liam@nguyenbakery.com.au',
        organization: 'Nguyen Bakery',
        lines: ['17 George St'],
        countryCode: 'AU',
        // Without \`platformOptions.v4\` lookups the members are kept as hints, so the record comes back
        // exactly while a conversion reports the ids it cannot fill.
        administrativeArea: { code: 'NSW', name: 'New South Wales', platformData: { v4: { id: 244, $written: { code: 'NSW', name: 'New South Wales' } } } },
        locality: 'Parramatta',
        postalCode: '2150',
        mobile: '+61412000111',
        phone: '+61296001234',
        fax: null,
        defaultBilling: true,
        defaultShipping: true,
        platformData: {
          v4: {
            type: 'PRIMARY',
            address_line_2: null,
            country: { id: 13 },
            $country: { code: 'AU', name: 'Australia' },
            '$mobile:original': '0412000111',
            '$phone:original': '02 9600 1234',
          },
        },
      },
    ]);
    expect(data.platformData?.v4).toMatchObject({
      display_id: 1021,
      parent: { id: 5400, name: 'Nguyen Group' },
      store_credit: 25,
      '$created_at:original': '2024-07-04 12:30:00',
      version: '3',
      is_in_trash: false,
    });
    expect(data.platformData?.v4).not.toHaveProperty('active_billing_address');
  });

  it('turns active address ids into the flags of the addresses they name', () => {
    const { data } = decode('v4', zoe);
    expect(data.addresses?.map((a) => [a.defaultBilling, a.defaultShipping])).toEqual([
      [true, undefined],
      [undefined, true],
    ]);
    expect(data.createdAt).toBe('2024-08-19T09:05:41+10:00');
    expect(data.gender).toBe('female');
  });

  it('keeps what it does not recognise as v4 data instead of guessing', () => {
    const { data } = decode('v4', odd);
    expect(data.gender).toBeUndefined();
    expect(data.newsletterSubscribed).toBe(false);
    expect(data.platformData?.v4).toMatchObject({ sex: 'OTHER', parent: 5400, active_billing_address: 999, newsletter: { double_opt_in: true } });
    expect(data.addresses?.[0]).toMatchObject({ lines: ['c/o Reception'] });
    expect(data.addresses?.[0]).not.toHaveProperty('defaultBilling');
    expect(data.addresses?.[0]?.countryCode).toBe('AU'); // no code: read from the English name
    expect(data.addresses?.[1]).toMatchObject({ lines: ['Rear entrance'], administrativeArea: {}, defaultShipping: true });
    expect(data.addresses?.[1]?.platformData?.v4).toMatchObject({ country: null });
    expect(data.addresses?.[2]).toMatchObject({ countryCode: null, platformData: { v4: { address_line_1: null } } });
    expect(data.addresses?.[2]).not.toHaveProperty('lines');
    // An empty line is no canonical line: only a hint remembers it, for the way back to v4.
    expect(data.addresses?.[3]).toMatchObject({ countryCode: 'NZ', platformData: { v4: { $blankLines: { at: [0], of: 1 } } } });
    expect(data.addresses?.[3]).not.toHaveProperty('lines');
  });
});

describe('v4 encoding from canonical customers', () => {
  const base: Customer = { email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' } };

  it('writes sex and reports not_specified, which v4 has no value for', () => {
    expect(encode('v4', { ...base, gender: 'female' }).data.sex).toBe('FEMALE');
    const { data, losses } = encode('v4', { ...base, gender: 'not_specified' });
    expect(data).not.toHaveProperty('sex');
    expect(losses).toEqual([expect.objectContaining({ code: 'not_representable', path: ['gender'] })]);
  });

  it('joins a third street line into the second, reporting the join, and reports customer-level phones', () => {
    const { data, losses } = encode('v4', { ...base, phone: '+61 2 9600 1234', addresses: [{ lines: ['Level 2', '22 Collins St', 'Rear'] }] });
    expect(data.addresses).toEqual([{ address_line_1: 'Level 2', address_line_2: '22 Collins St, Rear' }]);
    expect(losses.map((l) => [l.code, l.path])).toEqual([
      ['value_changed', ['addresses', 0, 'lines', 1]],
      ['value_changed', ['addresses', 0, 'lines', 2]],
      ['not_representable', ['phone']],
    ]);
  });

  it('writes the country as code and English name, and no street key for no lines; reports the id it cannot fill', () => {
    const { data, losses } = encode('v4', { ...base, addresses: [{ countryCode: 'DE', lines: [] }] });
    expect(data.addresses).toEqual([{ country: { code: 'DE', name: 'Germany' } }]);
    expect(losses).toEqual([expect.objectContaining({ code: 'unreferenceable', path: ['addresses', 0, 'countryCode'] })]);
    expect(decode('v4', data).data.addresses?.[0]?.countryCode).toBe('DE');
  });

  it('fills country and state ids from `platformOptions.v4` lookups, and reads them back', () => {
    const platformOptions = {
      v4: { countries: [{ id: 13, code: 'AU' }, { id: 81, code: 'DEU' }], states: [{ id: 244, country: 'AU', code: 'NSW', name: 'New South Wales' }] },
    };
    const customer: Customer = { ...base, addresses: [{ countryCode: 'AU', administrativeArea: { code: 'NSW', name: 'New South Wales' } }] };
    const { data, losses } = encode('v4', customer, { platformOptions });
    expect(data.addresses).toEqual([{ country: { id: 13, code: 'AU', name: 'Australia' }, state: { id: 244, code: 'NSW', name: 'New South Wales' } }]);
    expect(losses).toEqual([]);
    expect(decode('v4', data, { platformOptions }).data).toStrictEqual(customer);
    expect(toRequest('v4', 'create', data)).toMatchObject({ customer: { country: 13, state: 244 } });
  });

  it('designates default addresses by their v4 id and reports a flag it cannot reference', () => {
    const addresses = [
      { ids: { v4: 10 }, lines: ['1 A St'], defaultBilling: false },
      { ids: { v4: 11 }, lines: ['2 B St'], defaultBilling: true },
      // No id, and a type of its own: nothing can say it is the default shipping address.
      { lines: ['3 C St'], defaultShipping: true, platformData: { v4: { type: 'PRIMARY' } } },
    ];
    const { data, losses } = encode('v4', { ...base, addresses });
    expect(data.active_billing_address).toBe(11);
    expect(data).not.toHaveProperty('active_shipping_address');
    expect(losses.map((l) => [l.code, l.path])).toEqual([
      ['not_representable', ['addresses', 0, 'defaultBilling']],
      ['unreferenceable', ['addresses', 2, 'defaultShipping']],
    ]);
  });

  it('marks a default address with no id by its type, and reads the type back as the flag', () => {
    const addresses = [
      { lines: ['1 A St'], locality: 'Sydney' },
      { lines: ['2 B St'], locality: 'Sydney', defaultShipping: true },
      { lines: ['3 C St'], locality: 'Sydney', defaultBilling: true },
    ];
    const { data, losses } = encode('v4', { ...base, addresses });
    expect(data.addresses?.map((a) => a.type)).toStrictEqual([undefined, 'SHIPPING', 'BILLING']);
    expect(losses).toStrictEqual([]);
    expect(decode('v4', data).data.addresses?.map((a) => [a.defaultBilling, a.defaultShipping])).toStrictEqual([
      [undefined, undefined],
      [undefined, true],
      [true, undefined],
    ]);
  });

  it('reads an address typed BILLING / SHIPPING with no id as that default only when no id designates one', () => {
    // As WebCommander returns them without address ids (a checkout that saved both addresses).
    const typed = {
      email: 'mia@example.com', first_name: 'Mia', last_name: 'Tran',
      addresses: [
        { type: 'PRIMARY', first_name: 'Mia', last_name: 'Tran', address_line_1: '5 George St', city: 'Sydney', post_code: '2000', country: { code: 'AU' } },
        { type: 'SHIPPING', first_name: 'Mia', last_name: 'Tran', address_line_1: '8 Pitt St', city: 'Sydney', post_code: '2000', country: { code: 'AU' } },
        { type: 'BILLING', first_name: 'Mia', last_name: 'Tran', address_line_1: '1 King St', city: 'Sydney', post_code: '2000', country: { code: 'AU' } },
      ],
    };
    const flags = (r: unknown) => decode('v4', r).data.addresses?.map((a) => [a.defaultBilling ?? null, a.defaultShipping ?? null]);
    expect(flags(typed)).toStrictEqual([[null, null], [null, true], [true, null]]);
    // v4 -> v4 stays exact.
    expect(convert(typed, { from: 'v4', to: 'v4' })).toStrictEqual({ data: typed, losses: [] });
    // An id that designates one wins over the type; a null designation does not.
    const withIds = { ...typed, active_billing_address: 31, addresses: typed.addresses.map((a, i) => (i === 0 ? { ...a, id: 31 } : a)) };
    expect(flags(withIds)).toStrictEqual([[true, null], [null, true], [null, null]]);
    expect(flags({ ...typed, active_shipping_address: null })).toStrictEqual([[null, null], [null, true], [true, null]]);
    // An address with an id is designated by its id only.
    const idTyped = { ...typed, addresses: typed.addresses.map((a, i) => ({ ...a, id: 40 + i })) };
    expect(flags(idTyped)).toStrictEqual([[null, null], [null, null], [null, null]]);
    expect(convert(withIds, { from: 'v4', to: 'v4' })).toStrictEqual({ data: withIds, losses: [] });
  });

  it('maps newsletterSubscribed to the request-only newsletter object', () => {
    const { data } = encode('v4', { ...base, newsletterSubscribed: true, createdAt: '2024-05-02T01:20:11.412Z' });
    expect(data).toMatchObject({ newsletter: { subscribed: true }, created_at: '2024-05-02T01:20:11.412Z' });
  });

  it('names every v4-only value when converting to Magento, by its v4 path', () => {
    const { losses } = convert(liam, { from: 'v4', to: 'magento', defaults: { website_id: 1 } });
    const paths = losses.map((l) => l.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['id', 'abn', 'referral_code', 'created_at', 'addresses.0.id', 'addresses.0.country.id', 'addresses.0.state.id', 'addresses.0.mobile']));
    expect(paths).not.toContain('active_billing_address');
    expect(paths).not.toContain('addresses.0.country.name'); // the English name of AU: derivable from the code
    expect(losses.find((l) => l.path.join('.') === 'referral_code')?.code).toBe('server_assigned'); // a code WebCommander issues, as an id
  });
});

describe('v4 validation', () => {
  const issues = (rec: unknown) => {
    const r = safeDecode('v4', rec);
    return r.success ? [] : r.error.issues;
  };

  it('requires an email', () => {
    expect(issues({ first_name: 'Liam', last_name: 'Nguyen' })).toMatchInlineSnapshot(`
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
    expect(issues({ email: 'liam at nguyenbakery' })).toMatchInlineSnapshot(`
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

  it('rejects ids that are not integers (the docs print quoted placeholders)', () => {
    expect(issues({ ...minimal, id: 'CUSTOMER_ID', display_id: 10.5, active_billing_address: '9901' })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "id",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected int, received number",
          "path": [
            "display_id",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "active_billing_address",
          ],
        },
      ]
    `);
  });

  it('reads a country code in any ISO form, and a name without a code', () => {
    const countries = [{ code: 'au' }, { code: 'AUS' }, { code: '36' }, { name: 'Australia' }, { code: null, name: 'AUSTRALIA' }, { code: '', name: 'Australia' }];
    const { data } = decode('v4', { ...minimal, addresses: countries.map((country) => ({ country })) });
    expect(data.addresses?.map((a) => a.countryCode)).toEqual(countries.map(() => 'AU'));
  });

  it('rejects a country code in no ISO form, and a name it does not know without a code', () => {
    expect(issues({ ...minimal, addresses: [{ country: { id: 13, code: 'XX' } }, { country: { code: 'Australia' } }, { country: { name: 'Atlantis' } }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 country code",
          "path": [
            "addresses",
            0,
            "country",
            "code",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not an ISO 3166-1 country code",
          "path": [
            "addresses",
            1,
            "country",
            "code",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not a known country name (and no country code)",
          "path": [
            "addresses",
            2,
            "country",
            "name",
          ],
        },
      ]
    `);
  });

  it('rejects wrong types', () => {
    expect(
      issues({ ...minimal, company: 'yes', parent: 'Nguyen Group', addresses: [{ address_line_1: ['17 George St'], state: 'NSW' }], newsletter: true }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Invalid input: expected number, received string",
          "path": [
            "parent",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected boolean, received string",
          "path": [
            "company",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected string, received array",
          "path": [
            "addresses",
            0,
            "address_line_1",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected object, received string",
          "path": [
            "addresses",
            0,
            "state",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected object, received boolean",
          "path": [
            "newsletter",
          ],
        },
      ]
    `);
  });

  it('throws ConversionError from the throwing API', () => {
    expect(() => decode('v4', { email: 'x' })).toThrow(ConversionError);
  });
});

describe('v4 payloads', () => {
  it('unwraps a single customer and a list page', () => {
    expect(unwrap('v4', { customer: liam })).toEqual([liam]);
    const page = {
      customers: [listItem, zoe],
      pagination: { records: 214, limit: '20', offset: '0', next_page: 'https://shop.example.com.au/api/v4/admin/customers?offset=20&limit=20', previous_page: null },
    };
    expect(unwrap('v4', page)).toEqual([listItem, zoe]);
    expect(unwrap('v4', { customers: [] })).toEqual([]);
  });

  it('rejects what is no v4 read payload', () => {
    expect(() => unwrap('v4', liam)).toThrow(ConversionError);
    expect(() => unwrap('v4', { customer: 'liam' })).toThrow(ConversionError);
    expect(() => unwrap('v4', { customers: {} })).toThrow(ConversionError);
  });

  it('builds a create body from the record and the primary address, with the password', () => {
    expect(toRequest('v4', 'create', liam, { password: 'Tmp#Pass2024' })).toStrictEqual({
      customer: {
        first_name: 'Liam', last_name: 'Nguyen', email: 'liam@nguyenbakery.com.au', gender: 'MALE',
        company_name: 'Nguyen Bakery', is_company: true, address_line: '17 George St', city: 'Parramatta',
        post_code: '2150', country: 13, state: 244, mobile: '0412000111', phone: '02 9600 1234',
        abn: '51 824 753 556', abn_branch: '001', shipping_profile: 3, password: 'Tmp#Pass2024',
        hide_price: false, transaction_number: 'TXN-88120', parent: 5400,
      },
    });
  });

  it('leaves out nulls and ids it does not have, and keeps parent: null', () => {
    expect(toRequest('v4', 'create', odd)).toStrictEqual({
      customer: {
        first_name: 'Ana', email: 'ana@example.com', gender: 'OTHER', address_line: 'c/o Reception', country: 13, newsletter: { subscribed: false }, parent: 5400,
      },
    });
    expect(toRequest('v4', 'create', hiroshi)).toStrictEqual({ customer: { first_name: 'Hiroshi', last_name: 'Tanaka', email: 'h.tanaka@example.org' } });
    expect(toRequest('v4', 'create', { ...minimal, parent: null })).toStrictEqual({ customer: { email: 'h.tanaka@example.org', parent: null } });
  });

  it('takes the active billing address when no address is PRIMARY', () => {
    const rec = { ...zoe, addresses: zoe!.addresses.map((a: Rec) => ({ ...a, type: 'SHIPPING' })), active_billing_address: 9911 };
    expect(toRequest('v4', 'create', rec)).toMatchObject({ customer: { address_line: 'Level 2, 22 Collins St', phone: '03 9123 4567' } });
  });

  it('builds an update body with credit settings beside the customer, amounts as strings', () => {
    const body = toRequest('v4', 'update', liam, { password: 'N3w#Pass' }) as Rec;
    expect(Object.keys(body)).toEqual(['customer', 'store_credit', 'credit_limit', 'customer_password_expired', 'allow_credit_limit']);
    expect(body).toMatchObject({ store_credit: '25', credit_limit: '500', customer_password_expired: false, allow_credit_limit: true });
    expect(body.customer).toMatchObject({ email: 'liam@nguyenbakery.com.au', password: 'N3w#Pass' });
    for (const k of ['id', 'display_id', 'created_at', 'version', 'addresses', 'referral_code', 'active_billing_address', 'store_credit']) {
      expect(body.customer).not.toHaveProperty(k);
    }
    expect(toRequest('v4', 'update', odd)).toMatchObject({ store_credit: '12.50' });
  });

  it('rejects a password that is not a string', () => {
    expect(() => toRequest('v4', 'create', liam, { password: 42 as never })).toThrow(InvalidOptionError);
  });
});

describe('v4 round trip', () => {
  it('holds every generated record exactly (local check; the shared law suite runs more)', () => {
    fc.assert(
      fc.property(record, (r) => {
        const { data, losses } = encode('v4', decode('v4', r).data);
        expect(data).toStrictEqual(r);
        expect(losses).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
