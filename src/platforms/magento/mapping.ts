import type { EncodeScope } from '../../core/engine.js';
import { custom, defineTable, field, keep, nestedList } from '../../core/mapping.js';
import { hasKey, isPlainObject } from '../../core/path.js';
import { normalisedField, objectMember, phoneField } from '../../core/steps.js';
import { EMPTY_LINE_NOTE, readStreetLines, writeStreetLines } from '../../core/street.js';
import { countryFromAlpha2 } from '../../core/geo/countries.js';
import { alpha2Country, areaObject } from '../../core/geo/steps.js';
import { DEFAULT_STREET_LINES, MagentoAddress, MagentoCustomer, MagentoRegion, MAX_STREET_LINES } from './schema.js';
import { groupDirectory, magentoDob, magentoGender, magentoTime, regionDirectory } from './values.js';

const P = 'magento';

export const regionTable = defineTable('region', MagentoRegion, [
  field('region_code', ['code'], { note: 'normalised by the address `region` step: ISO 3166-2 code of a known subdivision' }),
  field('region', ['name'], { note: 'normalised by the address `region` step: ISO name of a known subdivision' }),
  keep('region_id', 'server_assigned', 'install-specific directory region id (one equal to the directory\'s id for the region is derivable and not kept)'),
  keep('extension_attributes', 'platform_data', 'region extension attributes, usually `{}`'),
]);

/**
 * The street lines the target shop holds: `platformOptions.magento.streetLines` when given; else the
 * number of lines the address was read with (its shop holds them), at least the default 2.
 */
function streetLimit(s: EncodeScope): number {
  const option = s.state.options.platform.streetLines;
  if (typeof option === 'number') return option;
  const read = s.platformData.$streetLines;
  return typeof read === 'number' && read > DEFAULT_STREET_LINES && read <= MAX_STREET_LINES ? read : DEFAULT_STREET_LINES;
}

const street = custom({
  name: 'street',
  keys: ['street'],
  canonical: [['lines']],
  note:
    'array of street lines <-> lines; records hold up to 4. Encoding writes at most `platformOptions.magento.streetLines` lines ' +
    `(default: as many as the address was read with, at least 2) and joins the rest into the last one with ", " (reported \`value_changed\`); ${EMPTY_LINE_NOTE}; ` +
    'a line break inside a canonical line starts a new line (Magento stores the lines joined with line breaks, so a record line cannot hold one; reported `value_changed`); null kept as platform data',
  decode(s) {
    const v = s.src.street;
    if (v === undefined) return;
    if (!Array.isArray(v)) return s.keep('street', v, 'platform_data');
    readStreetLines(s, (v as string[]).map((text, i) => ({ text, source: ['street', i] })), ['street']);
    // More lines than the default: the shop this record came from holds them.
    if (v.length > DEFAULT_STREET_LINES) s.hint('streetLines', v.length);
  },
  encode(s) {
    const lines = writeStreetLines(s, streetLimit(s), 'Magento', true);
    if (lines !== undefined) s.put('street', lines);
  },
});

/** `password_hash` (exports) <-> credentials.passwordHash `{scheme: 'magento', value}`, opaque. */
const passwordHash = custom({
  name: 'password hash',
  keys: ['password_hash'],
  canonical: [['credentials', 'passwordHash']],
  loss: 'not_migratable',
  note:
    '`password_hash` (customer exports, import/export CSV) <-> credentials.passwordHash `{scheme: "magento", value}`, opaque (Argon2id `hash:salt:3_32_2_67108864`, ' +
    'SHA-256 `hash:salt:1`, MD5 `hash:salt`); sent only as the `passwordHash` of an update request; a hash of another scheme is reported `not_migratable`; "" stays Magento data',
  decode(s) {
    const v = s.src.password_hash;
    if (v === undefined) return;
    if (v === null) return s.set(['credentials', 'passwordHash'], null, ['password_hash']);
    if (typeof v !== 'string' || v === '') return s.keep('password_hash', v, 'platform_data');
    s.set(['credentials', 'passwordHash'], { scheme: P, value: v }, ['password_hash'], { code: 'not_migratable' });
  },
  encode(s) {
    const hash = s.peek(['credentials', 'passwordHash']);
    if (hash === undefined) return;
    if (hash === null) {
      s.take(['credentials', 'passwordHash']);
      return s.put('password_hash', null);
    }
    if (isPlainObject(hash) && hash.scheme === P && typeof hash.value === 'string') {
      s.take(['credentials', 'passwordHash']);
      return s.put('password_hash', hash.value);
    }
    s.lose(['credentials', 'passwordHash'], 'not_migratable', 'Magento takes only Magento password hashes; the customer has to set a new password there');
  },
});

export const addressTable = defineTable('address', MagentoAddress, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'address entity id' }),
  keep('customer_id', 'server_assigned', 'parent customer id, set by the server'),
  areaObject({
    key: 'region',
    table: regionTable,
    members: { code: 'region_code', name: 'region', id: 'region_id' },
    topLevelId: 'region_id',
    platformLabel: 'Magento',
    country: (src) => (typeof src.country_id === 'string' ? countryFromAlpha2(src.country_id) : undefined),
    directory: regionDirectory,
    note:
      'RegionInterface `{region_code, region, region_id}` and the top-level `region_id`: a known subdivision (ISO code, Magento directory code such as `BER`, name or alias) -> its ISO code and name; ' +
      'written with `region_id` from the directory (`platformOptions.magento.regions`, else the standard-install ids) when it knows the region, never guessed; unknown text kept as written',
  }),
  alpha2Country('country_id', 'upper', 'Magento'),
  street,
  field('company', ['organization']),
  // After `country_id`: a phone is read in its address's country.
  phoneField('telephone', ['phone'], { countryFrom: 'address' }),
  phoneField('fax', ['fax'], { countryFrom: 'address' }),
  field('postcode', ['postalCode']),
  field('city', ['locality']),
  field('firstname', ['recipient', 'given']),
  field('lastname', ['recipient', 'family']),
  field('middlename', ['recipient', 'middle']),
  field('prefix', ['recipient', 'prefix']),
  field('suffix', ['recipient', 'suffix']),
  field('vat_id', ['vatId']),
  field('default_shipping', ['defaultShipping'], { note: 'on input these booleans decide the defaults' }),
  field('default_billing', ['defaultBilling']),
  keep('extension_attributes', 'platform_data', 'module-registered address extension attributes'),
  keep('custom_attributes', 'platform_data', 'merchant-defined address EAV attributes (codes are install-specific)'),
]);

