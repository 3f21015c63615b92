import { isPlainObject } from '../../core/path.js';
import { definePlatform } from '../../core/platform.js';
import { combine, inUrl, omit, omitAs, send, type Part } from '../../core/requests.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { addressTable, customerTable, tables } from './mapping.js';
import {
  ADDRESS_KEYS,
  CUSTOMER_KEYS,
  MedusaV2AddressRequest,
  MedusaV2Customer,
  MedusaV2CustomerRequest,
  MedusaV2ErrorBody,
  MedusaV2ListResponse,
  MedusaV2SingleResponse,
} from './schema.js';

const CUSTOMERS = '/admin/customers';
const ADDRESSES = '/admin/customers/{id}/addresses';

/** `country_code` in lower case, as the docs write it and the cart compares it (medusa-v2-updates.md §4). */
const lowerCountry = combine('country_code', ['country_code'], ([v]) => (typeof v === 'string' ? v.toLowerCase() : v), {
  at: ([v]) => (typeof v === 'string' && v !== v.toLowerCase() ? [0] : []),
  why: 'the country code is sent in lower case',
});

/** What no admin route of Medusa v2 accepts, on every customer body; `id` is the customer's id (assigned, or in the update URL). */
const customerLeftOut = (id: Part): Part[] => [
  id,
  omitAs(customerTable, 'has_account', 'no admin route accepts it: Medusa v2 sets it when an auth identity registers the customer (`createCustomerAccountWorkflow`)'),
  omitAs(customerTable, 'created_by', 'no admin route accepts it: Medusa v2 records the admin user who sends the request'),
  omitAs(customerTable, ['created_at', 'updated_at', 'deleted_at'], 'set by Medusa v2 when the customer is saved'),
  omit(
    'groups',
    'not_representable',
    'no customer or address body takes group links: link the customer with `POST /admin/customer-groups/{group id}/customers` (`{add: [customer id]}`) once it exists',
  ),
];

/** What no address body takes; `id` is the address's id (assigned, or in the update URL). */
const addressLeftOut = (id: Part): Part[] => [
  id,
  omitAs(addressTable, 'customer_id', 'the customer is the one in the request URL'),
  omitAs(addressTable, ['created_at', 'updated_at', 'deleted_at'], 'set by Medusa v2 when the address is saved'),
];

const customerBody = CUSTOMER_KEYS.map((k) => send(k));
const addressBody = [...ADDRESS_KEYS.filter((k) => k !== 'country_code').map((k) => send(k)), lowerCountry];

