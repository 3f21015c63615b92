// Issue 10: records shaped like the ones shops really hold (guests without names, WebCommander
// addresses typed and without ids, values with white space around them).
import { describe, expect, it } from 'vitest';
import { convert, decode, platforms, requiredDefaults, safeConvert, type PlatformId } from '../src/index.js';

// A Magento customer as `GET /V1/customers/{id}` returns it.
const magentoCustomer = {
  id: 12, group_id: 1, created_at: '2024-03-01 10:00:00', updated_at: '2024-03-01 10:00:00', created_in: 'Default Store View',
  email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', store_id: 1, website_id: 1, disable_auto_group_change: 0,
  addresses: [
    {
      id: 7, customer_id: 12, region: { region_code: 'VIC', region: 'Victoria', region_id: 0 }, region_id: 0, country_id: 'AU',
      street: ['1 Collins St'], telephone: '03 9123 4567', postcode: '3000', city: 'Melbourne', firstname: 'Ana', lastname: 'Lima',
      default_billing: true, default_shipping: true,
    },
  ],
};

describe('required-and-never-held values are known up front (requiredDefaults)', () => {
  it('names, for each pair, the shop values the target requires and no source record holds', () => {
    const table = Object.fromEntries(
      platforms.flatMap((from) => platforms.map((to) => [`${from} -> ${to}`, requiredDefaults(from, to).map((v) => v.key)] as const)).filter(([, keys]) => keys.length > 0),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "enterprise-v1 -> magento": [
          "website_id",
        ],
        "magento -> enterprise-v1": [
          "enterprise_id",
        ],
        "medusa -> enterprise-v1": [
          "enterprise_id",
        ],
        "medusa -> magento": [
          "website_id",
        ],
        "medusa-v2 -> enterprise-v1": [
          "enterprise_id",
        ],
        "medusa-v2 -> magento": [
          "website_id",
        ],
        "v4 -> enterprise-v1": [
          "enterprise_id",
        ],
        "v4 -> magento": [
          "website_id",
        ],
      }
    `);
  });

  it('each value named is one the conversion fails without and converts with', () => {
    for (const from of platforms) {
      for (const to of platforms) {
        for (const v of requiredDefaults(from, to)) {
          const without = safeConvert(magentoCustomer, { from: 'magento', to, defaults: {} });
          if (from === 'magento') {
            expect(without.success).toBe(false);
            if (!without.success) expect(without.error.issues.map((i) => i.path)).toContainEqual([v.key]);
          }
          expect(safeConvert(magentoCustomer, { from: 'magento', to, defaults: { [v.key]: v.example } as never }).success).toBe(true);
        }
      }
    }
  });

  it("convert's issue names the way out: give it in defaults", () => {
    const result = safeConvert(magentoCustomer, { from: 'magento', to: 'enterprise-v1' });
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required: magento records never hold enterprise_id (the Open Food Network shop (enterprise) the customer belongs to (required in records)): give it in \`defaults\` (e.g. \`defaults: { enterprise_id: 42 }\`)",
          "path": [
            "enterprise_id",
          ],
        },
      ]
    `);
  });

  it('is empty for a platform to itself, and throws a named error for an unknown platform', () => {
    for (const p of platforms) expect(requiredDefaults(p, p)).toStrictEqual([]);
    expect(() => requiredDefaults('shopify' as PlatformId, 'magento')).toThrowErrorMatchingInlineSnapshot(`[UnknownPlatformError: Unknown platform "shopify"; expected one of: magento, medusa, v4, enterprise-v1, medusa-v2]`);
    expect(convert(magentoCustomer, { from: 'magento', to: 'magento' }).data).toStrictEqual(magentoCustomer);
  });
});

