import { isPlainObject } from '../../core/path.js';
import { definePlatform } from '../../core/platform.js';
import { inUrl, object, omitAs, send, type Part } from '../../core/requests.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { customerTable, tables } from './mapping.js';
import {
  ADDRESS_WRITE_KEYS,
  CUSTOMER_WRITE_KEYS,
  EnterpriseCollection,
  EnterpriseCustomer,
  EnterpriseErrorBody,
  EnterpriseRequest,
  EnterpriseSingle,
} from './schema.js';

type Resource = { attributes: Record<string, unknown> };

/** `region` and `country` are sent as `{code, name}`. */
const lookup = (key: string): Part => object(key, [send('code'), send('name')]);

/** An address as a request takes it: only the documented keys. */
const address: Part[] = ADDRESS_WRITE_KEYS.map((k) => (k === 'region' || k === 'country' ? lookup(k) : send(k)));

/** The flat body POST and PUT share; an object `billing_address` is not permitted, so only `null` is sent. `id`: the customer's id. */
const body = (id: Part): Part[] => [
  ...CUSTOMER_WRITE_KEYS.map((k) =>
    k === 'billing_address'
      ? send(k, {
          as: (v) => (v === null ? null : undefined),
          lost: { code: 'not_representable', why: 'the request permits `billing_address` only as a scalar: an object cannot be sent, only `null` (remove)' },
        })
      : k === 'shipping_address'
        ? object(k, address)
        : send(k),
  ),
  id,
  omitAs(customerTable, ['allow_charges', 'balance'], 'computed by Open Food Network'),
  omitAs(customerTable, 'terms_and_conditions_accepted_at', 'set by Open Food Network when the customer accepts the terms'),
];

const requestNote =
  'flat object (not JSON:API) with the permitted keys only; `id`, `allow_charges`, `balance` and `terms_and_conditions_accepted_at` are server-side and left out; ' +
  '`billing_address` is permitted only as a scalar, so an object billing address is left out and only `null` (remove) is sent';