export const medusaV2 = definePlatform({
  id: 'medusa-v2',
  label: 'Medusa v2',
  source: 'Admin API customer with `addresses` and `groups` (`GET /admin/customers/{id}?fields=*addresses,*groups`, Medusa 2.x Customer Module)',
  record: MedusaV2Customer,
  residue: { customer: ['metadata'], item: { list: 'addresses', bag: ['platformData', 'medusa-v2', 'metadata'] } },
  customer: customerTable,
  tables,
  payloads: [
    {
      name: 'list (`GET /admin/customers`: `{customers, count, offset, limit}`)',
      schema: MedusaV2ListResponse,
      matches: (p) => Array.isArray(p.customers),
      records: (p: { customers: unknown[] }) => p.customers,
    },
    {
      name: 'customer (`GET /admin/customers/{id}`; create, update and the address routes answer it too)',
      schema: MedusaV2SingleResponse,
      matches: (p) => isPlainObject(p.customer),
      records: (p: { customer: unknown }) => [p.customer],
    },
  ],
  errorBody: {
    name: '`{code?, type, message}` (only these keys, as in v1): `type` and `message`',
    schema: MedusaV2ErrorBody,
    messages: (b: MedusaV2ErrorBody) => [`${b.type}: ${b.message}`],
  },
  requests: {
    create: {
      calls: [
        {
          method: 'POST',
          path: CUSTOMERS,
          schema: MedusaV2CustomerRequest,
          body: [...customerBody, ...customerLeftOut(omitAs(customerTable, 'id', 'Medusa v2 assigns customer ids'))],
        },
        {
          method: 'POST',
          path: ADDRESSES,
          each: 'addresses',
          schema: MedusaV2AddressRequest,
          body: [...addressBody, ...addressLeftOut(omitAs(addressTable, 'id', 'Medusa v2 assigns address ids'))],
        },
      ],
      note:
        'calls in order: `POST /admin/customers` `{email, company_name, first_name, last_name, phone, metadata}`, then `POST /admin/customers/{id}/addresses` for each address ' +
        '(`{id}`: the id in the first response\'s `customer`); strict bodies, the e-mail checked by Medusa v2\'s rule, `is_default_*` sent only as booleans, `country_code` in lower case',
    },
    update: {
      calls: [
        {
          method: 'POST',
          path: `${CUSTOMERS}/{id}`,
          schema: MedusaV2CustomerRequest,
          body: [...customerBody, ...customerLeftOut(inUrl(customerTable, 'id', 'POST /admin/customers/{id}'))],
        },
        {
          method: 'POST',
          // An address with an id is updated on its own route; one without is created.
          path: (address) => (typeof address.id === 'string' ? `${ADDRESSES}/${encodeURIComponent(address.id)}` : ADDRESSES),
          each: 'addresses',
          schema: MedusaV2AddressRequest,
          body: [...addressBody, ...addressLeftOut(inUrl(addressTable, 'id', 'POST /admin/customers/{id}/addresses/{address_id}'))],
        },
      ],
      note:
        'calls in order: `POST /admin/customers/{id}`, then for each address `POST /admin/customers/{id}/addresses/{address_id}` (its id filled in) or, without an id, `POST /admin/customers/{id}/addresses`; ' +
        'the same strict bodies as create',
    },
  },
  decisions: [
    'The record is the `customer` of `GET /admin/customers/{id}?fields=*addresses,*groups` (Medusa 2.x, platforms.md §2 corrected by medusa-v2-updates.md): `addresses` each with `is_default_billing`/`is_default_shipping`, `groups`, `metadata`, `has_account`, `created_by`, timestamps; every key optional (`fields` chooses them), the nullable columns `nullish`. `default_billing_address_id`/`default_shipping_address_id` (HTTP types only, not model columns) are not documented keys.',
    '`email` may be null (v2 allows it) and keeps its case. Records are read with the library\'s lenient e-mail rule; request bodies apply Medusa v2\'s own validator rule (zod 4 `z.string().email()`: ASCII only, so an IDN domain only as punycode, no quoted local part, a letter TLD): a record whose e-mail it refuses gets no request (`ConversionError`, `invalid_email` at `[0, "body", "email"]`) instead of a 400 from the API.',
    'Addresses: `is_default_billing`/`is_default_shipping` are booleans, never null (a canonical null is not written); Medusa v2 allows one default of each kind per customer, so a second canonical default billing (shipping) address is written without the flag and reported `not_representable`.',
    '`address_name` is the canonical address `label`; customer `company_name` is the canonical `companyName`, address `company` its `organization`.',
    `\`address_1\`/\`address_2\` are lines[0]/lines[1]. ${STREET_LINES} All columns are Postgres \`text\` with no length checks, so none are checked.`,
    `Address \`phone\` and the customer's \`phone\`: ${PHONES} With \`phones: 'e164'\` an address phone is read in the address's \`country_code\`; the customer's in the customer's country (the default billing address's, else the first address's).`,
    '`country_code` is ISO alpha-2 in any letter case (no country table in v2); written in lower case, as the docs write it and the cart compares it case-sensitively (medusa#11515); request bodies always send it in lower case (a record\'s other case is reported `value_changed`).',
    '`province` is free text, read and written as for Medusa v1 (a known subdivision as its name; other text as written, reported `not_normalised`).',
    'Groups are linked by id only (group names stopped being unique in 2.11): a canonical group without a Medusa v2 id is reported `unreferenceable`. No customer body takes group links: request losses name them, with the link route.',
    'Requests: the customer body and the address bodies go to different routes, so `toRequest` answers the calls a client sends in order, `[{method, path, body}]`: the customer, then one call per address. `{id}` in a path is the customer\'s id, which the client fills in (for create, from the first call\'s response). `has_account`, `created_by`, timestamps and group links are accepted by no admin route and reported by `requestLosses`. A `medusa exec` script or custom workflow (`createCustomersWorkflow`) can set `has_account` and nested addresses in one call; the HTTP API cannot.',
    'Credentials: Medusa v2 keeps no password on the customer; its Auth module (`emailpass`) stores scrypt hashes in `provider_identity.provider_metadata`, which no admin route writes and which cannot verify a Magento hash. A canonical password hash is reported `not_migratable` and never travels in metadata: the customer resets the password (send a reset e-mail after the import), or the shop installs a custom auth provider that verifies the old hash at first login and then stores a new one (the "gradual migration" pattern).',
    'Residue: as in Medusa v1, values a v2 record has no field for travel in `metadata.customer_codecs` (customer) and in each address\'s `metadata` (address values), so Magento → Medusa v2 → Magento and Medusa v1 → Medusa v2 → Medusa v1 return the record exactly. A Medusa v1 record\'s own residue is restored when it is read, and the v2 record gets one residue of everything (never a residue inside a residue).',
    'Medusa v1 → v2: v1 `shipping_addresses` become v2 addresses in order; a `billing_address` that is the same row as an address-book entry sets that address\'s `is_default_billing`; a billing address of its own (v1 keeps a separate copy, `customer_id` null) becomes one more v2 address with `is_default_billing: true`. It is not merged with an equal-looking book entry: two rows that only look alike may differ in what each carries (ids, metadata), and merging would lose one; the v1 copy\'s own fields travel in its v2 metadata. v1 has no default shipping address, so no v2 address gets `is_default_shipping`.',
  ],
});
