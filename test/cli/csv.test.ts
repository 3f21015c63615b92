// The built command with Magento's CSV formats.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, lines, magentoRecords, ndjson, read, scratch, write } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

/** The rows of a CSV file written by a run, as `{ column: cell }`. */
const rows = (name: string) => parse(read(dir, name), { columns: true }) as Record<string, string>[];

const MAIN =
  'email,_website,_store,confirmation,created_at,created_in,disable_auto_group_change,dob,firstname,gender,group_id,lastname,middlename,password_hash,prefix,rp_token,rp_token_created_at,store_id,suffix,taxvat,updated_at,website_id,password\n' +
  'ana@example.com,base,default,,2024-05-02 18:41:07,Default Store View,0,1988-07-14,Ana,Female,1,Lima,,,,,,1,,,2024-05-02 18:41:08,1,\n' +
  'tom@example.com,base,default,,2024-05-03 09:00:00,Default Store View,0,,Tom,Male,1,Baker,,,,,,1,,,2024-05-03 09:00:00,1,\n';
const ADDRESSES =
  '_website,_email,_entity_id,city,company,country_id,fax,firstname,lastname,middlename,postcode,prefix,region,region_id,street,suffix,telephone,vat_id,vat_is_valid,vat_request_date,vat_request_id,vat_request_success,_address_default_billing_,_address_default_shipping_\n' +
  'base,ana@example.com,587,Santa Monica,,US,,Ana,Lima,,90405,,California,12,"1450 Ocean Park Blvd\nSuite 210",,+1 310-555-0142,,,,,,1,1\n';

