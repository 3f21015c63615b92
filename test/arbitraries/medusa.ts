import fc from 'fast-check';
import { email, isoInstant, maybeEmpty, metadata, nullable, phone, postcode, provinceOf, shape, streetLine, freeStreetLine, text, withNationalPhones } from './common.js';

/** Phones and postcodes as the OpenAPI example prints them: bare numbers. */
const bareNumber = fc.integer({ min: 0, max: 2 ** 48 });

const ulid = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'), minLength: 26, maxLength: 26 });
const id = (prefix: string): fc.Arbitrary<string> => ulid.map((u) => `${prefix}_${u}`);

const without = <T extends Record<string, unknown>, K extends string>(o: T, keys: readonly K[]): Omit<T, K> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k as K))) as Omit<T, K>;

const COUNTRIES = [
  { id: 14, iso_2: 'au', iso_3: 'aus', num_code: 36, name: 'AUSTRALIA', display_name: 'Australia' },
  { id: 236, iso_2: 'us', iso_3: 'usa', num_code: 840, name: 'UNITED STATES', display_name: 'United States' },
  { id: 81, iso_2: 'de', iso_3: 'deu', num_code: 276, name: 'GERMANY', display_name: 'Germany' },
  { id: 235, iso_2: 'gb', iso_3: 'gbr', num_code: 826, name: 'UNITED KINGDOM', display_name: 'United Kingdom' },
  { id: 39, iso_2: 'ca', iso_3: 'can', num_code: 124, name: 'CANADA', display_name: 'Canada' },
  { id: 109, iso_2: 'it', iso_3: 'ita', num_code: 380, name: 'ITALY', display_name: 'Italy' },
] as const;

const countryCode = fc.constantFrom(...COUNTRIES.map((c) => c.iso_2), 'fr', 'nz', 'jp', 'br');
const country = fc.tuple(fc.constantFrom(...COUNTRIES), nullable(id('reg'))).map(([c, region_id]) => ({ ...c, region_id }));

const addressFields = {
  id: id('addr'),
  customer_id: nullable(id('cus')),
  company: maybeEmpty(text(30)),
  first_name: maybeEmpty(text()),
  last_name: maybeEmpty(text()),
  address_1: maybeEmpty(streetLine),
  address_2: maybeEmpty(freeStreetLine),
  city: maybeEmpty(text(30)),
  country_code: nullable(countryCode),
  country: nullable(country),
  province: maybeEmpty(fc.constantFrom('NSW', 'QLD', 'Kentucky', 'CA', 'Île-de-France', 'Bayern', '東京都')),
  postal_code: fc.oneof({ weight: 4, arbitrary: maybeEmpty(postcode) }, bareNumber),
  phone: fc.oneof({ weight: 4, arbitrary: maybeEmpty(phone) }, bareNumber),
  metadata: nullable(metadata),
  created_at: isoInstant,
  updated_at: isoInstant,
  deleted_at: nullable(isoInstant),
  // An undocumented key a plugin might add: it travels verbatim.
  vat_number: maybeEmpty(fc.constantFrom('DE811907980', 'GB123456789')),
};

const filled = { first_name: text(), last_name: text(), address_1: streetLine, city: text(30), country_code: countryCode, postal_code: postcode, phone };

/** An address as a shopper fills it in (name, street, city, country, postcode, phone), or any sparse one the schema accepts. */
const withProvinces = fc
  .oneof(
    { weight: 2, arbitrary: shape(filled, without(addressFields, Object.keys(filled) as (keyof typeof filled)[])) },
    shape({}, addressFields),
  )
  // Two in three: a province of the address's country as a code, a name, an alias or other text; and
  // sometimes the country code in upper case (Medusa lower-cases it on write, but records may not).
  .chain((a: Record<string, unknown>) => {
    const country = typeof a.country_code === 'string' ? a.country_code : undefined;
    return fc.oneof(
      fc.constant(a),
      fc.tuple(provinceOf(country), fc.boolean()).map(([province, upper]) => ({
        ...a,
        province,
        ...(upper && country ? { country_code: country.toUpperCase() } : {}),
      })),
      fc.constant(a),
    );
  }) as fc.Arbitrary<Record<string, unknown>>;

/** Addresses whose phone is often written the national way of the address's country. */
export const address = withNationalPhones(withProvinces, (a) => (typeof a.country_code === 'string' ? a.country_code.toUpperCase() : undefined), ['phone']);

const group = shape(
  { id: id('cgrp') },
  {
    name: fc.oneof(fc.constantFrom('VIP', 'Wholesale', 'Staff'), text(20)),
    customers: fc.constant([]),
    price_lists: fc.constant([]),
    metadata: nullable(metadata),
    created_at: isoInstant,
    updated_at: isoInstant,
    deleted_at: nullable(isoInstant),
  },
);

const order = shape({ id: id('order') }, { display_id: fc.nat({ max: 99999 }), status: fc.constantFrom('pending', 'completed', 'canceled') });

const customerFields = {
  id: id('cus'),
  first_name: maybeEmpty(text()),
  last_name: maybeEmpty(text()),
  billing_address_id: nullable(id('addr')),
  shipping_addresses: fc.array(address, { maxLength: 4 }),
  phone: fc.oneof({ weight: 4, arbitrary: maybeEmpty(phone) }, bareNumber),
  has_account: fc.boolean(),
  orders: fc.array(order, { maxLength: 2 }),
  groups: fc.array(group, { maxLength: 3 }),
  metadata: nullable(metadata),
  created_at: isoInstant,
  updated_at: isoInstant,
  deleted_at: nullable(isoInstant),
  // An undocumented key: it travels verbatim.
  loyalty_points: fc.nat({ max: 5000 }),
};

/** Mostly customers with names; sometimes guests with nothing but an email. */
const base = fc.oneof(
  { weight: 2, arbitrary: shape({ email, first_name: text(), last_name: text() }, without(customerFields, ['first_name', 'last_name'])) },
  shape({ email }, customerFields),
) as fc.Arbitrary<Record<string, unknown>>;

/**
 * Medusa v1 customers as `GET /admin/customers/{id}` returns them: the billing address absent, null,
 * a copy of an address-book entry (the same row) or an address of its own.
 */
const countryOfFirst = (r: Record<string, unknown>): unknown => {
  const billing = r.billing_address as Record<string, unknown> | null | undefined;
  const book = Array.isArray(r.shipping_addresses) ? (r.shipping_addresses as Record<string, unknown>[]) : [];
  return billing?.country_code ?? book[0]?.country_code;
};

const records: fc.Arbitrary<Record<string, unknown>> = base.chain((r) => {
  const book = Array.isArray(r.shipping_addresses) ? (r.shipping_addresses as Record<string, unknown>[]) : [];
  const billing: fc.Arbitrary<unknown>[] = [fc.constant(undefined), fc.constant(null), address];
  const base = fc.oneof(...billing).map((b) => (b === undefined ? r : { ...r, billing_address: b }));
  if (book.length === 0) return base;
  // The billing address pointing at a row of the address book: both copies are that row, id included.
  const sameRow = fc.tuple(fc.nat({ max: book.length - 1 }), id('addr')).map(([i, fresh]) => {
    const row = { ...book[i], id: book[i]?.id ?? fresh };
    return { ...r, shipping_addresses: book.map((a, j) => (j === i ? row : a)), billing_address: structuredClone(row) };
  });
  return fc.oneof(base, sameRow);
});

/** The customer's own phone is often written the national way of its billing (else first) address's country. */
export const record: fc.Arbitrary<Record<string, unknown>> = withNationalPhones(records, countryOfFirst, ['phone']);
