import { custom, defineTable, field, keep, nestedList } from '../../core/mapping.js';
import type { EncodeScope } from '../../core/engine.js';
import { hasKey, isPlainObject } from '../../core/path.js';
import { noPasswordHash, normalisedField, objectMember, phoneField } from '../../core/steps.js';
import { twoStreetLines } from '../../core/street.js';
import { areaObject, countryObject, countryOfObject } from '../../core/geo/steps.js';
import { V4Address, V4Customer, V4State } from './schema.js';
import { SEX, countryIds, stateDirectory, v4Time } from './values.js';

const P = 'v4';

export const stateTable = defineTable('state', V4State, [
  field('code', ['code'], { note: 'normalised by the address `state` step: ISO 3166-2 code of a known subdivision' }),
  field('name', ['name'], { note: 'normalised by the address `state` step: ISO name of a known subdivision' }),
  keep('id', 'server_assigned', 'WebCommander state id (install-specific directory entry; one equal to `platformOptions.v4.states` is derivable and not kept)'),
]);

export const addressTable = defineTable('address', V4Address, [
  field('id', ['ids', P], { nonNull: true, loss: 'server_assigned', note: 'WebCommander address id' }),
  keep('type', 'platform_data', 'WebCommander address type (`PRIMARY`, `SHIPPING` or `BILLING`)'),
  field('first_name', ['recipient', 'given']),
  field('last_name', ['recipient', 'family']),
  field('email', ['email']),
  field('company_name', ['organization']),
  twoStreetLines('address_line_1', 'address_line_2', 'v4'),
  countryObject({
    key: 'country',
    platformLabel: 'v4',
    others: { id: 'WebCommander country id (install-specific directory entry)' },
    ids: countryIds,
    missingId: 'v4 refers to countries by install-specific id and no `platformOptions.v4.countries` entry gives this one',
  }),
  areaObject({
    key: 'state',
    table: stateTable,
    members: { code: 'code', name: 'name', id: 'id' },
    platformLabel: 'v4',
    country: (src, options) => countryOfObject(src.country, countryIds(options))?.country,
    directory: stateDirectory,
    missingId: 'v4 refers to states by install-specific id and no `platformOptions.v4.states` entry gives this one',
    note:
      '`{id, name, code}`: a known subdivision (code, name or alias, any case) -> its ISO code and name, written with both and the `id` from `platformOptions.v4.states`; ' +
      'unknown text kept as written; without a lookup entry the id is left out and reported `unreferenceable`',
  }),
  field('city', ['locality']),
  field('post_code', ['postalCode']),
  // After `country`: phones are read in their address's country.
  phoneField('mobile', ['mobile'], { countryFrom: 'address' }),
  phoneField('phone', ['phone'], { countryFrom: 'address' }),
  phoneField('fax', ['fax'], { countryFrom: 'address' }),
]);

/** `sex` MALE/FEMALE <-> gender; other strings stay v4 data; `not_specified` has no v4 value. */
const sex = custom({
  name: 'sex',
  keys: ['sex'],
  canonical: [['gender']],
  note: '`sex` exactly "MALE" <-> male, "FEMALE" <-> female (decided: the docs\' example spelling, case-sensitive; values undocumented); any other value stays v4 data and is reported when converting; not_specified has no v4 value',
  decode(s) {
    const v = s.src.sex;
    if (v === undefined) return;
    if (v === null) return s.set(['gender'], null, ['sex']);
    const gender = SEX.find(([raw]) => raw === v)?.[1];
    if (gender === undefined) return s.keep('sex', v, 'platform_data', 'value not recognised as MALE or FEMALE');
    s.set(['gender'], gender, ['sex']);
  },
  encode(s) {
    const g = s.peek(['gender']);
    if (g === undefined) return;
    if (g === null) {
      s.take(['gender']);
      return s.put('sex', null);
    }
    const raw = SEX.find(([, value]) => value === g)?.[0];
    if (raw === undefined) return s.lose(['gender'], 'not_representable', 'v4 `sex` has no documented value for "not specified"');
    s.take(['gender']);
    s.put('sex', raw);
  },
});

/** Request-only `newsletter: {subscribed}` (not in the documented response) <-> newsletterSubscribed. */
const newsletter = objectMember({ key: 'newsletter', member: 'subscribed', canonical: ['newsletterSubscribed'], platformLabel: 'v4', others: {} });

