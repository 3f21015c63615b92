import fc from 'fast-check';
import { email, isoInstant, maybeEmpty, metadata, nullable, phone, postcode, provinceOf, shape, streetLine, freeStreetLine, text, withNationalPhones } from './common.js';

const ulid = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'), minLength: 26, maxLength: 26 });
const id = (prefix: string): fc.Arbitrary<string> => ulid.map((u) => `${prefix}_${u}`);

const without = <T extends Record<string, unknown>, K extends string>(o: T, keys: readonly K[]): Omit<T, K> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k as K))) as Omit<T, K>;

const countryCode = fc.constantFrom('au', 'us', 'de', 'gb', 'ca', 'it', 'fr', 'nz', 'jp', 'br');

const addressFields = {
  id: id('cuaddr'),
  address_name: maybeEmpty(fc.constantFrom('Home', 'Work', 'Warehouse', 'Mum & Dad')),
  is_default_shipping: fc.constant(false),
  is_default_billing: fc.constant(false),
  customer_id: id('cus'),
  company: maybeEmpty(text(30)),
  first_name: maybeEmpty(text()),
  last_name: maybeEmpty(text()),
  address_1: maybeEmpty(streetLine),
  address_2: maybeEmpty(freeStreetLine),
  city: maybeEmpty(text(30)),
  country_code: nullable(countryCode),
  province: maybeEmpty(fc.constantFrom('NSW', 'QLD', 'Kentucky', 'CA', 'Île-de-France', 'Bayern', '東京都')),
  postal_code: maybeEmpty(postcode),
  phone: maybeEmpty(phone),
  metadata: nullable(metadata),
  created_at: isoInstant,
  updated_at: isoInstant,
  deleted_at: nullable(isoInstant),
  // An undocumented key a plugin might add: it travels verbatim.
  vat_number: maybeEmpty(fc.constantFrom('DE811907980', 'GB123456789')),
};

const filled = { first_name: text(), last_name: text(), address_1: streetLine, city: text(30), country_code: countryCode, postal_code: postcode, phone };

/** An address as a shopper fills it in, or any sparse one the schema accepts; sometimes an upper-case country code (records may hold one). */
const withProvinces = fc
  .oneof(
    { weight: 2, arbitrary: shape(filled, without(addressFields, Object.keys(filled) as (keyof typeof filled)[])) },
    shape({}, addressFields),
  )
  .chain((a: Record<string, unknown>) => {
    const country = typeof a.country_code === 'string' ? a.country_code : undefined;
    return fc.oneof(
      fc.constant(a),
      fc.tuple(provinceOf(country), fc.boolean()).map(([province, upper]) => ({
        ...a,
        province,
        ...(upper && country ? { country_code: country.toUpperCase() } : {}),
      })),
    );
  }) as fc.Arbitrary<Record<string, unknown>>;

/** Addresses whose phone is often written the national way of the address's country. */
export const address = withNationalPhones(withProvinces, (a) => (typeof a.country_code === 'string' ? a.country_code.toUpperCase() : undefined), ['phone']);

const group = shape(
  { id: id('cusgroup') },
  {
    name: fc.oneof(fc.constantFrom('VIP', 'Wholesale', 'Staff'), text(20)),
    metadata: nullable(metadata),
    created_by: nullable(id('user')),
    created_at: isoInstant,
    updated_at: isoInstant,
    deleted_at: nullable(isoInstant),
  },
);

const customerFields = {
  id: id('cus'),
  email: nullable(email),
  company_name: maybeEmpty(text(30)),
  first_name: maybeEmpty(text()),
  last_name: maybeEmpty(text()),
  phone: maybeEmpty(phone),
  has_account: fc.boolean(),
  metadata: nullable(metadata),
  created_by: nullable(id('user')),
  addresses: fc.array(address, { maxLength: 4 }),
  groups: fc.array(group, { maxLength: 3 }),
  created_at: isoInstant,
  updated_at: isoInstant,
  deleted_at: nullable(isoInstant),
  // An undocumented key: it travels verbatim.
  loyalty_points: fc.nat({ max: 5000 }),
};

/** Mostly customers with an e-mail and names; sometimes sparse ones (v2 allows a null e-mail), with the id every read holds. */
const base = fc.oneof(
  { weight: 3, arbitrary: shape({ email, first_name: text(), last_name: text() }, without(customerFields, ['email', 'first_name', 'last_name'])) },
  shape({ id: customerFields.id }, without(customerFields, ['id'])),
) as fc.Arbitrary<Record<string, unknown>>;

/** At most one default billing and one default shipping address, as Medusa v2's unique indexes keep them (sometimes the same one). */
const records = base.chain((r) => {
  const list = Array.isArray(r.addresses) ? (r.addresses as Record<string, unknown>[]) : [];
  if (list.length === 0) return fc.constant(r);
  const pick = fc.option(fc.nat({ max: list.length - 1 }), { nil: undefined });
  return fc.tuple(pick, pick).map(([billing, shipping]) => ({
    ...r,
    addresses: list.map((a, i) => ({
      ...a,
      ...(i === billing ? { is_default_billing: true } : {}),
      ...(i === shipping ? { is_default_shipping: true } : {}),
    })),
  }));
});

const countryOfFirst = (r: Record<string, unknown>): unknown => {
  const list = Array.isArray(r.addresses) ? (r.addresses as Record<string, unknown>[]) : [];
  return (list.find((a) => a.is_default_billing === true) ?? list[0])?.country_code;
};

/** Medusa v2 customers as `GET /admin/customers/{id}?fields=*addresses,*groups` returns them. */
export const record: fc.Arbitrary<Record<string, unknown>> = withNationalPhones(records, countryOfFirst, ['phone']);