export const enterpriseV1 = definePlatform({
  id: 'enterprise-v1',
  label: 'Open Food Network API v1',
  source: 'JSON:API customer `data.attributes` (`GET /api/v1/customers/{id}`), address objects from `Api::V1::AddressSerializer`',
  record: EnterpriseCustomer,
  shopValues: [{ key: 'enterprise_id', note: 'the Open Food Network shop (enterprise) the customer belongs to (required in records)', example: 42 }],
  customer: customerTable,
  tables,
  payloads: [
    {
      name: 'collection (`GET /api/v1/customers`, `GET /api/v1/enterprises/{id}/customers`)',
      schema: EnterpriseCollection,
      matches: (p) => Array.isArray(p.data),
      records: (p: { data: Resource[] }) => p.data.map((r) => r.attributes),
    },
    {
      name: 'single customer (`GET /api/v1/customers/{id}`, also the POST/PUT/DELETE response)',
      schema: EnterpriseSingle,
      matches: (p) => isPlainObject(p.data),
      records: (p: { data: Resource }) => [p.data.attributes],
    },
  ],
  errorBody: {
    name: 'JSON:API `{errors: [{detail, …}], meta?, jsonapi?, links?}` (only these keys, no `data`): each `errors[].detail`, then the strings of `meta.validation_errors`',
    schema: EnterpriseErrorBody,
    messages: (b: EnterpriseErrorBody) => {
      const more = b.meta?.validation_errors;
      return [...b.errors.map((e) => e.detail), ...(Array.isArray(more) ? more.filter((m): m is string => typeof m === 'string') : [])];
    },
  },
  requests: {
    create: {
      schema: EnterpriseRequest,
      body: body(omitAs(customerTable, 'id', 'Open Food Network assigns customer ids')),
      note: `\`POST /api/v1/customers\` (creates, or updates the customer with the same email and enterprise): ${requestNote}`,
    },
    update: {
      schema: EnterpriseRequest,
      body: body(inUrl(customerTable, 'id', 'PUT /api/v1/customers/{id}')),
      note: `\`PUT /api/v1/customers/{id}\` (id in the path): ${requestNote}`,
    },
  },
  decisions: [
    'Records are the `data.attributes` of a JSON:API customer resource; `id` (integer) maps to ids["enterprise-v1"] and is server-assigned.',
    '`enterprise_id` (integer) and `email` are required in records: pass `defaults: { enterprise_id }` when converting to enterprise-v1.',
    '`first_name`/`last_name` are nullable strings (the schema says nullable; the DB default is "", so unset names read as "" and are kept verbatim).',
    '`code` <-> canonical `reference` and `tags` <-> canonical `tags`; `allow_charges` and `balance` travel as read-only data, `terms_and_conditions_accepted_at` as server-assigned data.',
    'Address `phone`, `first_name`, `last_name`, `street_address_1`, `postal_code`, `locality` and `country` are required (customer addresses always get company "unused", so names are required); `latitude`/`longitude` travel as platform data.',
    `Street lines: \`street_address_1\`/\`street_address_2\` <-> lines[0]/lines[1]; a null line stays platform data, so it comes back exactly. ${STREET_LINES}`,
    'The required address fields are checked on every record read or written: encoding an address that lacks one is an issue at that field of the target record (e.g. `shipping_address.phone`), never an invented value. No lengths are documented, so none are checked.',
    'Credentials: Open Food Network has no credential field, so a record with a password or hash key is refused with an issue; a canonical password hash is reported `not_migratable`; requests take no password.',
    `Address \`phone\`: ${PHONES} With \`phones: 'e164'\` it is read in the address's \`country.code\`.`,
    '`terms_and_conditions_accepted_at` (ISO 8601 with the shop\'s offset, e.g. `+11:00`) has no canonical concept: it travels verbatim as Open Food Network data, so its offset comes back exactly. It is server-assigned (Open Food Network stamps it when the customer accepts the terms at checkout; no request may set it), so it is reported `server_assigned` elsewhere and left out of request bodies with the same code.',
    'Region `{code, name}` <-> administrativeArea: a Spree abbreviation (`Vic`, `Qld`), ISO code, name or alias of a subdivision of the address\'s country (any case) becomes its ISO code and name, and is written with both (Spree matches either member case-insensitively); other text stays as written and is reported `not_normalised` when converted. The record\'s own spelling comes back only to Open Food Network.',
    'Country `{code, name}`: read by `code` in any ISO 3166-1 form, or by an English `name` or alias when there is no code (one of the two is required; an unknown one is `invalid_country`); written as the alpha-2 code and the English name. A name other than that one stays platform data.',
    'Billing and shipping are two slots, not an address book: identical slots decode to one address flagged defaultBilling and defaultShipping, otherwise billing (defaultBilling) then shipping (defaultShipping); a null slot is kept as null.',
    'Encoding fills each slot with the first address carrying its flag (one address may fill both); unflagged addresses are reported lost, and so is an address order or a pair of identical addresses that would read back differently.',
    'A customer with addresses none of which is designated default billing or shipping (a Magento address book without defaults, WebCommander addresses typed `PRIMARY`) would arrive with no address at all: the first address fills both slots instead, reported `derived` at that address; the other addresses are reported lost. An address designated one way only fills that slot only.',
    'Read payloads: single `{data, included?, meta?, links?}` and collection `{data[], meta.pagination, links}`; records are each resource\'s `attributes`.',
    'Requests are flat and strict: only `email, enterprise_id, code, first_name, last_name, tags, billing_address, shipping_address`; create and update share the body; no password.',
    '`billing_address` is permitted only as a scalar (inferred from the controller code, not verified by running): an object billing address is left out of request bodies and only `null` is sent.',
  ],
});
