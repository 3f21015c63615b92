import fc from 'fast-check';
import { standardMagentoDirectory } from '../../src/platforms/magento/directory.js';
import { calendarDate, countryCode, email, jsonValue, magentoHash, maybeEmpty, nullable, phone, postcode, regionOf, shape, streetLine, text, withNationalPhones } from './common.js';

const OPTIONAL_ZIP = new Set(['HK', 'IE', 'MO', 'PA', 'GB']);

const utcTime = fc
  .integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2035, 0, 1) })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '));
/** `YYYY-MM-DD HH:MM:SS` as REST writes it, or as a spreadsheet types it into a CSV cell (`5/6/2012 15:53`, month first). */
const magentoTime = fc.oneof(
  { weight: 4, arbitrary: utcTime },
  utcTime.map((t) => `${Number(t.slice(5, 7))}/${Number(t.slice(8, 10))}/${t.slice(0, 4)} ${Number(t.slice(11, 13))}:${t.slice(14, 16)}`),
);

const attributes = fc.array(
  shape({ attribute_code: fc.constantFrom('loyalty_tier', 'account_manager', 'crm_ref'), value: fc.oneof(text(12), jsonValue) }, {}),
  { maxLength: 3 },
);

const region = shape(
  {},
  {
    region_code: maybeEmpty(fc.constantFrom('CA', 'TX', 'NY', 'BER', 'VIC', 'ON')),
    region: maybeEmpty(fc.constantFrom('California', 'Texas', 'Berlin', 'Victoria', 'Ontario', 'Île-de-France')),
    region_id: nullable(fc.integer({ min: 0, max: 1200 })),
    extension_attributes: fc.constant({}),
  },
);

const addressFields = fc
  .tuple(
    shape(
      {
        country_id: countryCode,
        // Line 1 is required; a later line may be empty (a form's unused second line).
        street: fc.tuple(streetLine, fc.array(fc.oneof({ weight: 3, arbitrary: streetLine }, fc.constant('')), { maxLength: 3 })).map(([first, rest]) => [first, ...rest]),
        telephone: fc.oneof(phone, text(20)),
        city: text(30),
        firstname: text(),
        lastname: text(),
      },
      {
        id: fc.integer({ min: 1, max: 1e6 }),
        customer_id: fc.integer({ min: 1, max: 1e6 }),
        region: nullable(region),
        region_id: nullable(fc.integer({ min: 0, max: 1200 })),
        company: maybeEmpty(text(30)),
        fax: maybeEmpty(phone),
        middlename: maybeEmpty(text(10)),
        prefix: maybeEmpty(fc.constantFrom('Mr.', 'Ms.', 'Dr.', 'Frau')),
        suffix: maybeEmpty(fc.constantFrom('Jr.', 'III', 'PhD')),
        vat_id: maybeEmpty(fc.constantFrom('DE811907980', 'GB123456789')),
        default_shipping: nullable(fc.boolean()),
        default_billing: nullable(fc.boolean()),
        extension_attributes: fc.constant({}),
        custom_attributes: attributes,
      },
    ),
    postcode,
    fc.boolean(),
  )
  // Postcode is required unless the country is in Magento's optional-zip list.
  .map(([a, zip, withZip]) => (withZip || !OPTIONAL_ZIP.has(a.country_id) ? { ...a, postcode: zip } : a))
  // Two addresses in three: a region of the address's country (codes, names, aliases, legacy directory
  // codes), with the standard-install `region_id` or another one; and sometimes a lower-case country.
  .chain((a) =>
    fc.oneof(
      fc.constant(a),
      fc
        .tuple(regionOf(a.country_id), fc.constantFrom('standard', 'other', 'none'), fc.constantFrom('same', 'absent'), fc.boolean())
        .map(([r, idKind, top, lower]) => {
          const standard = standardMagentoDirectory().find(a.country_id, r)?.id;
          const id = idKind === 'standard' ? standard : idKind === 'other' ? 999 : undefined;
          const region = { region_code: r.code ?? null, region: r.name ?? null, ...(id === undefined ? {} : { region_id: id }) };
          const out: Record<string, unknown> = { ...a, region, ...(lower ? { country_id: a.country_id.toLowerCase() } : {}) };
          if (top === 'same' && id !== undefined) out.region_id = id;
          else delete out.region_id;
          return out;
        }),
      fc.constant(a),
    ),
  );

/** Addresses whose telephone and fax are often written the national way of the address's country. */
export const address = withNationalPhones(addressFields as fc.Arbitrary<Record<string, unknown>>, (a) => a.country_id, ['telephone', 'fax']);

/** `dob` as REST returns it, as CSV imports and older payloads write it (with a midnight time), or unreadable. */
const dob = fc.oneof(
  { weight: 3, arbitrary: calendarDate },
  { weight: 2, arbitrary: calendarDate.map((d) => `${d} 00:00:00`) },
  calendarDate.map((d) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}/${d.slice(0, 4)}`),
  fc.constantFrom('19/04/1990', '1990-04-19 13:00:00', '1990-02-30'),
);

export const record: fc.Arbitrary<Record<string, unknown>> = shape(
  {
    email,
    firstname: text(),
    lastname: text(),
    website_id: fc.integer({ min: 0, max: 5 }),
  },
  {
    id: fc.integer({ min: 1, max: 1e6 }),
    group_id: nullable(fc.integer({ min: 0, max: 6 })),
    default_billing: nullable(fc.integer({ min: 1, max: 1e6 }).map(String)),
    default_shipping: nullable(fc.integer({ min: 1, max: 1e6 }).map(String)),
    confirmation: nullable(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 })),
    created_at: magentoTime,
    updated_at: magentoTime,
    created_in: fc.constantFrom('Default Store View', 'Admin', 'Deutsch'),
    dob: nullable(dob),
    middlename: maybeEmpty(text(10)),
    prefix: maybeEmpty(fc.constantFrom('Mr.', 'Ms.', 'Dr.')),
    suffix: maybeEmpty(fc.constantFrom('Jr.', 'Sr.')),
    // Option ids (REST), and gender cells of a Magento CSV file as written (a label in any case, an id in digits).
    gender: nullable(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, fc.constantFrom('Male', 'female', 'NOT SPECIFIED', '1', '2', '3', '0'))),
    store_id: fc.integer({ min: 0, max: 5 }),
    taxvat: maybeEmpty(fc.constantFrom('DE811907980', '51 824 753 556', 'FR40303265045')),
    addresses: nullable(fc.array(address, { maxLength: 4 })),
    disable_auto_group_change: fc.constantFrom(0, 1),
    extension_attributes: fc.oneof(
      fc.constant({}),
      shape({ is_subscribed: fc.boolean() }, {}),
      shape({ is_subscribed: fc.boolean(), assistance_allowed: fc.integer({ min: 1, max: 2 }) }, {}),
      shape({ assistance_allowed: fc.integer({ min: 1, max: 2 }) }, {}),
    ),
    custom_attributes: attributes,
    // Customer exports carry the hash; REST GET never does.
    password_hash: nullable(magentoHash),
  },
) as fc.Arbitrary<Record<string, unknown>>;
