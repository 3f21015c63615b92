import fc from 'fast-check';
import type { Address, Customer } from '../../src/index.js';
import { calendarDate, countryCode, e164Phone, email, isoInstant, maybeEmpty, metadata, notAPhone, nullable, passwordHash, postcode, shape, streetLine, text } from './common.js';

/** A canonical phone: E.164, or now and then text that is no number (kept as written). */
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

export const address: fc.Arbitrary<Address> = shape(
  {
    recipient: shape({ given: text(), family: text() }, { middle: maybeEmpty(text(10)), prefix: maybeEmpty(fc.constantFrom('Mr.', 'Ms.')), suffix: maybeEmpty(fc.constantFrom('Jr.')) }),
    lines: fc.array(streetLine, { minLength: 1, maxLength: 5 }),
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
) as fc.Arbitrary<Address>;

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
