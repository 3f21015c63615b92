import type { EncodeScope } from '../../core/engine.js';
import { custom, defineTable, field, keep, nestedList, nestedObject } from '../../core/mapping.js';
import { isPlainObject } from '../../core/path.js';
import { fitStreetLines, normalisedField, objectMember, phoneField, reportStreetJoin } from '../../core/steps.js';
import { DEFAULT_STREET_LINES, MagentoAddress, MagentoCustomer, MagentoRegion, MAX_STREET_LINES } from './schema.js';
import { magentoDob, magentoGender, magentoTime } from './values.js';

const P = 'magento';

export const regionTable = defineTable('region', MagentoRegion, [
  field('region_code', ['code']),
  field('region', ['name']),
  keep('region_id', 'server_assigned', 'install-specific directory region id'),
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
    '(default: as many as the address was read with, at least 2) and joins the rest into the last one with ", " (reported `value_changed`); null kept as platform data',
  decode(s) {
    const v = s.src.street;
    if (v === undefined) return;
    if (!Array.isArray(v)) return s.keep('street', v, 'platform_data');
    s.set(['lines'], [...v], ['street']);
    // More lines than the default: the shop this record came from holds them.
    if (v.length > DEFAULT_STREET_LINES) s.hint('streetLines', v.length);
  },
  encode(s) {
    const lines = s.peek(['lines']);
    if (!Array.isArray(lines)) return;
    const limit = streetLimit(s);
    const fitted = fitStreetLines(lines as string[], limit);
    s.take(['lines']);
    s.put('street', fitted.lines);
    reportStreetJoin(s, fitted.changed, limit, lines.length, 'Magento');
  },
});

/** `password_hash` (exports) <-> credentials.passwordHash `{scheme: 'magento', value}`, opaque. */
const passwordHash = custom({
  name: 'password hash',
  keys: ['password_hash'],
  canonical: [['credentials', 'passwordHash']],
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
  nestedObject('region', ['administrativeArea'], regionTable, { note: 'RegionInterface `{region_code, region, region_id}`' }),
  keep('region_id', 'server_assigned', 'top-level copy of `region.region_id` (install-specific directory id)'),
  field('country_id', ['countryCode']),
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
  note: '`group_id` -> groups[0].ids.magento (0 NOT LOGGED IN, 1 General, 2 Wholesale, 3 Retailer on a standard install); a second canonical group has no place',
  decode(s) {
    const id = s.src.group_id;
    if (id === undefined) return;
    if (id === null) return s.keep('group_id', null, 'platform_data');
    s.set(['groups'], [{ ids: { [P]: id } }], ['group_id']);
    s.trace(['groups', 0], ['group_id']);
    s.trace(['groups', 0, 'ids', P], ['group_id'], { code: 'server_assigned', note: 'Magento customer group id (install-specific)' });
  },
  encode(s) {
    const groups = s.peek(['groups']);
    if (!Array.isArray(groups)) return;
    groups.forEach((g, i) => {
      const id = isPlainObject(g) && isPlainObject(g.ids) ? g.ids[P] : undefined;
      if (id === undefined) return;
      if (s.out.group_id !== undefined) return s.lose(['groups', i], 'not_representable', 'Magento holds one customer group');
      s.put('group_id', s.take(['groups', i, 'ids', P]));
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
  keep('confirmation', 'platform_data', 'pending e-mail confirmation key'),
  normalisedField('created_at', ['createdAt'], magentoTime),
  normalisedField('updated_at', ['updatedAt'], magentoTime),
  keep('created_in', 'server_assigned', 'name of the store view the account was created in'),
  normalisedField('dob', ['birthDate'], magentoDob),
  field('email', ['email'], { nonNull: true }),
  field('firstname', ['name', 'given'], { nonNull: true }),
  field('lastname', ['name', 'family'], { nonNull: true }),
  field('middlename', ['name', 'middle']),
  field('prefix', ['name', 'prefix']),
  field('suffix', ['name', 'suffix']),
  field('gender', ['gender'], { value: magentoGender }),
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
