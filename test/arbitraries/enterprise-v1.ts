import fc from 'fast-check';
import { countryFromCode, countryFromName } from '../../src/core/geo/countries.js';
import { COUNTRY_SPELLINGS, countryCode, countryFormsOf, email, isoInstant, maybeEmpty, nullable, phone, postcode, regionOf, shape, streetLine, freeStreetLine, text, withNationalPhones } from './common.js';

const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States', AU: 'Australia', DE: 'Germany', GB: 'United Kingdom', CA: 'Canada', FR: 'France',
  NZ: 'New Zealand', IE: 'Ireland', BR: 'Brazil', JP: 'Japan', HK: 'Hong Kong',
};

/** ISO 8601 with milliseconds and an offset, as Rails renders a zoned time (`2024-02-01T09:30:00.000+11:00`). */
const zonedTime = fc
  .tuple(isoInstant, fc.constantFrom('Z', '+11:00', '+10:00', '+01:00', '-05:00', '+00:00'))
  .map(([iso, zone]) => `${iso.slice(0, 23)}${zone}`);

/** Coordinates as JSON numbers with 6-7 decimals (never -0 or NaN). */
const coordinate = (max: number) => fc.integer({ min: -max * 1e6, max: max * 1e6 }).map((n) => (n === 0 ? 0 : n / 1e6));

const region = shape(
  {},
  {
    code: maybeEmpty(fc.constantFrom('Vic', 'NSW', 'Qld', 'CA', 'BE', 'ON')),
    name: maybeEmpty(fc.constantFrom('Victoria', 'New South Wales', 'Queensland', 'California', 'Berlin', 'Île-de-France')),
    id: fc.integer({ min: 1, max: 5000 }),
  },
);

const anyAddress = shape(
  {
    phone: fc.oneof(phone, text(20)),
    first_name: text(),
    last_name: text(),
    street_address_1: streetLine,
    postal_code: postcode,
    locality: text(30),
    country: countryCode.chain((code) =>
      fc.oneof(
        fc.constant({ code, name: COUNTRY_NAMES[code] ?? code }),
        fc.constant({ code }),
        fc.constant({ name: COUNTRY_NAMES[code] ?? code, code, iso3: 'XXX' }),
        // Other spellings a record may carry: any ISO code form, or only a name or alias.
        shape({ code: countryFormsOf(code) }, { name: fc.constantFrom(...COUNTRY_SPELLINGS[code]!) }),
        shape({ name: fc.constantFrom(...COUNTRY_SPELLINGS[code]!) }, { code: fc.constantFrom(null, '') }),
      ),
    ),
  },
  {
    latitude: nullable(coordinate(90)),
    longitude: nullable(coordinate(180)),
    street_address_2: maybeEmpty(freeStreetLine),
    region: nullable(region),
    // Marks the address for a region of its own country (see `address` below).
    $region: fc.boolean(),
    // An attribute a later API version might add: travels as unknown data.
    company: fc.constantFrom('unused', 'Green Acres Co-op'),
  },
);

/** Addresses, half of them with a region of their own country (abbreviation, ISO code, name, alias) or free text. */
const withRegions: fc.Arbitrary<Record<string, unknown>> = anyAddress.chain(({ $region, ...a }) => {
  const country = a.country as { code?: string | null; name?: string | null };
  const code = countryFromCode(country.code ?? '') ?? countryFromName(country.name ?? '');
  if ($region !== true || code === undefined) return fc.constant(a);
  return regionOf(code).map((region) => ({ ...a, region }));
});

/** Addresses whose phone is often written the national way of the address's country. */
export const address = withNationalPhones(
  withRegions,
  (a) => {
    const country = (a.country ?? {}) as { code?: string | null; name?: string | null };
    return countryFromCode(country.code ?? '') ?? countryFromName(country.name ?? '');
  },
  ['phone'],
);

const customer = shape(
  {
    email,
    enterprise_id: fc.integer({ min: 1, max: 5000 }),
  },
  {
    id: fc.integer({ min: 1, max: 1e6 }),
    first_name: maybeEmpty(text()),
    last_name: maybeEmpty(text()),
    code: nullable(fc.constantFrom('MC-0007', 'BUYER1', 'ACC-1042', 'Ünïcode-7')),
    allow_charges: fc.boolean(),
    tags: fc.array(fc.constantFrom('wholesale', 'veg-box', 'staff', 'discount', 'früh'), { maxLength: 4 }),
    terms_and_conditions_accepted_at: nullable(zonedTime),
    billing_address: nullable(address),
    shipping_address: nullable(address),
    balance: fc.integer({ min: -100000, max: 100000 }).map((cents) => (cents === 0 ? 0 : cents / 100)),
    // An undocumented attribute: travels as unknown data.
    created_manually: fc.boolean(),
  },
);

/** OFN customer attributes; one run in four has identical billing and shipping addresses. */
export const record: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(customer, fc.nat(3))
  .map(([c, roll]) => (roll === 0 && c.billing_address ? { ...c, shipping_address: structuredClone(c.billing_address) } : c)) as fc.Arbitrary<
  Record<string, unknown>
>;
