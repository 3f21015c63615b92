import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMagentoCompositeCsv, readMagentoCsv } from '../../src/csv/magento.js';
import { ADDRESS_FIELDS, CUSTOMER_FIELDS, REGION_FIELDS } from '../../src/platforms/magento/csv.js';
import { MagentoAddress, MagentoCustomer, MagentoRegion } from '../../src/platforms/magento/schema.js';
import { convert, decode, encode, InvalidOptionError } from '../../src/index.js';
import { collect, csv, stream, writeAll } from './helpers.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/export');

// The sample headers of magento.md §6.1 and §6.2, as Magento writes them.
const MAIN =
  'email,_website,_store,confirmation,created_at,created_in,disable_auto_group_change,dob,firstname,gender,group_id,lastname,middlename,password_hash,prefix,reward_update_notification,reward_warning_notification,rp_token,rp_token_created_at,store_id,suffix,taxvat,updated_at,website_id,password';
const ADDR =
  '_website,_email,_entity_id,city,company,country_id,fax,firstname,lastname,middlename,postcode,prefix,region,region_id,street,suffix,telephone,vat_id,vat_is_valid,vat_request_date,vat_request_id,vat_request_success,_address_default_billing_,_address_default_shipping_';

const ARGON = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8:Xq9LmN2pR7sT4vW8yZ1aB3cD5eF6gH7j:3_32_2_67108864';

// Customers Main File rows (25 cells) and Customer Addresses rows (24 cells).
const maria = `maria.lopez@example.com,base,default,,2024-05-02 18:41:07,Default Store View,0,1988-07-14,María,Female,1,López,J.,${ARGON},Ms.,,,,,1,,,2024-05-02 18:41:08,1,`;
const tom = 'tom.baker@example.org,base,default,,2024-05-02 18:45:10,Default Store View,0,,Tom,Male,2,Baker,,,,,,,,1,,DE811907980,2024-05-03 09:12:44,1,';
const li = 'li.wei@example.com,base,default,,2024-06-11 12:00:00,Default Store View,0,,Wei,,1,Li,,,,,,,,1,,,2024-06-11 12:00:00,1,';
const mariaBilling = 'base,maria.lopez@example.com,587,Santa Monica,Sunset Ceramics LLC,US,,María,López,,90405,,California,12,"1450 Ocean Park Blvd\nSuite 210",,+1 310-555-0142,,,,,,1,';
const mariaShipping = 'base,maria.lopez@example.com,588,Austin,,US,,María,López,,78701,,TX,,782 Elm Street,,512-555-0199,,,,,,,1';
const tomHome = 'base,tom.baker@example.org,589,Berlin,,DE,,Tom,Baker,,10117,,Berlin,82,Friedrichstraße 68,,+49 30 1234567,DE811907980,1,,,,1,1';

const read = (main: string, addresses?: string, size = 0) =>
  collect(readMagentoCsv(stream(main, size), addresses === undefined ? undefined : { addresses: stream(addresses, size) }));