const group = custom({
  name: 'customer group',
  keys: ['group_id'],
  canonical: [['groups']],
  note:
    '`group_id` <-> groups[0].ids.magento, and groups[0].name through `platformOptions.magento.groups` (`[{id, name}]`; no default: ids are install-specific); ' +
    'a group without a Magento id is written by its name\'s id in that lookup, else reported `unreferenceable`; a second canonical group has no place',
  decode(s) {
    const id = s.src.group_id;
    if (id === undefined) return;
    if (id === null) return s.keep('group_id', null, 'platform_data');
    const name = typeof id === 'number' ? groupDirectory(s.state.options.platform)?.name(id) : undefined;
    s.set(['groups'], [{ ids: { [P]: id }, ...(name === undefined ? {} : { name }) }], ['group_id']);
    s.trace(['groups', 0], ['group_id']);
    s.trace(['groups', 0, 'ids', P], ['group_id'], { code: 'server_assigned', note: 'Magento customer group id (install-specific)' });
    if (name !== undefined) s.trace(['groups', 0, 'name'], ['group_id']);
  },
  encode(s) {
    const groups = s.peek(['groups']);
    if (!Array.isArray(groups)) return;
    const lookup = groupDirectory(s.state.options.platform);
    groups.forEach((g, i) => {
      if (!isPlainObject(g)) return;
      const own = isPlainObject(g.ids) && hasKey(g.ids, P) ? g.ids[P] : undefined;
      const name = typeof g.name === 'string' ? g.name : undefined;
      const id = own ?? (name === undefined ? undefined : lookup?.id(name));
      if (id === undefined) {
        const why = lookup ? 'no `platformOptions.magento.groups` entry has its name' : 'pass `platformOptions.magento.groups` to refer to it by name';
        return s.lose(['groups', i], 'unreferenceable', `Magento refers to customer groups by install-specific id; this group has no Magento id and ${why}`);
      }
      if (s.out.group_id !== undefined) return s.lose(['groups', i], 'not_representable', 'Magento holds one customer group');
      if (own !== undefined) s.take(['groups', i, 'ids', P]);
      s.put('group_id', id);
      // The name is carried when the lookup gives this id that name (it is read back from the id).
      if (name !== undefined && typeof id === 'number' && lookup?.id(name) === id) s.take(['groups', i, 'name']);
    });
  },
});

const extensionAttributes = objectMember({
  key: 'extension_attributes',
  member: 'is_subscribed',
  canonical: ['newsletterSubscribed'],
  platformLabel: 'Magento',
  others: {
    assistance_allowed: 'Login-as-Customer permission (module-registered extension attribute)',
    company_attributes: 'Adobe Commerce B2B company data (module-registered extension attribute)',
  },
});

export const customerTable = defineTable('customer', MagentoCustomer, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'customer entity id' }),
  group,
  keep('default_billing', 'server_assigned', 'Magento address id of the default billing address (the designation itself travels as the address flag)'),
  keep('default_shipping', 'server_assigned', 'Magento address id of the default shipping address (the designation itself travels as the address flag)'),
  // server_assigned, not platform_data: Magento issues the key itself when it saves a new account that
  // needs confirmation (magento.md §1: "pending e-mail confirmation key"), and a request cannot set one.
  keep('confirmation', 'server_assigned', 'pending e-mail confirmation key, issued by Magento'),
  normalisedField('created_at', ['createdAt'], magentoTime, { loss: 'server_assigned', note: 'creation time, set by the server' }),
  normalisedField('updated_at', ['updatedAt'], magentoTime, { loss: 'server_assigned', note: 'update time, set by the server' }),
  keep('created_in', 'server_assigned', 'name of the store view the account was created in'),
  normalisedField('dob', ['birthDate'], magentoDob),
  field('email', ['email'], { nonNull: true }),
  field('firstname', ['name', 'given'], { nonNull: true }),
  field('lastname', ['name', 'family'], { nonNull: true }),
  field('middlename', ['name', 'middle']),
  field('prefix', ['name', 'prefix']),
  field('suffix', ['name', 'suffix']),
  normalisedField('gender', ['gender'], magentoGender),
  keep('store_id', 'platform_data', 'store view id (install-specific)'),
  field('taxvat', ['taxIds', 'vat']),
  keep('website_id', 'platform_data', 'website id (install-specific; pass `defaults: { website_id }` when converting to Magento)'),
  nestedList('addresses', ['addresses'], addressTable, { note: 'each address through the address table, in order', nonNull: true }),
  keep('disable_auto_group_change', 'platform_data', 'Magento flag that stops automatic group assignment by VAT validation'),
  extensionAttributes,
  keep('custom_attributes', 'platform_data', 'merchant-defined customer EAV attributes (codes are install-specific)'),
  passwordHash,
]);

export const tables = [customerTable, addressTable, regionTable];
