import { definePlatform } from '../../core/platform.js';
import { combine, inUrl, nest, object, omit, omitAs, option, pick, send, type Part } from '../../core/requests.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { isPlainObject } from '../../core/path.js';
import { addressTable, customerTable, tables } from './mapping.js';
import { V4CreateRequest, V4Customer, V4ErrorBody, V4List, V4Options, V4Single, V4UpdateRequest } from './schema.js';

type Level = Record<string, unknown>;

/** The docs type no body key as nullable: a null record value is left out. */
const nonNull = (v: unknown): unknown => (v === null ? undefined : v);
const put = (key: string, from?: string): Part => send(key, { ...(from ? { from } : {}), as: nonNull });

const intId = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const idIn = (v: unknown): number | undefined => (isPlainObject(v) ? intId(v.id) : undefined);
const noId = (what: string): { code: 'unreferenceable'; why: string } => ({
  code: 'unreferenceable',
  why: `the body refers to ${what} by WebCommander id, and this one has none`,
});

/** Which address the body takes, in words (docs and loss messages). */
const CHOICE = 'type PRIMARY, else the active billing address, else the first of type BILLING, else the first';

/**
 * The address whose fields go to the body (it becomes the customer's PRIMARY address, which the docs'
 * example shows as the active billing address): type PRIMARY, else the address `active_billing_address`
 * names, else the first of type BILLING (a converted default billing address without a v4 id), else the first.
 */
function primaryAddress(items: readonly unknown[], record: Level): number | undefined {
  const list = items as Level[];
  const i = list.findIndex((a) => a.type === 'PRIMARY');
  if (i >= 0) return i;
  const active = list.findIndex((a) => a.id != null && a.id === record.active_billing_address);
  if (active >= 0) return active;
  const billing = list.findIndex((a) => a.type === 'BILLING');
  if (billing >= 0) return billing;
  return list.length > 0 ? 0 : undefined;
}

const line = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The body's one street line: both lines of the address, joined with ", " when both are there. */
const streetLine = combine(
  'address_line',
  ['address_line_1', 'address_line_2'],
  ([first, second]) => {
    const lines = [first, second].filter(line);
    return lines.length > 0 ? lines.join(', ') : nonNull(first);
  },
  {
    at: ([first, second]) => (line(second) ? (line(first) ? [0, 1] : [1]) : []),
    why: 'the body holds one street line: both lines are sent in it, joined with ", "',
  },
);

/** The customer's own value: the body's address takes it (decided, not verified), so an equal one is not lost. */
const sameAsCustomer = (value: unknown, _address: Level, record: Level, key: string): boolean => value === record[key];

/** The primary address's keys, written at the customer level of the body. */
const primary: Part[] = [
  streetLine,
  put('city'),
  put('post_code'),
  send('country', { as: idIn, lost: noId('countries') }),
  send('state', { as: idIn, lost: noId('states') }),
  put('mobile'),
  put('phone'),
  omitAs(addressTable, 'id', 'WebCommander assigns address ids'),
  omit('type', 'not_representable', "the body's address becomes the PRIMARY address", (type) => type === 'PRIMARY'),
  omit(
    ['first_name', 'last_name', 'email', 'company_name'],
    'not_representable',
    "the body's address takes the customer's names, email and company: the address's own differ",
    sameAsCustomer,
  ),
  omit('fax', 'not_representable', 'the body has no fax'),
];

const CREDIT = ['store_credit', 'credit_limit', 'customer_password_expired', 'allow_credit_limit'];