describe('readMagentoCsv: Customers Main File joined with Customer Addresses', () => {
  it('reads each customer as a Magento REST record with its addresses', async () => {
    const items = await read(csv(MAIN, maria, tom, li), csv(ADDR, mariaBilling, tomHome, mariaShipping));
    expect(items.map((i) => [i.line, i.issues])).toEqual([[1, undefined], [2, undefined], [3, undefined]]);
    expect(items[0]!.record).toStrictEqual({
      group_id: 1,
      created_at: '2024-05-02 18:41:07',
      updated_at: '2024-05-02 18:41:08',
      created_in: 'Default Store View',
      dob: '1988-07-14',
      email: 'maria.lopez@example.com',
      firstname: 'María',
      lastname: 'López',
      middlename: 'J.',
      prefix: 'Ms.',
      gender: 2,
      store_id: 1,
      website_id: 1,
      addresses: [
        {
          id: 587, region: { region: 'California' }, region_id: 12, country_id: 'US', street: ['1450 Ocean Park Blvd', 'Suite 210'],
          company: 'Sunset Ceramics LLC', telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica',
          firstname: 'María', lastname: 'López', default_billing: true,
        },
        {
          id: 588, region: { region: 'TX' }, country_id: 'US', street: ['782 Elm Street'], telephone: '512-555-0199', postcode: '78701',
          city: 'Austin', firstname: 'María', lastname: 'López', default_shipping: true,
        },
      ],
      disable_auto_group_change: 0,
      password_hash: ARGON,
    });
    // Address-level attribute columns (`vat_is_valid`) become the address's custom attributes.
    expect(items[1]!.record).toMatchObject({
      email: 'tom.baker@example.org', gender: 1, group_id: 2, taxvat: 'DE811907980',
      addresses: [{ id: 589, vat_id: 'DE811907980', default_billing: true, default_shipping: true, custom_attributes: [{ attribute_code: 'vat_is_valid', value: '1' }] }],
    });
    expect(items[2]!.record).toMatchObject({ email: 'li.wei@example.com', addresses: [] });
  });

  it('keeps the rows as read as the input of each item', async () => {
    const [item] = await read(csv(MAIN, tom), csv(ADDR, tomHome));
    const input = item!.input as { customer: Record<string, string>; addresses: Record<string, string>[] };
    expect(Object.keys(input.customer)).toEqual(MAIN.split(','));
    expect(input.customer).toMatchObject({ email: 'tom.baker@example.org', gender: 'Male', middlename: '' });
    expect(input.addresses).toHaveLength(1);
    expect(input.addresses[0]).toMatchObject({ _email: 'tom.baker@example.org', street: 'Friedrichstraße 68', _address_default_billing_: '1' });
  });

  it('reads an empty cell as no value: the key is absent, never ""', async () => {
    const [item] = await read(csv(MAIN, li));
    const record = item!.record as Record<string, unknown>;
    for (const key of ['middlename', 'gender', 'dob', 'taxvat', 'password_hash', 'confirmation', 'prefix']) expect(record).not.toHaveProperty(key);
    expect(Object.values(record)).not.toContain('');
  });

  it('without an addresses file, records have no `addresses` key (unknown, not none)', async () => {
    const items = await read(csv(MAIN, maria, li));
    expect(items.map((i) => i.record)).toEqual([expect.not.objectContaining({ addresses: expect.anything() }), expect.not.objectContaining({ addresses: expect.anything() })]);
    expect(items[0]!.input).toStrictEqual({ customer: expect.objectContaining({ email: 'maria.lopez@example.com' }) });
  });

  it('joins on e-mail ignoring case, and on the website code', async () => {
    const other = 'MARIA.Lopez@Example.com,wholesale,,,,,,,María,,,López,,,,,,,,,,,,2,';
    const items = await read(
      csv(MAIN, 'Maria.Lopez@example.COM' + maria.slice('maria.lopez@example.com'.length), other),
      csv(ADDR, mariaBilling, mariaShipping.replace('base,maria.lopez@example.com', 'wholesale,maria.lopez@example.com')),
    );
    expect(items.map((i) => (i.record as { addresses: { id: number }[] }).addresses.map((a) => a.id))).toEqual([[587], [588]]);
    expect(items[0]!.record).toMatchObject({ email: 'Maria.Lopez@example.COM' });
  });

  it('streams the main file: a customer comes out before the file ends', async () => {
    const main = new PassThrough();
    main.write(csv(MAIN, tom, li));
    const items = readMagentoCsv(main, { addresses: stream(csv(ADDR, tomHome)) })[Symbol.asyncIterator]();
    expect((await items.next()).value).toMatchObject({ line: 1, record: { email: 'tom.baker@example.org' } });
    main.end();
    expect((await items.next()).value).toMatchObject({ line: 2 });
    expect((await items.next()).done).toBe(true);
  });

  describe('a customer key (e-mail ignoring case, website) appearing twice', () => {
    it('is one Magento customer: the first row is read with its addresses, a later one is an item with issue `duplicate`', async () => {
      const shouting = tom.replace('tom.baker@example.org', 'TOM.Baker@Example.ORG').replace(',Tom,', ',Thomas,');
      const items = await read(csv(MAIN, tom, li, shouting, tom), csv(ADDR, tomHome));
      expect(items.map((i) => [i.line, (i.record as { addresses?: unknown[] } | undefined)?.addresses?.length])).toEqual([[1, 1], [2, 0], [3, undefined], [4, undefined]]);
      expect(items[2]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "duplicate",
            "message": "Record 3 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1 with its addresses",
            "path": [
              "email",
            ],
          },
        ]
      `);
      expect(items[3]!.issues?.[0]?.message).toContain('Record 4 has the e-mail (ignoring case) and website of record 1');
      // The rejected row is kept as read; its addresses are the first row's.
      expect(items[2]!.input).toStrictEqual({ customer: expect.objectContaining({ firstname: 'Thomas' }), addresses: [] });
    });

    it('an address record repeating the address id (_entity_id) of an earlier one of the customer: the customer is rejected, never read with the address twice', async () => {
      const tomOffice = tomHome.replace(',589,', ',590,').replace('Friedrichstraße 68', 'Unter den Linden 1').replace(',1,1', ',,');
      const withoutId = tomOffice.replace(',590,', ',,');
      const items = await read(csv(MAIN, tom, li), csv(ADDR, tomHome, tomOffice, tomHome, withoutId, withoutId));
      expect(items[0]!.record).toBeUndefined();
      expect(items[0]!.issues?.filter((i) => i.code === 'duplicate')).toMatchInlineSnapshot(`
        [
          {
            "code": "duplicate",
            "message": "Addresses file record 3 repeats the address id (_entity_id) of record 1 of this customer: Magento reads them as one address, so which of them holds its values cannot be told",
            "path": [
              "addresses",
              2,
            ],
          },
        ]
      `);
      // Records without an id are new addresses, each its own.
      const fresh = await read(csv(MAIN, tom), csv(ADDR, tomHome, withoutId, withoutId));
      expect((fresh[0]!.record as { addresses: unknown[] }).addresses).toHaveLength(3);
    });

    it('two address records of a customer both marked default billing: the customer is rejected, no default picked in silence', async () => {
      const tomOffice = tomHome.replace(',589,', ',590,').replace('Friedrichstraße 68', 'Unter den Linden 1').replace(/,1,1$/, ',1,');
      const items = await read(csv(MAIN, tom), csv(ADDR, tomHome, tomOffice));
      expect(items[0]!.record).toBeUndefined();
      expect(items[0]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_value",
            "message": "Addresses file record 2 has "_address_default_billing_" set, as addresses file record 1 has: a customer has one default address of each kind",
            "path": [
              "addresses",
              1,
              "default_billing",
            ],
          },
        ]
      `);
    });

    it('is checked without an addresses file too, and not across websites', async () => {
      const otherSite = tom.replace('base,default', 'wholesale,default');
      const items = await read(csv(MAIN, tom, otherSite, tom));
      expect(items.map((i) => i.issues?.map((x) => x.code))).toEqual([undefined, undefined, ['duplicate']]);
      expect(items[2]!.issues?.[0]?.message).toBe('Record 3 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1');
    });
  });

  it('numbers records from 1 after the header; a quoted cell spanning lines is one record', async () => {
    const header = `${MAIN},notes`;
    const text = csv(header, `${maria},"called twice\nprefers e-mail"`, `${tom},`, '', `${li},"line one\r\nline two\n\nline four"`);
    const items = await read(text);
    expect(items.map((i) => i.line)).toEqual([1, 2, 3]);
    expect(items[2]!.record).toMatchObject({ custom_attributes: [{ attribute_code: 'notes', value: 'line one\r\nline two\n\nline four' }] });
  });

  it('reads the same items whatever the chunk boundaries, with a BOM and CRLF line ends', async () => {
    const whole = await read(csv(MAIN, maria, tom, li), csv(ADDR, mariaBilling, tomHome, mariaShipping));
    const crlf = (t: string) => `\uFEFF${t.replace(/\n(?![^"]*"[^"]*$)/g, '\r\n')}`;
    for (const size of [1, 3, 17]) {
      expect(await read(csv(MAIN, maria, tom, li), csv(ADDR, mariaBilling, tomHome, mariaShipping), size)).toStrictEqual(whole);
    }
    const windows = await read(crlf(csv(MAIN, maria, tom, li)), crlf(csv(ADDR, mariaBilling, tomHome, mariaShipping)), 5);
    expect(windows.map((i) => i.record)).toStrictEqual(whole.map((i) => i.record));
  });

  it('splits a street written with CRLF line breaks into its lines', async () => {
    const [item] = await read(csv(MAIN, maria), csv(ADDR, mariaBilling.replace('Blvd\nSuite', 'Blvd\r\nSuite')));
    expect(item!.record).toMatchObject({ addresses: [{ street: ['1450 Ocean Park Blvd', 'Suite 210'] }] });
  });

  it('turns columns that are not record fields into custom attributes, and refuses columns it cannot carry', async () => {
    const header = `${MAIN},loyalty_tier,_action,Sales Rep`;
    const rows = [`${tom},gold,,`, `${li},,update,Jo`];
    const items = await read(csv(header, ...rows));
    expect(items[0]!.record).toMatchObject({ custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold' }] });
    expect(items[1]!.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_input",
          "message": "Column "_action" is not a column of Magento's customer CSV nor an attribute code: its value would be lost",
          "path": [
            "_action",
          ],
        },
        {
          "code": "invalid_input",
          "message": "Column 28 is not a column of Magento's customer CSV nor an attribute code: its value would be lost",
          "path": [],
        },
      ]
    `);
  });

  it('reports unreadable cells by record path, naming the column, never the value', async () => {
    const bad = 'x@example.com,base,,,,,yes,,X,Femme,one,Y,,,,,,,,1,,,,1,';
    const [item] = await read(csv(MAIN, bad), csv(ADDR, 'base,x@example.com,12a,Paris,,FR,,X,Y,,75001,,,r1,Rue 1,,+33 1,,,,,,,'));
    expect(item!.record).toBeUndefined();
    expect(item!.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Column "disable_auto_group_change" must hold a whole number",
          "path": [
            "disable_auto_group_change",
          ],
        },
        {
          "code": "invalid_value",
          "message": "Column "gender" must hold "Male", "Female", "Not Specified" (in any case) or an option id (0, 1, 2, 3)",
          "path": [
            "gender",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Column "group_id" must hold a whole number",
          "path": [
            "group_id",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Column "_entity_id" of addresses file record 1 must hold a whole number",
          "path": [
            "addresses",
            0,
            "id",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Column "region_id" of addresses file record 1 must hold a whole number",
          "path": [
            "addresses",
            0,
            "region_id",
          ],
        },
      ]
    `);
  });

  it.each([
    ['Male', 1, 'male'],
    ['Female', 2, 'female'],
    ['Not Specified', 3, 'not_specified'],
    ['MALE', 'MALE', 'male'],
    ['female', 'female', 'female'],
    ['not specified', 'not specified', 'not_specified'],
    ['1', '1', 'male'],
    ['2', '2', 'female'],
    ['3', '3', 'not_specified'],
    ['0', 0, undefined],
  ])('reads gender %j as Magento\'s importer takes it (label in any case, or option id): record %j, canonical %j', async (cell, value, gender) => {
    const [item] = await read(csv(MAIN, `g@example.com,base,,,,,,,G,${cell},,H,,,,,,,,,,,,1,`));
    // The option id where the cell is what the writer writes for it; else the cell as written, so it round-trips.
    expect((item!.record as { gender: unknown }).gender).toBe(value);
    const { data, losses } = convert(item!.record, { from: 'magento', to: 'v4' });
    expect(data.sex).toBe(gender === 'male' ? 'MALE' : gender === 'female' ? 'FEMALE' : undefined);
    // Id 0 (an import of an unknown label) and "not specified" have no WebCommander value: reported, never guessed.
    if (gender === undefined || gender === 'not_specified') expect(losses).toContainEqual(expect.objectContaining({ path: ['gender'] }));
    else expect(losses.filter((l) => l.path[0] === 'gender')).toEqual([]);
  });

  it('never reads a plain-text password into a record, nor quotes it', async () => {
    const withPassword = `${tom}Secr3t!pass`;
    const [item] = await read(csv(MAIN, withPassword));
    expect(item!.record).toBeUndefined();
    expect(item!.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_input",
          "message": "Column "password" holds a plain-text password, which no record carries: the value is not read",
          "path": [
            "password",
          ],
        },
      ]
    `);
    expect(JSON.stringify(item!.issues)).not.toContain('Secr3t');
    // The raw input keeps it: it is the user's own data (the rejects file is documented to hold it).
    expect(item!.input).toMatchObject({ customer: { password: 'Secr3t!pass' } });
  });

  describe('website and store codes', () => {
    const codesOnly = csv('email,_website,_store,firstname,lastname', 'ana@example.com,base,default,Ana,Ng', 'bo@example.com,,,Bo,Li');

    it('does not guess a website_id from a code', async () => {
      const items = await read(codesOnly);
      expect(items.map((i) => i.issues)).toMatchInlineSnapshot(`
        [
          [
            {
              "code": "required",
              "message": "Column "website_id" is empty and the "_website" code is not in the website table (the \`websites\` option; \`--website CODE=ID\` on the command line)",
              "path": [
                "website_id",
              ],
            },
          ],
          [
            {
              "code": "required",
              "message": "Columns "website_id" and "_website" are empty",
              "path": [
                "website_id",
              ],
            },
          ],
        ]
      `);
    });

    it('looks codes up in the `websites` and `stores` options when the id columns are empty', async () => {
      const items = await collect(readMagentoCsv(stream(codesOnly), { websites: { base: 1 }, stores: { default: 1 } }));
      expect(items[0]!.record).toStrictEqual({ email: 'ana@example.com', firstname: 'Ana', lastname: 'Ng', store_id: 1, website_id: 1 });
      expect(items[1]!.issues).toHaveLength(1);
    });

    it('lets _website win over a website_id cell that names another website, as Magento\'s importer does, reporting the cell', async () => {
      // tom: `_website` base, `website_id` 1.
      const [item] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { websites: { base: 7 } }));
      expect(item!.record).toMatchObject({ website_id: 7 });
      expect(item!.losses).toMatchInlineSnapshot(`
        [
          {
            "code": "value_changed",
            "message": "Column "website_id" names another website than the "_website" code does (through the website table): Magento's importer ignores "website_id" and takes the website from "_website", so the record has the code's id",
            "path": [
              "website_id",
            ],
          },
        ]
      `);
      // Agreeing: nothing to report. A code the table does not hold: its id is not known, the website_id cell is read.
      const [agreeing] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { websites: { base: 1 } }));
      expect([agreeing!.record, agreeing!.losses]).toMatchObject([{ website_id: 1 }, undefined]);
      const [unknown] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { websites: { eu: 7 } }));
      expect([unknown!.record, unknown!.losses]).toMatchObject([{ website_id: 1 }, undefined]);
    });

    it('lets _store win over a store_id cell that names another store view, as Magento\'s importer does, reporting the cell', async () => {
      // tom: `_store` default, `store_id` 1.
      const [item] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { stores: { default: 3 } }));
      expect(item!.record).toMatchObject({ store_id: 3, website_id: 1 });
      expect(item!.losses).toMatchInlineSnapshot(`
        [
          {
            "code": "value_changed",
            "message": "Column "store_id" names another store view than the "_store" code does (through the store table): Magento's importer ignores "store_id" and takes the store view from "_store", so the record has the code's id",
            "path": [
              "store_id",
            ],
          },
        ]
      `);
      // Agreeing: nothing to report. A code the table does not hold, or an empty `_store`: the store_id cell is read.
      const [agreeing] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { stores: { default: 1 } }));
      expect([agreeing!.record, agreeing!.losses]).toMatchObject([{ store_id: 1 }, undefined]);
      const [unknown] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { stores: { eu_en: 3 } }));
      expect([unknown!.record, unknown!.losses]).toMatchObject([{ store_id: 1 }, undefined]);
      const [noCode] = await collect(readMagentoCsv(stream(csv(MAIN, tom.replace(',base,default,', ',base,,'))), { stores: { default: 3 } }));
      expect([noCode!.record, noCode!.losses]).toMatchObject([{ store_id: 1 }, undefined]);
      // Both codes overriding their cells: one loss at each cell.
      const [both] = await collect(readMagentoCsv(stream(csv(MAIN, tom)), { websites: { base: 2 }, stores: { default: 3 } }));
      expect([both!.record, both!.losses?.map((l) => [l.code, l.path])]).toMatchObject([{ website_id: 2, store_id: 3 }, [['value_changed', ['website_id']], ['value_changed', ['store_id']]]]);
    });

    it('applies the same rule in the composite file', async () => {
      const header = 'email,_website,_store,store_id,website_id,firstname,lastname,_address_city';
      const [item] = await collect(readMagentoCompositeCsv(stream(csv(header, 'ana@example.com,base,eu_en,1,1,Ana,Ng,')), { websites: { base: 1 }, stores: { eu_en: 4 } }));
      expect([item!.record, item!.losses?.map((l) => [l.code, l.path])]).toStrictEqual([
        { email: 'ana@example.com', firstname: 'Ana', lastname: 'Ng', store_id: 4, website_id: 1, addresses: [] },
        [['value_changed', ['store_id']]],
      ]);
    });

    it('refuses malformed options', () => {
      expect(() => readMagentoCsv(stream(''), { websites: { base: 'one' } as never })).toThrow(InvalidOptionError);
      expect(() => readMagentoCsv(stream(''), { address: stream('') } as never)).toThrow(InvalidOptionError);
      expect(() => readMagentoCsv('customer.csv' as never)).toThrow(InvalidOptionError);
    });
  });

  describe('records that are not valid CSV', () => {
    it('reports a row with the wrong number of cells and goes on', async () => {
      const short = 'eve@example.com,base,default,,,,0,,Eve,,1,Adams';
      const items = await read(csv(MAIN, maria, short, li), csv(ADDR, 'base,eve@example.com,600,Oslo,,NO,,Eve,Adams,,0150,,,,Karl Johans gate 1,,+47 22 00 00 00,,,,,,,'));
      expect(items.map((i) => [i.line, i.record === undefined])).toEqual([[1, false], [2, true], [3, false]]);
      expect(items[1]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_format",
            "message": "Record 2 cannot be read: it has 12 cells, the header 25",
            "path": [],
          },
        ]
      `);
      // Its addresses go with it (found by the email and website cells), so none is left behind as an orphan.
      expect(items[1]!.input).toStrictEqual({ customer: { raw: short }, addresses: [expect.objectContaining({ _entity_id: '600' })] });
    });

    it('reports a record with a stray quote, keeping its text, and reads the next one', async () => {
      const stray = 'zoe@example.com,base,default,,,,0,,Zo"e,,1,Kim,,,,,,,,1,,,,1,';
      const items = await read(csv(MAIN, stray, li, tom));
      expect(items.map((i) => i.line)).toEqual([1, 2, 3]);
      expect(items[0]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_format",
            "message": "Record 1 cannot be read: a quote inside a cell that does not start with one (detected at file line 2)",
            "path": [],
          },
        ]
      `);
      expect(items[0]!.input).toStrictEqual({ customer: { raw: stray } });
      expect(items.slice(1).map((i) => (i.record as { email: string }).email)).toEqual(['li.wei@example.com', 'tom.baker@example.org']);
    });

    it('keeps two identical broken records apart', async () => {
      const stray = 'zoe@example.com,base,default,,,,0,,Zo"e,,1,Kim,,,,,,,,1,,,,1,';
      const items = await read(csv(MAIN, stray, stray, li));
      expect(items.map((i) => [i.line, i.input])).toEqual([[1, { customer: { raw: stray } }], [2, { customer: { raw: stray } }], [3, expect.anything()]]);
    });

    it('reports a quoted cell left open at the end of a truncated file as one record', async () => {
      const truncated = `${csv(MAIN, tom)}li.wei@example.com,base,default,,,"Default Store`;
      const items = await read(truncated);
      expect(items.map((i) => [i.line, i.issues?.[0]?.message])).toEqual([
        [1, undefined],
        [2, 'Record 2 cannot be read: a quoted cell is not closed before the end of the file (detected at file line 3)'],
      ]);
      expect(items[1]!.input).toStrictEqual({ customer: { raw: 'li.wei@example.com,base,default,,,"Default Store' } });
    });

    it('rejects a customer with an unreadable address row, instead of converting it without that address', async () => {
      const broken = 'base,tom.baker@example.org,590,Berlin,,DE,,Tom,Baker,,10117,,Berlin,82,"Unter den Linden 1"x,,+49 30 1,,,,,,,';
      const items = await read(csv(MAIN, tom, li), csv(ADDR, tomHome, broken));
      expect(items[0]!.record).toBeUndefined();
      expect(items[0]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_format",
            "message": "Addresses file record 2 cannot be read: text after the closing quote of a cell (detected at file line 3)",
            "path": [
              "addresses",
              1,
            ],
          },
        ]
      `);
      expect(items[0]!.input).toMatchObject({ addresses: [{ _entity_id: '589' }, { raw: broken }] });
      expect(items[1]!.record).toBeDefined();
    });

    it('rejects a customer whose last address record is cut off inside a quoted street (a truncated addresses file)', async () => {
      const cut = 'base,tom.baker@example.org,590,Hamburg,,DE,,Tom,Baker,,20095,,Hamburg,,"Jungfernstieg 1\n2. St';
      const items = await read(csv(MAIN, tom, li), `${csv(ADDR, tomHome)}${cut}`);
      expect(items.map((i) => [i.line, i.record === undefined])).toEqual([[1, true], [2, false]]);
      expect(items[0]!.issues).toEqual([
        expect.objectContaining({ code: 'invalid_format', path: ['addresses', 1], message: expect.stringContaining('Addresses file record 2 cannot be read: a quoted cell is not closed') }),
      ]);
      expect(items[0]!.input).toMatchObject({ addresses: [{ _entity_id: '589' }, { raw: cut }] });
    });
  });

  it('emits address rows whose customer is not in the main file as items with issues, after the customers', async () => {
    const orphan = 'base,nobody@example.com,700,Austin,,US,,No,Body,,78701,,TX,,1 Main St,,512-555-0100,,,,,,,';
    const otherSite = mariaShipping.replace('base,', 'wholesale,');
    const items = await read(csv(MAIN, maria, li), csv(ADDR, orphan, mariaBilling, otherSite));
    // Both files number their records from 1: `file` says which file a `line` counts in.
    expect(items.map((i) => [i.file, i.line])).toEqual([['main', 1], ['main', 2], ['addresses', 1], ['addresses', 3]]);
    expect(items[0]!.record).toMatchObject({ addresses: [{ id: 587 }] });
    expect(items.slice(2).map((i) => [i.input, i.issues])).toMatchInlineSnapshot(`
      [
        [
          {
            "addresses": [
              {
                "_address_default_billing_": "",
                "_address_default_shipping_": "",
                "_email": "nobody@example.com",
                "_entity_id": "700",
                "_website": "base",
                "city": "Austin",
                "company": "",
                "country_id": "US",
                "fax": "",
                "firstname": "No",
                "lastname": "Body",
                "middlename": "",
                "postcode": "78701",
                "prefix": "",
                "region": "TX",
                "region_id": "",
                "street": "1 Main St",
                "suffix": "",
                "telephone": "512-555-0100",
                "vat_id": "",
                "vat_is_valid": "",
                "vat_request_date": "",
                "vat_request_id": "",
                "vat_request_success": "",
              },
            ],
          },
          [
            {
              "code": "invalid_input",
              "message": "Addresses file record 1 has no customer with its "_email" and "_website" in the main file",
              "path": [
                "addresses",
                0,
              ],
            },
          ],
        ],
        [
          {
            "addresses": [
              {
                "_address_default_billing_": "",
                "_address_default_shipping_": "1",
                "_email": "maria.lopez@example.com",
                "_entity_id": "588",
                "_website": "wholesale",
                "city": "Austin",
                "company": "",
                "country_id": "US",
                "fax": "",
                "firstname": "María",
                "lastname": "López",
                "middlename": "",
                "postcode": "78701",
                "prefix": "",
                "region": "TX",
                "region_id": "",
                "street": "782 Elm Street",
                "suffix": "",
                "telephone": "512-555-0199",
                "vat_id": "",
                "vat_is_valid": "",
                "vat_request_date": "",
                "vat_request_id": "",
                "vat_request_success": "",
              },
            ],
          },
          [
            {
              "code": "invalid_input",
              "message": "Addresses file record 3 has no customer with its "_email" and "_website" in the main file",
              "path": [
                "addresses",
                0,
              ],
            },
          ],
        ],
      ]
    `);
  });

  it('numbers the records of each file, not its lines: a multi-line cell is one record, a blank line none, a row of empty cells one', async () => {
    // Main file: Maria (lines 2-3), a blank line, Li, a row of empty cells, Tom. Addresses: Maria's
    // billing (lines 2-3), Tom's home, then an orphan (its customer is in no main file) at line 6.
    const emptyRow = ','.repeat(24);
    const orphan = 'base,nobody@example.com,700,Austin,,US,,No,Body,,78701,,TX,,"1 Main St\nUnit 4",,512-555-0100,,,,,,,';
    const main = csv(MAIN, maria.replace('Ms.', '"Ms.\nDr."'), '', li, emptyRow, tom);
    const items = await read(main, csv(ADDR, mariaBilling, tomHome, orphan));
    expect(items.map((i) => [i.file, i.line, (i.record as { email?: string } | undefined)?.email ?? i.issues?.[0]?.message])).toEqual([
      ['main', 1, 'maria.lopez@example.com'],
      ['main', 2, 'li.wei@example.com'],
      ['main', 4, 'tom.baker@example.org'],
      ['addresses', 3, 'Addresses file record 3 has no customer with its "_email" and "_website" in the main file'],
    ]);
  });

  describe('the main file\'s default_billing and default_shipping columns (address ids: the addresses file\'s _entity_id)', () => {
    const header = 'email,_website,website_id,firstname,lastname,default_billing,default_shipping';
    const addressHeader = '_website,_email,_entity_id,city,country_id,firstname,lastname,postcode,street,telephone,_address_default_billing_,_address_default_shipping_';
    const sydney = 'base,x@example.com,501,Sydney,AU,X,Y,2000,1 A St,0299990000';
    const perth = 'base,x@example.com,502,Perth,AU,X,Y,6000,2 B St,0899990000';
    const flags = (record: unknown) => (record as { addresses: Record<string, unknown>[] }).addresses.map((a) => [a.id, a.default_billing, a.default_shipping]);

    it('flag the addresses they name as the defaults, the pointers kept beside them (as GET /V1/customers/{id} has both)', async () => {
      const [item] = await read(csv(header, 'x@example.com,base,1,X,Y,502,501'), csv(addressHeader, `${sydney},,`, `${perth},,`));
      expect(item!.issues).toBeUndefined();
      expect(item!.record).toMatchObject({ default_billing: '502', default_shipping: '501' });
      expect(flags(item!.record)).toEqual([[501, undefined, true], [502, true, undefined]]);
      // Agreeing with the addresses file's flags is no conflict.
      const [agreeing] = await read(csv(header, 'x@example.com,base,1,X,Y,502,'), csv(addressHeader, `${sydney},,1`, `${perth},1,`));
      expect(flags(agreeing!.record)).toEqual([[501, undefined, true], [502, true, undefined]]);
    });

    it('are a loss (unreferenceable, at the pointer) when they name an address the addresses file lacks (a partial file): the customer converts', async () => {
      const [partial] = await read(csv(header, 'x@example.com,base,1,X,Y,503,501'), csv(addressHeader, `${sydney},,`, `${perth},,`));
      expect(partial!.issues).toBeUndefined();
      // The pointer stays as read; no address is made the default billing address.
      expect(partial!.record).toMatchObject({ default_billing: '503', default_shipping: '501' });
      expect(flags(partial!.record)).toEqual([[501, undefined, true], [502, undefined, undefined]]);
      expect(partial!.losses).toMatchInlineSnapshot(`
        [
          {
            "code": "unreferenceable",
            "message": "Column "default_billing" names an address that none of this customer's address records has (by "_entity_id"; a partial addresses file?): which address is the default is not known",
            "path": [
              "default_billing",
            ],
          },
        ]
      `);
      const medusa = convert(partial!.record, { from: 'magento', to: 'medusa' });
      expect(medusa.data).toMatchObject({ shipping_addresses: [{ city: 'Sydney' }, { city: 'Perth' }] });
      expect(medusa.data.billing_address).toBeUndefined();
    });

    it('are issues when they name another address than the addresses file flags', async () => {
      const [disagreeing] = await read(
        csv(header, 'z@example.com,base,1,Z,Y,,601'),
        csv(addressHeader, 'base,z@example.com,600,Perth,AU,Z,Y,6000,2 B St,0899990000,,1', 'base,z@example.com,601,Perth,AU,Z,Y,6000,3 C St,0899990000,,'),
      );
      expect([disagreeing!.issues]).toMatchInlineSnapshot(`
        [
          [
            {
              "code": "invalid_value",
              "message": "Column "default_shipping" names the address of addresses file record 2, but addresses file record 1 has "_address_default_shipping_" set: the files disagree on the default",
              "path": [
                "default_shipping",
              ],
            },
          ],
        ]
      `);
    });

    it('are kept as read without an addresses file (the addresses are unknown)', async () => {
      const [item] = await read(csv(header, 'x@example.com,base,1,X,Y,502,501'));
      expect(item!.record).toStrictEqual({ default_billing: '502', default_shipping: '501', email: 'x@example.com', firstname: 'X', lastname: 'Y', website_id: 1 });
    });

    it('convert to a billing address and a shipping address of the targets', async () => {
      const [item] = await read(csv(header, 'x@example.com,base,1,X,Y,502,501'), csv(addressHeader, `${sydney},,`, `${perth},,`));
      const medusa = convert(item!.record, { from: 'magento', to: 'medusa', residue: false });
      expect(medusa.data).toMatchObject({ billing_address: { city: 'Perth' }, shipping_addresses: [{ city: 'Sydney' }, { city: 'Perth' }] });
      const ofn = convert(item!.record, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 1 } });
      expect(ofn.data).toMatchObject({ billing_address: { locality: 'Perth' }, shipping_address: { locality: 'Sydney' } });
      // The pointers themselves are Magento address ids, which a target assigns itself: that is all that is lost of them.
      expect(medusa.losses.filter((l) => String(l.path[0]).startsWith('default_'))).toEqual([
        expect.objectContaining({ code: 'server_assigned', path: ['default_billing'] }),
        expect.objectContaining({ code: 'server_assigned', path: ['default_shipping'] }),
      ]);
    });

    it('hold address ids in the composite format too, whose addresses have none: a pointer there is an unreferenceable loss', async () => {
      const text = csv('email,_website,website_id,firstname,lastname,default_billing,_address_street,_address_city,_address_country_id,_address_firstname,_address_lastname,_address_telephone', 'x@example.com,base,1,X,Y,502,1 A St,Sydney,IE,X,Y,01 555 0100');
      const [item] = await collect(readMagentoCompositeCsv(stream(text)));
      expect(item!.issues).toBeUndefined();
      expect(item!.losses).toEqual([expect.objectContaining({ code: 'unreferenceable', path: ['default_billing'] })]);
      expect(item!.record).toMatchObject({ default_billing: '502', addresses: [{ city: 'Sydney' }] });
    });
  });

  describe('headers', () => {
    it('throws for a file that is not a Magento customer export', async () => {
      await expect(read(csv('id,name', '1,x'))).rejects.toThrow('Magento CSV (main file): the header has no "email" column');
      await expect(read(csv(MAIN, li), csv('email,city', 'a,b'))).rejects.toThrow('Magento CSV (addresses file): the header has no "_email" column');
      await expect(read(csv('email,email', 'a,b'))).rejects.toThrow('column "email" appears twice');
      // Saved with semicolons (a European spreadsheet): one header cell, and a hint.
      await expect(read(csv('email;_website;firstname', 'a@example.com;base;A'))).rejects.toThrow(
        /^Magento CSV \(main file\): the header has no "email" column; its header is one cell holding ";": Magento's CSV is comma-separated, save the file with commas$/,
      );
    });

    it('names a header cell by its position, never its text, when the header may hold data (a cell that is no column name, or an e-mail in it)', async () => {
      await expect(read(csv(`email,_website,${ARGON},${ARGON}`, 'a,b,c,d'))).rejects.toThrow(/^Magento CSV \(main file\): columns 3 and 4 of the header have the same name$/);
      // An e-mail in the header: a customer row in its place, whose name-like cells (Tom) are values too.
      await expect(read(csv('email,_website,tom@example.com,Tom,Tom', 'a,b,c,d,e'))).rejects.toThrow(/^Magento CSV \(main file\): columns 4 and 5 of the header have the same name$/);
    });

    it('quotes a header cell in issues and paths only when it looks like a column name and the header holds no e-mail', async () => {
      const hash = '$2y$10$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNOPQ';
      const [main] = await read(csv(`email,_website,website_id,firstname,lastname,${hash},Sales Rep`, 'a@example.com,base,1,A,B,x,Jo'));
      expect(main!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "invalid_input",
            "message": "Column 6 is not a column of Magento's customer CSV nor an attribute code: its value would be lost",
            "path": [],
          },
          {
            "code": "invalid_input",
            "message": "Column 7 is not a column of Magento's customer CSV nor an attribute code: its value would be lost",
            "path": [],
          },
        ]
      `);
      const [joined] = await read(csv(MAIN, tom), csv(`${ADDR},${ARGON}`, `${tomHome},x`));
      expect(joined!.issues).toEqual([
        { code: 'invalid_input', path: ['addresses', 0], message: "Column 25 of addresses file record 1 is not a column of Magento's customer CSV nor an attribute code: its value would be lost" },
      ]);
      const composite = await collect(
        readMagentoCompositeCsv(stream(csv(`email,_website,website_id,Baker,_address_street,_address_${hash},tom@example.com`, 'a@example.com,base,1,,1 Main St,x,', ',base,,Smith,2 Main St,,'))),
      );
      expect(composite[0]!.issues).toEqual([
        { code: 'invalid_input', path: ['addresses', 0], message: "Column 6 of record 1 is not a column of Magento's customer CSV nor an attribute code: its value would be lost" },
        { code: 'invalid_input', path: ['addresses', 1], message: 'Record 2 is an address row (empty "email") but also holds customer columns, which would be lost: column 4' },
      ]);
      for (const item of [main, joined, ...composite]) {
        const issues = JSON.stringify(item!.issues);
        for (const text of [hash, ARGON, 'Sales Rep', 'Baker', 'tom@example.com']) expect(issues).not.toContain(text);
      }
    });

    it('reads a composite file given as a Customers Main File as the composite file it is (recognised from its header), and throws when an addresses file is given with it', async () => {
      const composite = csv(
        'email,_website,firstname,lastname,website_id,_address_firstname,_address_lastname,_address_street,_address_city,_address_postcode,_address_country_id,_address_telephone',
        'a@example.com,base,A,B,1,A,B,"1 Main St\nSuite 2",Austin,78701,US,512-555-0199',
        ',base,,,,A,B,2 Side St,Austin,78702,US,512-555-0100',
      );
      const asMain = await read(composite);
      expect(asMain).toStrictEqual(await collect(readMagentoCompositeCsv(stream(composite))));
      expect(asMain.map((i) => [i.line, i.file, i.issues])).toEqual([[1, undefined, undefined]]);
      expect(asMain[0]!.record).toMatchObject({ email: 'a@example.com', addresses: [{ street: ['1 Main St', 'Suite 2'] }, { street: ['2 Side St'] }] });
      await expect(read(composite, csv(ADDR))).rejects.toThrow(
        'Magento CSV (main file): the header has the "_address_" columns of the composite "Customers and Addresses" format, which holds its addresses itself: read it without an addresses file (readMagentoCompositeCsv, or readMagentoCsv without `addresses`; command line: without --addresses)',
      );
    });

    it('throws for a Customers Main File read as a composite file (no "_address_" columns), naming the format to read it with', async () => {
      for (const text of [csv(MAIN, tom), csv(MAIN)]) {
        await expect(collect(readMagentoCompositeCsv(stream(text)))).rejects.toThrow(
          'Magento CSV (composite file): the header has no "_address_" columns: it is a Customers Main File, read it as that format with its addresses file (readMagentoCsv; command line: --input-format magento-csv --addresses FILE)',
        );
      }
    });

    it('throws for a file that is not UTF-8 (a Windows-1252 export saved by a spreadsheet), naming the line, never the text', async () => {
      const latin1 = Buffer.from(csv(MAIN, tom, li.replace('Wei', 'Wéi')), 'latin1');
      const addresses = Buffer.from(csv(ADDR, tomHome.replace('ß', 'ss')), 'latin1');
      for (const size of [0, 7]) {
        const items = collect(readMagentoCsv(stream(latin1, size)));
        await expect(items).rejects.toThrow('Magento CSV (main file): not UTF-8 text (file line 3): Magento reads and writes UTF-8; save the file as UTF-8');
      }
      await expect(collect(readMagentoCsv(stream(Buffer.from(csv(MAIN, tom))), { addresses: stream(Buffer.concat([addresses, Buffer.from([0xe9, 0x0a])])) }))).rejects.toThrow(
        'Magento CSV (addresses file): not UTF-8 text (file line 3)',
      );
      await expect(collect(readMagentoCompositeCsv(stream(latin1)))).rejects.toThrow('Magento CSV (composite file): not UTF-8 text (file line 3)');
    });

    it('reads an empty file as no records', async () => {
      expect(await read('')).toEqual([]);
      expect(await read(csv(MAIN))).toEqual([]);
      expect(await read(csv(MAIN), csv(ADDR))).toEqual([]);
    });

    it('passes a read error of a stream on', async () => {
      const failing = stream(csv(MAIN, li));
      failing.on('data', () => failing.destroy(new Error('disk gone')));
      await expect(collect(readMagentoCsv(failing))).rejects.toThrow('disk gone');
    });
  });
});

