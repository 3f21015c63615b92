// Export-shaped customer records for the benchmarks (`npm run bench`): records as each platform's
// own API or export writes them, not as property tests probe the codecs (test/arbitraries: the
// adversarial row). Per platform: its key order (examples/*.json, examples/export, the zod schemas
// in src/platforms/<id>/schema.ts), its way of writing nothing (Magento leaves the key out; Medusa v1,
// WebCommander v4 and Open Food Network write explicit nulls, v4 also empty strings), 1 to 3
// addresses (Open Food Network holds 2), one or two street lines, phones typed the way customers
// type them, about 1 KB a record. Deterministic: a seeded PRNG, the same records on every run.
//
// One generator per platform id of the registry (`generators`); `generatorOf` throws for a registered
// platform without one, so a fifth platform cannot silently drop out of the benchmark.
import { MAGENTO_STANDARD_REGIONS } from '../src/platforms/magento/directory.js';
import { registry } from '../src/platforms/index.js';

type PlatformId = keyof typeof registry;
export type ExportRecord = Record<string, unknown>;
/** Record number `i` (0-based) of an export; the ids and the email derive from it, so they are unique. */
export type ShapeGenerator = (rng: Rng, i: number) => ExportRecord;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)
// ---------------------------------------------------------------------------------------------

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared data: people, places, phones as typed
// ---------------------------------------------------------------------------------------------

const FIRST = [
  'María', 'Liam', 'Zoë', 'Søren', 'Amelia', 'Jonas', 'Chloé', 'Mia', 'Hiroshi', 'Aroha', 'Noah', 'Olivia', 'Priya',
  'Mateo', 'Fatima', 'Łukasz', 'Ethan', 'Charlotte', 'Lukas', 'Léa', 'Oliver', 'Isla', 'Jack', 'Sophie', 'Ngaio',
  'James', 'Emily', 'Felix', 'Camille', 'Wei', 'Ana-Luísa', 'Seán', 'Hannah', 'Tomás', 'Grace',
];
const LAST = [
  'López', "O'Connor", 'Becker', 'Hughes', 'Chen', 'Ødegård', 'Dubois', 'Müller', 'Nguyen', 'Smith', 'Tanaka',
  'Papadopoulos', 'Ngata', 'Patel', 'Kowalski', 'García', 'Wilson', 'Martin', 'Schmidt', 'Brown', 'Taylor',
  'Lefèvre', 'Walker', 'Thompson', 'Fischer', 'Robinson', 'Lima-Souza', 'Van der Berg', 'Murphy', 'Kim',
];
const COMPANIES = ['Sunset Ceramics LLC', 'Harbour Trading Pty Ltd', 'Nguyen Bakery', 'Grüne Kiste GmbH', 'Atelier Lefèvre SARL', 'Kiwi Fresh Ltd', 'Northside Co-op', 'Studio Zoë'];

interface Region {
  /** ISO 3166-2 code without the country prefix. */
  readonly code: string;
  readonly name: string;
  /** Spree's abbreviation (Open Food Network), where it is not the ISO code. */
  readonly abbr?: string;
}
interface Place {
  readonly city: string;
  readonly postcode: string;
  readonly region?: Region;
}
interface Country {
  readonly code: string;
  /** The English name platforms write beside the code. */
  readonly name: string;
  readonly timezone: string;
  /** Whether Open Food Network and Medusa shops of this country fill in a state (Spree `states_required`). */
  readonly statesUsed: boolean;
  /** WebCommander's country id (install-specific: an OpenCart-style table, AU 13 as in examples/v4.json). */
  readonly v4Id: number;
  readonly places: readonly Place[];
  readonly street: (rng: Rng) => string;
  readonly secondLine: readonly string[];
  /** Phone numbers as customers type them in that country (national and international forms). */
  readonly phones: readonly string[];
  /** Mobile numbers (v4's `mobile`). */
  readonly mobiles: readonly string[];
}

const num = (rng: Rng, max = 400) => rng.int(1, max);

