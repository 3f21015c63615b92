import { custom, defineTable, field, keep } from '../../core/mapping.js';
import { sameJson } from '../../core/objects.js';
import { isPlainObject } from '../../core/path.js';
import { noPasswordHash, phoneField } from '../../core/steps.js';
import { twoStreetLines } from '../../core/street.js';
import { areaObject, countryObject, countryOfObject } from '../../core/geo/steps.js';
import { EnterpriseAddress, EnterpriseCustomer, EnterpriseRegion } from './schema.js';

const P = 'enterprise-v1';

export const regionTable = defineTable('region', EnterpriseRegion, [
  field('code', ['code'], { note: 'Spree state abbreviation (e.g. `Vic`); normalised by the `region` step' }),
  field('name', ['name'], { note: 'normalised by the address `region` step: ISO name of a known subdivision' }),
]);

export const addressTable = defineTable('address', EnterpriseAddress, [
  keep('latitude', 'platform_data', 'geocoded latitude of the address (no canonical concept)'),
  keep('longitude', 'platform_data', 'geocoded longitude of the address (no canonical concept)'),
  field('first_name', ['recipient', 'given'], { nonNull: true }),
  field('last_name', ['recipient', 'family'], { nonNull: true }),
  twoStreetLines('street_address_1', 'street_address_2', 'Open Food Network'),
  field('postal_code', ['postalCode'], { nonNull: true }),
  field('locality', ['locality'], { nonNull: true }),
  areaObject({
    key: 'region',
    table: regionTable,
    members: { code: 'code', name: 'name' },
    platformLabel: 'Open Food Network',
    country: (src) => countryOfObject(src.country)?.country,
    note:
      'Spree state `{code: abbr, name}`: a known subdivision (abbreviation such as `Vic`, ISO code, name or alias; any case) -> its ISO code and name, written with both (Spree matches either case-insensitively); ' +
      'unknown text kept as written',
  }),
  countryObject({ key: 'country', platformLabel: 'Open Food Network', others: {} }),
  // After `country`: the phone is read in its address's country.
  phoneField('phone', ['phone'], { countryFrom: 'address', nonNull: true }),
]);

type Slot = 'billing_address' | 'shipping_address';
const FLAG = { billing_address: 'defaultBilling', shipping_address: 'defaultShipping' } as const;

const slots = custom({
  name: 'billing and shipping slots',
  keys: ['billing_address', 'shipping_address'],
  canonical: [['addresses']],
  note:
    'two slots, not an address book: billing -> an address flagged defaultBilling, then shipping -> one flagged defaultShipping ' +
    '(identical slots -> one address with both flags); on encode each slot takes the first address with its flag, unflagged addresses have no place; ' +
    'when no address has either flag, the first address fills both slots, reported `derived`',
  decode(s) {
    const billing = s.src.billing_address;
    const shipping = s.src.shipping_address;
    let count = 0;
    const add = (slot: Slot, raw: Record<string, unknown>, slotsFilled: readonly Slot[]): void => {
      const i = count++;
      s.set(['addresses', i], s.nested(addressTable, raw, ['addresses', i], [slot]), [slot]);
      for (const filled of slotsFilled) {
        s.set(['addresses', i, FLAG[filled]], true, [filled], { note: `the address fills the Open Food Network \`${filled}\` slot` });
      }
    };
    if (isPlainObject(billing) && isPlainObject(shipping) && sameJson(billing, shipping)) {
      // One canonical address read from two slots: a loss under billing_address also names shipping_address.
      s.state.alias([...s.sourcePrefix, 'billing_address'], [...s.sourcePrefix, 'shipping_address']);
      return add('billing_address', billing, ['billing_address', 'shipping_address']);
    }
    for (const [slot, raw] of [['billing_address', billing], ['shipping_address', shipping]] as const) {
      if (isPlainObject(raw)) add(slot, raw, [slot]);
      else if (raw !== undefined) s.keep(slot, raw, 'platform_data', `an empty \`${slot}\` slot`);
    }
  },
  encode(s) {
    const list = s.peek(['addresses']);
    if (!Array.isArray(list)) return;
    const index = (slot: Slot): number => list.findIndex((a) => isPlainObject(a) && a[FLAG[slot]] === true);
    const fill = (slot: Slot, i: number): void => {
      if (i < 0) return;
      s.take(['addresses', i, FLAG[slot]]);
      s.put(slot, s.nested(addressTable, list[i], ['addresses', i]));
    };
    let b = index('billing_address');
    let sh = index('shipping_address');
    // A source that designates no address (a book of undesignated addresses, a v4 address typed
    // PRIMARY): the first address fills both slots, reported, rather than no address at all.
    if (b < 0 && sh < 0 && list.length > 0) {
      b = sh = 0;
      s.report(
        ['addresses', 0],
        'derived',
        'No address is designated default billing or shipping: Open Food Network holds only those two slots, so the first address fills both (`billing_address`, `shipping_address`)',
      );
    }
    fill('billing_address', b);
    fill('shipping_address', sh);
    if (b < 0 || sh < 0 || b === sh) return;
    // Decoding reads identical slots as one address: two canonical addresses come back as one.
    if (sameJson(s.out.billing_address, s.out.shipping_address)) {
      s.report(['addresses', sh], 'value_changed', 'Written as `shipping_address`, identical to the billing address, so it reads back as one address holding both slots');
    }
  },
});

export const customerTable = defineTable('customer', EnterpriseCustomer, [
  field('id', ['ids', P], { loss: 'server_assigned', note: 'Open Food Network customer id (one per email and enterprise)' }),
  keep('enterprise_id', 'platform_data', 'the Open Food Network shop the customer belongs to; pass `defaults: { enterprise_id }` when converting to enterprise-v1'),
  field('first_name', ['name', 'given']),
  field('last_name', ['name', 'family']),
  field('code', ['reference'], { note: 'shop-assigned customer code' }),
  field('email', ['email'], { nonNull: true }),
  keep('allow_charges', 'read_only', "the customer's consent to charges on their saved card (set by the customer, refused on write)"),
  field('tags', ['tags'], { nonNull: true }),
  // server_assigned, as the requests say: Open Food Network stamps it when the customer accepts the terms at checkout; no request sets it.
  keep('terms_and_conditions_accepted_at', 'server_assigned', "when the customer last accepted this shop's terms and conditions, stamped by Open Food Network"),
  slots,
  keep('balance', 'read_only', 'account balance computed from finalised orders'),
  noPasswordHash('Open Food Network'),
]);

export const tables = [customerTable, addressTable, regionTable];