describe('the bundled example export', () => {
  it('reads every customer and converts each to every platform', async () => {
    const items = await collect(
      readMagentoCsv(createReadStream(join(EXAMPLES, 'customer.csv')), { addresses: createReadStream(join(EXAMPLES, 'customer_address.csv')) }),
    );
    expect(items.map((i) => [i.line, i.issues])).toEqual([[1, undefined], [2, undefined], [3, undefined], [4, undefined]]);
    expect(items[2]!.record).toMatchObject({ addresses: [{ street: ['Level 2', '22 Collins St'], region: { region: 'Victoria' } }] });
    for (const { record } of items) {
      expect(convert(record, { from: 'magento', to: 'magento' }).losses).toEqual([]);
      for (const to of ['medusa', 'v4'] as const) expect(() => convert(record, { from: 'magento', to })).not.toThrow();
      expect(() => convert(record, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 1 } })).not.toThrow();
    }
  });

  it('uses the sample headers of magento.md §6.1 and §6.2', () => {
    expect(readFileSync(join(EXAMPLES, 'customer.csv'), 'utf8').split('\n')[0]).toBe(MAIN);
    expect(readFileSync(join(EXAMPLES, 'customer_address.csv'), 'utf8').split('\n')[0]).toBe(ADDR);
  });
});

