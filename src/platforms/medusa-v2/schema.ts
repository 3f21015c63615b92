import { z } from 'zod';
import { Email } from '../../canonical/primitives.js';
import { refuseCredentialKeys } from '../../core/credentials.js';
import { isAlpha2 } from '../../core/geo/countries.js';

// Medusa v2 (platforms.md §2, medusa-v2-updates.md): `fields=` changes which keys a response holds
// (addresses, groups and the address default flags only when asked for), so keys are optional and
// the nullable columns are `nullish`.
const timestamp = z.iso.datetime({ offset: true, local: false, error: 'Not an ISO 8601 date-time with zone' });
const json = z.record(z.string(), z.unknown());

/**
 * The e-mail rule of Medusa v2's admin validators (`z.string().email()` of zod 4, medusa-v2-updates.md §2):
 * ASCII only (an IDN domain only as punycode), no leading, trailing or doubled dot in the local part,
 * a letter TLD of two or more. A body whose e-mail it refuses is never built (issue `invalid_email`).
 */
export const MEDUSA_V2_EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const RequestEmail = z.email({ pattern: MEDUSA_V2_EMAIL, error: 'Invalid email address: Medusa v2 refuses it (its validator takes ASCII e-mails only)' });

/** `country_code`: ISO 3166-1 alpha-2 (no country table in v2; the docs and the cart compare lower case). */
export const MedusaV2CountryCode = z.string().refine((c) => isAlpha2(c), {
  error: 'Not an ISO 3166-1 alpha-2 country code',
  params: { code: 'invalid_country' },
});

/** `customer_address` (platforms.md §2.3). The default flags are booleans, never null; `deleted_at` since 2.8.7. */
export const MedusaV2Address = z.looseObject({
  id: z.string().optional(),
  address_name: z.string().nullish(),
  is_default_shipping: z.boolean().optional(),
  is_default_billing: z.boolean().optional(),
  customer_id: z.string().optional(),
  company: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  address_1: z.string().nullish(),
  address_2: z.string().nullish(),
  city: z.string().nullish(),
  country_code: MedusaV2CountryCode.nullish(),
  province: z.string().nullish(),
  postal_code: z.string().nullish(),
  phone: z.string().nullish(),
  metadata: json.nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
});
export type MedusaV2Address = z.infer<typeof MedusaV2Address>;

/** CustomerGroup (platforms.md §2.4); referred to by its id. */
export const MedusaV2Group = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  metadata: json.nullish(),
  created_by: z.string().nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
});

/**
 * The `customer` of `GET /admin/customers/{id}?fields=*addresses,*groups` (platforms.md §2.2).
 * `email` may be null in v2. Medusa v2 keeps no password on the customer (the Auth module holds
 * scrypt hashes): a credential key anywhere in a record is refused.
 */
export const MedusaV2Customer = z.looseObject({
  id: z.string().optional(),
  email: Email.nullish(),
  company_name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  phone: z.string().nullish(),
  has_account: z.boolean().optional(),
  metadata: json.nullish(),
  created_by: z.string().nullish(),
  addresses: z.array(MedusaV2Address).optional(),
  groups: z.array(MedusaV2Group).optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
}).superRefine(refuseCredentialKeys('Medusa v2'));
export type MedusaV2Customer = z.infer<typeof MedusaV2Customer>;

/** `{customer}`: `GET /admin/customers/{id}`, and what create, update and the address routes answer. */
export const MedusaV2SingleResponse = z.looseObject({ customer: json });

/** `GET /admin/customers` page. */
export const MedusaV2ListResponse = z.looseObject({
  customers: z.array(z.unknown()),
  count: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

/** Error body (platforms.md §2.7, unchanged from v1): `{code?, type, message}`, only these keys. */
export const MedusaV2ErrorBody = z.strictObject({
  type: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type MedusaV2ErrorBody = z.infer<typeof MedusaV2ErrorBody>;

/** `CreateCustomer` = `UpdateCustomer` (medusa-v2-updates.md §2): strict, every key optional. */
export const MedusaV2CustomerRequest = z.strictObject({
  email: RequestEmail.nullish(),
  company_name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  phone: z.string().nullish(),
  metadata: json.nullish(),
});

/**
 * `CreateCustomerAddress` = `UpdateCustomerAddress`: the record's address without what the server
 * assigns (id, owner, timestamps), strict; the default flags may be left out but never null; the
 * country code is any text here, as the body schema has always taken it.
 */
export const MedusaV2AddressRequest = z.strictObject({
  ...MedusaV2Address.omit({ id: true, customer_id: true, created_at: true, updated_at: true, deleted_at: true }).shape,
  country_code: z.string().nullish(),
});

export const CUSTOMER_KEYS = ['email', 'company_name', 'first_name', 'last_name', 'phone', 'metadata'] as const;
export const ADDRESS_KEYS = [
  'address_name',
  'is_default_shipping',
  'is_default_billing',
  'company',
  'first_name',
  'last_name',
  'address_1',
  'address_2',
  'city',
  'country_code',
  'province',
  'postal_code',
  'phone',
  'metadata',
] as const;