const DESIGNATIONS = [
  ['active_billing_address', 'defaultBilling', 'billing', 'BILLING'],
  ['active_shipping_address', 'defaultShipping', 'shipping', 'SHIPPING'],
] as const;

const idOf = (a: unknown): unknown => (isPlainObject(a) && isPlainObject(a.ids) ? a.ids[P] : undefined);

/** No v4 id: absent, or null (kept as v4 data). */
const noId = (a: unknown): boolean => isPlainObject(a) && (a.id === undefined || a.id === null);

/**
 * The address a `type` designates when no id does: the first one with no id typed BILLING
 * (SHIPPING). Decode reads it so; encode writes it so (`markType`).
 */
const typedIndex = (addresses: unknown, type: string): number =>
  Array.isArray(addresses) ? addresses.findIndex((a) => noId(a) && isPlainObject(a) && a.type === type) : -1;

/**
 * An address with no v4 id can still say what it is for: the default billing (shipping) address is
 * written with `type` BILLING (SHIPPING) when it has no type of its own, so that a request body can
 * choose it, and decoding reads it back. An address with a type of its own (`PRIMARY`) cannot say
 * it: its flag is reported `unreferenceable`.
 */
function markType(s: EncodeScope, i: number, type: string): void {
  const written = Array.isArray(s.out.addresses) ? s.out.addresses[i] : undefined;
  if (isPlainObject(written) && written.type === undefined) written.type = type;
}

function encodeDesignation(s: EncodeScope, key: string, flag: string, what: string, type: string): void {
  const addresses = s.peek(['addresses']);
  const list: unknown[] = Array.isArray(addresses) ? addresses : [];
  const flagOf = (a: unknown): unknown => (isPlainObject(a) ? a[flag] : undefined);
  const pd = s.platformData;
  let written: unknown;
  const first = list.findIndex((a) => flagOf(a) === true);
  if (hasKey(pd, key)) {
    written = pd[key]; // the platform-data merge writes it back
  } else {
    const id = first >= 0 ? idOf(list[first]) : undefined;
    if (id !== undefined) {
      written = id;
      s.put(key, id);
    }
  }
  // The address a decode of the written value designates: the first one with that id.
  const target = typeof written === 'number' ? list.findIndex((a) => idOf(a) === written) : -1;
  // No id designates one (none written, a null or dangling one kept): the type can.
  if (target < 0 && first >= 0 && idOf(list[first]) === undefined) markType(s, first, type);
  // Without one, the address whose written `type` designates it.
  const typed = target < 0 ? typedIndex(s.out.addresses, type) : -1;
  list.forEach((a, i) => {
    const f = flagOf(a);
    const path = ['addresses', i, flag];
    if (i === typed && f === true) s.take(path);
    else if (i === target) {
      if (f === true) s.take(path);
      else if (f === false) s.lose(path, 'value_changed', `v4 designates this address as the default ${what} address by its id`);
    } else if (f === true) {
      if (idOf(a) === undefined) s.lose(path, 'unreferenceable', `v4 designates the default ${what} address by its server-assigned id`);
      else s.lose(path, 'not_representable', `v4 designates one default ${what} address`);
    } else if (f === false) {
      s.lose(path, 'not_representable', `v4 names only the default ${what} address; a "not default" flag has no form`);
    }
  });
}

/** Drops the v4 `type` kept in a decoded address's platform data (and the containers it leaves empty). */
function forgetType(customer: Record<string, unknown>, i: number): void {
  const address = Array.isArray(customer.addresses) ? customer.addresses[i] : undefined;
  const pd = isPlainObject(address) && isPlainObject(address.platformData) ? address.platformData : undefined;
  const own = pd && isPlainObject(pd[P]) ? pd[P] : undefined;
  if (!address || !pd || !own) return;
  delete own.type;
  if (Object.keys(own).length === 0) delete pd[P];
  if (Object.keys(pd).length === 0) delete address.platformData;
}