describe('Magento CSV', () => {
  it('reads a Customers Main File joined with its Customer Addresses file (a multi-line street)', async () => {
    write(dir, 'customer.csv', MAIN);
    write(dir, 'customer_address.csv', ADDRESSES);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer.csv', '--addresses', 'customer_address.csv', '-o', 'medusa.ndjson'], dir);
    expect(run.code, run.stderr).toBe(0);
    const out = lines(read(dir, 'medusa.ndjson')) as { email: string }[];
    expect(out.map((r) => r.email)).toEqual(['ana@example.com', 'tom@example.com']);
    const text = read(dir, 'medusa.ndjson');
    expect(text).toContain('"1450 Ocean Park Blvd"');
    expect(text).toContain('"Suite 210"');
  });

  it('never carries a password-reset token (rp_token) to another platform, and keeps it from Magento CSV to Magento CSV', async () => {
    const token = 'Zq7Lm2Xv9Rt4Wp8Ks3Nd6Bf1Hy5Jc0Ga';
    const issued = '2024-05-02 18:41:09';
    write(dir, 'token.csv', MAIN.replace('Lima,,,,,,1,', `Lima,,,,${token},${issued},1,`));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'token.csv', '-o', 'token.ndjson', '--report', 'token.report.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    for (const text of [read(dir, 'token.ndjson'), read(dir, 'token.report.json'), run.stderr]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(issued);
    }
    const report = JSON.parse(read(dir, 'token.report.json')) as { losses: { byCode: Record<string, number>; byPath: { path: string; count: number; codes: Record<string, number> }[] } };
    expect(report.losses.byCode.not_migratable).toBe(2);
    expect(report.losses.byPath).toEqual(expect.arrayContaining([
      { path: 'custom_attributes.0', count: 1, codes: { not_migratable: 1 } },
      { path: 'custom_attributes.1', count: 1, codes: { not_migratable: 1 } },
    ]));

    const same = await cli(['convert', '--from', 'magento', '--to', 'magento', 'token.csv', '-o', 'token-out.csv'], dir);
    expect(same.code, same.stderr).toBe(0);
    expect(rows('token-out.csv').map((r) => [r.email, r.rp_token, r.rp_token_created_at])).toEqual([
      ['ana@example.com', token, issued],
      ['tom@example.com', '', ''],
    ]);
  });

  it('rejects a bad row and converts the others', async () => {
    write(dir, 'bad.csv', `${MAIN},base,default,,,,0,,No,,1,Email,,,,,,1,,,,1,\n`);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'bad.csv', '-o', 'bad.ndjson', '--report', 'bad.report.json'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect(lines(read(dir, 'bad.ndjson'))).toHaveLength(2);
    expect(lines(read(dir, 'bad.rejects.ndjson'))).toHaveLength(1);
    expect((JSON.parse(read(dir, 'bad.report.json')) as { counts: unknown }).counts).toEqual({ read: 3, converted: 2, rejected: 1 });
  });

  it('never prints a header cell that may be a value (a hash in the header): --verbose lines, rejects\' issues and the header error name it by position', async () => {
    const hash = '$2y$10$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNOPQ';
    write(dir, 'shifted.csv', `email,_website,website_id,firstname,lastname,${hash}\na@example.com,base,1,A,B,x\n`);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'shifted.csv', '-o', 'shifted.ndjson', '--verbose'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain(hash);
    const [reject] = lines(read(dir, 'shifted.rejects.ndjson')) as { issues: unknown[] }[];
    expect(reject!.issues).toEqual([{ code: 'invalid_input', path: [], message: "Column 6 is not a column of Magento's customer CSV nor an attribute code: its value would be lost" }]);
    write(dir, 'twice.csv', `email,_website,${hash},${hash}\na,b,c,d\n`);
    const twice = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'twice.csv', '-o', 'twice.ndjson', '--verbose'], dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('Magento CSV (main file): columns 3 and 4 of the header have the same name');
    expect(twice.stderr).not.toContain(hash);
  });

  it('reads a composite file (customer and address columns in one file) as one, recognised from its header, with no --input-format', async () => {
    write(dir, 'customer_composite.csv', 'email,_website,firstname,lastname,website_id,_address_firstname,_address_lastname,_address_street,_address_city,_address_postcode,_address_country_id,_address_telephone\n' +
      'a@example.com,base,A,B,1,A,B,"1 Main St\nSuite 2",Austin,78701,US,512-555-0199\n' +
      ',base,,,,A,B,9 Side St,Austin,78702,US,512-555-0100\n');
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer_composite.csv', '-q'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(lines(run.stdout)).toMatchObject([{ email: 'a@example.com', shipping_addresses: [{ address_1: '1 Main St', address_2: 'Suite 2' }, { address_1: '9 Side St' }] }]);
    const told = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer_composite.csv', '--input-format', 'magento-composite-csv', '-q'], dir);
    expect(told.stdout).toBe(run.stdout);
    // An addresses file beside a file that holds its addresses itself: a usage error, no output.
    write(dir, 'composite_address.csv', ADDRESSES);
    const both = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer_composite.csv', '--addresses', 'composite_address.csv', '-o', 'composite.ndjson'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
    expect(both.stderr).toContain('which holds its addresses itself: read it without an addresses file');
    expect(existsSync(join(dir, 'composite.ndjson'))).toBe(false);
  });

  describe('files as shops and spreadsheets write them', () => {
    // Dates typed month/day/year, gender as option id or label in any case, a website_id that _website
    // contradicts, a default_billing naming an address a partial addresses file lacks, a phone with a leading space.
    const SHEET =
      'email,_website,_store,confirmation,created_at,created_in,disable_auto_group_change,dob,firstname,gender,group_id,lastname,middlename,password_hash,prefix,reward_update_notification,reward_warning_notification,rp_token,rp_token_created_at,store_id,suffix,taxvat,updated_at,website_id,password\n' +
      'ana@example.com,base,default,,5/6/2012 15:53,Default Store View,0,5/6/1988,Ana,2,1,Lima,,,,,,,,1,,,5/7/2012 9:05,1,\n' +
      'tom@example.com,base,default,,2024-05-03 09:00:00,Default Store View,0,,Tom,male,1,Baker,,,,,,,,1,,,2024-05-03 09:00:00,1,\n' +
      'eve@example.com,base,default,,,Default Store View,0,,Eve,Not Specified,1,Adams,,,,,,,,1,,,,3,\n';
    const SHEET_ADDRESSES =
      '_website,_email,_entity_id,city,company,country_id,fax,firstname,lastname,middlename,postcode,prefix,region,region_id,street,suffix,telephone,vat_id,vat_is_valid,vat_request_date,vat_request_id,vat_request_success,_address_default_billing_,_address_default_shipping_\n' +
      'base,ana@example.com,587,Santa Monica,,US,,Ana,Lima,,90405,,California,12,"1450 Ocean Park Blvd\nSuite 210",,  +1 310-555-0142,,,,,,1,1\n' +
      'base,tom@example.com,589,Berlin,,DE,,Tom,Baker,,10117,,Berlin,82,Friedrichstraße 68,, 030 1234567,,,,,,1,1\n';
    type Report = { counts: { read: number; converted: number; rejected: number }; losses: { byPath: { path: string; count: number; codes: Record<string, number> }[] } };

    it('converts every customer, reporting each normalised date, the overridden website_id and the unknown default at its cell', async () => {
      write(dir, 'sheet_address.csv', SHEET_ADDRESSES);
      write(dir, 'sheet_pointer.csv', `${SHEET.split('\n')[0]},default_billing\n${SHEET.split('\n').slice(1, -1).map((r, i) => `${r},${i === 1 ? '590' : ''}`).join('\n')}\n`);
      const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'sheet_pointer.csv', '--addresses', 'sheet_address.csv', '--website', 'base=1', '--phones', 'e164', '-o', 'sheet.ndjson', '--report', 'sheet.report.json'], dir);
      expect(run.code, run.stderr).toBe(0);
      const records = lines(read(dir, 'sheet.ndjson')) as Record<string, unknown>[];
      expect(records.map((r) => r.email)).toEqual(['ana@example.com', 'tom@example.com', 'eve@example.com']);
      // May 6, as Magento's importer reads it; the phones' white space no obstacle to E.164.
      expect(records[0]).toMatchObject({ created_at: '2012-05-06T15:53:00Z', updated_at: '2012-05-07T09:05:00Z', billing_address: { phone: '+13105550142' } });
      expect(records[1]).toMatchObject({ billing_address: { phone: '+49301234567' } });
      const report = JSON.parse(read(dir, 'sheet.report.json')) as Report;
      expect(report.counts).toEqual({ read: 3, converted: 3, rejected: 0 });
      const at = (path: string) => report.losses.byPath.find((p) => p.path === path)?.codes;
      expect(at('created_at')).toMatchObject({ value_changed: 1 });
      expect(at('updated_at')).toMatchObject({ value_changed: 1 });
      expect(at('dob')).toMatchObject({ value_changed: 1 });
      // eve: website_id 3 where _website base is website 1 (--website base=1): the importer's _website wins.
      expect(at('website_id')).toMatchObject({ value_changed: 1 });
      // tom: default_billing 590, an address the addresses file lacks: one loss at that cell, not also the
      // server-assigned address id the conversion would report.
      expect(at('default_billing')).toEqual({ unreferenceable: 1 });
      expect(at('addresses.*.telephone')).toEqual({ value_changed: 2 });
    });

    it('reports a default pointer to a missing address once, at its cell, whatever the output (Magento CSV, a request body)', async () => {
      // Written after the test above (sheet_pointer.csv, sheet_address.csv).
      const targets = [
        ['--to', 'magento', '-o', 'pointer_out.csv'],
        ['--to', 'magento', '--request', 'update', '-o', 'pointer_update.ndjson'],
        ['--to', 'medusa', '-o', 'pointer_medusa.ndjson'],
      ];
      for (const to of targets) {
        const run = await cli(['convert', '--from', 'magento', ...to, 'sheet_pointer.csv', '--addresses', 'sheet_address.csv', '--website', 'base=1', '--report', 'pointer.report.json'], dir);
        expect(run.code, run.stderr).toBe(0);
        const report = JSON.parse(read(dir, 'pointer.report.json')) as Report;
        expect(report.losses.byPath.find((p) => p.path === 'default_billing')?.codes, to.join(' ')).toEqual({ unreferenceable: 1 });
      }
    });

    it('gives back the files exactly from Magento CSV to Magento CSV, with no normalised date reported', async () => {
      write(dir, 'sheet_same.csv', SHEET.replace(',,,3,\n', ',,,1,\n'));
      write(dir, 'sheet_same_address.csv', SHEET_ADDRESSES);
      const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'sheet_same.csv', '--addresses', 'sheet_same_address.csv', '-o', 'sheet_out.csv', '--report', 'sheet_out.report.json'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(read(dir, 'sheet_out.csv')).toBe(read(dir, 'sheet_same.csv'));
      expect(read(dir, 'sheet_out.addresses.csv')).toBe(SHEET_ADDRESSES);
      const report = JSON.parse(read(dir, 'sheet_out.report.json')) as Report;
      expect(report.losses.byPath).toEqual([]);
    });
  });

  it('stops (exit 2, no output) on a CSV file that is not UTF-8 instead of converting "Jürgen" to "J\uFFFDrgen"', async () => {
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from(MAIN.replace('Ana,Female', 'Jürgen,Male'), 'latin1'));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'latin1.csv', '-o', 'latin1.ndjson'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('customer-codecs: error: Magento CSV (main file): not UTF-8 text (file line 2): Magento reads and writes UTF-8; save the file as UTF-8\n');
    expect(existsSync(join(dir, 'latin1.ndjson'))).toBe(false);
  });

  it('counts in the report what the Magento import CSVs cannot hold (a merchant attribute column, extension attributes, ids)', async () => {
    write(dir, 'tier.csv', MAIN.replace('password\n', 'password,loyalty_tier\n').replace(',1,\ntom', ',1,,gold\ntom').replace(/,1,\n$/, ',1,,\n'));
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'tier.csv', '-o', 'tier-out.csv', '--report', 'tier.report.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(read(dir, 'tier-out.csv')).not.toContain('gold');
    const report = JSON.parse(read(dir, 'tier.report.json')) as { losses: { total: number; byPath: { path: string; count: number; codes: Record<string, number> }[] } };
    expect(report.losses.byPath).toContainEqual({ path: 'custom_attributes.0', count: 1, codes: { not_representable: 1 } });
    expect(run.stderr).toMatch(/not in magento's fields or its CSV files: \d+ values; most often .*custom_attributes\.0/);

    const [record] = magentoRecords(1);
    write(dir, 'subscribed.ndjson', ndjson([{ ...record, extension_attributes: { is_subscribed: true } }]));
    const sub = await cli(['convert', '--from', 'magento', '--to', 'magento', 'subscribed.ndjson', '-o', 'subscribed.csv', '--report', 'subscribed.report.json'], dir);
    expect(sub.code, sub.stderr).toBe(0);
    const paths = (JSON.parse(read(dir, 'subscribed.report.json')) as { losses: { byPath: { path: string }[] } }).losses.byPath.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'extension_attributes.is_subscribed', 'addresses.*.customer_id']));
  });

  it('writes Magento import CSVs (main file and addresses file) that read back to the same customers', async () => {
    const records = magentoRecords(3);
    write(dir, 'records.ndjson', ndjson(records));
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'records.ndjson', '-o', 'import.csv'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'import.addresses.csv'))).toBe(true);
    expect(read(dir, 'import.csv').split('\n')[0]).toMatch(/^email,_website/);
    const back = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'import.csv', '--addresses', 'import.addresses.csv', '-q'], dir);
    expect(back.code, back.stderr).toBe(0);
    expect((lines(back.stdout) as { email: string }[]).map((r) => r.email)).toEqual(records.map((r) => r.email));
  });

  it('rejects a record the Magento CSV files cannot take (no code for its website_id) and writes the others', async () => {
    const records = magentoRecords(3).map((r, i) => (i === 1 ? { ...r, website_id: 7 } : r));
    write(dir, 'website7.ndjson', ndjson(records));
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'website7.ndjson', '-o', 'website7.csv', '--report', 'website7.report.json'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect(rows('website7.csv').map((r) => r.email)).toEqual(['customer1@example.com', 'customer3@example.com']);
    const [reject, ...more] = lines(read(dir, 'website7.rejects.ndjson')) as { line: number; issues: { code: string; path: string[] }[] }[];
    expect(more).toEqual([]);
    expect(reject?.line).toBe(2);
    expect(reject?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_value', ['website_id']]]);
    expect((reject?.issues[0] as { message?: string }).message).toMatchInlineSnapshot(`"No website code for this website_id in the default codes { 0: "admin", 1: "base" }: give one with --website CODE=ID"`);
    // A dry run tells the same.
    const dry = await cli(['convert', '--from', 'magento', '--to', 'magento', 'website7.ndjson', '--output-format', 'magento-csv', '--dry-run', '-q'], dir);
    expect(dry.code, dry.stderr).toBe(1);
    expect((JSON.parse(dry.stdout) as { counts: unknown }).counts).toEqual({ read: 3, converted: 2, rejected: 1 });
  });
});

