import fc from 'fast-check';
import { countryFromCode, countryFromName } from '../../src/core/geo/countries.js';
import {
  COUNTRY_SPELLINGS,
  countryCode,
  countryFormsOf,
  email,
  isoInstant,
  jsonValue,
  maybeEmpty,
  nullable,
  phone,
  postcode,
  regionOf,
  shape,
  streetLine,
  freeStreetLine,
  text,
  withNationalPhones,
} from './common.js';

const id = fc.integer({ min: 1, max: 1e6 });
const smallId = fc.integer({ min: 1, max: 400 });

/** `YYYY-MM-DD HH:MM:SS`, the docs' illustrative form: not ISO with a zone, so it stays v4 data. */
const localTime = isoInstant.map((s) => s.slice(0, 19).replace('T', ' '));

const country = fc.oneof(
  shape(
    {},
    {
      id: nullable(smallId),
      name: maybeEmpty(fc.constantFrom('Australia', 'United States', 'Deutschland', 'Côte d’Ivoire')),
      code: nullable(countryCode),
      iso3: fc.constantFrom('AUS', 'USA'),
    },
  ),
  // A name the library does not know is fine next to a code (it stays v4 data).
  shape({ code: countryCode }, { id: nullable(smallId), name: fc.constantFrom('日本', 'Allemagne') }),
);

/** A country object of `code` as records may write it: any ISO code form, an English name or alias, with or without an id. */
const countryOf = (code: string) =>
  fc.oneof(
    shape({ code: fc.constant(code) }, { id: smallId, name: fc.constantFrom(...COUNTRY_SPELLINGS[code]!) }),
    shape({ code: countryFormsOf(code) }, { id: smallId }),
    shape({ name: fc.constantFrom(...COUNTRY_SPELLINGS[code]!) }, { id: smallId, code: fc.constant(null) }),
  );

const state = shape(
  {},
  {
    id: nullable(smallId),
    name: maybeEmpty(fc.constantFrom('New South Wales', 'Victoria', 'California', 'Île-de-France', 'Bayern')),
    code: maybeEmpty(fc.constantFrom('NSW', 'VIC', 'CA', 'IDF', 'BY')),
  },
);

const addressOptional = {
  id: nullable(id),
  type: nullable(fc.constantFrom('PRIMARY', 'SHIPPING', 'BILLING', 'OFFICE')),
  first_name: maybeEmpty(text()),
  last_name: maybeEmpty(text()),
  email: maybeEmpty(email),
  company_name: maybeEmpty(text(30)),
  address_line_1: maybeEmpty(streetLine),
  address_line_2: maybeEmpty(freeStreetLine),
  country: nullable(country),
  state: nullable(state),
  city: maybeEmpty(text(30)),
  post_code: maybeEmpty(postcode),
  mobile: maybeEmpty(phone),
  phone: maybeEmpty(phone),
  fax: maybeEmpty(phone),
  address_name: text(20),
  version: fc.integer({ min: 0, max: 9 }),
};

/** Either a filled-in address as the API returns it (every documented key) or a sparse one. */
const anyAddress = fc.oneof(
  {
    weight: 3,
    arbitrary: shape(
      {
        id,
        type: fc.constantFrom('PRIMARY', 'SHIPPING', 'BILLING'),
        first_name: text(),
        last_name: text(),
        email: nullable(email),
        company_name: nullable(text(30)),
        address_line_1: streetLine,
        address_line_2: nullable(streetLine),
        country: shape({ id: smallId, name: fc.constantFrom('Australia', 'United States', 'Deutschland'), code: countryCode }, {}),
        state: nullable(shape({ id: smallId, name: fc.constantFrom('New South Wales', 'Victoria', 'Bayern'), code: fc.constantFrom('NSW', 'VIC', 'BY') }, {})),
        city: text(30),
        post_code: postcode,
        mobile: nullable(phone),
        phone,
        fax: nullable(phone),
      },
      {},
    ),
  },
  { weight: 2, arbitrary: shape({}, addressOptional) },
) as fc.Arbitrary<Record<string, unknown>>;


/**
 * Addresses whose country and state agree two times in three: the country in any ISO form or by name,
 * the state by ISO code, abbreviation, name or alias, or free text; ids present or not.
 */
const withRegions = fc.tuple(anyAddress, countryCode).chain(([a, code]) =>
  fc.oneof(
    fc.constant(a as Record<string, unknown>),
    fc
      .tuple(countryOf(code), regionOf(code), fc.option(smallId, { nil: undefined }))
      .map(([c, r, stateId]) => ({ ...a, country: c, state: { ...r, ...(stateId === undefined ? {} : { id: stateId }) } })),
    fc.constant(a as Record<string, unknown>),
  ),
);

/** Addresses whose phones are often written the national way of the address's country. */
export const address = withNationalPhones(
  withRegions,
  (a) => {
    const country = (a.country ?? {}) as { code?: string | null; name?: string | null };
    return countryFromCode(String(country.code ?? '')) ?? countryFromName(String(country.name ?? ''));
  },
  ['mobile', 'phone', 'fax'],
);

