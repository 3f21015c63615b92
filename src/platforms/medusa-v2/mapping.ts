import { custom, defineTable, field, keep, linkedList } from '../../core/mapping.js';
import { isPlainObject } from '../../core/path.js';
import { noPasswordHash, phoneField } from '../../core/steps.js';
import { twoStreetLines } from '../../core/street.js';
import { countryFromAlpha2 } from '../../core/geo/countries.js';
import { alpha2Country, provinceText } from '../../core/geo/steps.js';
import { MedusaV2Address, MedusaV2Customer, MedusaV2Group } from './schema.js';

const P = 'medusa-v2';

export const addressTable = defineTable('address', MedusaV2Address, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa v2 address id (`cuaddr_…`)' }),
  field('address_name', ['label'], { note: 'the address label ("Home", "Warehouse")' }),
  field('is_default_shipping', ['defaultShipping'], {
    nonNull: true,
    note: 'a boolean, never null; one address per customer (a second canonical default shipping address is reported `not_representable`)',
  }),
  field('is_default_billing', ['defaultBilling'], {
    nonNull: true,
    note: 'a boolean, never null; one address per customer (a second canonical default billing address is reported `not_representable`)',
  }),
  keep('customer_id', 'server_assigned', 'owning customer id, set by the server'),
  field('company', ['organization']),
  field('first_name', ['recipient', 'given']),
  field('last_name', ['recipient', 'family']),
  twoStreetLines('address_1', 'address_2', 'Medusa v2'),
  field('city', ['locality']),
  alpha2Country('country_code', 'lower', 'Medusa v2'),
  provinceText('province', (src) => (typeof src.country_code === 'string' ? countryFromAlpha2(src.country_code) : undefined), 'Medusa v2'),
  field('postal_code', ['postalCode']),
  // After `country_code`: a phone is read in its address's country.
  phoneField('phone', ['phone'], { countryFrom: 'address' }),
  keep('metadata', 'platform_data', 'address metadata (free key/value)'),
  keep('created_at', 'server_assigned', 'address creation time'),
  keep('updated_at', 'server_assigned', 'address update time'),
  keep('deleted_at', 'server_assigned', 'address soft-delete time (since Medusa 2.8.7)'),
]);

export const groupTable = defineTable('group', MedusaV2Group, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa v2 customer group id (`cusgroup_…`)' }),
  field('name', ['name'], { nonNull: true }),
  keep('metadata', 'platform_data', 'group metadata (free key/value)'),
  keep('created_by', 'server_assigned', 'id of the admin user who created the group'),
  keep('created_at', 'server_assigned', 'group creation time'),
  keep('updated_at', 'server_assigned', 'group update time'),
  keep('deleted_at', 'server_assigned', 'group soft-delete time'),
]);

const groups = linkedList('groups', ['groups'], groupTable, {
  note: 'each group through the group table; a canonical group without a Medusa v2 id cannot be referenced (Medusa v2 links groups by id; group names are no longer unique since 2.11)',
  unlinked: 'Medusa v2 links customer groups by id and this group has no Medusa v2 id',
});

const FLAGS = [
  ['defaultBilling', 'billing'],
  ['defaultShipping', 'shipping'],
] as const;

/**
 * `addresses` <-> addresses, in order. Medusa v2 holds one default billing and one default shipping
 * address per customer (partial unique indexes): a canonical flag set on a second address is not
 * written there, and reported.
 */
const addresses = custom({
  name: 'addresses',
  keys: ['addresses'],
  canonical: [['addresses']],
  note: 'each address through the address table, in order; the first canonical default billing (shipping) address is the one written `is_default_billing` (`is_default_shipping`): a later one is reported `not_representable`',
  decode(s) {
    const v = s.src.addresses;
    if (v === undefined) return;
    if (!Array.isArray(v)) return s.keep('addresses', v, 'platform_data');
    s.set(['addresses'], v.map((a, i) => s.nested(addressTable, a, ['addresses', i], ['addresses', i])), ['addresses']);
  },
  encode(s) {
    const v = s.peek(['addresses']);
    if (v === undefined) return;
    if (!Array.isArray(v)) return; // a canonical null list: nothing a v2 record can hold
    const seen = { defaultBilling: false, defaultShipping: false };
    const out = v.map((a, i) => {
      if (!isPlainObject(a)) return s.nested(addressTable, a, ['addresses', i]);
      let own = a;
      for (const [flag, kind] of FLAGS) {
        if (a[flag] !== true) continue;
        if (!seen[flag]) {
          seen[flag] = true;
          continue;
        }
        const { [flag]: _second, ...rest } = own;
        own = rest;
        s.lose(['addresses', i, flag], 'not_representable', `Medusa v2 holds one default ${kind} address per customer, and an earlier address is it`);
      }
      return s.nested(addressTable, own, ['addresses', i]);
    });
    if (v.length === 0) s.take(['addresses']);
    s.put('addresses', out);
  },
});

export const customerTable = defineTable('customer', MedusaV2Customer, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa v2 customer id (`cus_…`)' }),
  field('email', ['email'], { note: 'nullable in v2, case kept as written' }),
  field('company_name', ['companyName']),
  field('first_name', ['name', 'given']),
  field('last_name', ['name', 'family']),
  addresses,
  // After the addresses: the customer's phone is read in the default billing (else first) address's country.
  phoneField('phone', ['phone'], { countryFrom: 'customer' }),
  field('has_account', ['hasAccount'], { nonNull: true, loss: 'read_only', note: 'set by Medusa when an auth identity registers the customer' }),
  groups,
  field('metadata', ['metadata']),
  keep('created_by', 'server_assigned', 'id of the admin user who created the customer'),
  field('created_at', ['createdAt'], { nonNull: true, loss: 'server_assigned', note: 'creation time, set by the server' }),
  field('updated_at', ['updatedAt'], { nonNull: true, loss: 'server_assigned', note: 'update time, set by the server' }),
  field('deleted_at', ['deletedAt'], { loss: 'server_assigned', note: 'soft-delete time, set by the server' }),
  noPasswordHash('Medusa v2'),
]);

export const tables = [customerTable, addressTable, groupTable];