describe('rejects of a Magento CSV pair', () => {
  type Reject = { file?: string; line: number; input: Record<string, unknown>; issues: { code: string; path: unknown[] }[] };
  type CsvReport = { addresses: string | null; counts: { read: number; converted: number; rejected: number }; rejects: { byFile?: Record<string, number> } };
  const NO_EMAIL = ',base,default,,,,0,,No,,1,Email,,,,,,1,,,,1,\n';
  // Record 2 of the addresses file (its lines 4-5: Ana's street spans lines 2-3): a customer no main-file row has.
  const ORPHAN = 'base,ghost@example.com,700,Austin,,US,,Gho,St,,78701,,TX,,"1 Main St\nUnit 4",,512-555-0100,,,,,,,\n';

  it('say which file their record number counts in, when a main-file record and an orphan address share it', async () => {
    const [header, ana, tom] = MAIN.trimEnd().split('\n');
    write(dir, 'pair.csv', `${header}\n${ana}\n${NO_EMAIL}${tom}\n`);
    write(dir, 'pair_address.csv', ADDRESSES + ORPHAN);
    const args = ['convert', '--from', 'magento', '--to', 'medusa', 'pair.csv', '--addresses', 'pair_address.csv'];
    const run = await cli([...args, '-o', 'pair.ndjson', '--report', 'pair.report.json', '--verbose'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect((lines(read(dir, 'pair.ndjson')) as { email: string }[]).map((r) => r.email)).toEqual(['ana@example.com', 'tom@example.com']);
    const rejects = lines(read(dir, 'pair.rejects.ndjson')) as Reject[];
    expect(rejects.map((r) => [r.file, r.line, Object.keys(r.input), r.issues.map((i) => [i.code, i.path])])).toEqual([
      ['main', 2, ['customer', 'addresses'], [['required', ['email']]]],
      ['addresses', 2, ['addresses'], [['invalid_input', ['addresses', 0]]]],
    ]);
    expect(rejects[1]?.input).toMatchObject({ addresses: [{ _email: 'ghost@example.com', street: '1 Main St\nUnit 4' }] });
    // Orphans are counted as records read (and rejected): the counts reconcile, and the report says how many there were.
    const report = JSON.parse(read(dir, 'pair.report.json')) as CsvReport;
    expect(report.addresses).toBe('pair_address.csv');
    expect(report.counts).toEqual({ read: 4, converted: 2, rejected: 2 });
    expect(report.rejects.byFile).toEqual({ main: 1, addresses: 1 });
    expect(run.stderr).toContain('main file record 2: required at email\n');
    expect(run.stderr).toContain('addresses file record 2: invalid_input at addresses.0\n');
    expect(run.stderr).toContain('  1 of them from the addresses file: address records whose customer is not in the main file\n');

    // Without orphans the report still counts by file; other inputs are one file: no `file`, no `byFile`.
    write(dir, 'clean.csv', MAIN);
    write(dir, 'clean_address.csv', ADDRESSES);
    const clean = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'clean.csv', '--addresses', 'clean_address.csv', '--dry-run', '-q'], dir);
    expect((JSON.parse(clean.stdout) as CsvReport).rejects.byFile).toEqual({ main: 0, addresses: 0 });
    write(dir, 'one.ndjson', `${JSON.stringify({ firstname: 'No', lastname: 'Email', website_id: 1 })}\n`);
    const one = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'one.ndjson', '-o', 'one.out.ndjson', '--report', 'one.report.json', '-q'], dir);
    expect(one.code, one.stderr).toBe(1);
    expect(Object.keys(lines(read(dir, 'one.out.rejects.ndjson'))[0] as Reject)).toEqual(['line', 'input', 'issues']);
    const plain = JSON.parse(read(dir, 'one.report.json')) as CsvReport;
    expect(plain.addresses).toBeNull();
    expect(plain.rejects).not.toHaveProperty('byFile');
  });

  it('are the same with --workers 2, across batches', async () => {
    const [header] = MAIN.split('\n');
    const customers = Array.from({ length: 450 }, (_, i) => (i % 97 === 5 ? NO_EMAIL.trimEnd() : `c${i}@example.com,base,default,,,,0,,C,,1,Number ${i},,,,,,1,,,,1,`));
    const [addressHeader] = ADDRESSES.split('\n');
    const addresses = Array.from({ length: 450 }, (_, i) =>
      i % 50 === 7 ? ORPHAN.trimEnd().replace('ghost@', `ghost${i}@`) : `base,c${i}@example.com,,Austin,,US,,C,N,,78701,,TX,,"${i} Elm St\nUnit ${i}",,512-555-0100,,,,,,1,1`,
    );
    write(dir, 'many.csv', `${[header, ...customers].join('\n')}\n`);
    write(dir, 'many_address.csv', `${[addressHeader, ...addresses].join('\n')}\n`);
    const args = ['convert', '--from', 'magento', '--to', 'medusa', 'many.csv', '--addresses', 'many_address.csv', '-q'];
    const one = await cli([...args, '-o', 'many1.ndjson', '--report', 'many1.report.json'], dir);
    const two = await cli([...args, '-o', 'many2.ndjson', '--report', 'many2.report.json', '--workers', '2'], dir);
    expect(one.code, one.stderr).toBe(1);
    expect(two.code, two.stderr).toBe(1);
    expect(read(dir, 'many2.ndjson')).toBe(read(dir, 'many1.ndjson'));
    expect(read(dir, 'many2.rejects.ndjson')).toBe(read(dir, 'many1.rejects.ndjson'));
    const rejects = lines(read(dir, 'many2.rejects.ndjson')) as Reject[];
    const noEmail = customers.flatMap((c, i) => (c.startsWith(',') ? [i + 1] : []));
    // The addresses of a customer row without an e-mail have no customer either.
    const orphans = addresses.flatMap((a, i) => (a.includes('ghost') || noEmail.includes(i + 1) ? [i + 1] : []));
    expect(rejects.map((r) => [r.file, r.line])).toEqual([...noEmail.map((n) => ['main', n]), ...orphans.map((n) => ['addresses', n])]);
    const report = JSON.parse(read(dir, 'many2.report.json')) as CsvReport;
    expect(report.counts).toEqual({ read: 450 + orphans.length, converted: 450 - noEmail.length, rejected: noEmail.length + orphans.length });
    expect(report.rejects.byFile).toEqual({ main: noEmail.length, addresses: orphans.length });
    expect((JSON.parse(read(dir, 'many1.report.json')) as CsvReport).rejects).toEqual({ ...report.rejects, file: 'many1.rejects.ndjson' });
  });
});