// A WebCommander customer whose addresses carry `type` and no id (as a checkout saves them).
const v4Typed = {
  id: 5521, email: 'mia@example.com', first_name: 'Mia', last_name: 'Tran', status: 'active',
  addresses: [
    { type: 'SHIPPING', first_name: 'Mia', last_name: 'Tran', address_line_1: '8 Pitt St', city: 'Sydney', post_code: '2000', country: { code: 'AU', name: 'Australia' }, phone: '02 9123 4567' },
    { type: 'BILLING', first_name: 'Mia', last_name: 'Tran', address_line_1: '1 King St', city: 'Sydney', post_code: '2000', country: { code: 'AU', name: 'Australia' }, phone: '02 9123 4567' },
  ],
};

describe('designations read back, and slots filled by a documented rule', () => {
  it('v4 addresses typed BILLING / SHIPPING with no id fill the Open Food Network slots of their kind', () => {
    const { data, losses } = convert(v4Typed, { from: 'v4', to: 'enterprise-v1', defaults: { enterprise_id: 42 } });
    expect(data.billing_address?.street_address_1).toBe('1 King St');
    expect(data.shipping_address?.street_address_1).toBe('8 Pitt St');
    expect(losses.filter((l) => l.path[0] === 'addresses')).toStrictEqual([]);
    // and Magento marks them default_billing / default_shipping
    const magento = convert(v4Typed, { from: 'v4', to: 'magento', defaults: { website_id: 1 } }).data;
    expect(magento.addresses?.map((a) => [a.street[0], a.default_billing ?? false, a.default_shipping ?? false])).toStrictEqual([
      ['8 Pitt St', false, true],
      ['1 King St', true, false],
    ]);
  });

  it('a customer whose only address is designated neither way fills both Open Food Network slots with it, reported derived', () => {
    const notDefault = { ...magentoCustomer, addresses: magentoCustomer.addresses.map(({ default_billing: _b, default_shipping: _s, ...a }) => a) };
    const { data, losses } = convert(notDefault, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 42 } });
    expect(data.billing_address?.street_address_1).toBe('1 Collins St');
    expect(data.shipping_address).toStrictEqual(data.billing_address);
    expect(losses.filter((l) => l.code === 'derived')).toMatchInlineSnapshot(`
      [
        {
          "code": "derived",
          "message": "No address is designated default billing or shipping: Open Food Network holds only those two slots, so the first address fills both (\`billing_address\`, \`shipping_address\`)",
          "path": [
            "addresses",
            0,
          ],
        },
      ]
    `);
  });

  it('with several undesignated addresses, the first fills both slots and the others are reported lost', () => {
    const two = {
      ...v4Typed,
      addresses: v4Typed.addresses.map((a, i) => ({ ...a, type: 'PRIMARY', address_line_1: `${i + 1} George St` })),
    };
    const { data, losses } = convert(two, { from: 'v4', to: 'enterprise-v1', defaults: { enterprise_id: 42 } });
    expect([data.billing_address?.street_address_1, data.shipping_address?.street_address_1]).toStrictEqual(['1 George St', '1 George St']);
    expect(losses.filter((l) => l.path[0] === 'addresses' && l.path.length === 2).map((l) => [l.code, l.path])).toStrictEqual([
      ['derived', ['addresses', 0]],
      ['not_representable', ['addresses', 1]],
    ]);
  });

  it('an address designated one way fills its slot only: the rule applies when the source designates none', () => {
    const billingOnly = { ...magentoCustomer, addresses: [{ ...magentoCustomer.addresses[0]!, default_shipping: false }] };
    const { data, losses } = convert(billingOnly, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 42 } });
    expect(data.billing_address?.street_address_1).toBe('1 Collins St');
    expect(data.shipping_address).toBeUndefined();
    expect(losses.some((l) => l.code === 'derived')).toBe(false);
  });
});