/** The inner `customer` object of create and update bodies; `id`: the customer's id (assigned by WebCommander; an update takes it in its URL). */
const customer = (id: Part): Part[] => [
  put('first_name'),
  put('last_name'),
  put('email'),
  put('gender', 'sex'),
  put('company_name'),
  put('is_company', 'company'),
  pick('addresses', (items, record) => primaryAddress(items, record), primary),
  put('abn'),
  put('abn_branch'),
  send('shipping_profile', { as: idIn, lost: noId('shipping profiles') }),
  object('newsletter', [send('subscribed', { as: (v) => (typeof v === 'boolean' ? v : undefined) })], { dropEmpty: true }),
  option('password'),
  put('hide_price'),
  put('transaction_number'),
  send('parent', { as: (v) => (v === null ? null : typeof v === 'number' ? v : idIn(v)), lost: noId('parent customers') }),
  omit(
    'addresses',
    'not_representable',
    `the body holds one address (${CHOICE}): add the others with \`POST /admin/customers/{id}/addresses\``,
  ),
  id,
  omitAs(customerTable, ['display_id', 'version', 'created_at'], 'set by WebCommander when the customer is saved'),
  omitAs(customerTable, 'referral_code', 'WebCommander issues referral codes'),
  omitAs(customerTable, 'count_referral_code_used', 'WebCommander counts the use of referral codes'),
  omitAs(customerTable, ['active_billing_address', 'active_shipping_address'], 'address ids WebCommander assigns'),
  omit('status', 'not_representable', 'the documented body has no `status` (whether v4 accepts one is not verified)'),
  omitAs(customerTable, 'is_in_trash', 'the trash flag is not written through the body'),
  omitAs(customerTable, ['used_referral_code', 'source', 'base_url'], 'the body has no such key: WebCommander records it'),
  omit(['timezone', 'how_do_you_know', 'default_tax_code', 'background_image', 'profile_picture'], 'not_representable', 'the body has no such key'),
];

const amount = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined;