const COUNTRIES: readonly Country[] = [
  {
    code: 'US', name: 'United States', timezone: 'America/Los_Angeles', statesUsed: true, v4Id: 223,
    places: [
      { city: 'Santa Monica', postcode: '90405', region: { code: 'CA', name: 'California' } },
      { city: 'Austin', postcode: '78701', region: { code: 'TX', name: 'Texas' } },
      { city: 'Brooklyn', postcode: '11201', region: { code: 'NY', name: 'New York' } },
      { city: 'Seattle', postcode: '98101', region: { code: 'WA', name: 'Washington' } },
      { city: 'Chicago', postcode: '60601', region: { code: 'IL', name: 'Illinois' } },
      { city: 'Denver', postcode: '80202', region: { code: 'CO', name: 'Colorado' } },
    ],
    street: (rng) => `${num(rng, 9000)} ${rng.pick(['Ocean Park Blvd', 'Elm Street', 'Main St', 'Maple Avenue', 'W 4th St', 'Pine St'])}`,
    secondLine: ['Suite 210', 'Apt 4B', 'Unit 12', 'Floor 3'],
    phones: ['+1 310-555-0142', '512.555.0199', '(213) 373-4253', '512-555-0199', '310.555.0142', ' (415) 555-2671', '1 (415) 555-2671'],
    mobiles: ['+1 310-555-0142', '(213) 373-4253', '512.555.0199'],
  },
  {
    code: 'AU', name: 'Australia', timezone: 'Australia/Sydney', statesUsed: true, v4Id: 13,
    places: [
      { city: 'Melbourne', postcode: '3000', region: { code: 'VIC', name: 'Victoria', abbr: 'Vic' } },
      { city: 'Sydney', postcode: '2000', region: { code: 'NSW', name: 'New South Wales' } },
      { city: 'Parramatta', postcode: '2150', region: { code: 'NSW', name: 'New South Wales' } },
      { city: 'Brisbane', postcode: '4000', region: { code: 'QLD', name: 'Queensland', abbr: 'Qld' } },
      { city: 'Perth', postcode: '6000', region: { code: 'WA', name: 'Western Australia' } },
      { city: 'Hobart', postcode: '7000', region: { code: 'TAS', name: 'Tasmania', abbr: 'Tas' } },
      { city: 'Adelaide', postcode: '5000', region: { code: 'SA', name: 'South Australia' } },
    ],
    street: (rng) => `${rng.chance(0.2) ? `${num(rng, 20)}/` : ''}${num(rng, 300)} ${rng.pick(['Collins St', 'Queen St', 'George St', 'Main Rd', 'Smith Street', 'Beach Rd'])}`,
    secondLine: ['Level 2', 'Unit 4', 'Shop 7', 'PO Box 12'],
    phones: ['0412 345 678', '(03) 9123 4567', '03 9123 4567', '+61 412 345 678', '0400111222', '(02) 9600 1234', ' 0412 345 678', '08 8123 4567'],
    mobiles: ['0412 345 678', '0400111222', '+61 412 345 678', '0412000111'],
  },
  {
    code: 'DE', name: 'Germany', timezone: 'Europe/Berlin', statesUsed: true, v4Id: 81,
    places: [
      { city: 'Berlin', postcode: '10117', region: { code: 'BE', name: 'Berlin' } },
      { city: 'München', postcode: '80802', region: { code: 'BY', name: 'Bayern' } },
      { city: 'Hamburg', postcode: '20095', region: { code: 'HH', name: 'Hamburg' } },
      { city: 'Köln', postcode: '50667', region: { code: 'NW', name: 'Nordrhein-Westfalen' } },
    ],
    street: (rng) => `${rng.pick(['Friedrichstraße', 'Leopoldstraße', 'Hauptstraße', 'Schillerweg', 'Am Markt'])} ${num(rng, 150)}`,
    secondLine: ['Hinterhaus', '3. OG', 'c/o Becker', 'Aufgang B'],
    phones: ['030 1234567', '+49 89 12345678', '0151 23456789', '089 12345678', '+49 30 1234567'],
    mobiles: ['0151 23456789', '+49 151 23456789'],
  },
  {
    code: 'GB', name: 'United Kingdom', timezone: 'Europe/London', statesUsed: false, v4Id: 222,
    places: [
      { city: 'London', postcode: 'SW1A 1AA' },
      { city: 'Manchester', postcode: 'M1 1AE' },
      { city: 'Edinburgh', postcode: 'EH1 1YZ' },
      { city: 'Bristol', postcode: 'BS1 4DJ' },
    ],
    street: (rng) => `${num(rng, 250)} ${rng.pick(['Baker Street', 'High Street', 'Station Road', 'Church Lane', 'Victoria Road'])}`,
    secondLine: ['Flat 3', 'Unit 5', 'The Old Rectory', 'Floor 2'],
    phones: ['020 7946 0958', '+44 20 7946 0958', '0161 496 0000', ' 020 7946 0958'],
    mobiles: ['07700 900123', '+44 7700 900123'],
  },
  {
    code: 'FR', name: 'France', timezone: 'Europe/Paris', statesUsed: false, v4Id: 74,
    places: [
      { city: 'Paris', postcode: '75011', region: { code: '75C', name: 'Paris' } },
      { city: 'Lyon', postcode: '69002', region: { code: '69', name: 'Rhône' } },
      { city: 'Marseille', postcode: '13001', region: { code: '13', name: 'Bouches-du-Rhône' } },
      { city: 'Bordeaux', postcode: '33000', region: { code: '33', name: 'Gironde' } },
    ],
    street: (rng) => `${num(rng, 120)} ${rng.pick(['rue de la Paix', 'avenue Jean Jaurès', 'boulevard Voltaire', 'rue du Faubourg Saint-Antoine', 'quai des Chartrons'])}`,
    secondLine: ['Bâtiment B', 'Escalier 2', '3e étage', 'Appartement 12'],
    phones: ['01 23 45 67 89', '06 12 34 56 78', '+33 6 12 34 56 78', '+33 1 23 45 67 89'],
    mobiles: ['06 12 34 56 78', '+33 6 12 34 56 78'],
  },
  {
    code: 'NZ', name: 'New Zealand', timezone: 'Pacific/Auckland', statesUsed: false, v4Id: 153,
    places: [
      { city: 'Auckland', postcode: '1010', region: { code: 'AUK', name: 'Auckland' } },
      { city: 'Wellington', postcode: '6011', region: { code: 'WGN', name: 'Wellington' } },
      { city: 'Christchurch', postcode: '8011', region: { code: 'CAN', name: 'Canterbury' } },
    ],
    street: (rng) => `${num(rng, 200)} ${rng.pick(['Queen Street', 'Lambton Quay', 'Ponsonby Road', 'Colombo Street'])}`,
    secondLine: ['Level 5', 'Flat 2', 'Unit 3'],
    phones: ['021 123 4567', '+64 21 123 4567', '09 379 1234'],
    mobiles: ['021 123 4567', '+64 21 123 4567'],
  },
  {
    code: 'CA', name: 'Canada', timezone: 'America/Toronto', statesUsed: true, v4Id: 38,
    places: [
      { city: 'Toronto', postcode: 'M5V 2T6', region: { code: 'ON', name: 'Ontario' } },
      { city: 'Vancouver', postcode: 'V6B 1A1', region: { code: 'BC', name: 'British Columbia' } },
      { city: 'Montréal', postcode: 'H2X 1Y4', region: { code: 'QC', name: 'Quebec' } },
    ],
    street: (rng) => `${num(rng, 900)} ${rng.pick(['King St W', 'Granville St', 'Rue Sainte-Catherine', 'Yonge St'])}`,
    secondLine: ['Unit 1203', 'Suite 400', 'Apt 7'],
    phones: ['(416) 555-0123', '604-555-0188', '(514) 390-1234', '+1 514 390 1234'],
    mobiles: ['604-555-0188', '(416) 555-0123'],
  },
];