describe('damaged and repeated records of a Magento CSV pair', () => {
  type Reject = { file?: string; line: number; input: Record<string, unknown>; issues: { code: string; path: unknown[]; message: string }[] };
  type Report = { counts: { read: number; converted: number; rejected: number }; rejects: { byCode: Record<string, number>; byFile?: Record<string, number> } };
  const MAIN3 = 'email,_website,website_id,firstname,lastname\np@example.com,base,1,P,P\nq@example.com,base,1,Q,Q\nr@example.com,base,1,R,R\ns@example.com,base,1,S,S\n';
  const ADDR_HEADER = '_website,_email,city,country_id,firstname,lastname,postcode,street,telephone';
  const address = (who: string, street: string) => `base,${who}@example.com,Perth,AU,${who.toUpperCase()},${who.toUpperCase()},6000,${street},0899990000`;
  /** Runs with 1 and 2 workers; both must write the same files. Returns the records, the rejects and the report. */
  const both = async (name: string, args: string[], expectedCode: number) => {
    const outs: string[][] = [];
    for (const workers of ['1', '2']) {
      const run = await cli([...args, '-o', `${name}${workers}.ndjson`, '--report', `${name}${workers}.report.json`, '--workers', workers, '-q'], dir);
      expect(run.code, run.stderr).toBe(expectedCode);
      expect(run.stderr).toBe('');
      outs.push([read(dir, `${name}${workers}.ndjson`), read(dir, `${name}${workers}.rejects.ndjson`)]);
    }
    expect(outs[1]).toEqual(outs[0]);
    const report = JSON.parse(read(dir, `${name}2.report.json`)) as Report;
    // Every record read is converted or rejected.
    expect(report.counts.read).toBe(report.counts.converted + report.counts.rejected);
    return { records: lines(outs[0]![0]!) as { email: string }[], rejects: lines(outs[0]![1]!) as Reject[], report };
  };

  it('reject every customer whose address rows a damaged addresses record may hold (a quote never closed), never converting one short of an address', async () => {
    write(dir, 'damaged.csv', MAIN3);
    write(dir, 'damaged_address.csv', [ADDR_HEADER, address('s', '4 D St'), address('r', '"1 A St'), address('q', '2 B St'), address('p', '3 C St'), ''].join('\n'));
    const { records, rejects, report } = await both('damaged', ['convert', '--from', 'magento', '--to', 'medusa', 'damaged.csv', '--addresses', 'damaged_address.csv'], 1);
    expect(records.map((r) => r.email)).toEqual(['s@example.com']);
    expect(rejects.map((r) => [r.file, r.line, r.issues.map((i) => [i.code, i.path])])).toEqual([
      ['main', 1, [['invalid_format', ['addresses']]]],
      ['main', 2, [['invalid_format', ['addresses']]]],
      ['main', 3, [['invalid_format', ['addresses', 0]]]],
    ]);
    expect(rejects[0]!.issues[0]!.message).toMatch(/^Addresses file record 2 holds this customer's e-mail and cannot be read/);
    expect(report.counts).toEqual({ read: 4, converted: 1, rejected: 3 });
  });

  it('reject each customer row a damaged main-file record swallowed, with its addresses (none left as orphans), and report them', async () => {
    write(dir, 'swallow.csv', MAIN3.replace('p@example.com,base,1,P,P', 'p@example.com,base,1,"P,P').replace('r@example.com,base,1,R,R', 'r@example.com,base,1,R,R",x'));
    write(dir, 'swallow_address.csv', [ADDR_HEADER, address('q', '2 B St'), address('s', '4 D St'), address('r', '1 A St'), ''].join('\n'));
    const { records, rejects, report } = await both('swallow', ['convert', '--from', 'magento', '--to', 'medusa', 'swallow.csv', '--addresses', 'swallow_address.csv'], 1);
    expect(records.map((r) => r.email)).toEqual(['s@example.com']);
    expect(rejects.map((r) => [r.file, r.line, r.input.customer, (r.input.addresses as unknown[]).length])).toEqual([
      ['main', 1, { raw: 'p@example.com,base,1,"P,P' }, 0],
      ['main', 1, { raw: 'q@example.com,base,1,Q,Q' }, 1],
      ['main', 1, { raw: 'r@example.com,base,1,R,R",x' }, 1],
    ]);
    expect(report.counts).toEqual({ read: 4, converted: 1, rejected: 3 });
    expect(report.rejects.byFile).toEqual({ main: 3, addresses: 0 });
  });

  it('reject each customer row of a composite file that a quote never closed swallowed', async () => {
    write(dir, 'swallow_composite.csv', 'email,_website,website_id,firstname,lastname,_address_street,_address_city\n' +
      'a@example.com,base,1,A,A,"1 A St,Sydney\n,base,,,,2 A St,Sydney\nb@example.com,base,1,B,B,3 B St,Perth\n');
    const { records, report } = await both('swallow_composite', ['convert', '--from', 'magento', '--to', 'medusa', 'swallow_composite.csv', '--input-format', 'magento-composite-csv'], 1);
    expect(records).toEqual([]);
    expect(report.counts).toEqual({ read: 2, converted: 0, rejected: 2 });
  });

  it('reject a later row of a customer key (e-mail in any case, website): Magento reads it as the customer before it, which keeps its addresses', async () => {
    write(dir, 'dup.csv', 'email,_website,website_id,firstname,lastname\ndup@example.com,base,1,Dup,First\nDUP@example.com,base,1,Dup,Second\ndup@example.com,eu,2,Dup,Europe\n');
    write(dir, 'dup_address.csv', [ADDR_HEADER, address('dup', '1 A St'), ''].join('\n'));
    const { records, rejects, report } = await both('dup', ['convert', '--from', 'magento', '--to', 'medusa', 'dup.csv', '--addresses', 'dup_address.csv'], 1);
    expect(records).toMatchObject([{ email: 'dup@example.com', last_name: 'First', shipping_addresses: [{ address_1: '1 A St' }] }, { last_name: 'Europe', shipping_addresses: [] }]);
    expect(rejects.map((r) => [r.file, r.line, r.issues])).toMatchInlineSnapshot(`
      [
        [
          "main",
          2,
          [
            {
              "code": "duplicate",
              "message": "Record 2 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1 with its addresses",
              "path": [
                "email",
              ],
            },
          ],
        ],
      ]
    `);
    expect(report.rejects.byCode).toEqual({ duplicate: 1 });
  });

  it('reject a later customer row of a composite file with its address rows, converting the first (e-mail in any case, website)', async () => {
    write(dir, 'dup_composite.csv', 'email,_website,website_id,firstname,lastname,_address_firstname,_address_lastname,_address_street,_address_city,_address_country_id,_address_postcode,_address_telephone\n' +
      'tom@example.com,base,1,Tom,First,Tom,First,1 A St,Perth,AU,6000,0899990000\n' +
      'ann@example.com,base,1,Ann,Lee,,,,,,,\n' +
      'TOM@example.com,base,1,Tom,Second,Tom,Second,2 B St,Perth,AU,6000,0899990000\n' +
      ',base,,,,Tom,Second,3 C St,Perth,AU,6000,0899990000\n' +
      'tom@example.com,eu,2,Tom,Europe,,,,,,,\n');
    const { records, rejects, report } = await both('dup_composite', ['convert', '--from', 'magento', '--to', 'medusa', 'dup_composite.csv', '--input-format', 'magento-composite-csv'], 1);
    expect(records).toMatchObject([{ email: 'tom@example.com', last_name: 'First', shipping_addresses: [{ address_1: '1 A St' }] }, { last_name: 'Lee' }, { last_name: 'Europe' }]);
    expect(rejects.map((r) => [r.line, (r.input.rows as unknown[]).length, r.issues])).toMatchInlineSnapshot(`
      [
        [
          3,
          2,
          [
            {
              "code": "duplicate",
              "message": "Record 3 has the e-mail (ignoring case) and website of record 1: Magento reads them as one customer, which is read from record 1; the addresses of these rows, which Magento would add to it, are not in its output",
              "path": [
                "email",
              ],
            },
          ],
        ],
      ]
    `);
    expect(report.counts).toEqual({ read: 4, converted: 3, rejected: 1 });
    expect(report.rejects.byCode).toEqual({ duplicate: 1 });
  });

  it('mark the addresses the main file\'s default_billing and default_shipping columns name as the defaults', async () => {
    write(dir, 'defaults.csv', 'email,_website,website_id,firstname,lastname,default_billing,default_shipping\nx@example.com,base,1,X,Y,502,501\nz@example.com,base,1,Z,Y,509,\n');
    write(dir, 'defaults_address.csv', '_website,_email,_entity_id,city,country_id,firstname,lastname,postcode,street,telephone\n' +
      'base,x@example.com,501,Sydney,AU,X,Y,2000,1 A St,0299990000\nbase,x@example.com,502,Perth,AU,X,Y,6000,2 B St,0899990000\n');
    const args = ['convert', '--from', 'magento', '--to', 'enterprise-v1', 'defaults.csv', '--addresses', 'defaults_address.csv', '--default', 'enterprise_id=1', '--no-residue'];
    const { records, rejects } = await both('defaults', args, 0);
    expect(records).toMatchObject([{ email: 'x@example.com', billing_address: { locality: 'Perth' }, shipping_address: { locality: 'Sydney' } }, { email: 'z@example.com' }]);
    // z's default_billing names an address the (partial) addresses file lacks: the customer converts, the pointer is reported.
    expect(rejects).toEqual([]);
    const report = JSON.parse(read(dir, 'defaults2.report.json')) as { losses: { byPath: { path: string; codes: Record<string, number> }[] } };
    expect(report.losses.byPath).toContainEqual(expect.objectContaining({ path: 'default_billing', codes: expect.objectContaining({ unreferenceable: 1 }) }));
  });

  it('stop with a usage error naming --input-format for a Customers Main File given as a composite file', async () => {
    write(dir, 'not_composite.csv', MAIN3);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'not_composite.csv', '--input-format', 'magento-composite-csv', '-o', 'not_composite.ndjson'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the header has no "_address_" columns');
    expect(run.stderr).toContain('--input-format magento-csv --addresses FILE');
    expect(existsSync(join(dir, 'not_composite.ndjson'))).toBe(false);
  });
});

describe('--website and --store', () => {
  // An export without website_id and store_id columns: only the codes say where a customer belongs.
  const CODES_ONLY =
    'email,_website,_store,firstname,lastname,group_id\n' + //
    'ana@example.com,base,default,Ana,Lima,1\n' +
    'tom@example.com,eu,eu_en,Tom,Baker,1\n';
  write(dir, 'codes-only.csv', CODES_ONLY);
  const ids = (text: string) => (lines(text) as { email: string; website_id?: number; store_id?: number }[]).map((r) => [r.email, r.website_id, r.store_id]);

  it('fill website_id and store_id from the _website and _store codes of a Magento CSV', async () => {
    const without = await cli(['convert', '--from', 'magento', '--to', 'magento', 'codes-only.csv', '-q'], dir);
    expect(without.code, without.stderr).toBe(1);
    expect(without.stdout).toBe('');
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'codes-only.csv', '-q', '--website', 'base=1', '--website=eu=2', '--store', 'default=1', '--store', 'eu_en=3'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.stdout)).toEqual([
      ['ana@example.com', 1, 1],
      ['tom@example.com', 2, 3],
    ]);
  });

  it('let the codes win over id cells naming another website or store view, as the importer does, reporting each cell', async () => {
    write(dir, 'codes-and-ids.csv', 'email,_website,_store,firstname,lastname,store_id,website_id\nana@example.com,base,default,Ana,Lima,1,1\ntom@example.com,eu,eu_en,Tom,Baker,1,1\n');
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'codes-and-ids.csv', '-q', '--website', 'base=1', '--website=eu=2', '--store', 'default=1', '--store', 'eu_en=3', '--report', 'codes-and-ids.report.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.stdout)).toEqual([
      ['ana@example.com', 1, 1],
      ['tom@example.com', 2, 3],
    ]);
    const report = JSON.parse(read(dir, 'codes-and-ids.report.json')) as { losses: { byPath: { path: string; codes: Record<string, number> }[] } };
    expect(report.losses.byPath.map((p) => [p.path, p.codes])).toEqual([
      ['store_id', { value_changed: 1 }],
      ['website_id', { value_changed: 1 }],
    ]);
  });

  it('fill them from the composite format too', async () => {
    write(dir, 'composite.csv', 'email,_website,_store,firstname,lastname,_address_firstname,_address_lastname,_address_street,_address_city,_address_country_id,_address_telephone,_address_postcode\nana@example.com,eu,eu_en,Ana,Lima,Ana,Lima,1 Main St,Springfield,US,+1 310-555-0142,90405\n');
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'composite.csv', '--input-format', 'magento-composite-csv', '-q', '--website', 'eu=2', '--store', 'eu_en=3'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(ids(run.stdout)).toEqual([['ana@example.com', 2, 3]]);
  });

  it('give the _website and _store codes of magento-csv output, in place of the defaults', async () => {
    const records = magentoRecords(3).map((r, i) => (i === 0 ? r : { ...r, website_id: 2, store_id: i + 2 }));
    write(dir, 'eu.ndjson', ndjson(records));
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'eu.ndjson', '-o', 'eu.csv', '--website', 'eu=2', '--store', 'eu_en=3', '--report', 'eu.report.json'], dir);
    // Website 1 has no code now (the default base=1 is replaced): that record is a reject.
    expect(run.code, run.stderr).toBe(1);
    // Store 4 has no code: `_store` stays empty, and the report counts it with the same codes as the writer.
    const report = JSON.parse(read(dir, 'eu.report.json')) as { losses: { byPath: { path: string; count: number }[] } };
    expect(report.losses.byPath.find((p) => p.path === 'store_id')?.count).toBe(1);
    const again = await cli(['convert', '--from', 'magento', '--to', 'magento', 'eu.ndjson', '-o', 'eu.csv', '--website', 'eu=2', '--store', 'eu_en=3', '--store', 'eu_fr=4', '--report', 'eu.report.json'], dir);
    expect(again.code, again.stderr).toBe(1);
    expect((JSON.parse(read(dir, 'eu.report.json')) as typeof report).losses.byPath.find((p) => p.path === 'store_id')).toBeUndefined();
    const rejected = lines(read(dir, 'eu.rejects.ndjson')) as { line: number; issues: { message: string }[] }[];
    expect(rejected.map((r) => r.line)).toEqual([1]);
    // The message lists the codes in effect: the given ones, not the defaults they replace.
    expect(rejected[0]?.issues[0]?.message).toMatchInlineSnapshot(`"No website code for this website_id in the codes given { 2: "eu" } (the defaults do not apply): give one with --website CODE=ID"`);
    expect(rows('eu.csv').map((r) => [r.email, r._website, r._store])).toEqual([
      ['customer2@example.com', 'eu', 'eu_en'],
      ['customer3@example.com', 'eu', 'eu_fr'],
    ]);
    expect(rows('eu.addresses.csv').map((r) => [r._email, r._website])).toEqual([
      ['customer2@example.com', 'eu'],
      ['customer3@example.com', 'eu'],
    ]);
  });

  it('are usage errors when malformed, ambiguous or of no use', async () => {
    const refused = async (...args: string[]) => {
      const run = await cli(['convert', '--from', 'magento', '--to', 'magento', ...args], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      return run.stderr.split('\n')[0];
    };
    expect(await refused('codes-only.csv', '--website', 'base')).toMatchInlineSnapshot(`"customer-codecs: --website expects CODE=ID with a whole-number id, e.g. --website base=1"`);
    expect(await refused('codes-only.csv', '--store', 'default=one')).toMatchInlineSnapshot(`"customer-codecs: --store expects CODE=ID with a whole-number id, e.g. --store default=1"`);
    expect(await refused('codes-only.csv', '--website', 'base=-1')).toMatchInlineSnapshot(`"customer-codecs: --website expects CODE=ID with a whole-number id, e.g. --website base=1"`);
    expect(await refused('codes-only.csv', '--website', 'base=1', '--website', 'base=2')).toMatchInlineSnapshot(`"customer-codecs: --website base is given twice"`);
    // Reading, two codes may share an id; writing, an id needs one code.
    expect(await refused('codes-only.csv', '-o', 'shared.csv', '--website', 'base=1', '--website', 'main=1')).toMatchInlineSnapshot(
      `"customer-codecs: --website: base and main have the same id 1, and magento-csv output writes one code per id"`,
    );
    write(dir, 'plain.ndjson', ndjson(magentoRecords(1)));
    expect(await refused('plain.ndjson', '--store', 'default=1')).toMatchInlineSnapshot(
      `"customer-codecs: --store maps Magento CSV codes to ids: it goes with a Magento CSV input or --output-format magento-csv"`,
    );
  });
});