export const v4 = definePlatform({
  id: 'v4',
  label: 'WebCommander API v4',
  source: 'admin API v4 `customer` object (`GET /api/v4/admin/customers/{id}`): the PUT page\'s response example and the official Python SDK DTOs',
  record: V4Customer,
  options: V4Options,
  customer: customerTable,
  tables,
  payloads: [
    {
      name: 'customer list (`GET /admin/customers`: `{customers, pagination}`)',
      schema: V4List,
      matches: (p) => Array.isArray(p.customers),
      records: (p: { customers: unknown[] }) => p.customers,
    },
    {
      name: 'single customer (`GET`/`PUT /admin/customers/{id}`: `{customer}`)',
      schema: V4Single,
      matches: (p) => Object.prototype.hasOwnProperty.call(p, 'customer'),
      records: (p: { customer: unknown }) => [p.customer],
    },
  ],
  errorBody: {
    name:
      '`{errors: [{message, …}], status?, message?, error?}`, or `{status, message, error?}` with a failure `status` (400-599, or `error`/`fail`/`failed`/`failure`), only these keys (not verified): `message` and each `errors[].message`',
    schema: V4ErrorBody,
    messages: (b: V4ErrorBody) => [...(b.message === undefined ? [] : [b.message]), ...('errors' in b ? b.errors.map((e) => e.message) : [])],
  },
  requests: {
    create: {
      schema: V4CreateRequest,
      body: [
        nest('customer', customer(omitAs(customerTable, 'id', 'set by WebCommander when the customer is saved'))),
        omit(CREDIT, 'not_representable', 'a create request takes no credit settings: send them with an update request'),
      ],
      note:
        '`POST /admin/customers` `{customer}`: `gender` from `sex`, `is_company` from `company`; the street (both lines joined with ", "), city, post code, ' +
        `country/state ids and phones from one address (${CHOICE}); ` +
        'ids, timestamps, referral and credit fields are left out; nulls are left out (except `parent`)',
    },
    update: {
      schema: V4UpdateRequest,
      body: [
        nest('customer', customer(inUrl(customerTable, 'id', 'PUT /admin/customers/{id}'))),
        send('store_credit', { as: amount }),
        send('credit_limit', { as: amount }),
        put('customer_password_expired'),
        put('allow_credit_limit'),
      ],
      note: '`PUT /admin/customers/{id}` `{customer, store_credit?, credit_limit?, customer_password_expired?, allow_credit_limit?}`: the same `customer` keys as create; credit settings beside it, amounts as strings; the id goes in the URL, not the body',
    },
  },
  decisions: [
    'Records are the `customer` object of `GET /admin/customers/{id}` with its `addresses[]`; only `email` is required (customers are keyed by email). Every other field, server fields included, is optional, and text fields accept `null`.',
    'Ids are integers (the docs say so; the PUT example quotes placeholders). `store_credit`, `credit_limit` and `version` accept a number or a string.',
    '`parent` is read both as `{id, name}` (docs example) and as an integer (SDK); it travels as v4 data.',
    '`sex` (request `gender`): the values are undocumented; decided set: exactly "MALE" <-> male and "FEMALE" <-> female (the docs\' example spelling, case-sensitive). Any other string ("OTHER", "male", "") travels as v4 data and is reported `platform_data` when converting, never guessed; canonical not_specified has no v4 value and is reported lost.',
    '`created_at` (format not verified; the docs print `2024-07-04 12:30:00`): ISO 8601 with a zone is the instant as written. Without a zone it is read in the customer\'s `timezone` when that is an IANA zone name: the same wall clock with the zone\'s offset (`2024-07-04T12:30:00+10:00` in Australia/Sydney), the original text coming back to v4. Without a usable zone (none, unknown, an offset), or at a wall clock a daylight-saving change skips or repeats, it travels unchanged as v4 data: an instant is never guessed.',
    `Address \`mobile\`, \`phone\` and \`fax\`: ${PHONES} With \`phones: 'e164'\` they are read in the address's \`country.code\`.`,
    '`newsletter: {subscribed}` is not in the documented response but is accepted in records so that it reaches request bodies; `subscribed` <-> newsletterSubscribed.',
    `\`address_line_1\` / \`address_line_2\` are the street lines (seed spelling); a null line stays v4 data. ${STREET_LINES} The docs state no field lengths, so none are checked.`,
    'Credentials: a v4 record has no credential field, so a password or hash key is refused with an issue; a canonical password hash is reported `not_migratable`; a plain-text password exists only in create/update bodies (`toRequest` option).',
    'Address `country` is read by its `code` in any ISO 3166-1 form (alpha-2, alpha-3, numeric; any case), else by an English `name` or alias (an unknown code, or an unknown name without a code, is `invalid_country`), else by `id` through `platformOptions.v4.countries`. It is written as `{code, name}` (alpha-2, English name); a name other than that one stays v4 data. `state` `{code, name}` is the administrative area, normalised to the ISO 3166-2 subdivision when it names one.',
    'Country and state ids are install-specific with no public table: `platformOptions.v4.countries` (`[{id, code, name?}]`) and `.states` (`[{id, country, code?, name?}]`) fill them when converting; without an entry the id is left out and reported `unreferenceable`. A record returning to v4 keeps its own members and ids.',
    '`active_billing_address` / `active_shipping_address` are address ids: a value naming an address of the record becomes that address\'s defaultBilling / defaultShipping flag; null or dangling ids travel as v4 data. On encode, the first flagged address must have a v4 id (else the flag is reported `unreferenceable`); a "not default" (false) flag has no v4 form and is reported lost.',
    'Canonical customer-level phone and mobile have no place in a v4 record (only addresses carry phones) and are reported lost.',
    'Request bodies: ids are sent as integers (POST docs; the PUT example shows names and quoted ids). Address fields of the body come from one address, which becomes the customer\'s PRIMARY address (the docs\' example shows it as the active billing address): type PRIMARY, else the active billing address, else the first of type BILLING (encoding writes that type on a default billing address without a v4 id), else the first; the other addresses are reported lost (the create body holds one address; the SDK adds more with `POST /admin/customers/{id}/addresses`, which `toRequest` does not build). `address_line` is one street line (\"Customer\'s street address\" in the docs): both record lines are sent in it, joined with ", " (reported `value_changed`), so a street number on line 2 is not dropped. The address\'s own names, email and company are not in the body: decided, not verified, that WebCommander gives the new address the customer\'s, so only values that differ are reported. `country` / `state` are sent only when that address carries their ids (otherwise reported `unreferenceable`). Null record values are left out of bodies (the docs type no key as nullable), except `parent: null` as in the create example.',
    'Update bodies carry `store_credit` / `credit_limit` as strings (the docs\' example quotes them; a number is written with `String()`), beside `customer` with `customer_password_expired` and `allow_credit_limit`.',
  ],
});
