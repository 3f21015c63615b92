import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { getAt } from '../../src/core/path.js';
import { createMagentoCsvWriter, magentoCsvLosses, readMagentoCsv } from '../../src/csv/magento.js';
import { ConversionError, InvalidOptionError } from '../../src/index.js';
import { MagentoCustomer } from '../../src/platforms/magento/schema.js';
import { record as magentoRecord } from '../arbitraries/magento.js';
import { collect, sink, stream, writeAll } from './helpers.js';

type Rec = Record<string, unknown>;

const [maria] = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/magento.json'), 'utf8')) as Rec[];

// The sample headers of magento.md §6.1 and §6.2.
const MAIN =
  'email,_website,_store,confirmation,created_at,created_in,disable_auto_group_change,dob,firstname,gender,group_id,lastname,middlename,password_hash,prefix,reward_update_notification,reward_warning_notification,rp_token,rp_token_created_at,store_id,suffix,taxvat,updated_at,website_id,password';
const ADDR =
  '_website,_email,_entity_id,city,company,country_id,fax,firstname,lastname,middlename,postcode,prefix,region,region_id,street,suffix,telephone,vat_id,vat_is_valid,vat_request_date,vat_request_id,vat_request_success,_address_default_billing_,_address_default_shipping_';

const minimal = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };

