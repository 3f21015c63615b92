import { z } from 'zod';
import { Email } from '../../canonical/primitives.js';
import { refuseCredentialKeys } from '../../core/credentials.js';
import { countryObjectIssues } from '../../core/geo/countries.js';
import { V4CountryEntry, V4StateEntry } from './directory.js';

// WebCommander API v4 (platforms.md §4). The response shape follows the PUT page's response example
// (seed 003) and the official Python SDK's DTOs. Ids are integers (§4.1). The docs pin few types and
// no nullability, so every field but `email` is optional and text fields are `nullish`.
const text = z.string().nullish();
const int = z.number().int().nullish();
const bool = z.boolean().nullish();
/** Amounts: the SDK types them as floats; the docs' examples quote them. Both are read. */
const amount = z.union([z.number(), z.string()]).nullish();

/**
 * `country` of an address: `{id, name, code}`. `code` is read in any ISO 3166-1 form (alpha-2, alpha-3,
 * numeric; any case); without a code, `name` must be an English country name or a known alias.
 */
export const V4Country = z
  .looseObject({
    id: int,
    name: text,
    code: text,
  })
  .superRefine(countryObjectIssues);

/** `state` of an address: `{id, name, code}` (code such as `NSW`). */
export const V4State = z.looseObject({
  id: int,
  name: text,
  code: text,
});

/** An `addresses[]` item of the customer response (§4.6, seed 003). */
export const V4Address = z.looseObject({
  id: int,
  /** `PRIMARY`, `SHIPPING` or `BILLING` in the docs; other strings are read as they are. */
  type: text,
  first_name: text,
  last_name: text,
  email: text,
  company_name: text,
  address_line_1: text,
  address_line_2: text,
  country: V4Country.nullish(),
  state: V4State.nullish(),
  city: text,
  post_code: text,
  mobile: text,
  phone: text,
  fax: text,
});
export type V4Address = z.infer<typeof V4Address>;

/** `parent` as the seed prints it. */
export const V4Parent = z.looseObject({ id: int, name: text });

/** `shipping_profile`: an object (keys inside are camelCase in the seed); only `id` is read. */
export const V4ShippingProfile = z.looseObject({ id: int });

/** `newsletter: {subscribed}` is a request key; a record may carry it so that it reaches request bodies. */
export const V4Newsletter = z.looseObject({ subscribed: bool });

/** The `customer` object of `GET /admin/customers/{id}`. It has no credential field: such keys are refused. */
export const V4Customer = z.looseObject({
  id: int,
  display_id: int,
  status: text,
  first_name: text,
  last_name: text,
  email: Email,
  sex: text,
  /** `{id, name}` in the seed, an integer in the SDK: both are read. */
  parent: z.union([z.number().int(), V4Parent]).nullish(),
  company: bool,
  company_name: text,
  timezone: text,
  abn: text,
  abn_branch: text,
  shipping_profile: V4ShippingProfile.nullish(),
  transaction_number: text,
  referral_code: text,
  used_referral_code: text,
  count_referral_code_used: int,
  allow_credit_limit: bool,
  store_credit: amount,
  credit_limit: amount,
  how_do_you_know: text,
  customer_password_expired: bool,
  hide_price: bool,
  default_tax_code: text,
  source: text,
  base_url: text,
  background_image: text,
  profile_picture: text,
  created_at: text,
  version: z.union([z.string(), z.number()]).nullish(),
  addresses: z.array(V4Address).nullish(),
  active_billing_address: int,
  active_shipping_address: int,
  is_in_trash: bool,
  newsletter: V4Newsletter.nullish(),
}).superRefine(refuseCredentialKeys('v4'));
export type V4Customer = z.infer<typeof V4Customer>;

/** `GET /admin/customers/{id}`: `{customer}`. */
export const V4Single = z.looseObject({ customer: z.record(z.string(), z.unknown()) });

/** `GET /admin/customers`: `{customers, pagination}` (pagination value types not verified). */
export const V4List = z.looseObject({
  customers: z.array(z.unknown()),
  pagination: z
    .looseObject({
      records: z.number().int().nullish(),
      limit: z.union([z.string(), z.number()]).nullish(),
      offset: z.union([z.string(), z.number()]).nullish(),
      next_page: z.union([z.string(), z.number()]).nullish(),
      previous_page: z.union([z.string(), z.number()]).nullish(),
    })
    .nullish(),
});

/** The inner `customer` object of create and update bodies (§4.3, §4.4): ids are integers. */
export const V4RequestCustomer = z.strictObject({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  email: z.string(),
  gender: z.string().optional(),
  company_name: z.string().optional(),
  is_company: z.boolean().optional(),
  address_line: z.string().optional(),
  city: z.string().optional(),
  post_code: z.string().optional(),
  country: z.number().int().optional(),
  state: z.number().int().optional(),
  mobile: z.string().optional(),
  phone: z.string().optional(),
  abn: z.string().optional(),
  abn_branch: z.string().optional(),
  shipping_profile: z.number().int().optional(),
  newsletter: z.strictObject({ subscribed: z.boolean() }).optional(),
  password: z.string().optional(),
  hide_price: z.boolean().optional(),
  transaction_number: z.string().optional(),
  parent: z.number().int().nullable().optional(),
});
export type V4RequestCustomer = z.infer<typeof V4RequestCustomer>;

/** `POST /admin/customers` body. */
export const V4CreateRequest = z.strictObject({ customer: V4RequestCustomer });

/** `PUT /admin/customers/{id}` body: credit settings sit beside `customer`, amounts as strings. */
export const V4UpdateRequest = z.strictObject({
  customer: V4RequestCustomer,
  store_credit: z.string().optional(),
  credit_limit: z.string().optional(),
  customer_password_expired: z.boolean().optional(),
  allow_credit_limit: z.boolean().optional(),
});

/**
 * `platformOptions.v4`: the shop's WebCommander directories, which have no public table.
 * `countries: [{id, code, name?}]` and `states: [{id, country, code?, name?}]` give the ids to write
 * (codes in any ISO form); without them the ids are left out and reported `unreferenceable`.
 */
/** `platformOptions.v4`: the shop's country and state ids (WebCommander publishes no table). */
export const V4Options = z.strictObject({
  countries: z.array(V4CountryEntry).optional().describe('the shop\'s country ids, `[{id, code, name?}]`: fill `country.id` when converting to v4'),
  states: z.array(V4StateEntry).optional().describe('the shop\'s state ids, `[{id, country, code?, name?}]`: fill `state.id` when converting to v4'),
});

/** An HTTP failure status (400-599, as a number or its digits) or a word for failure. */
const failed = z.union([
  z.number().int().min(400).max(599),
  z.string().regex(/^(?:[45]\d\d|error|fail|failed|failure)$/i),
]);

/**
 * Error bodies (platforms.md §4.7, from the SDK's handling, not verified): `{errors: [{message, …}]}`
 * (400 validation, 401, 403), and `{status, message, error?}` (`CommonResponseDTO`) with a failure
 * `status` (the same DTO answers successes). Strict, so a customer (`email`) or a payload
 * (`customer`, `customers`) is never one.
 */
export const V4ErrorBody = z.union([
  z.strictObject({
    errors: z.array(z.looseObject({ message: z.string() })).min(1),
    status: z.unknown().optional(),
    message: z.string().optional(),
    error: z.unknown().optional(),
  }),
  z.strictObject({ status: failed, message: z.string(), error: z.unknown().optional() }),
]);
export type V4ErrorBody = z.infer<typeof V4ErrorBody>;