/** `active_billing_address` / `active_shipping_address` (address ids) <-> the addresses' default flags. */
const designations = custom({
  name: 'default addresses',
  keys: DESIGNATIONS.map(([key]) => key),
  canonical: [['addresses']],
  loss: 'server_assigned',
  note:
    '`active_billing_address` / `active_shipping_address` name an address by its id -> that address\'s defaultBilling / defaultShipping = true; a null or dangling id stays v4 data; ' +
    'when no id designates one, the first address with no id typed `BILLING` / `SHIPPING` is that default; ' +
    'on encode the first flagged address must carry its v4 id (without one, and without a type of its own, it is written with `type` BILLING / SHIPPING, which reads back as the flag)',
  decode(s) {
    const addresses = s.src.addresses;
    for (const [key, flag, what, type] of DESIGNATIONS) {
      if (hasKey(s.src, key) && s.src[key] !== undefined) {
        const v = s.src[key];
        const i = typeof v === 'number' && Array.isArray(addresses) ? addresses.findIndex((a) => isPlainObject(a) && a.id === v) : -1;
        if (i >= 0) {
          s.set(['addresses', i, flag], true, [key]);
          continue;
        }
        s.keep(key, v, 'server_assigned', `id of the default ${what} address, naming no address of the record`);
      }
      // No id designates one: the address's `type` does (as the encoder writes it for an address with no id).
      const typed = typedIndex(addresses, type);
      if (typed < 0) continue;
      s.set(['addresses', typed, flag], true, ['addresses', typed, 'type'], { note: `typed ${type} and no id designates a default ${what} address` });
      // The type says no more than the flag, which writes it back (`markType`): not kept as v4 data too.
      forgetType(s.out, typed);
    }
  },
  encode(s) {
    for (const [key, flag, what, type] of DESIGNATIONS) encodeDesignation(s, key, flag, what, type);
  },
});

export const customerTable = defineTable('customer', V4Customer, [
  field('id', ['ids', P], { nonNull: true, loss: 'server_assigned', note: 'WebCommander customer id' }),
  keep('display_id', 'server_assigned', 'human-facing customer number the server assigns'),
  keep('status', 'platform_data', 'account status (values undocumented for v4; drafts use `active`, `awaiting_verification`)'),
  field('first_name', ['name', 'given']),
  field('last_name', ['name', 'family']),
  field('email', ['email'], { nonNull: true }),
  sex,
  keep('parent', 'platform_data', 'parent customer in the account hierarchy (`{id, name}` or an id)'),
  field('company', ['isBusiness']),
  field('company_name', ['companyName']),
  keep('timezone', 'platform_data', 'customer time zone'),
  field('abn', ['taxIds', 'abn']),
  field('abn_branch', ['taxIds', 'abnBranch']),
  keep('shipping_profile', 'platform_data', 'WebCommander shipping profile (id, rules) assigned to the customer'),
  keep('transaction_number', 'platform_data', 'WebCommander transaction number'),
  // server_assigned (a code WebCommander issues, as an id); the count of its use is read_only (computed).
  keep('referral_code', 'server_assigned', 'the customer\'s own referral code, issued by WebCommander'),
  keep('used_referral_code', 'read_only', 'referral code used at sign-up (not writable through the admin API)'),
  keep('count_referral_code_used', 'read_only', 'how often the customer\'s referral code was used (computed)'),
  keep('allow_credit_limit', 'platform_data', 'whether the customer may buy on account'),
  keep('store_credit', 'platform_data', 'store credit amount'),
  keep('credit_limit', 'platform_data', 'credit limit amount'),
  keep('how_do_you_know', 'platform_data', '"how did you hear about us" answer'),
  keep('customer_password_expired', 'platform_data', 'forces a password change at next login'),
  keep('hide_price', 'platform_data', 'hides prices from this customer'),
  keep('default_tax_code', 'platform_data', 'WebCommander tax code (a tax class, not a tax id)'),
  keep('source', 'read_only', 'channel the customer came from, recorded by WebCommander'),
  keep('base_url', 'read_only', 'store URL, set by WebCommander'),
  keep('background_image', 'platform_data', 'profile background image URL'),
  keep('profile_picture', 'platform_data', 'profile picture URL'),
  // After `timezone`: a created_at without a zone is read in the customer's time zone.
  normalisedField('created_at', ['createdAt'], v4Time, { loss: 'server_assigned', note: 'creation time, set by the server' }),
  keep('version', 'server_assigned', 'optimistic-lock version'),
  nestedList('addresses', ['addresses'], addressTable, { note: 'each address through the address table, in order', nonNull: true }),
  designations,
  keep('is_in_trash', 'read_only', 'soft-deleted ("trash") flag'),
  newsletter,
  noPasswordHash('v4'),
]);

export const tables = [customerTable, addressTable, stateTable];
