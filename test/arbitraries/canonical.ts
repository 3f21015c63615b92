import fc from 'fast-check';
import type { Address, Customer } from '../../src/index.js';
import { subdivisionsOf } from '../../src/core/geo/regions.js';
import { calendarDate, countryCode, e164Phone, email, isoInstant, maybeEmpty, metadata, notAPhone, nullable, passwordHash, postcode, shape, freeStreetLine, text } from './common.js';

/** A canonical phone: E.164, or now and then text that is no number (kept as written, in E.164 mode too). */
const phone = fc.oneof({ weight: 4, arbitrary: e164Phone }, notAPhone);

const personName = shape(
  {},
  {
    prefix: maybeEmpty(fc.constantFrom('Mr.', 'Ms.', 'Dr.')),
    given: text(),
    middle: maybeEmpty(text(10)),
    family: text(),
    suffix: maybeEmpty(fc.constantFrom('Jr.', 'III')),
  },
);

/** Second-precision UTC instants (`…:07Z`): the form every platform can hold. */
const wholeSecond = isoInstant.map((s) => `${s.slice(0, 19)}Z`);

const anyAddress = shape(
  {
    recipient: shape({ given: text(), family: text() }, { middle: maybeEmpty(text(10)), prefix: maybeEmpty(fc.constantFrom('Mr.', 'Ms.')), suffix: maybeEmpty(fc.constantFrom('Jr.')) }),
    lines: fc.array(freeStreetLine, { minLength: 1, maxLength: 5 }),
    locality: text(30),
    postalCode: postcode,
    countryCode,
    // Required by Magento and Open Food Network: always a number a target takes without a report.
    phone: e164Phone,
  },
  {
    label: maybeEmpty(fc.constantFrom('Home', 'Warehouse')),
    organization: maybeEmpty(text(30)),
    administrativeArea: shape({}, { code: maybeEmpty(fc.constantFrom('CA', 'VIC', 'BER')), name: maybeEmpty(fc.constantFrom('California', 'Victoria', 'Berlin')) }),
    mobile: maybeEmpty(phone),
    fax: maybeEmpty(phone),
    email: nullable(email),
    vatId: maybeEmpty(fc.constantFrom('DE811907980')),
    defaultBilling: fc.boolean(),
    defaultShipping: fc.boolean(),
  },
);

/**
 * Addresses; half of them with an area in canonical form for their country: a subdivision as
 * `{code, name}` from the ISO data, or free text as `{name}`.
 */
export const address: fc.Arbitrary<Address> = fc.tuple(anyAddress, fc.boolean()).chain(([a, normal]) => {
  const subs = subdivisionsOf(a.countryCode);
  if (!normal) return fc.constant(a);
  const known = subs.length === 0 ? [] : [fc.constantFrom(...subs).map((s) => ({ code: s.code, name: s.name }))];
  return fc.oneof(...known, fc.constantFrom('Somewhere', 'Région inconnue').map((name) => ({ name }))).map((administrativeArea) => ({ ...a, administrativeArea }));
}) as fc.Arbitrary<Address>;

/** Canonical customers with every concept; each platform holds a subset (the rest is reported lost). */
export const customer: fc.Arbitrary<Customer> = shape(
  { email, name: shape({ given: text(), family: text() }, {}).chain((n) => personName.map((p) => ({ ...p, ...n }))) },
  {
    gender: nullable(fc.constantFrom('male', 'female', 'not_specified') as fc.Arbitrary<'male' | 'female' | 'not_specified'>),
    birthDate: nullable(calendarDate),
    phone: maybeEmpty(phone),
    mobile: maybeEmpty(phone),
    companyName: maybeEmpty(text(30)),
    isBusiness: nullable(fc.boolean()),
    taxIds: shape({}, { vat: maybeEmpty(fc.constantFrom('DE811907980')), abn: maybeEmpty(fc.constantFrom('51 824 753 556')), abnBranch: maybeEmpty(fc.constantFrom('001')) }),
    reference: nullable(fc.constantFrom('MC-0007', 'BUYER1')),
    tags: fc.array(fc.constantFrom('wholesale', 'veg-box', 'staff'), { maxLength: 3 }),
    newsletterSubscribed: nullable(fc.boolean()),
    hasAccount: fc.boolean(),
    createdAt: fc.oneof(wholeSecond, isoInstant),
    updatedAt: wholeSecond,
    metadata: nullable(metadata),
    credentials: shape({}, { passwordHash: nullable(passwordHash) }),
    addresses: fc.array(address, { maxLength: 4 }),
  },
) as fc.Arbitrary<Customer>;
