import { z } from 'zod';

// The OpenAPI example prints phone and postal code as bare numbers; the fields are typed string.
const textOrNumber = z.union([z.string(), z.number()]).nullish();
import { Email } from '../../canonical/primitives.js';
import { refuseCredentialKeys } from '../../core/credentials.js';
import { isAlpha2 } from '../../core/geo/countries.js';

// Medusa v1 returns every column as a key (null when empty) but `fields=`/`expand=` change the set,
// so keys are optional and the nullable columns (platforms.md §1.2, §1.3) are `nullish`.
const timestamp = z.iso.datetime({ offset: true, local: false, error: 'Not an ISO 8601 date-time with zone' });
const json = z.record(z.string(), z.unknown());

/**
 * `country_code`: ISO 3166-1 alpha-2 (a foreign key to `country.iso_2`, so alpha-3 is refused). Medusa
 * lower-cases it on write; any letter case is read.
 */
export const MedusaCountryCode = z.string().refine((c) => isAlpha2(c), {
  error: 'Not an ISO 3166-1 alpha-2 country code',
  params: { code: 'invalid_country' },
});

/** Country reference data (expanded `country` of an address); read-only. */
export const MedusaCountry = z.looseObject({
  id: z.union([z.number().int(), z.string()]).optional(),
  iso_2: z.string().optional(),
  iso_3: z.string().optional(),
  num_code: z.union([z.number().int(), z.string()]).optional(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  region_id: z.string().nullish(),
  region: json.nullish(),
});

/** Address entity (customer address book, billing address). Every column is nullable in the DB. */
export const MedusaAddress = z.looseObject({
  id: z.string().optional(),
  customer_id: z.string().nullish(),
  customer: json.nullish(),
  company: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  address_1: z.string().nullish(),
  address_2: z.string().nullish(),
  city: z.string().nullish(),
  country_code: MedusaCountryCode.nullish(),
  country: MedusaCountry.nullish(),
  province: z.string().nullish(),
  postal_code: textOrNumber,
  phone: textOrNumber,
  metadata: json.nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
});
export type MedusaAddress = z.infer<typeof MedusaAddress>;

/** CustomerGroup (expanded `groups`). Medusa refers to a group by its id, so the id is required. */
export const MedusaGroup = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  customers: z.array(json).optional(),
  price_lists: z.array(json).optional(),
  metadata: json.nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
});

/**
 * The `customer` object of `GET /admin/customers/{id}`. Server-assigned fields are optional.
 * Medusa never serializes `password_hash`: a credential key anywhere in a record is refused.
 */
export const MedusaCustomer = z.looseObject({
  id: z.string().optional(),
  email: Email,
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  billing_address_id: z.string().nullish(),
  billing_address: MedusaAddress.nullish(),
  shipping_addresses: z.array(MedusaAddress).optional(),
  phone: textOrNumber,
  has_account: z.boolean().optional(),
  orders: z.array(json).optional(),
  groups: z.array(MedusaGroup).optional(),
  metadata: json.nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: timestamp.nullish(),
}).superRefine(refuseCredentialKeys('Medusa'));
export type MedusaCustomer = z.infer<typeof MedusaCustomer>;

/** `GET /admin/customers/{id}` (and create/update responses). */
export const MedusaSingleResponse = z.looseObject({ customer: json });

/**
 * Error body (platforms.md §1.8): `{code?, type, message}`. Strict: a customer has `email` (its other
 * keys are optional, so `type` and `message` could be unknown keys of one), a payload `customer(s)`.
 */
export const MedusaErrorBody = z.strictObject({
  type: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type MedusaErrorBody = z.infer<typeof MedusaErrorBody>;

/** `GET /admin/customers` page. */
export const MedusaListResponse = z.looseObject({
  customers: z.array(z.unknown()),
  count: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

/** `AdminPostCustomersReq` (`POST /admin/customers`): flat; the API requires a password. */
export const MedusaCreateRequest = z.strictObject({
  email: Email,
  first_name: z.string(),
  last_name: z.string(),
  password: z.string(),
  phone: z.string().optional(),
  metadata: json.optional(),
});

/** `AdminPostCustomersCustomerReq` (`POST /admin/customers/{id}`): all optional; `groups` replaces the membership. */
export const MedusaUpdateRequest = z.strictObject({
  email: Email.optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
  metadata: json.optional(),
  groups: z.array(z.strictObject({ id: z.string() })).optional(),
});

export const CREATE_KEYS = ['email', 'first_name', 'last_name', 'phone', 'metadata'] as const;
export const UPDATE_KEYS = ['email', 'first_name', 'last_name', 'phone', 'metadata'] as const;