describe('--attribute', () => {
  const [customer] = magentoRecords(1);
  const address = (customer?.addresses as Record<string, unknown>[])[0];
  write(dir, 'tier.ndjson', ndjson([{ ...customer, custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold' }], addresses: [{ ...address, custom_attributes: [{ attribute_code: 'delivery_notes', value: 'back door' }] }] }]));
  const byPath = (name: string) => (JSON.parse(read(dir, name)) as { losses: { byPath: { path: string }[] } }).losses.byPath.map((p) => p.path);

  it('writes a merchant attribute column that reads back, and the report stops counting it as a loss', async () => {
    const without = await cli(['convert', '--from', 'magento', '--to', 'magento', 'tier.ndjson', '-o', 'plain-tier.csv', '--report', 'plain-tier.report.json'], dir);
    expect(without.code, without.stderr).toBe(0);
    expect(read(dir, 'plain-tier.csv')).not.toContain('loyalty_tier');
    expect(byPath('plain-tier.report.json')).toEqual(expect.arrayContaining(['custom_attributes.0', 'addresses.*.custom_attributes.0']));

    // --workers 2: the columns reach the worker threads' loss count too.
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'tier.ndjson', '-o', 'x.csv', '--attribute', 'customer:loyalty_tier', '--attribute=address:delivery_notes', '--report', 'x.report.json', '--workers', '2'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(rows('x.csv').map((r) => [r.email, r.loyalty_tier])).toEqual([['customer1@example.com', 'gold']]);
    expect(rows('x.addresses.csv').map((r) => [r._email, r.delivery_notes])).toEqual([['customer1@example.com', 'back door']]);
    const paths = byPath('x.report.json');
    expect(paths).not.toContain('custom_attributes.0');
    expect(paths).not.toContain('addresses.*.custom_attributes.0');
    expect(paths).toContain('id'); // the report still counts what has no column

    const back = await cli(['convert', '--from', 'magento', '--to', 'magento', 'x.csv', '--addresses', 'x.addresses.csv', '-q'], dir);
    expect(back.code, back.stderr).toBe(0);
    expect(lines(back.stdout)).toMatchObject([
      { custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold' }], addresses: [{ custom_attributes: [{ attribute_code: 'delivery_notes', value: 'back door' }] }] },
    ]);
  });

  it('is a usage error when malformed, already a column, or without magento-csv output', async () => {
    const refused = async (...args: string[]) => {
      const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'tier.ndjson', ...args], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(existsSync(join(dir, 'refused.csv'))).toBe(false);
      return run.stderr.split('\n')[0];
    };
    expect(await refused('-o', 'refused.csv', '--attribute', 'loyalty_tier')).toMatchInlineSnapshot(`"customer-codecs: --attribute expects customer:CODE or address:CODE, CODE an attribute code (a letter, then letters, digits, _), e.g. --attribute customer:loyalty_tier"`);
    expect(await refused('-o', 'refused.csv', '--attribute', 'order:loyalty_tier')).toMatchInlineSnapshot(`"customer-codecs: --attribute expects customer:CODE or address:CODE, CODE an attribute code (a letter, then letters, digits, _), e.g. --attribute customer:loyalty_tier"`);
    expect(await refused('-o', 'refused.csv', '--attribute', 'customer:loyalty-tier')).toMatchInlineSnapshot(`"customer-codecs: --attribute expects customer:CODE or address:CODE, CODE an attribute code (a letter, then letters, digits, _), e.g. --attribute customer:loyalty_tier"`);
    expect(await refused('-o', 'refused.csv', '--attribute', 'customer:')).toMatchInlineSnapshot(`"customer-codecs: --attribute expects customer:CODE or address:CODE, CODE an attribute code (a letter, then letters, digits, _), e.g. --attribute customer:loyalty_tier"`);
    expect(await refused('-o', 'refused.csv', '--attribute', 'customer:firstname')).toMatchInlineSnapshot(`"customer-codecs: --attribute: "firstname" is already a column of the Customers Main File"`);
    expect(await refused('-o', 'refused.csv', '--attribute', 'customer:loyalty_tier', '--attribute', 'address:city')).toMatchInlineSnapshot(`"customer-codecs: --attribute: "city" is already a column of the Customer Addresses file"`);
    expect(await refused('-o', 'refused.ndjson', '--attribute', 'customer:loyalty_tier')).toMatchInlineSnapshot(`"customer-codecs: --attribute adds a column to Magento import CSVs: it goes with --output-format magento-csv"`);
  });
});

describe('a Magento CSV pair given incompletely', () => {
  type HintReport = { counts: { read: number; converted: number }; warnings: string[]; hints: string[] };
  const sub = (name: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    return join(dir, name);
  };

  it('warns (summary and report) that a main file read without --addresses converts every customer without addresses', async () => {
    const alone = sub('alone');
    write(alone, 'customer.csv', MAIN);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer.csv', '-o', 'out.ndjson', '--report', 'report.json'], alone);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(read(alone, 'report.json')) as HintReport;
    expect(report.warnings).toMatchInlineSnapshot(`
      [
        "no --addresses: a Magento Customers Main File holds no addresses, so every customer is converted without any; give the Customer Addresses file with --addresses FILE",
      ]
    `);
    expect(run.stderr).toContain(`  warning: ${report.warnings[0]}\n`);
    // Not louder than the summary: --quiet prints nothing when no addresses file is in sight.
    const quiet = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer.csv', '-o', 'out.ndjson', '-q'], alone);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    // With the addresses file, nothing to warn about.
    write(alone, 'addresses.txt', ADDRESSES);
    const paired = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer.csv', '--addresses', 'addresses.txt', '-o', 'out.ndjson', '--report', 'paired.json'], alone);
    expect(paired.code, paired.stderr).toBe(0);
    expect((JSON.parse(read(alone, 'paired.json')) as HintReport).warnings).toStrictEqual([]);
    expect(paired.stderr).not.toContain('warning');
  });

  it('names the Customer Addresses file it finds beside the main file (by its header, whatever its name), even with --quiet', async () => {
    const beside = sub('beside');
    write(beside, 'customers-2024.csv', MAIN);
    write(beside, 'export-b.csv', ADDRESSES);
    // Another main file and a CSV of other columns are no addresses files.
    write(beside, 'customers-2023.csv', MAIN);
    write(beside, 'other.csv', '_email,sku\nana@example.com,X1\n');
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customers-2024.csv', '-o', 'out.ndjson', '--report', 'report.json'], beside);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(read(beside, 'report.json')) as HintReport;
    expect(report.counts).toEqual({ read: 2, converted: 2, rejected: 0 });
    expect(report.warnings).toMatchInlineSnapshot(`
      [
        "no --addresses: a Magento Customers Main File holds no addresses, so every customer is converted without any, and export-b.csv beside customers-2024.csv is a Magento Customer Addresses file: pass --addresses export-b.csv",
      ]
    `);
    expect(run.stderr).toContain(`  warning: ${report.warnings[0]}\n`);
    const quiet = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customers-2024.csv', '-o', 'out.ndjson', '-q'], beside);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe(`customer-codecs: warning: ${report.warnings[0]}\n`);
    // The file named is the one to pass: doing so converts the address.
    const fixed = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customers-2024.csv', '--addresses', 'export-b.csv', '-o', 'fixed.ndjson', '-q'], beside);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(read(beside, 'fixed.ndjson')).toContain('"1450 Ocean Park Blvd"');
    // Given by a path from elsewhere, the warning names the file by a path that works from there.
    const fromAbove = await cli(['convert', '--from', 'magento', '--to', 'medusa', join('beside', 'customers-2024.csv'), '-o', 'above.ndjson', '-q'], dir);
    expect(fromAbove.stderr).toContain(`pass --addresses ${join('beside', 'export-b.csv')}\n`);
  });

  it('is a usage error naming --addresses when the Customer Addresses file is given as INPUT', async () => {
    const swapped = sub('swapped');
    write(swapped, 'customer_address.csv', ADDRESSES);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'customer_address.csv', '-o', 'out.ndjson'], swapped);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: customer_address.csv is a Magento Customer Addresses file (its header names each customer by _email): give it with --addresses customer_address.csv, and the Customers Main File as INPUT"`);
    expect(existsSync(join(swapped, 'out.ndjson'))).toBe(false);
    // On standard input the header is seen only when read: the reader's error says the same.
    const piped = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--input-format', 'magento-csv', '-q'], swapped, ADDRESSES);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatchInlineSnapshot(`
      "customer-codecs: error: Magento CSV (main file): the header has no "email" column; it has "_email": it looks like the Customer Addresses file, which is read with the main file (the addresses option)
      "
    `);
  });
});
