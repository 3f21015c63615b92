import { z } from 'zod';
import { Email, Timestamp } from '../../canonical/primitives.js';
import { refuseCredentialKeys } from '../../core/credentials.js';
import { countryObjectIssues } from '../../core/geo/countries.js';

// Open Food Network API v1 (platforms.md §3). Records are the `data.attributes` of a JSON:API
// customer resource; requests are flat objects with strict (permitted) keys.
const requiredText = () => z.string().min(1, { error: 'Required' });


/** Spree::State as `{code: abbr, name}`; `code` is the Spree abbreviation (e.g. `Vic`), not ISO 3166-2. */
export const EnterpriseRegion = z.looseObject({
  code: z.string().nullish(),
  name: z.string().nullish(),
});

/**
 * Spree::Country as `{code: iso, name}`. The serializer writes both; `code` is read in any ISO 3166-1
 * form (alpha-2, alpha-3, numeric; any case), and without a code `name` must be an English country
 * name or a known alias. One of the two is required.
 */
export const EnterpriseCountry = z
  .looseObject({
    code: z.string().nullish(),
    name: z.string().nullish(),
  })
  .superRefine((v, ctx) => countryObjectIssues(v, ctx, true));

/** `billing_address` / `shipping_address` (Spree::Address through `Api::V1::AddressSerializer`). */
export const EnterpriseAddress = z.looseObject({
  phone: requiredText(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  first_name: requiredText(),
  last_name: requiredText(),
  street_address_1: requiredText(),
  street_address_2: z.string().nullish(),
  postal_code: requiredText(),
  locality: requiredText(),
  region: EnterpriseRegion.nullish(),
  country: EnterpriseCountry,
});
export type EnterpriseAddress = z.infer<typeof EnterpriseAddress>;

/** A customer's `data.attributes`. Server-set fields (`id`, `allow_charges`, `balance`) are optional; credential keys are refused. */
export const EnterpriseCustomer = z.looseObject({
  id: z.number().int().optional(),
  enterprise_id: z.number().int(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  code: z.string().nullish(),
  email: Email,
  allow_charges: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  terms_and_conditions_accepted_at: Timestamp.nullish(),
  billing_address: EnterpriseAddress.nullish(),
  shipping_address: EnterpriseAddress.nullish(),
  balance: z.number().optional(),
}).superRefine(refuseCredentialKeys('Open Food Network'));
export type EnterpriseCustomer = z.infer<typeof EnterpriseCustomer>;

/** A JSON:API customer resource; its attributes are validated by `decode`, record by record. */
const CustomerResource = z.looseObject({
  id: z.string(),
  type: z.literal('customer'),
  attributes: z.record(z.string(), z.unknown()),
  relationships: z.record(z.string(), z.unknown()).optional(),
});

/** `GET /api/v1/customers/{id}` (also the POST/PUT/DELETE response). */
export const EnterpriseSingle = z.looseObject({
  data: CustomerResource,
  included: z.array(z.unknown()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  links: z.record(z.string(), z.unknown()).optional(),
});

/**
 * JSON:API error document (platforms.md §3.7): `{errors: [{detail, title?, source?, status?, code?}],
 * meta?}`, with `meta.validation_errors` (full messages) on a failed save. Strict and without `data`
 * (JSON:API never has both), so no read payload is one.
 */
export const EnterpriseErrorBody = z.strictObject({
  errors: z.array(z.looseObject({ detail: z.string() })).min(1),
  meta: z.record(z.string(), z.unknown()).optional(),
  jsonapi: z.unknown().optional(),
  links: z.unknown().optional(),
});
export type EnterpriseErrorBody = z.infer<typeof EnterpriseErrorBody>;

/** `GET /api/v1/customers` and `GET /api/v1/enterprises/{id}/customers`. */
export const EnterpriseCollection = z.looseObject({
  data: z.array(CustomerResource),
  meta: z.looseObject({
    pagination: z.looseObject({
      results: z.number().int(),
      pages: z.number().int(),
      page: z.number().int(),
      per_page: z.number().int(),
    }),
  }),
  links: z.looseObject({
    self: z.string().nullish(),
    first: z.string().nullish(),
    prev: z.string().nullish(),
    next: z.string().nullish(),
    last: z.string().nullish(),
  }),
});

export const ADDRESS_WRITE_KEYS = [
  'phone', 'latitude', 'longitude', 'first_name', 'last_name', 'street_address_1', 'street_address_2',
  'postal_code', 'locality', 'region', 'country',
] as const;
export const CUSTOMER_WRITE_KEYS = [
  'email', 'enterprise_id', 'code', 'first_name', 'last_name', 'tags', 'billing_address', 'shipping_address',
] as const;

/** `{code, name}` on write: Spree matches either member case-insensitively, so both are optional. */
const RequestLookup = z.strictObject({ code: z.string().nullish(), name: z.string().nullish() });

/** An address in a request: only the documented keys, each optional. */
export const EnterpriseRequestAddress = z.strictObject({
  phone: z.string().optional(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  street_address_1: z.string().optional(),
  street_address_2: z.string().nullish(),
  postal_code: z.string().optional(),
  locality: z.string().optional(),
  region: RequestLookup.nullish(),
  country: RequestLookup.optional(),
});

/** `POST /api/v1/customers` and `PUT /api/v1/customers/{id}` body (flat, strict params). */
export const EnterpriseRequest = z.strictObject({
  email: Email,
  enterprise_id: z.number().int(),
  code: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  // Permitted only as a scalar (customers_controller): `null` removes it, an object is refused.
  billing_address: z.null().optional(),
  shipping_address: EnterpriseRequestAddress.nullable().optional(),
});
