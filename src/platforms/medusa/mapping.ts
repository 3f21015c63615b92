import { custom, defineTable, field, keep, linkedList } from '../../core/mapping.js';
import { isPlainObject } from '../../core/path.js';
import { MedusaAddress, MedusaCustomer, MedusaGroup } from './schema.js';
import { sameJson } from '../../core/objects.js';
import { noPasswordHash, phoneField, textOrNumber } from '../../core/steps.js';
import { twoStreetLines } from '../../core/street.js';
import { countryFromAlpha2 } from '../../core/geo/countries.js';
import { alpha2Country, provinceText } from '../../core/geo/steps.js';

const P = 'medusa';

const medusaData = (o: Record<string, unknown>): Record<string, unknown> => {
  const pd = isPlainObject(o.platformData) ? o.platformData[P] : undefined;
  return isPlainObject(pd) ? pd : {};
};

export const addressTable = defineTable('address', MedusaAddress, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa address id (`addr_…`)' }),
  keep('customer_id', 'server_assigned', 'owning customer id (null for the billing copy), set by the server'),
  keep('customer', 'read_only', 'expanded owning customer'),
  field('company', ['organization']),
  field('first_name', ['recipient', 'given']),
  field('last_name', ['recipient', 'family']),
  twoStreetLines('address_1', 'address_2', 'Medusa'),
  field('city', ['locality']),
  alpha2Country('country_code', 'lower', 'Medusa'),
  keep('country', 'read_only', 'expanded Country reference data (ids, names, region)'),
  provinceText('province', (src) => (typeof src.country_code === 'string' ? countryFromAlpha2(src.country_code) : undefined), 'Medusa'),
  textOrNumber('postal_code', ['postalCode']),
  // After `country_code`: a phone is read in its address's country.
  phoneField('phone', ['phone'], { countryFrom: 'address', numbers: true }),
  keep('metadata', 'platform_data', 'address metadata (free key/value)'),
  keep('created_at', 'server_assigned', 'address creation time'),
  keep('updated_at', 'server_assigned', 'address update time'),
  keep('deleted_at', 'server_assigned', 'address soft-delete time'),
]);

export const groupTable = defineTable('group', MedusaGroup, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa customer group id (`cgrp_…`)' }),
  field('name', ['name'], { nonNull: true }),
  keep('customers', 'read_only', 'expanded group members'),
  keep('price_lists', 'read_only', 'expanded price lists of the group'),
  keep('metadata', 'platform_data', 'group metadata (free key/value)'),
  keep('created_at', 'server_assigned', 'group creation time'),
  keep('updated_at', 'server_assigned', 'group update time'),
  keep('deleted_at', 'server_assigned', 'group soft-delete time'),
]);

const groups = linkedList('groups', ['groups'], groupTable, {
  note: 'each group through the group table; a canonical group without a Medusa id cannot be referenced (Medusa writes groups as `{id}`)',
  unlinked: 'Medusa refers to customer groups by id and this group has no Medusa id',
});

/**
 * `shipping_addresses` (the address book) -> addresses in order; `billing_address` flags its equal book
 * entry as defaultBilling, or is appended as a billing-only address. Encode writes the first
 * defaultBilling address as `billing_address` and every address but the billing-only ones as the book.
 */