describe('readMagentoCompositeCsv: customers and addresses in one file', () => {
  // magento.md §9.6: the customer of §9.1 in the composite format.
  const SAMPLE = csv(
    'email,_website,_store,firstname,lastname,gender,group_id,dob,_address_firstname,_address_lastname,_address_street,_address_city,_address_region,_address_postcode,_address_country_id,_address_telephone,_address_company,_address_default_billing_,_address_default_shipping_',
    'maria.lopez@example.com,base,default,María,López,Female,1,1988-07-14,María,López,"1450 Ocean Park Blvd',
    'Suite 210",Santa Monica,California,90405,US,+1 310-555-0142,Sunset Ceramics LLC,1,',
    ',base,default,,,,,,María,López,782 Elm Street,Austin,TX,78701,US,512-555-0199,,,1',
  );
  const readComposite = (text: string, size = 0) => collect(readMagentoCompositeCsv(stream(text, size), { websites: { base: 1 }, stores: { default: 1 } }));

  it('reads a customer row and the address rows below it (empty email) as one record', async () => {
    const items = await readComposite(SAMPLE);
    expect(items).toHaveLength(1);
    expect(items[0]!.line).toBe(1);
    expect(items[0]!.record).toStrictEqual({
      group_id: 1,
      dob: '1988-07-14',
      email: 'maria.lopez@example.com',
      firstname: 'María',
      lastname: 'López',
      gender: 2,
      store_id: 1,
      website_id: 1,
      addresses: [
        {
          region: { region: 'California' }, country_id: 'US', street: ['1450 Ocean Park Blvd', 'Suite 210'], company: 'Sunset Ceramics LLC',
          telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica', firstname: 'María', lastname: 'López', default_billing: true,
        },
        {
          region: { region: 'TX' }, country_id: 'US', street: ['782 Elm Street'], telephone: '512-555-0199', postcode: '78701',
          city: 'Austin', firstname: 'María', lastname: 'López', default_shipping: true,
        },
      ],
    });
    expect((items[0]!.input as { rows: unknown[] }).rows).toHaveLength(2);
    expect(await readComposite(SAMPLE, 4)).toStrictEqual(items);
  });

  it('numbers customers by their record, a multi-line street being one record', async () => {
    const text = SAMPLE + csv('tom.baker@example.org,base,default,Tom,Baker,Male,2,,Tom,Baker,Friedrichstraße 68,Berlin,Berlin,10117,DE,+49 30 1234567,,1,1', 'li.wei@example.com,base,,Wei,Li,,,,,,,,,,,,,,');
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, (i.record as { addresses: unknown[] }).addresses.length])).toEqual([[1, 2], [3, 1], [4, 0]]);
  });

  it('reads other `_address_` columns by the prefix rule', async () => {
    const text = csv('email,website_id,firstname,lastname,_address_street,_address_region,_address_region_id,_address_vat_is_valid', 'a@example.com,1,A,B,1 Main St,California,12,0');
    const [item] = await readComposite(text);
    expect(item!.record).toMatchObject({ addresses: [{ region: { region: 'California' }, region_id: 12, custom_attributes: [{ attribute_code: 'vat_is_valid', value: '0' }] }] });
  });

  it('reports an address row with no customer above it, and customer values on an address row', async () => {
    const header = 'email,_website,firstname,lastname,website_id,_address_street,_address_city';
    const text = csv(header, ',base,,,,1 Lost Lane,Nowhere', 'a@example.com,base,A,B,1,1 Main St,Austin', ',base,Ann,,,2 Side St,Austin');
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, i.issues])).toMatchInlineSnapshot(`
      [
        [
          1,
          [
            {
              "code": "invalid_input",
              "message": "Record 1 is an address row (empty "email") with no customer row above it",
              "path": [
                "addresses",
                0,
              ],
            },
          ],
        ],
        [
          2,
          [
            {
              "code": "invalid_input",
              "message": "Record 3 is an address row (empty "email") but also holds customer columns, which would be lost: "firstname"",
              "path": [
                "addresses",
                1,
              ],
            },
          ],
        ],
      ]
    `);
  });

  it('rejects a customer together with an unreadable address row below it and the address rows that follow', async () => {
    const header = 'email,_website,firstname,lastname,website_id,_address_street,_address_city';
    const text = csv(
      header,
      'a@example.com,base,A,B,1,1 Main St,Austin',
      ',base,,,,"2 Main St"x,Austin',
      ',base,,,,3 Main St,Austin',
      'c@example.com,base,C,D,1,,',
    );
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, (i.input as { rows: unknown[] }).rows.length, i.issues?.map((x) => x.message)])).toEqual([
      [1, 3, ['Record 2 cannot be read: text after the closing quote of a cell (detected at file line 3)']],
      [4, 1, undefined],
    ]);
  });

  it('reads an unreadable customer row (its email cell not empty) as its own customer, not as part of the one above', async () => {
    const header = 'email,_website,firstname,lastname,website_id,_address_street,_address_city';
    const text = csv(
      header,
      'a@example.com,base,A,B,1,1 Main St,Austin',
      'b@example.com,base,B,"C"x,1,2 Main St,Austin',
      ',base,,,,3 Main St,Austin',
      'c@example.com,base',
      'd@example.com,base,D,E,1,,',
    );
    const items = await readComposite(text);
    expect(items.map((i) => [i.line, (i.input as { rows: unknown[] }).rows.length, i.issues?.map((x) => x.message)])).toEqual([
      [1, 1, undefined],
      [2, 2, ['Record 2 cannot be read: text after the closing quote of a cell (detected at file line 3)']],
      [4, 1, ['Record 4 cannot be read: it has 2 cells, the header 7']],
      [5, 1, undefined],
    ]);
  });

  describe('a customer key (e-mail ignoring case, website) appearing again', () => {
    const header = 'email,_website,firstname,lastname,website_id,_address_street,_address_city';

    it('rejects the later customer row with its address rows as `duplicate`, naming the first, which is read as usual', async () => {
      const text = csv(
        header,
        'tom@example.com,base,Tom,Baker,1,1 Main St,Austin',
        ',base,,,,2 Main St,Austin',
        'ann@example.com,base,Ann,Lee,1,,',
        'TOM@example.com,base,Thomas,Baker,1,3 Side St,Dallas',
        ',base,,,,4 Side St,Dallas',
        'tom@example.com,eu,Tom,Baker,2,,',
      );
      const items = await readComposite(text);
      expect(items.map((i) => [i.line, (i.input as { rows: unknown[] }).rows.length, i.issues?.map((x) => x.code)])).toEqual([
        [1, 2, undefined],
        [3, 1, undefined],
        [4, 2, ['duplicate']],
        [6, 1, undefined],
      ]);
      expect(items[0]!.record).toMatchObject({ firstname: 'Tom', addresses: [{ street: ['1 Main St'] }, { street: ['2 Main St'] }] });
      expect(items[2]!.issues).toMatchInlineSnapshot(`
        [
          {
            "code": "duplicate",
            "message": "Record 4 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1; the addresses of these rows, which Magento would add to it, are not in its output",
            "path": [
              "email",
            ],
          },
        ]
      `);
      // Nothing is lost in silence: the rejected item holds the repeated rows as read.
      expect(items[2]!.input).toStrictEqual({ rows: [expect.objectContaining({ firstname: 'Thomas', _address_street: '3 Side St' }), expect.objectContaining({ _address_street: '4 Side St' })] });
      expect(await readComposite(text, 5)).toStrictEqual(items);
    });

    it('says nothing of addresses when the repeated row has none, and does not read its values (no other issue)', async () => {
      const text = csv(header, 'tom@example.com,base,Tom,Baker,1,,', 'tom@example.com,base,Tom,Baker,x,,');
      const items = await readComposite(text);
      expect(items[1]!.issues).toEqual([
        {
          code: 'duplicate',
          path: ['email'],
          message: 'Record 2 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1',
        },
      ]);
    });

    it('keeps a damaged address row below a repeated customer row with it, both issues reported', async () => {
      const text = csv(header, 'tom@example.com,base,Tom,Baker,1,,', 'tom@example.com,base,Tom,Baker,1,,', ',base,,,,"2 Main St"x,Austin', 'ann@example.com,base,Ann,Lee,1,,');
      const items = await readComposite(text);
      expect(items.map((i) => [i.line, (i.input as { rows: unknown[] }).rows.length, i.issues?.map((x) => x.code)])).toEqual([
        [1, 1, undefined],
        [2, 2, ['duplicate', 'invalid_format']],
        [4, 1, undefined],
      ]);
    });

    it('counts a rejected first row (unreadable values) as the first, as the main file does', async () => {
      const text = csv(header, 'tom@example.com,base,Tom,Baker,one,,', 'tom@example.com,base,Tom,Baker,1,,');
      const items = await readComposite(text);
      expect(items.map((i) => i.issues?.map((x) => x.code))).toEqual([['invalid_type'], ['duplicate']]);
    });
  });

  it('needs website ids as the main file does', async () => {
    const [item] = await collect(readMagentoCompositeCsv(stream(SAMPLE)));
    expect(item!.issues).toEqual([expect.objectContaining({ code: 'required', path: ['website_id'] })]);
  });
});