describe('createMagentoCsvWriter', () => {
  it('writes a Customers Main File and a Customer Addresses file with the sample headers', async () => {
    const { main, addresses } = await writeAll([maria!]);
    expect(main.split('\n')[0]).toBe(MAIN);
    expect(addresses.split('\n')[0]).toBe(ADDR);
    expect(main).toMatchInlineSnapshot(`
      "email,_website,_store,confirmation,created_at,created_in,disable_auto_group_change,dob,firstname,gender,group_id,lastname,middlename,password_hash,prefix,reward_update_notification,reward_warning_notification,rp_token,rp_token_created_at,store_id,suffix,taxvat,updated_at,website_id,password
      maria.lopez@example.com,base,default,,2024-05-02 18:41:07,Default Store View,0,1988-07-14,María,Female,1,López,J.,,Ms.,,,,,1,,,2024-05-02 18:41:08,1,
      "
    `);
    // The multi-line street is one quoted cell with an LF; defaults are flagged `1`.
    expect(addresses).toMatchInlineSnapshot(`
      "_website,_email,_entity_id,city,company,country_id,fax,firstname,lastname,middlename,postcode,prefix,region,region_id,street,suffix,telephone,vat_id,vat_is_valid,vat_request_date,vat_request_id,vat_request_success,_address_default_billing_,_address_default_shipping_
      base,maria.lopez@example.com,587,Santa Monica,Sunset Ceramics LLC,US,,María,López,,90405,,California,12,"1450 Ocean Park Blvd
      Suite 210",,+1 310-555-0142,,,,,,1,
      base,maria.lopez@example.com,588,Austin,,US,,María,López,,78701,,Texas,57,782 Elm Street,,512-555-0199,,,,,,,1
      "
    `);
  });

  it('writes the headers when there is no record', async () => {
    expect(await writeAll([])).toEqual({ main: `${MAIN}\n`, addresses: `${ADDR}\n` });
  });

  it('flags an address as default when the customer points at its id', async () => {
    const record = {
      ...minimal, default_billing: '16', default_shipping: '17',
      addresses: [16, 17].map((id) => ({ id, country_id: 'GB', street: ['1 High St'], telephone: '020 7946 0958', city: 'London', firstname: 'Tom', lastname: 'Baker' })),
    };
    const { addresses } = await writeAll([record]);
    expect(addresses.split('\n').slice(1, 3).map((l) => l.split(',').slice(-2))).toEqual([['1', ''], ['', '1']]);
  });

  it('writes `_website` and `_store` codes from its tables, with the standard install by default', async () => {
    const rows = async (records: Rec[], options?: Parameters<typeof writeAll>[1]) =>
      (await writeAll(records, options)).main.split('\n').slice(1, -1).map((l) => l.split(',').slice(1, 3));
    expect(await rows([{ ...minimal, website_id: 0, store_id: 0 }, { ...minimal, store_id: 1 }, { ...minimal, store_id: 4 }])).toEqual([
      ['admin', 'admin'], ['base', 'default'], ['base', ''],
    ]);
    expect(await rows([{ ...minimal, website_id: 3, store_id: 4 }], { websites: { 3: 'wholesale' }, stores: { 4: 'wholesale_en' } })).toEqual([['wholesale', 'wholesale_en']]);
  });

  it('refuses a record whose website has no code, writing nothing of it', async () => {
    const main = sink();
    const addresses = sink();
    const writer = createMagentoCsvWriter(main.stream, addresses.stream);
    const error = (() => {
      try {
        writer.write({ ...minimal, website_id: 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConversionError);
    expect((error as ConversionError).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "No website code for this website_id in the default codes { 0: "admin", 1: "base" }: give one with the \`websites\` option",
          "path": [
            "website_id",
          ],
        },
      ]
    `);
    writer.write(minimal);
    await writer.end();
    expect(main.text().split('\n')).toHaveLength(3);
  });

  it('lists the website codes in effect when it refuses a website: the given ones replace the defaults', () => {
    const messages = (websites: Record<number, string>) => {
      try {
        createMagentoCsvWriter(sink().stream, sink().stream, { websites }).write(minimal);
      } catch (e) {
        return (e as ConversionError).issues.map((i) => i.message);
      }
      return [];
    };
    expect(messages({ 2: 'wholesale', 3: 'eu' })).toMatchInlineSnapshot(`
      [
        "No website code for this website_id in the codes given { 2: "wholesale", 3: "eu" } (the defaults do not apply): give one with the \`websites\` option",
      ]
    `);
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 2, `w${i + 2}`]));
    expect(messages(ten)[0]).toContain('{ 2: "w2", 3: "w3", 4: "w4", 5: "w5", 6: "w6", 7: "w7", 8: "w8", 9: "w9", … 2 more }');
  });

  it('refuses a record holding a plain-text password, without quoting it', async () => {
    const writer = createMagentoCsvWriter(sink().stream, sink().stream);
    const attempt = () => writer.write({ ...minimal, password: 'Secr3t!pass' });
    expect(attempt).toThrow(ConversionError);
    try {
      attempt();
    } catch (e) {
      expect((e as ConversionError).issues).toEqual([expect.objectContaining({ code: 'invalid_input', path: ['password'] })]);
      expect(JSON.stringify((e as ConversionError).issues) + (e as Error).message).not.toContain('Secr3t');
    }
    expect(() => writer.write({ ...minimal, email: 'not an email' })).toThrow(ConversionError);
    await writer.end();
  });

  it('writes attribute columns: the sample ones, and those the caller adds', async () => {
    const record = {
      ...minimal,
      custom_attributes: [
        { attribute_code: 'loyalty_tier', value: 'gold' },
        { attribute_code: 'rp_token', value: 'abc' },
        { attribute_code: 'crm_ref', value: 42 },
      ],
      addresses: [{ country_id: 'GB', street: ['1 High St'], telephone: '1', city: 'London', firstname: 'T', lastname: 'B', custom_attributes: [{ attribute_code: 'vat_is_valid', value: '1' }] }],
    };
    const { main, addresses } = await writeAll([record], { attributes: { customer: ['loyalty_tier', 'crm_ref'] } });
    expect(main.split('\n')[0]).toBe(`${MAIN},loyalty_tier,crm_ref`);
    expect(main.split('\n')[1]!.split(',')).toEqual(expect.arrayContaining(['abc', 'gold']));
    expect(main.split('\n')[1]!.endsWith(',gold,')).toBe(true);
    expect(addresses.split('\n')[1]!.split(',').at(-6)).toBe('1');
    expect(magentoCsvLosses(record, { attributes: { customer: ['loyalty_tier', 'crm_ref'] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "not_representable",
          "message": "Not carried to Magento CSV: a cell holds text; this value is not a string",
          "path": [
            "custom_attributes",
            2,
            "value",
          ],
        },
      ]
    `);
  });

  it('refuses malformed options', () => {
    const make = (options: unknown) => () => createMagentoCsvWriter(sink().stream, sink().stream, options as never);
    expect(make({ websites: { base: 1 } })).toThrow(InvalidOptionError);
    expect(make({ attributes: { customer: ['email'] } })).toThrow('"email" is already a column');
    expect(make({ attributes: { address: ['has space'] } })).toThrow(InvalidOptionError);
    expect(make({ website: {} })).toThrow(InvalidOptionError);
  });

  it('throws on write after end, and passes on a failing destination', async () => {
    const writer = createMagentoCsvWriter(sink().stream, sink().stream);
    await writer.end();
    expect(() => writer.write(minimal)).toThrow('write() after end()');

    const broken = new Writable({ write: (_c, _e, done) => done(new Error('disk full')) });
    const failing = createMagentoCsvWriter(broken, sink().stream);
    failing.write(minimal);
    await expect(failing.end()).rejects.toThrow('disk full');
  });
});

describe('magentoCsvLosses', () => {
  it('lists what the CSV files cannot hold of a REST record', () => {
    expect(magentoCsvLosses(maria!)).toMatchInlineSnapshot(`
      [
        {
          "code": "server_assigned",
          "message": "Not carried to Magento CSV: the importer matches customers by email and _website, not by id",
          "path": [
            "id",
          ],
        },
        {
          "code": "not_representable",
          "message": "Not carried to Magento CSV: the CSV files have no extension attribute columns",
          "path": [
            "extension_attributes",
            "is_subscribed",
          ],
        },
        {
          "code": "not_representable",
          "message": "Not carried to Magento CSV: no column for this attribute (see the writer's \`attributes\` option)",
          "path": [
            "custom_attributes",
            0,
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not carried to Magento CSV: the importer links addresses by _email and _website",
          "path": [
            "addresses",
            0,
            "customer_id",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not carried to Magento CSV: the importer links addresses by _email and _website",
          "path": [
            "addresses",
            1,
            "customer_id",
          ],
        },
      ]
    `);
    expect(magentoCsvLosses({ ...minimal, gender: 4, store_id: 9, default_billing: '5', note: 'x' }).map((l) => [l.code, l.path])).toEqual([
      ['server_assigned', ['default_billing']],
      ['not_representable', ['gender']],
      ['not_representable', ['store_id']],
      ['unknown_field', ['note']],
    ]);
  });

  it('only names paths that the record has', () => {
    fc.assert(
      fc.property(magentoRecord, (r) => {
        for (const loss of magentoCsvLosses(r)) expect(getAt(r, loss.path)).not.toBeUndefined();
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: write -> read gives the records back, modulo what CSV cannot hold.

const ATTRIBUTES = ['loyalty_tier', 'account_manager', 'crm_ref'];
const OPTIONS = {
  websites: { 0: 'admin', 1: 'base', 2: 'w2', 3: 'w3', 4: 'w4', 5: 'w5' },
  stores: { 0: 'admin', 1: 'default' },
  attributes: { customer: ATTRIBUTES, address: ATTRIBUTES },
};

const none = (v: unknown): boolean => v === null || v === undefined || v === '';

/** Custom attributes as the files give them back: string values of the columns, one per code, in column order. */
function attributesBack(list: unknown): { attribute_code: string; value: string }[] {
  const found = new Map<string, string>();
  for (const a of (list ?? []) as { attribute_code: string; value: unknown }[]) {
    if (ATTRIBUTES.includes(a.attribute_code) && typeof a.value === 'string' && !found.has(a.attribute_code)) found.set(a.attribute_code, a.value);
  }
  return ATTRIBUTES.filter((c) => found.has(c) && found.get(c) !== '').map((c) => ({ attribute_code: c, value: found.get(c)! }));
}

/**
 * What CSV gives back of a record (the documented limits): no ids but addresses', no extension
 * attributes, `null`/`""` read as absent, gender only as options 0-3 or a cell text (the writer's text for an id read as the id), one region text (the name, else
 * the code) and one region id, address defaults as flags (set by the customer's pointers too), custom
 * attributes only for columns and string values; `addresses` always present when read with the
 * addresses file.
 */
function expected(r: Rec): Rec {
  const out: Rec = {};
  for (const k of ['group_id', 'confirmation', 'created_at', 'updated_at', 'created_in', 'dob', 'email', 'firstname', 'lastname', 'middlename', 'prefix', 'suffix', 'store_id', 'taxvat', 'website_id', 'disable_auto_group_change', 'password_hash']) {
    if (!none(r[k])) out[k] = r[k];
  }
  // An option id 0-3, or a cell text as written; the text a writer writes for an id reads back as that id.
  if (r.gender === 0 || r.gender === 1 || r.gender === 2 || r.gender === 3) out.gender = r.gender;
  else if (typeof r.gender === 'string') out.gender = { Male: 1, Female: 2, 'Not Specified': 3, '0': 0 }[r.gender] ?? r.gender;
  const custom = attributesBack(r.custom_attributes);
  if (custom.length > 0) out.custom_attributes = custom;
  out.addresses = ((r.addresses ?? []) as Rec[]).map((a) => {
    const back: Rec = {};
    for (const k of ['id', 'country_id', 'company', 'telephone', 'fax', 'postcode', 'city', 'firstname', 'lastname', 'middlename', 'prefix', 'suffix', 'vat_id', 'street']) {
      if (!none(a[k])) back[k] = a[k];
    }
    const region = (a.region ?? {}) as Rec;
    const text = region.region || region.region_code;
    if (!none(text)) back.region = { region: text };
    const regionId = a.region_id ?? region.region_id;
    if (!none(regionId)) back.region_id = regionId;
    for (const [flag, pointer] of [['default_billing', r.default_billing], ['default_shipping', r.default_shipping]] as const) {
      if (a[flag] === true || (a.id != null && pointer === String(a.id))) back[flag] = true;
    }
    const custom = attributesBack(a.custom_attributes);
    if (custom.length > 0) back.custom_attributes = custom;
    return back;
  });
  return out;
}

/** The texts of a record's cells: every string in it, and each street as its cell (lines joined). */
function* cellTexts(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* cellTexts(v);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'street' && Array.isArray(v)) yield v.join('\n');
      else yield* cellTexts(v);
    }
  }
}

/**
 * Generated records CSV can carry: valid, street lines without line breaks, and no cell spanning
 * lines that holds an "@" (read back as damage: rows inside a quoted cell, see src/csv/damage.ts).
 */
const csvRecord: fc.Arbitrary<Rec> = magentoRecord
  .map((r): Rec => ({
    ...r,
    ...(Array.isArray(r.addresses)
      ? { addresses: (r.addresses as Rec[]).map((a) => ({ ...a, street: (a.street as string[]).map((l) => l.replace(/[\r\n]/g, ' ')) })) }
      : {}),
  }))
  .filter((r) => MagentoCustomer.safeParse(r).success && ![...cellTexts(r)].some((t) => /[\r\n]/.test(t) && t.includes('@')))
  // Magento's export writes the default flags from the customer's one default_billing / default_shipping id:
  // at most one address of each kind, by its flag or named by the pointer (the reader refuses two).
  .filter((r) =>
    ['default_billing', 'default_shipping'].every(
      (k) => ((r.addresses as Rec[] | undefined) ?? []).filter((a) => a[k] === true || (a.id != null && r[k] === String(a.id))).length <= 1,
    ),
  )
  // An address id is one address (the reader refuses a repeated `_entity_id` as a duplicate row).
  .filter((r) => {
    const ids = ((r.addresses as Rec[] | undefined) ?? []).flatMap((a) => (a.id == null ? [] : [a.id]));
    return new Set(ids).size === ids.length;
  });

/** Customers are unique per (email, website) in a Magento export (and the join relies on it). */
const exportOf = fc.uniqueArray(csvRecord, { maxLength: 6, selector: (r) => `${String(r.email).toLowerCase()} ${String(r.website_id)}` });

describe('round trip: write, then read', () => {
  it('gives back every record, modulo the documented CSV limits', async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, fc.integer({ min: 0, max: 64 }), async (records, chunk) => {
        const { main, addresses } = await writeAll(records, OPTIONS);
        const items = await collect(readMagentoCsv(stream(main, chunk), { addresses: stream(addresses, chunk) }));
        expect(items.map((i) => i.issues)).toEqual(records.map(() => undefined));
        expect(items.map((i) => i.line)).toEqual(records.map((_, i) => i + 1));
        expect(items.map((i) => i.record)).toEqual(records.map(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('gives back a record CSV can fully hold exactly', async () => {
    const record = {
      email: 'maria.lopez@example.com', firstname: 'María', lastname: 'López', website_id: 1, group_id: 1, gender: 2, store_id: 1,
      dob: '1988-07-14', created_at: '2024-05-02 18:41:07', updated_at: '2024-05-02 18:41:08', created_in: 'Default Store View',
      disable_auto_group_change: 0, password_hash: '0d107d09f5bbe40cade3de5c71e9e9b7:QZ', custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold "vip", tier 1' }],
      addresses: [{
        id: 587, region: { region: 'California' }, region_id: 12, country_id: 'US', street: ['1450 Ocean Park Blvd', 'Suite 210', ''],
        telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica', firstname: 'María', lastname: 'López', default_billing: true,
      }],
    };
    expect(magentoCsvLosses(record, OPTIONS)).toEqual([]);
    const { main, addresses } = await writeAll([record], OPTIONS);
    const [item] = await collect(readMagentoCsv(stream(main), { addresses: stream(addresses) }));
    expect(item!.record).toStrictEqual(record);
  });
});
