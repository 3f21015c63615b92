import type { RequestOptions } from '../../core/platform.js';
import { definePlatform } from '../../core/platform.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { isPlainObject } from '../../core/path.js';
import { customerTable, tables } from './mapping.js';
import { V4CreateRequest, V4Customer, V4ErrorBody, V4List, V4Options, V4Single, V4UpdateRequest, type V4Address } from './schema.js';

type Body = Record<string, unknown>;

const put = (body: Body, key: string, value: unknown): void => {
  if (value !== undefined && value !== null) body[key] = value;
};

const intId = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const idIn = (v: unknown): number | undefined => (isPlainObject(v) ? intId(v.id) : undefined);

/** The address whose fields go to the body: type PRIMARY, else the active billing address, else the first. */
function primaryAddress(record: V4Customer): V4Address | undefined {
  const list = record.addresses ?? [];
  return (
    list.find((a) => a.type === 'PRIMARY') ??
    list.find((a) => a.id != null && a.id === record.active_billing_address) ??
    list[0]
  );
}

/** The inner `customer` object of create and update bodies. */
function customerBody(record: V4Customer, { password }: RequestOptions): Body {
  const body: Body = {};
  put(body, 'first_name', record.first_name);
  put(body, 'last_name', record.last_name);
  put(body, 'email', record.email);
  put(body, 'gender', record.sex);
  put(body, 'company_name', record.company_name);
  put(body, 'is_company', record.company);
  const address = primaryAddress(record);
  if (address) {
    put(body, 'address_line', address.address_line_1);
    put(body, 'city', address.city);
    put(body, 'post_code', address.post_code);
    put(body, 'country', idIn(address.country));
    put(body, 'state', idIn(address.state));
    put(body, 'mobile', address.mobile);
    put(body, 'phone', address.phone);
  }
  put(body, 'abn', record.abn);
  put(body, 'abn_branch', record.abn_branch);
  put(body, 'shipping_profile', idIn(record.shipping_profile));
  if (typeof record.newsletter?.subscribed === 'boolean') body.newsletter = { subscribed: record.newsletter.subscribed };
  put(body, 'password', password);
  put(body, 'hide_price', record.hide_price);
  put(body, 'transaction_number', record.transaction_number);
  if (record.parent === null) body.parent = null;
  else put(body, 'parent', typeof record.parent === 'number' ? record.parent : idIn(record.parent));
  return body;
}

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
      build: (record: V4Customer, options) => ({ customer: customerBody(record, options) }),
      acceptsPassword: true,
      note:
        '`POST /admin/customers` `{customer}`: `gender` from `sex`, `is_company` from `company`; street line 1, city, post code, ' +
        'country/state ids and phones from the primary address (type PRIMARY, else the active billing address, else the first); ' +
        'ids, timestamps, referral and credit fields are left out; nulls are left out (except `parent`)',
    },
    update: {
      schema: V4UpdateRequest,
      build: (record: V4Customer, options) => {
        const body: Body = { customer: customerBody(record, options) };
        put(body, 'store_credit', amount(record.store_credit));
        put(body, 'credit_limit', amount(record.credit_limit));
        put(body, 'customer_password_expired', record.customer_password_expired);
        put(body, 'allow_credit_limit', record.allow_credit_limit);
        return body;
      },
      acceptsPassword: true,
      note: '`PUT /admin/customers/{id}` `{customer, store_credit?, credit_limit?, customer_password_expired?, allow_credit_limit?}`: the same `customer` keys as create; credit settings beside it, amounts as strings',
    },
  },
  decisions: [
    'Records are the `customer` object of `GET /admin/customers/{id}` with its `addresses[]`; only `email` is required (customers are keyed by email). Every other field, server fields included, is optional, and text fields accept `null`.',
    'Ids are integers (the docs say so; the PUT example quotes placeholders). `store_credit`, `credit_limit` and `version` accept a number or a string.',
    '`parent` is read both as `{id, name}` (docs example) and as an integer (SDK); it travels as v4 data.',
    '`sex` (request `gender`): the values are undocumented; decided set: exactly "MALE" <-> male and "FEMALE" <-> female (the docs\' example spelling, case-sensitive). Any other string ("OTHER", "male", "") travels as v4 data and is reported `platform_data` when converting, never guessed; canonical not_specified has no v4 value and is reported lost.',
    '`created_at` (format not verified; the docs print `2024-07-04 12:30:00`): ISO 8601 with a zone is the instant as written. Without a zone it is read in the customer\'s `timezone` when that is an IANA zone name: the same wall clock with the zone\'s offset (`2024-07-04T12:30:00+10:00` in Australia/Sydney), the original text coming back to v4. Without a usable zone (none, unknown, an offset), or at a wall clock a daylight-saving change skips or repeats, it travels unchanged as v4 data: an instant is never guessed.',
    `Address \`mobile\`, \`phone\` and \`fax\` are read in the address's \`country.code\`: ${PHONES}`,
    '`newsletter: {subscribed}` is not in the documented response but is accepted in records so that it reaches request bodies; `subscribed` <-> newsletterSubscribed.',
    `\`address_line_1\` / \`address_line_2\` are the street lines (seed spelling); a null line stays v4 data. ${STREET_LINES} The docs state no field lengths, so none are checked.`,
    'Credentials: a v4 record has no credential field, so a password or hash key is refused with an issue; a canonical password hash is reported `not_migratable`; a plain-text password exists only in create/update bodies (`toRequest` option).',
    'Address `country` is read by its `code` in any ISO 3166-1 form (alpha-2, alpha-3, numeric; any case), else by an English `name` or alias (an unknown code, or an unknown name without a code, is `invalid_country`), else by `id` through `platformOptions.v4.countries`. It is written as `{code, name}` (alpha-2, English name); a name other than that one stays v4 data. `state` `{code, name}` is the administrative area, normalised to the ISO 3166-2 subdivision when it names one.',
    'Country and state ids are install-specific with no public table: `platformOptions.v4.countries` (`[{id, code, name?}]`) and `.states` (`[{id, country, code?, name?}]`) fill them when converting; without an entry the id is left out and reported `unreferenceable`. A record returning to v4 keeps its own members and ids.',
    '`active_billing_address` / `active_shipping_address` are address ids: a value naming an address of the record becomes that address\'s defaultBilling / defaultShipping flag; null or dangling ids travel as v4 data. On encode, the first flagged address must have a v4 id (else the flag is reported `unreferenceable`); a "not default" (false) flag has no v4 form and is reported lost.',
    'Canonical customer-level phone and mobile have no place in a v4 record (only addresses carry phones) and are reported lost.',
    'Request bodies: ids are sent as integers (POST docs; the PUT example shows names and quoted ids). Address fields of the body come from the primary address (type PRIMARY, else the active billing address, else the first); `country` / `state` are sent only when that address carries their ids. Null record values are left out of bodies (the docs type no key as nullable), except `parent: null` as in the create example.',
    'Update bodies carry `store_credit` / `credit_limit` as strings (the docs\' example quotes them; a number is written with `String()`), beside `customer` with `customer_password_expired` and `allow_credit_limit`.',
  ],
});