describe('the column declarations (platforms/magento/csv.ts)', () => {
  it('declare every key of the record schema, in its order (the order records are read in)', () => {
    expect(Object.keys(CUSTOMER_FIELDS)).toStrictEqual(Object.keys(MagentoCustomer.shape));
    expect(Object.keys(ADDRESS_FIELDS)).toStrictEqual(Object.keys(MagentoAddress.shape));
    expect(Object.keys(REGION_FIELDS)).toStrictEqual(Object.keys(MagentoRegion.shape));
  });
});

describe('Magento CSV files as shops and spreadsheets write them', () => {
  // Saved from a spreadsheet: dates typed month/day/year, gender as label in any case or option id,
  // empty cells, a quoted multi-line street, a phone with a leading space.
  const main = csv(
    MAIN,
    `maria.lopez@example.com,base,default,,5/6/2012 15:53,Default Store View,0,5/6/1988,María,2,1,López,J.,,Ms.,,,,,1,,,5/7/2012 9:05,1,`,
    'tom.baker@example.org,base,default,,2024-05-02 18:45:10,Default Store View,0,,Tom,male,2,Baker,,,,,,,,1,,DE811907980,2024-05-03 09:12:44,1,',
    'li.wei@example.com,base,default,,12/31/2023 23:59,Default Store View,0,,Wei,0,1,Li,,,,,,,,1,,,12/31/2023 23:59,1,',
    'ana.ng@example.com,base,default,,,Default Store View,0,,Ana,Not Specified,1,Ng,,,,,,,,1,,,,1,',
  );
  const addresses = csv(
    ADDR,
    'base,maria.lopez@example.com,587,Santa Monica,Sunset Ceramics LLC,US,,María,López,,90405,,California,12,"1450 Ocean Park Blvd\nSuite 210",,+1 310-555-0142,,,,,,1,1',
    'base,tom.baker@example.org,589,Berlin,,DE,,Tom,Baker,,10117,,Berlin,82,Friedrichstraße 68,, 030 1234567,DE811907980,1,,,,1,1',
  );
  const items = () => collect(readMagentoCsv(stream(main), { addresses: stream(addresses) }));

  it('reads every customer, keeping each cell as written, and notes each spreadsheet-typed date at its cell', async () => {
    const read = await items();
    expect(read.map((i) => i.issues)).toEqual([undefined, undefined, undefined, undefined]);
    expect(read.map((i) => (i.record as Record<string, unknown>).gender)).toEqual(['2', 'male', 0, 3]);
    expect(read[0]!.record).toMatchObject({ created_at: '5/6/2012 15:53', updated_at: '5/7/2012 9:05', dob: '5/6/1988' });
    expect(read.map((i) => i.normalised?.map((l) => l.path.join('.')))).toEqual([['created_at', 'dob', 'updated_at'], undefined, ['created_at', 'updated_at'], undefined]);
    expect(read[0]!.normalised![0]).toMatchInlineSnapshot(`
      {
        "code": "value_changed",
        "message": "Column "created_at" holds a date as a spreadsheet types it (month/day/year): read month first, as Magento's importer reads it, and written in the target's form",
        "path": [
          "created_at",
        ],
      }
    `);
    expect(read.map((i) => i.losses)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('converts them to another platform with the dates normalised (May 6, not June 5) and the phone normalised with --phones e164', async () => {
    const [maria, tom, li] = await items();
    const medusa = convert(maria!.record, { from: 'magento', to: 'medusa' });
    expect(medusa.data).toMatchObject({ created_at: '2012-05-06T15:53:00Z', updated_at: '2012-05-07T09:05:00Z' });
    const v4 = convert(tom!.record, { from: 'magento', to: 'v4', phones: 'e164' });
    expect(v4.data).toMatchObject({ sex: 'MALE', addresses: [{ phone: '+49301234567' }] });
    expect(v4.losses).toContainEqual({ code: 'value_changed', path: ['addresses', 0, 'telephone'], message: 'Written in E.164 form' });
    // Id 0 (no option) is never guessed: Magento data, reported.
    expect(convert(li!.record, { from: 'magento', to: 'v4' }).losses).toContainEqual(expect.objectContaining({ code: 'platform_data', path: ['gender'] }));
  });

  it('gives back the files exactly: CSV -> canonical -> CSV', async () => {
    const records = (await items()).map((i) => {
      const customer = decode('magento', i.record).data;
      return encode('magento', customer).data;
    });
    const written = await writeAll(records);
    expect(written.main).toBe(main);
    expect(written.addresses).toBe(addresses);
  });

  it('gives back the files exactly with any chunking and any of these cells in any row (property)', async () => {
    const cells = fc.record({
      gender: fc.constantFrom('', 'Male', 'male', 'FEMALE', 'Not Specified', '0', '1', '2', '3'),
      created: fc.constantFrom('', '2024-05-02 18:45:10', '5/6/2012 15:53', '12/31/2023 0:00', '1/1/2020 9:05:30'),
      dob: fc.constantFrom('', '1988-07-14', '1988-07-14 00:00:00', '5/6/1988', '12/31/1999'),
      phone: fc.constantFrom('030 1234567', ' 030 1234567', '+49 30 1234567 ', '030 1234567\u00a0'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cells, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 40 }), async (rows, chunk) => {
        const m = csv(MAIN, ...rows.map((r, i) => `c${i}@example.org,base,default,,${r.created},Default Store View,0,${r.dob},Tom,${r.gender},1,Baker,,,,,,,,1,,,,1,`));
        const a = csv(ADDR, ...rows.map((r, i) => `base,c${i}@example.org,${600 + i},Berlin,,DE,,Tom,Baker,,10117,,Berlin,82,"Friedrichstraße 68\nHinterhaus",,${r.phone},,,,,,1,1`));
        const read = await collect(readMagentoCsv(stream(m, chunk), { addresses: stream(a, chunk) }));
        expect(read.map((i) => i.issues)).toEqual(rows.map(() => undefined));
        const written = await writeAll(read.map((i) => convert(i.record, { from: 'magento', to: 'magento' }).data));
        expect(written).toEqual({ main: m, addresses: a });
      }),
      { numRuns: 60 },
    );
  });
});