const billingAndBook = custom({
  name: 'billing address and address book',
  keys: ['billing_address', 'shipping_addresses'],
  canonical: [['addresses']],
  note: '`shipping_addresses[j]` -> addresses[j]; `billing_address` -> defaultBilling on the equal book entry, else an extra billing-only address; Medusa v1 has no default shipping address',
  decode(s) {
    const book = s.src.shipping_addresses;
    const billing = s.src.billing_address;
    if (book === undefined && billing === undefined) return;
    const addresses: Record<string, unknown>[] = [];
    if (Array.isArray(book)) {
      book.forEach((a, j) => addresses.push(s.nested(addressTable, a, ['addresses', j], ['shipping_addresses', j])));
    } else if (book !== undefined) {
      s.keep('shipping_addresses', book, 'platform_data');
    }
    let billingIndex = -1;
    if (billing === null) s.keep('billing_address', null, 'platform_data');
    else if (billing !== undefined) {
      billingIndex = Array.isArray(book) ? book.findIndex((a) => sameJson(a, billing)) : -1;
      // The same row twice: whatever a target drops of the book entry it drops of the billing copy too.
      if (billingIndex >= 0) s.state.alias([...s.sourcePrefix, 'shipping_addresses', billingIndex], [...s.sourcePrefix, 'billing_address']);
      else {
        billingIndex = addresses.length;
        const a = s.nested(addressTable, billing, ['addresses', billingIndex], ['billing_address']);
        a.platformData = { ...(isPlainObject(a.platformData) ? a.platformData : {}), [P]: { ...medusaData(a), $billingOnly: true } };
        addresses.push(a);
      }
      if (book === undefined) s.hint('noAddressBook', true);
    }
    if (!Array.isArray(book) && billingIndex < 0) return;
    // No origin for the list itself: a target without addresses reports each one at its own source.
    s.out.addresses = addresses;
    if (billingIndex >= 0) s.set(['addresses', billingIndex, 'defaultBilling'], true, ['billing_address'], { note: 'the Medusa billing address' });
  },
  encode(s) {
    const raw = s.peek(['addresses']);
    const addresses = Array.isArray(raw) ? raw : [];
    const billingIndex = addresses.findIndex((a) => isPlainObject(a) && a.defaultBilling === true);
    if (!Array.isArray(raw)) return;
    const book: Record<string, unknown>[] = [];
    let billing: Record<string, unknown> | undefined;
    let billingOnly = false;
    addresses.forEach((a, i) => {
      const only = isPlainObject(a) && medusaData(a).$billingOnly === true;
      if (only && i !== billingIndex) {
        return s.lose(['addresses', i], 'not_representable', 'a billing-only address that is no longer the billing address has no Medusa place');
      }
      const encoded = s.nested(addressTable, a, ['addresses', i]);
      if (!only) book.push(encoded);
      if (i === billingIndex) {
        billing = s.copy(encoded);
        billingOnly = only;
      }
    });
    if (billing !== undefined) {
      // Decoding flags the first book entry equal to the billing address: it must be this one.
      const first = book.findIndex((a) => sameJson(a, billing));
      const exact = billingOnly ? first < 0 : addresses.slice(0, billingIndex).filter((a) => !(isPlainObject(a) && medusaData(a).$billingOnly === true)).length === first;
      if (exact) s.take(['addresses', billingIndex, 'defaultBilling']);
      else s.lose(['addresses', billingIndex, 'defaultBilling'], 'not_representable', 'the billing address equals another address-book entry, so Medusa cannot tell which one it is');
      s.put('billing_address', billing);
    }
    if (book.length > 0 || s.platformData.$noAddressBook !== true) {
      if (addresses.length === 0) s.take(['addresses']); // an empty list is written as an empty book
      s.put('shipping_addresses', book);
    }
  },
});

export const customerTable = defineTable('customer', MedusaCustomer, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Medusa customer id (`cus_…`)' }),
  field('email', ['email'], { nonNull: true }),
  field('first_name', ['name', 'given']),
  field('last_name', ['name', 'family']),
  keep('billing_address_id', 'server_assigned', 'address id of the billing address (the designation itself travels as the address flag)'),
  billingAndBook,
  // After the addresses: the customer's phone is read in the default billing (else first) address's country.
  phoneField('phone', ['phone'], { countryFrom: 'customer', numbers: true }),
  field('has_account', ['hasAccount'], { nonNull: true, loss: 'read_only', note: 'set by Medusa when the customer registers' }),
  keep('orders', 'read_only', 'expanded orders of the customer'),
  groups,
  field('metadata', ['metadata']),
  field('created_at', ['createdAt'], { nonNull: true, loss: 'server_assigned', note: 'creation time, set by the server' }),
  field('updated_at', ['updatedAt'], { nonNull: true, loss: 'server_assigned', note: 'update time, set by the server' }),
  field('deleted_at', ['deletedAt'], { loss: 'server_assigned', note: 'soft-delete time, set by the server' }),
  noPasswordHash('Medusa'),
]);

export const tables = [customerTable, addressTable, groupTable];