/** Country weights: shops sell mostly at home, a few customers abroad. */
const WEIGHTED = COUNTRIES.flatMap((c) => Array.from({ length: { US: 4, AU: 4, DE: 2, GB: 2, FR: 1, NZ: 1, CA: 1 }[c.code] ?? 1 }, () => c));

interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly country: Country;
  readonly company: string | undefined;
}

/** ASCII e-mail local part of a name (`María López` -> `maria.lopez`). */
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const DOMAINS = ['example.com', 'example.org', 'example.com.au', 'example.de', 'example.co.uk', 'example.fr', 'example.co.nz'];

function person(rng: Rng, i: number): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  return {
    first,
    last,
    email: `${ascii(first)}.${ascii(last)}${i}@${rng.pick(DOMAINS)}`,
    country: rng.pick(WEIGHTED),
    company: rng.chance(0.25) ? rng.pick(COMPANIES) : undefined,
  };
}

/** One address of a person: mostly in their country, now and then abroad (a gift, an office). */
interface Addr {
  readonly country: Country;
  readonly place: Place;
  readonly lines: readonly [string] | readonly [string, string];
  readonly phone: string;
  readonly mobile: string;
  readonly company: string | undefined;
  readonly first: string;
  readonly last: string;
}

function addressOf(rng: Rng, p: Person, n: number): Addr {
  const country = n > 0 && rng.chance(0.15) ? rng.pick(COUNTRIES) : p.country;
  const place = rng.pick(country.places);
  const street = country.street(rng);
  const lines: Addr['lines'] = rng.chance(0.35) ? (rng.chance(0.5) ? [rng.pick(country.secondLine), street] : [street, rng.pick(country.secondLine)]) : [street];
  // A second address is sometimes someone else's (a gift, a workplace).
  const other = n > 0 && rng.chance(0.2);
  return {
    country,
    place,
    lines,
    phone: rng.pick(country.phones),
    mobile: rng.pick(country.mobiles),
    company: n === 0 ? p.company : rng.chance(0.2) ? rng.pick(COMPANIES) : undefined,
    first: other ? rng.pick(FIRST) : p.first,
    last: other ? rng.pick(LAST) : p.last,
  };
}