// A Medusa guest as a checkout creates it: no names on the customer, names on the address.
const medusaGuest = {
  id: 'cus_01HQ', email: 'gia@example.com', first_name: null, last_name: null, phone: null, has_account: false,
  billing_address: { id: 'addr_01', first_name: 'Gia', last_name: 'Lo', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: '03 9123 4567' },
  shipping_addresses: [{ id: 'addr_02', first_name: 'Sam', last_name: 'Lo', address_1: '9 Smith St', city: 'Fitzroy', country_code: 'au', postal_code: '3065', phone: '0400 111 222' }],
};
// An Open Food Network guest: names read as "" (the database default), the address in the shipping slot only.
const ofnGuest = {
  id: 311, enterprise_id: 3, email: 'kim@example.com', first_name: '', last_name: '', code: null, tags: [],
  billing_address: null,
  shipping_address: { first_name: 'Kim', last_name: 'Ha', street_address_1: '4 Vine St', street_address_2: null, postal_code: '3068', locality: 'Fitzroy North', phone: '0400 222 333', region: { code: 'Vic', name: 'Victoria' }, country: { code: 'AU', name: 'Australia' } },
};

describe("names from the customer's own address", () => {
  it('a Medusa guest to Magento takes the default billing address names, reported derived with both paths', () => {
    const { data, losses } = convert(medusaGuest, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect([data.firstname, data.lastname]).toStrictEqual(['Gia', 'Lo']);
    expect(losses.filter((l) => l.code === 'derived')).toMatchInlineSnapshot(`
      [
        {
          "code": "derived",
          "message": "Also written as the customer's \`firstname\`: magento requires a given name the customer record lacks, so it is taken from the customer's address (\`deriveNames: false\` leaves it an issue)",
          "path": [
            "billing_address",
            "first_name",
          ],
          "target": [
            "firstname",
          ],
        },
        {
          "code": "derived",
          "message": "Also written as the customer's \`lastname\`: magento requires a family name the customer record lacks, so it is taken from the customer's address (\`deriveNames: false\` leaves it an issue)",
          "path": [
            "billing_address",
            "last_name",
          ],
          "target": [
            "lastname",
          ],
        },
      ]
    `);
  });

  it('an Open Food Network guest ("" names) to Magento takes the names of its only address', () => {
    const { data, losses } = convert(ofnGuest, { from: 'enterprise-v1', to: 'magento', defaults: { website_id: 1 } });
    expect([data.firstname, data.lastname]).toStrictEqual(['Kim', 'Ha']);
    expect(losses.filter((l) => l.code === 'derived').map((l) => [l.path, l.target])).toStrictEqual([
      [['shipping_address', 'first_name'], ['firstname']],
      [['shipping_address', 'last_name'], ['lastname']],
    ]);
    // The blank names the record held are replaced, and said so.
    expect(losses.filter((l) => l.code === 'value_changed').map((l) => l.path)).toStrictEqual([['first_name'], ['last_name']]);
  });

  it('without a default billing address, the first address holding both names; a part the customer has is kept', () => {
    const book = {
      ...medusaGuest, first_name: 'Gianna', billing_address: null, billing_address_id: null,
      shipping_addresses: [{ ...medusaGuest.shipping_addresses[0]!, last_name: null }, { ...medusaGuest.billing_address, id: 'addr_03' }],
    };
    const { data, losses } = convert(book, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect([data.firstname, data.lastname]).toStrictEqual(['Gianna', 'Lo']);
    expect(losses.filter((l) => l.code === 'derived').map((l) => [l.path, l.target])).toStrictEqual([[['shipping_addresses', 1, 'last_name'], ['lastname']]]);
  });

  it('names each target field once when the given and family names on the address are the same text', () => {
    const lee = { ...medusaGuest, billing_address: { ...medusaGuest.billing_address, first_name: 'Lee', last_name: 'Lee' }, shipping_addresses: [] };
    const { data, losses } = convert(lee, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect([data.firstname, data.lastname]).toStrictEqual(['Lee', 'Lee']);
    expect(losses.filter((l) => l.code === 'derived').map((l) => [l.path, l.target])).toStrictEqual([
      [['billing_address', 'first_name'], ['firstname']],
      [['billing_address', 'last_name'], ['lastname']],
    ]);
  });

  it('is off with deriveNames: false, and invents nothing when no address has a name', () => {
    const off = safeConvert(medusaGuest, { from: 'medusa', to: 'magento', defaults: { website_id: 1 }, deriveNames: false });
    expect(off.success ? [] : off.error.issues.map((i) => [i.code, i.path])).toStrictEqual([['required', ['firstname']], ['required', ['lastname']]]);
    const none = { ...medusaGuest, billing_address: null, shipping_addresses: [] };
    const nothing = safeConvert(none, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(nothing.success ? [] : nothing.error.issues.map((i) => [i.code, i.path])).toStrictEqual([['required', ['firstname']], ['required', ['lastname']]]);
    expect(() => convert(medusaGuest, { from: 'medusa', to: 'magento', deriveNames: 'yes' as never })).toThrowErrorMatchingInlineSnapshot(`[InvalidOptionError: Invalid option "deriveNames": expected a boolean]`);
  });

  it('takes nothing where the target does not require names (Medusa, Open Food Network keep them empty)', () => {
    const toMedusa = convert(ofnGuest, { from: 'enterprise-v1', to: 'medusa' });
    expect([toMedusa.data.first_name, toMedusa.data.last_name]).toStrictEqual(['', '']);
    expect(toMedusa.losses.some((l) => l.code === 'derived')).toBe(false);
    const toOfn = convert(medusaGuest, { from: 'medusa', to: 'enterprise-v1', defaults: { enterprise_id: 3 } });
    expect(toOfn.losses.some((l) => l.code === 'derived')).toBe(false);
  });
});

describe('defaults reach address fields; the shop says which address fields it requires', () => {
  // A Medusa guest whose billing address has no phone (checkouts that do not ask for one).
  const phoneless = {
    ...medusaGuest, first_name: 'Gia', last_name: 'Lo',
    billing_address: { ...medusaGuest.billing_address, phone: null },
    shipping_addresses: [{ ...medusaGuest.shipping_addresses[0]!, company: 'Lo & Co' }],
  };

  it("'addresses.telephone' fills each address lacking one, and only those", () => {
    const { data, losses } = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.telephone': '+61 3 9000 0000' } });
    expect(data.addresses?.map((a) => [a.street[0], a.telephone])).toStrictEqual([
      ['9 Smith St', '0400 111 222'],
      ['1 Collins St', '+61 3 9000 0000'],
    ]);
    expect(losses.filter((l) => l.message.startsWith('Left out'))).toStrictEqual([]);
    // Without it, the phone-less address is left out (item 3).
    const without = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(without.data.addresses?.map((a) => a.street[0])).toStrictEqual(['9 Smith St']);
  });

  it('reaches an Open Food Network slot (which requires a phone), where the address otherwise is left out', () => {
    const { data } = convert(phoneless, { from: 'medusa', to: 'enterprise-v1', defaults: { enterprise_id: 3, 'addresses.phone': '03 9000 0000' } });
    expect(data.billing_address?.phone).toBe('03 9000 0000');
    const without = convert(phoneless, { from: 'medusa', to: 'enterprise-v1', defaults: { enterprise_id: 3 } });
    // The phone-less billing address is left out; the other, designated neither way, then fills both slots.
    expect(without.data.billing_address?.street_address_1).toBe('9 Smith St');
    expect(without.losses.filter((l) => l.path.length === 2 || l.path[0] === 'billing_address').map((l) => [l.code, l.path])).toStrictEqual([
      ['derived', ['shipping_addresses', 0]],
      ['not_representable', ['billing_address']],
    ]);
  });

  it('refuses a key naming no address field, or a value the field cannot hold, as misuse', () => {
    expect(() => convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.phone': '1' } })).toThrowErrorMatchingInlineSnapshot(`[InvalidOptionError: Invalid option "defaults": "addresses.phone" names no field of a magento address]`);
    expect(() => convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.telephone': 391234567 } })).toThrowErrorMatchingInlineSnapshot(`[InvalidOptionError: Invalid option "defaults.addresses.telephone": a magento address's telephone cannot hold this value: Invalid input: expected string, received number]`);
  });

  it("Magento's requiredAddressFields: an address lacking a field the shop requires is left out, reported", () => {
    const options = { platformOptions: { magento: { requiredAddressFields: ['company' as const] } } };
    const { data, losses } = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.telephone': '+61 3 9000 0000' }, ...options });
    expect(data.addresses?.map((a) => a.company)).toStrictEqual(['Lo & Co']);
    expect(losses.filter((l) => l.message.startsWith('Left out'))).toMatchInlineSnapshot(`
      [
        {
          "code": "not_representable",
          "message": "Left out: magento cannot hold this address (required at addresses.1.company); the customer converts without it (\`strictAddresses\` rejects it instead)",
          "path": [
            "billing_address",
          ],
        },
      ]
    `);
    const strict = safeConvert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.telephone': '1' }, strictAddresses: true, ...options });
    expect(strict.success ? [] : strict.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required: the magento shop requires company in addresses (\`platformOptions.magento.requiredAddressFields\` says so)",
          "path": [
            "addresses",
            1,
            "company",
          ],
        },
      ]
    `);
    // With a company default, it converts whole.
    const given = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.telephone': '1', 'addresses.company': 'n/a' }, ...options });
    expect(given.data.addresses?.map((a) => a.company)).toStrictEqual(['Lo & Co', 'n/a']);
    expect(() => convert(phoneless, { from: 'medusa', to: 'magento', platformOptions: { magento: { requiredAddressFields: ['email' as never] } } })).toThrow(/requiredAddressFields/);
  });

  // A Magento shop whose "Show Telephone" is optional holds addresses without one (absent or null).
  const optionalPhone = {
    ...magentoCustomer,
    addresses: [
      { ...magentoCustomer.addresses[0]!, telephone: undefined },
      { id: 8, customer_id: 12, country_id: 'AU', street: ['9 Smith St'], telephone: null, postcode: '3065', city: 'Fitzroy', firstname: 'Ana', lastname: 'Lima' },
    ].map((a) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>),
  };
  const noPhoneRequired = { platformOptions: { magento: { requiredAddressFields: [] } } };

  it('decode reads a Magento address without a telephone (a shop can make it optional), whatever the options', () => {
    for (const options of [{}, noPhoneRequired, { platformOptions: { magento: { requiredAddressFields: ['telephone' as const] } } }]) {
      const { data, losses } = decode('magento', optionalPhone, options);
      expect(data.addresses?.map((a) => [a.lines?.[0], a.phone])).toStrictEqual([['1 Collins St', undefined], ['9 Smith St', null]]);
      expect(losses).toStrictEqual([]);
    }
    // Converted elsewhere, both addresses travel.
    const medusa = convert(optionalPhone, { from: 'magento', to: 'medusa', residue: false }).data;
    expect([medusa.billing_address?.address_1, ...(medusa.shipping_addresses ?? []).map((a) => a.address_1)]).toStrictEqual(['1 Collins St', '1 Collins St', '9 Smith St']);
  });

  it('writing to Magento requires telephone by default (a standard install), and not with requiredAddressFields: []', () => {
    // Default: each address without one is left out, one loss at each; the customer converts.
    const standard = convert(optionalPhone, { from: 'magento', to: 'magento' });
    expect(standard.data.addresses).toStrictEqual([]);
    expect(standard.losses.map((l) => [l.code, l.path])).toStrictEqual([
      ['not_representable', ['addresses', 0]],
      ['not_representable', ['addresses', 1]],
    ]);
    expect(safeConvert(optionalPhone, { from: 'magento', to: 'magento', strictAddresses: true }).success).toBe(false);
    // A telephone of white space is a value (as Magento's required check takes it): kept, as before.
    const spaced = { ...magentoCustomer, addresses: [{ ...magentoCustomer.addresses[0]!, telephone: ' ' }] };
    expect(convert(spaced, { from: 'magento', to: 'magento' })).toStrictEqual({ data: spaced, losses: [] });
    // The shop that made it optional: the record comes back exactly, nothing reported.
    expect(convert(optionalPhone, { from: 'magento', to: 'magento', ...noPhoneRequired })).toStrictEqual({ data: optionalPhone, losses: [] });
    // From another platform: the phone-less Medusa billing address is written without a telephone.
    const { data, losses } = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1 }, ...noPhoneRequired });
    expect(data.addresses?.map((a) => [a.street[0], a.telephone])).toStrictEqual([
      ['9 Smith St', '0400 111 222'],
      ['1 Collins St', null],
    ]);
    expect(losses.filter((l) => l.message.startsWith('Left out'))).toStrictEqual([]);
    // A list naming other fields only: telephone is then optional too.
    const companyOnly = convert(phoneless, { from: 'medusa', to: 'magento', defaults: { website_id: 1, 'addresses.company': 'n/a' }, platformOptions: { magento: { requiredAddressFields: ['company'] } } });
    expect(companyOnly.data.addresses?.map((a) => [a.telephone, a.company])).toStrictEqual([['0400 111 222', 'Lo & Co'], [null, 'n/a']]);
  });
});

describe('white space around a value never makes it unreadable where it is normalised', () => {
  // As spreadsheets and hand-edited exports leave them: spaces around codes, phones and dates.
  const spaced = {
    ...magentoCustomer,
    dob: ' 1990-05-06 ',
    created_at: '2024-03-01 10:00:00 ',
    addresses: [{ ...magentoCustomer.addresses[0]!, country_id: ' AU ', region: { region_code: ' VIC ', region: ' Victoria', region_id: 0 }, telephone: ' 03 9123 4567' }],
  };

  it('reads the country, region, phone and dates through the spaces and writes them normalised', () => {
    const { data, losses } = convert(spaced, { from: 'magento', to: 'medusa', phones: 'e164', residue: false });
    expect(data.billing_address).toMatchObject({ country_code: 'au', province: 'Victoria', phone: '+61391234567' });
    expect(data.created_at).toBe('2024-03-01T10:00:00Z');
    expect(losses.filter((l) => l.code === 'not_normalised')).toStrictEqual([]);
    const spacedPaths = ['created_at', 'addresses.0.country_id', 'addresses.0.region', 'addresses.0.region.region_code', 'addresses.0.region.region', 'addresses.0.telephone'];
    expect(losses.filter((l) => spacedPaths.includes(l.path.join('.'))).map((l) => [l.code, l.path.join('.')])).toStrictEqual([
      ['value_changed', 'addresses.0.telephone'],
    ]);
    const v4 = convert(spaced, { from: 'magento', to: 'v4', residue: false }).data;
    expect(v4.addresses?.[0]?.state).toMatchObject({ code: 'VIC', name: 'Victoria' });
    expect(decode('magento', spaced).data.birthDate).toBe('1990-05-06');
  });

  it('carries every value as written back to its own platform', () => {
    expect(convert(spaced, { from: 'magento', to: 'magento' })).toStrictEqual({ data: spaced, losses: [] });
    const v4 = {
      email: 'mia@example.com', timezone: 'Australia/Sydney', created_at: ' 2024-07-04 12:30:00',
      addresses: [{ type: 'BILLING', first_name: 'Mia', last_name: 'Tran', address_line_1: '1 King St', city: 'Sydney', post_code: '2000', country: { code: ' au ' }, state: { code: ' NSW' }, phone: ' 02 9123 4567 ' }],
    };
    expect(convert(v4, { from: 'v4', to: 'v4' })).toStrictEqual({ data: v4, losses: [] });
    expect(decode('v4', v4).data).toMatchObject({ createdAt: '2024-07-04T12:30:00+10:00', addresses: [{ countryCode: 'AU', administrativeArea: { code: 'NSW' } }] });
    const e164 = convert(v4, { from: 'v4', to: 'magento', defaults: { website_id: 1 }, phones: 'e164' }).data;
    expect(e164.addresses?.[0]).toMatchObject({ country_id: 'AU', telephone: '+61291234567', region: { region_code: 'NSW' } });
  });
});
