import { isPlainObject } from '../../core/path.js';
import { definePlatform } from '../../core/platform.js';
import { inUrl, omit, omitAs, option, send, type Part } from '../../core/requests.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { customerTable, tables } from './mapping.js';
import {
  CREATE_KEYS,
  MedusaCreateRequest,
  MedusaCustomer,
  MedusaErrorBody,
  MedusaListResponse,
  MedusaSingleResponse,
  MedusaUpdateRequest,
  UPDATE_KEYS,
} from './schema.js';

/** A value as the request bodies type it: a non-null string (a phone read as a number is sent as its digits). */
const text = (v: unknown): unknown => (v === null ? undefined : typeof v === 'number' ? String(v) : v);

/** What neither body takes; `id` is the customer's id (Medusa assigns it; an update takes it in its URL). */
const leftOut = (id: Part): Part[] => [
  id,
  omitAs(customerTable, 'billing_address_id', 'Medusa assigns address ids'),
  omitAs(customerTable, ['created_at', 'updated_at', 'deleted_at'], 'set by Medusa when the customer is saved'),
  omitAs(customerTable, 'has_account', 'set by Medusa when the customer registers'),
  omitAs(customerTable, 'orders', 'orders are not written through the customer'),
  omit(['billing_address', 'shipping_addresses'], 'not_representable', "Medusa v1's admin API cannot write addresses (only the Store API can)"),
];

export const medusa = definePlatform({
  id: 'medusa',
  label: 'Medusa v1',
  source: 'Admin API `Customer` / `Address` / `CustomerGroup` (`GET /admin/customers/{id}`)',
  record: MedusaCustomer,
  residue: { customer: ['metadata'], item: { list: 'addresses', bag: ['platformData', 'medusa', 'metadata'] } },
  customer: customerTable,
  tables,
  payloads: [
    {
      name: 'list (`GET /admin/customers`)',
      schema: MedusaListResponse,
      matches: (p) => Array.isArray(p.customers),
      records: (p: { customers: unknown[] }) => p.customers,
    },
    {
      name: 'customer (`GET /admin/customers/{id}`, create and update responses)',
      schema: MedusaSingleResponse,
      matches: (p) => isPlainObject(p.customer),
      records: (p: { customer: unknown }) => [p.customer],
    },
  ],
  errorBody: {
    name: '`{code?, type, message}` (only these keys): `type` and `message`',
    schema: MedusaErrorBody,
    messages: (b: MedusaErrorBody) => [`${b.type}: ${b.message}`],
  },
  requests: {
    create: {
      schema: MedusaCreateRequest,
      body: [
        ...CREATE_KEYS.map((k) => send(k, { as: text })),
        option('password'),
        omit('groups', 'not_representable', 'a create request takes no groups: send them with an update request'),
        ...leftOut(omitAs(customerTable, 'id', 'Medusa assigns customer ids')),
      ],
      note: '`POST /admin/customers` flat `{email, first_name, last_name, password, phone?, metadata?}`: the password is required; addresses, groups and server fields cannot be sent',
    },
    update: {
      schema: MedusaUpdateRequest,
      body: [
        ...UPDATE_KEYS.map((k) =>
          k === 'email'
            ? // Medusa rejects any `email` in the body once the customer has an account.
              send(k, {
                as: text,
                when: (record) => record.has_account !== true,
                lost: { code: 'read_only', why: 'Medusa refuses an email change once the customer has an account (`has_account`)' },
              })
            : send(k, { as: text }),
        ),
        // Groups are referred to by id: the rest of a group is the group's own record.
        send('groups', { as: (groups) => (Array.isArray(groups) ? groups.map((g) => ({ id: isPlainObject(g) ? g.id : g })) : undefined) }),
        option('password'),
        ...leftOut(inUrl(customerTable, 'id', 'POST /admin/customers/{id}')),
      ],
      note: '`POST /admin/customers/{id}`: `groups` as `[{id}]` replaces the membership; `email` is left out when `has_account` is true; addresses are not writable through the admin API; the id goes in the URL, not the body',
    },
  },
  decisions: [
    'The record is the `customer` object of `GET /admin/customers/{id}`, with `billing_address`, `shipping_addresses` and `groups` when expanded; `orders` (expanded) travels as Medusa read-only data.',
    '`email` is required; `first_name`, `last_name` and `phone` may be null or absent; `id`, `has_account`, timestamps and `billing_address_id` are optional (server-assigned). Timestamps must be ISO 8601 with a zone.',
    '`phone` and `postal_code` are typed string, but the OpenAPI example prints bare numbers (`72093`): a number is read as its digits, and written back as a number only when the record returns to Medusa; request bodies send the text.',
    `Address \`phone\` and the customer's \`phone\`: ${PHONES} With \`phones: 'e164'\` an address phone is read in the address's \`country_code\`; the customer's in the customer's country, decided when decoding from the record's own addresses: the default billing address's country (\`billing_address\`), else the first address's (when encoding, from the canonical addresses being written).`,
    'Timestamps are ISO 8601 instants with a zone and travel exactly as written (offset and fraction included); only a target that holds less (Magento: UTC whole seconds) reports the difference.',
    `\`address_1\`/\`address_2\` are lines[0]/lines[1]; null lines are kept so they come back exactly. ${STREET_LINES} No column lengths are documented for v1, so none are checked.`,
    'Credentials: Medusa never returns `password_hash`, so a record with a password or hash key is refused with an issue; a canonical password hash is reported `not_migratable`; a plain-text password exists only in create/update bodies (`toRequest` option).',
    'Address `country_code` is ISO alpha-2 in any letter case (a foreign key to `country.iso_2`, so alpha-3 is refused); written in lower case as Medusa stores it, another case comes back only to Medusa.',
    '`province` is free text, a name or a code: text naming an ISO 3166-2 subdivision of the address\'s country (code, name or alias; any case) reads as its code and name and is written as the name (the code is derivable, so never reported lost), or as the code when another subdivision has the same name (Spain\'s `Cantabria`); other text reads as the name as written, reported `not_normalised` when converted, and a code without a name is written as the text.',
    '`billing_address` deep-equal to an address-book entry (the same row) marks that entry defaultBilling; otherwise it becomes an extra canonical address with defaultBilling and a `$billingOnly` hint. Encoding writes a copy of the first defaultBilling address as `billing_address` and every address without the hint, in order, as `shipping_addresses` (left out when the record had no `shipping_addresses` key).',
    'A billing address merged into its book entry is an alias of it: a value a target drops from that entry is reported under `billing_address` too.',
    'Medusa v1 has no default shipping address: canonical defaultShipping is always reported lost.',
    'Canonical groups without a Medusa id are reported lost (`unreferenceable`): Medusa refers to groups only by id.',
    'Create requires a password (`acceptsPassword`), and non-null `first_name`/`last_name`; null optional values are left out of request bodies; update leaves `email` out when `has_account` is true (Medusa rejects an email change for registered customers).',
    'Addresses cannot be written through the v1 admin API (only the Store API), so request bodies never carry them.',
  ],
});