const addresses = (rng: Rng, p: Person, max = 3): Addr[] => {
  const count = Math.min(max, rng.pick([1, 1, 1, 2, 2, 3]));
  return Array.from({ length: count }, (_, n) => addressOf(rng, p, n));
};

/** Milliseconds between 2019 and 2026, whole seconds. */
const instant = (rng: Rng) => Math.floor(rng.int(Date.UTC(2019, 0, 1) / 1000, Date.UTC(2026, 10, 1) / 1000)) * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
/** `YYYY-MM-DD HH:MM:SS`, UTC, as Magento and WebCommander write it. */
const sqlTime = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');
const pad = (n: number) => String(n).padStart(2, '0');
/** `2024-03-18T14:02:41.000+11:00`: Rails' form with the shop's offset. */
const railsTime = (ms: number, offsetHours: number) => {
  const local = new Date(ms + offsetHours * 3600_000).toISOString().slice(0, 23);
  return `${local}${offsetHours < 0 ? '-' : '+'}${pad(Math.abs(offsetHours))}:00`;
};
const dob = (rng: Rng) => `${rng.int(1950, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A Medusa id: prefix and a ULID (time part from `ms`, random part from the PRNG). */
function ulid(prefix: string, ms: number, rng: Rng): string {
  let time = '';
  let t = ms;
  for (let k = 0; k < 10; k++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let random = '';
  for (let k = 0; k < 16; k++) random += CROCKFORD[rng.int(0, 31)];
  return `${prefix}_${time}${random}`;
}

// ---------------------------------------------------------------------------------------------
// Magento 2: `GET /V1/customers/{id}` key order, absent values left out (magento.md §3.3)
// ---------------------------------------------------------------------------------------------

/** The standard-install directory rows by country and region name (ids as Magento writes them). */
const MAGENTO_REGIONS = new Map(
  MAGENTO_STANDARD_REGIONS.flatMap((c) => (c.available_regions ?? []).map((r) => [`${c.id}:${r.name}`, { code: r.code, name: r.name, id: Number(r.id) }] as const)),
);
/** German exports write the names of the install data (`Bayern`), French ones the department names. */
function magentoRegion(a: Addr): { region: Record<string, unknown>; regionId?: number } | undefined {
  const r = a.place.region;
  if (!r) return undefined;
  const row = MAGENTO_REGIONS.get(`${a.country.code}:${r.name}`);
  // A country with a directory: its row. Without one: the text as typed, region id 0 (free text).
  if (row) return { region: { region_code: row.code, region: row.name, region_id: row.id }, regionId: row.id };
  return { region: { region_code: r.code, region: r.name, region_id: 0 } };
}

const magento: ShapeGenerator = (rng, i) => {
  const p = person(rng, i);
  const id = 100_000 + i;
  const addrs = addresses(rng, p);
  const firstAddressId = 500_000 + i * 3;
  const billing = rng.pick(addrs.map((_, n) => n));
  const shipping = rng.chance(0.6) ? billing : rng.pick(addrs.map((_, n) => n));
  const created = instant(rng);
  const r: ExportRecord = { id, group_id: rng.pick([1, 1, 1, 2, 3]) };
  r.default_billing = String(firstAddressId + billing);
  r.default_shipping = String(firstAddressId + shipping);
  r.created_at = sqlTime(created);
  r.updated_at = sqlTime(created + rng.int(0, 400) * 86_400_000);
  r.created_in = rng.pick(['Default Store View', 'Default Store View', 'Admin', 'English']);
  if (rng.chance(0.4)) r.dob = dob(rng);
  r.email = p.email;
  r.firstname = p.first;
  r.lastname = p.last;
  if (rng.chance(0.1)) r.middlename = rng.pick(['J.', 'Anne', 'M.']);
  if (rng.chance(0.2)) r.prefix = rng.pick(['Mr.', 'Ms.', 'Dr', 'Mrs.']);
  if (rng.chance(0.5)) r.gender = rng.pick([1, 2, 3]);
  r.store_id = 1;
  if (rng.chance(0.1)) r.taxvat = rng.pick(['DE123456789', 'GB123456789', 'FR40303265045']);
  r.website_id = 1;
  r.addresses = addrs.map((a, n) => {
    const out: ExportRecord = { id: firstAddressId + n, customer_id: id };
    const region = magentoRegion(a);
    if (region) {
      out.region = region.region;
      if (region.regionId !== undefined) out.region_id = region.regionId;
    }
    out.country_id = a.country.code;
    out.street = [...a.lines];
    if (a.company) out.company = a.company;
    out.telephone = a.phone;
    out.postcode = a.place.postcode;
    out.city = a.place.city;
    out.firstname = a.first;
    out.lastname = a.last;
    if (n === shipping) out.default_shipping = true;
    if (n === billing) out.default_billing = true;
    return out;
  });
  r.disable_auto_group_change = 0;
  if (rng.chance(0.7)) r.extension_attributes = { is_subscribed: rng.chance(0.4) };
  if (rng.chance(0.2)) r.custom_attributes = [{ attribute_code: 'loyalty_tier', value: rng.pick(['gold', 'silver', 'bronze']) }];
  return r;
};

// ---------------------------------------------------------------------------------------------
// Medusa v1: `GET /admin/customers/{id}?expand=billing_address,shipping_addresses,groups`, every
// column a key, null when empty (platforms.md §1.2, §1.3; examples/medusa.json)
// ---------------------------------------------------------------------------------------------

function medusaAddress(rng: Rng, a: Addr, customerId: string | null, ms: number): ExportRecord {
  const r = a.place.region;
  const at = iso(ms);
  return {
    id: ulid('addr', ms, rng),
    customer_id: customerId,
    company: a.company ?? null,
    first_name: a.first,
    last_name: a.last,
    address_1: a.lines[0],
    address_2: a.lines[1] ?? null,
    city: a.place.city,
    country_code: a.country.code.toLowerCase(),
    // Free text: the code where shops of the country use states, else mostly nothing.
    province: r && a.country.statesUsed ? (rng.chance(0.7) ? r.code : r.name) : r && rng.chance(0.3) ? r.name : null,
    postal_code: a.place.postcode,
    phone: rng.chance(0.85) ? a.phone : null,
    metadata: null,
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
}

const medusa: ShapeGenerator = (rng, i) => {
  const p = person(rng, i);
  const created = instant(rng);
  const id = ulid('cus', created, rng);
  const addrs = addresses(rng, p);
  // The billing address is its own row without customer_id (platforms.md §1.2); the address book may repeat it.
  const withBilling = rng.chance(0.75);
  const billing = withBilling ? medusaAddress(rng, addrs[0] as Addr, rng.chance(0.3) ? id : null, created) : null;
  const book = addrs.slice(withBilling ? 1 : 0).map((a, n) => medusaAddress(rng, a, id, created + (n + 1) * 3_600_000));
  const updated = created + rng.int(0, 300) * 86_400_000;
  const r: ExportRecord = {
    id,
    email: p.email.toLowerCase(),
    first_name: p.first,
    last_name: p.last,
    billing_address_id: billing ? billing.id : null,
    billing_address: billing,
    shipping_addresses: book,
  };
  if (rng.chance(0.35)) {
    r.groups = [{ id: ulid('cgrp', Date.UTC(2023, 0, 10), rng), name: rng.pick(['Wholesale', 'VIP', 'Staff']), metadata: null, created_at: '2023-01-10T00:00:00.000Z', updated_at: '2023-01-10T00:00:00.000Z', deleted_at: null }];
  }
  r.phone = rng.chance(0.6) ? (addrs[0] as Addr).phone : null;
  r.has_account = rng.chance(0.85);
  r.metadata = rng.chance(0.3) ? { tier: rng.pick(['gold', 'silver']), source: 'newsletter' } : null;
  r.created_at = iso(created);
  r.updated_at = iso(updated);
  r.deleted_at = null;
  return r;
};

// ---------------------------------------------------------------------------------------------
// WebCommander v4: `GET /admin/customers/{id}`, the seed's key order (examples/v4.json): explicit
// nulls, empty strings for the text a form left blank
// ---------------------------------------------------------------------------------------------

/** WebCommander state ids: install-specific, consecutive per country here (NSW 244, VIC 247 as in the example). */
const V4_STATES = new Map<string, number>();
for (const c of COUNTRIES) for (const pl of c.places) if (pl.region && !V4_STATES.has(`${c.code}:${pl.region.code}`)) V4_STATES.set(`${c.code}:${pl.region.code}`, 240 + V4_STATES.size);
V4_STATES.set('AU:NSW', 244);
V4_STATES.set('AU:VIC', 247);

const v4: ShapeGenerator = (rng, i) => {
  const p = person(rng, i);
  const id = 5_000 + i;
  const addrs = addresses(rng, p);
  const firstAddressId = 9_000 + i * 3;
  const company = p.company !== undefined;
  const au = p.country.code === 'AU';
  const created = instant(rng);
  const shippingIndex = addrs.length > 1 && rng.chance(0.7) ? 1 : 0;
  const r: ExportRecord = {
    id,
    display_id: 1_000 + i,
    status: rng.chance(0.92) ? 'active' : 'awaiting_verification',
    first_name: p.first,
    last_name: p.last,
    email: p.email,
    sex: rng.pick(['MALE', 'FEMALE', 'FEMALE', 'MALE', 'OTHER']),
    parent: company && rng.chance(0.3) ? { id: 4_000 + rng.int(0, 400), name: `${p.last} Group` } : null,
    company,
    company_name: p.company ?? null,
    timezone: p.country.timezone,
    abn: company && au ? rng.pick(['51 824 753 556', '53 004 085 616']) : '',
    abn_branch: company && au ? '001' : '',
  };
  if (rng.chance(0.5)) {
    r.shipping_profile = { id: rng.int(1, 5), name: rng.pick(['Metro', 'Regional', 'International']), description: null, created: '2024-01-02 10:00:00', updated: '2024-01-02 10:00:00', version: '1', rulePrecedence: 'first', shippingRules: [] };
  }
  Object.assign(r, {
    transaction_number: company ? `TXN-${10_000 + i}` : '',
    referral_code: `${ascii(p.first).toUpperCase().slice(0, 6)}${id}`,
    used_referral_code: rng.chance(0.15) ? `FRIEND${rng.int(1000, 9999)}` : null,
    count_referral_code_used: rng.chance(0.8) ? 0 : rng.int(1, 5),
    allow_credit_limit: company,
    store_credit: rng.chance(0.8) ? 0 : rng.int(1, 200) / 2,
    credit_limit: company ? rng.pick([500, 1000, 2500]) : 0,
    how_do_you_know: rng.pick(['Google', 'A friend', 'Instagram', '']),
    customer_password_expired: false,
    hide_price: false,
    default_tax_code: rng.pick(['GST', 'GST', 'VAT']),
    source: rng.pick(['REGISTRATION', 'REGISTRATION', 'ADMIN', 'CHECKOUT']),
    base_url: 'https://shop.example.com.au',
    background_image: null,
    profile_picture: rng.chance(0.1) ? `/images/customers/${id}.jpg` : null,
    created_at: sqlTime(created),
    version: String(rng.int(1, 9)),
    addresses: addrs.map((a, n) => {
      const region = a.place.region && a.country.statesUsed ? a.place.region : undefined;
      return {
        id: firstAddressId + n,
        type: n === 0 ? 'PRIMARY' : n === shippingIndex ? 'SHIPPING' : 'BILLING',
        first_name: a.first,
        last_name: a.last,
        email: p.email,
        company_name: a.company ?? null,
        address_line_1: a.lines[0],
        address_line_2: a.lines[1] ?? null,
        country: { id: a.country.v4Id, name: a.country.name, code: a.country.code },
        state: region ? { id: V4_STATES.get(`${a.country.code}:${region.code}`) ?? null, name: region.name, code: region.code } : null,
        city: a.place.city,
        post_code: a.place.postcode,
        mobile: rng.chance(0.7) ? a.mobile : null,
        phone: rng.chance(0.6) ? a.phone : null,
        fax: null,
      };
    }),
    active_billing_address: firstAddressId,
    active_shipping_address: firstAddressId + shippingIndex,
    is_in_trash: false,
  });
  return r;
};

// ---------------------------------------------------------------------------------------------
// Open Food Network v1: the `data.attributes` of a customer (platforms.md §3.3, §3.4;
// examples/enterprise-v1.json): explicit nulls, at most a billing and a shipping address
// ---------------------------------------------------------------------------------------------

const OFFSETS: Readonly<Record<string, number>> = { US: -7, AU: 11, DE: 1, GB: 0, FR: 1, NZ: 13, CA: -5 };
/** Spree's coordinates of the city, roughly (Open Food Network geocodes shipping addresses). */
const COORDINATES: Readonly<Record<string, readonly [number, number]>> = {
  Melbourne: [-37.8136, 144.9631], Sydney: [-33.8688, 151.2093], Brisbane: [-27.4698, 153.0251], London: [51.5072, -0.1276], Berlin: [52.52, 13.405],
};

function ofnAddress(rng: Rng, a: Addr, geocode: boolean): ExportRecord {
  const r = a.place.region && a.country.statesUsed ? a.place.region : undefined;
  const at = geocode ? COORDINATES[a.place.city] : undefined;
  return {
    phone: a.phone,
    latitude: at ? at[0] + rng.int(-500, 500) / 10_000 : null,
    longitude: at ? at[1] + rng.int(-500, 500) / 10_000 : null,
    first_name: a.first,
    last_name: a.last,
    street_address_1: a.lines[0],
    street_address_2: a.lines[1] ?? rng.pick(['', null]),
    postal_code: a.place.postcode,
    locality: a.place.city,
    region: r ? { name: r.name, code: r.abbr ?? r.code } : null,
    country: { name: a.country.name, code: a.country.code },
  };
}

const enterpriseV1: ShapeGenerator = (rng, i) => {
  const p = person(rng, i);
  const addrs = addresses(rng, p, 2);
  const offset = OFFSETS[p.country.code] ?? 0;
  // One address: the shipping one (a delivery) or the billing one; two: both.
  const [first, second] = addrs as [Addr, Addr | undefined];
  const billing = second || rng.chance(0.4) ? ofnAddress(rng, first, false) : null;
  const shipping = second ? ofnAddress(rng, second, true) : billing ? null : ofnAddress(rng, first, true);
  return {
    id: 1_000 + i,
    enterprise_id: rng.pick([42, 42, 42, 7]),
    first_name: p.first,
    last_name: p.last,
    code: rng.chance(0.3) ? `${ascii(p.first).slice(0, 1).toUpperCase()}${ascii(p.last).slice(0, 1).toUpperCase()}-${String(i).padStart(5, '0')}` : null,
    email: p.email.toLowerCase(),
    allow_charges: rng.chance(0.2),
    terms_and_conditions_accepted_at: rng.chance(0.6) ? railsTime(instant(rng), offset) : null,
    tags: rng.chance(0.5) ? [rng.pick(['wholesale', 'veg-box', 'staff', 'vip']), ...(rng.chance(0.3) ? ['newsletter'] : [])] : [],
    billing_address: billing,
    shipping_address: shipping,
    balance: rng.chance(0.7) ? 0 : rng.int(-4000, 2000) / 100,
  };
};

// ---------------------------------------------------------------------------------------------
// Medusa v2: `GET /admin/customers/{id}?fields=*addresses,*groups` (platforms.md §2.9): the default
// customer fields, then `addresses` with their default flags and `groups`
// ---------------------------------------------------------------------------------------------

const medusaV2: ShapeGenerator = (rng, i) => {
  const p = person(rng, i);
  const created = instant(rng);
  const id = ulid('cus', created, rng);
  const addrs = addresses(rng, p);
  // One default billing and one default shipping address at most (partial unique indexes), often the same.
  const billing = rng.chance(0.8) ? 0 : -1;
  const shipping = rng.chance(0.7) ? (addrs.length > 1 && rng.chance(0.4) ? 1 : 0) : -1;
  const updated = created + rng.int(0, 300) * 86_400_000;
  return {
    id,
    company_name: p.company ?? null,
    first_name: p.first,
    last_name: p.last,
    // v2 keeps the e-mail as written (v1 lower-cased it).
    email: rng.chance(0.9) ? p.email.toLowerCase() : p.email,
    phone: rng.chance(0.5) ? (addrs[0] as Addr).phone : null,
    metadata: rng.chance(0.2) ? { source: rng.pick(['pos', 'import-2024-07']) } : null,
    has_account: rng.chance(0.7),
    created_by: rng.chance(0.3) ? ulid('user', Date.UTC(2022, 5, 1), rng) : null,
    created_at: iso(created),
    updated_at: iso(updated),
    deleted_at: null,
    addresses: addrs.map((a, n) => {
      const ms = created + n * 3_600_000;
      const r = a.place.region;
      return {
        id: ulid('cuaddr', ms, rng),
        address_name: rng.chance(0.4) ? rng.pick(['Home', 'Work', 'Warehouse']) : null,
        is_default_shipping: n === shipping,
        is_default_billing: n === billing,
        customer_id: id,
        company: a.company ?? null,
        first_name: a.first,
        last_name: a.last,
        address_1: a.lines[0],
        address_2: a.lines[1] ?? null,
        city: a.place.city,
        country_code: a.country.code.toLowerCase(),
        province: r && a.country.statesUsed ? (rng.chance(0.7) ? r.code : r.name) : null,
        postal_code: a.place.postcode,
        phone: rng.chance(0.85) ? a.phone : null,
        metadata: null,
        created_at: iso(ms),
        updated_at: iso(ms),
      };
    }),
    groups: rng.chance(0.3)
      ? [{ id: ulid('cusgroup', Date.UTC(2024, 0, 1), rng), name: rng.pick(['Wholesale', 'VIP', 'Staff']), metadata: null, created_by: null, created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', deleted_at: null }]
      : [],
  };
};

// ---------------------------------------------------------------------------------------------

/** One generator per platform of the registry: a platform missing here fails the type check. */
export const generators: Readonly<Record<PlatformId, ShapeGenerator>> = {
  magento,
  medusa,
  v4,
  'enterprise-v1': enterpriseV1,
  'medusa-v2': medusaV2,
};

/** The generator of a registered platform; throws for one that has none (tsx does not type-check). */
export function generatorOf(id: string): ShapeGenerator {
  if (!Object.hasOwn(registry, id)) throw new Error(`"${id}" is no platform of the registry`);
  const g = (generators as Partial<Record<string, ShapeGenerator>>)[id];
  if (!g) throw new Error(`scripts/export-shaped.ts has no generator for the registered platform "${id}": add one (export-shaped records of its API)`);
  return g;
}

/** Throws unless every registered platform has a generator. */
export function checkGenerators(): void {
  for (const id of Object.keys(registry)) generatorOf(id);
}

export const SEED = 20261205;

/** `count` export-shaped records of a platform, one at a time: the same ones for the same seed. */
export function* exportShapedRecords(id: string, count: number, seed = SEED): Generator<ExportRecord> {
  const g = generatorOf(id);
  const rng = new Rng(seed);
  for (let i = 0; i < count; i++) yield g(rng, i);
}

/** The first `count` records of `exportShapedRecords`, as an array. */
export const exportShaped = (id: string, count: number, seed = SEED): ExportRecord[] => [...exportShapedRecords(id, count, seed)];