const shippingProfile = shape(
  {},
  {
    id: nullable(smallId),
    name: text(20),
    description: nullable(text(30)),
    created: localTime,
    updated: localTime,
    version: fc.integer({ min: 0, max: 9 }).map(String),
    rulePrecedence: fc.constantFrom('first', 'sum'),
    shippingRules: fc.array(shape({ id: smallId, name: text(12) }, { zoneList: fc.array(smallId, { maxLength: 3 }) }), { maxLength: 2 }),
  },
);

const amount = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 1e6 }).map((c) => (c / 100).toFixed(2)),
);

const newsletter = fc.oneof(
  fc.constant({}),
  shape({ subscribed: nullable(fc.boolean()) }, {}),
  shape({ subscribed: fc.boolean(), double_opt_in: fc.boolean() }, {}),
  shape({ double_opt_in: fc.boolean() }, {}),
);

const customerFields = {
  id,
  display_id: nullable(fc.integer({ min: 1000, max: 99999 })),
  status: nullable(fc.constantFrom('active', 'awaiting_verification', 'inactive')),
  first_name: fc.oneof({ weight: 4, arbitrary: text() }, fc.constant(null), fc.constant('')),
  last_name: fc.oneof({ weight: 4, arbitrary: text() }, fc.constant(null), fc.constant('')),
  sex: maybeEmpty(fc.constantFrom('MALE', 'FEMALE', 'OTHER', 'male')),
  parent: nullable(fc.oneof(id, shape({}, { id, name: maybeEmpty(text(20)) }))),
  company: nullable(fc.boolean()),
  company_name: maybeEmpty(text(30)),
  timezone: nullable(fc.constantFrom('Australia/Sydney', 'UTC', 'Europe/Berlin', 'America/New_York', 'Mars/Olympus')),
  abn: maybeEmpty(fc.constantFrom('51 824 753 556', '53004085616')),
  abn_branch: maybeEmpty(fc.constantFrom('001', '002')),
  shipping_profile: nullable(shippingProfile),
  transaction_number: maybeEmpty(fc.constantFrom('TXN-88120', 'TXN-1')),
  referral_code: maybeEmpty(fc.constantFrom('LIAM5521', 'ZOË77')),
  used_referral_code: maybeEmpty(fc.constantFrom('ANA100')),
  count_referral_code_used: nullable(fc.integer({ min: 0, max: 50 })),
  allow_credit_limit: nullable(fc.boolean()),
  store_credit: nullable(amount),
  credit_limit: nullable(amount),
  how_do_you_know: maybeEmpty(fc.constantFrom('Google', 'A friend', 'Instagram')),
  customer_password_expired: nullable(fc.boolean()),
  hide_price: nullable(fc.boolean()),
  default_tax_code: maybeEmpty(fc.constantFrom('GST', 'FRE')),
  source: nullable(fc.constantFrom('ADMIN', 'REGISTRATION', 'API')),
  base_url: nullable(fc.constantFrom('https://shop.example.com.au', 'https://example.com')),
  background_image: maybeEmpty(fc.constantFrom('/images/bg.png')),
  profile_picture: maybeEmpty(fc.constantFrom('/images/p/5521.jpg')),
  // With a zone, without one (read in `timezone`), and wall clocks Sydney's daylight-saving change skips or repeats.
  created_at: maybeEmpty(
    fc.oneof(isoInstant, localTime, isoInstant.map((s) => `${s.slice(0, 19)}+10:00`), fc.constantFrom('2024-10-06 02:30:00', '2024-04-07 02:30:00')),
  ),
  version: fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.integer({ min: 0, max: 40 })),
  addresses: nullable(fc.array(address, { maxLength: 4 })),
  is_in_trash: nullable(fc.boolean()),
  newsletter: nullable(newsletter),
};

const extras = { custom_fields: jsonValue, last_login: localTime };

/**
 * Either a full response object (the API prints every documented key; values may be null) or a
 * sparse one (any documented key may be absent), both with occasional undocumented keys.
 */
const base = fc.oneof(
  shape({ email, ...customerFields, first_name: text(), last_name: text() }, extras),
  shape({ email }, { ...customerFields, ...extras }),
);

/** An `active_*_address` value: an id of one of the addresses, null, a dangling id, or absent. */
const designation = (ids: number[]): fc.Arbitrary<number | null | undefined> =>
  fc.oneof(
    { weight: 3, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(undefined) },
    fc.constant(null),
    fc.constant(undefined),
    id,
  );

export const record: fc.Arbitrary<Record<string, unknown>> = base.chain((r) => {
  const ids = (Array.isArray(r.addresses) ? (r.addresses as Record<string, unknown>[]) : []).flatMap((a) => (typeof a.id === 'number' ? [a.id] : []));
  return fc.tuple(designation(ids), designation(ids)).map(([billing, shipping]) => {
    const out: Record<string, unknown> = { ...r };
    if (billing !== undefined) out.active_billing_address = billing;
    if (shipping !== undefined) out.active_shipping_address = shipping;
    return out;
  });
});
