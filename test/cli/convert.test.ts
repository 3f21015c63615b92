// The built `customer-codecs` command, run as a user would (node dist/cli.js in a temporary directory).
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKERS_PAY_OFF, workersAdvice, workersNote } from '../../src/cli/convert.js';
import { cli, CLI, example, hidden, lines, magentoRecords, ndjson, read, root, scratch, write, type Run } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

interface Report {
  counts: { read: number; converted: number; rejected: number };
  emptyPayloads: number;
  losses: { total: number; byCode: Record<string, number>; byPath: { path: string; count: number; codes: Record<string, number> }[] };
  rejects: { file: string | null; byCode: Record<string, number> };
  durationMs: number;
  recordsPerSecond: number;
  dryRun: boolean;
}
interface Reject {
  line: number;
  index?: number;
  input: unknown;
  inputBase64?: string;
  issues: { code: string; path: (string | number)[]; message: string }[];
}

const report = (name: string) => JSON.parse(read(dir, name)) as Report;
const rejects = (name: string) => lines(read(dir, name)) as Reject[];
const emails = (text: string) => lines(text).map((r) => (r as { email?: string }).email);
const ok = (run: Run, code = 0) => expect(run.code, run.stderr).toBe(code);

describe('NDJSON input', () => {
  it('converts the bundled Magento export to Medusa, with a report whose counts reconcile', async () => {
    const run = await cli(
      ['convert', '--from', 'magento', '--to', 'medusa', join(root, 'examples/export/magento-customers.ndjson'), '-o', 'bundled.ndjson', '--report', 'bundled.report.json'],
      dir,
    );
    ok(run);
    const source = lines(readFileSync(join(root, 'examples/export/magento-customers.ndjson'), 'utf8')) as { email: string }[];
    expect(emails(read(dir, 'bundled.ndjson'))).toEqual(source.map((r) => r.email));
    const r = report('bundled.report.json');
    expect(r.counts).toEqual({ read: source.length, converted: source.length, rejected: 0 });
    // Losses grouped by path pattern (array indices as `*`) and by code; they add up.
    expect(r.losses.byPath.find((p) => p.path === 'addresses.*.id')?.count).toBe(4);
    expect(r.losses.byPath.reduce((a, p) => a + p.count, 0)).toBe(r.losses.total);
    expect(Object.values(r.losses.byCode).reduce((a, n) => a + n, 0)).toBe(r.losses.total);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(typeof r.recordsPerSecond).toBe('number');
    // A rejects file beside OUT, empty: nothing was rejected.
    expect(read(dir, 'bundled.rejects.ndjson')).toBe('');
    expect(run.stderr).toMatch(/4 read, 4 converted, 0 rejected/);
  });

  it('rejects a damaged line and a cut-off last line, keeps line numbers, and exits 1', async () => {
    const [a, b] = magentoRecords(2);
    const input = `${JSON.stringify(a)}\n\n{"email": "x@example.com", oops}\n${JSON.stringify(b)}\r\n{"email":"cut@example.com","firstna`;
    write(dir, 'damaged.ndjson', input);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'damaged.ndjson', '-o', 'damaged.out.ndjson', '--report', 'damaged.report.json'], dir);
    ok(run, 1);
    expect(emails(read(dir, 'damaged.out.ndjson'))).toEqual(['customer1@example.com', 'customer2@example.com']);
    const rj = rejects('damaged.out.rejects.ndjson');
    expect(rj.map((r) => r.line)).toEqual([3, 5]);
    expect(rj[0]?.input).toBe('{"email": "x@example.com", oops}');
    expect(rj[1]?.input).toBe('{"email":"cut@example.com","firstna');
    expect(rj.every((r) => r.issues[0]?.code === 'invalid_format')).toBe(true);
    expect(rj[1]?.issues[0]?.message).toMatch(/cut off/);
    expect(report('damaged.report.json').counts).toEqual({ read: 4, converted: 2, rejected: 2 });
    expect(run.stderr).toMatch(/4 read, 2 converted, 2 rejected/);
    // NDJSON with damaged lines, not a JSON document: no hint.
    expect(run.stderr).not.toMatch(/hint/);
  });

  it('rejects an invalid record with its issues and its raw input; --rejects names the file', async () => {
    const [a] = magentoRecords(1);
    write(dir, 'invalid.ndjson', ndjson([a, { firstname: 'No', lastname: 'Email', website_id: 1 }]));
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', 'invalid.ndjson', '-o', 'invalid.out.ndjson', '--rejects', 'invalid.rejected.ndjson'], dir);
    ok(run, 1);
    const [r] = rejects('invalid.rejected.ndjson');
    expect(r).toMatchObject({ line: 2, input: { firstname: 'No', lastname: 'Email', website_id: 1 } });
    expect(r?.issues).toContainEqual(expect.objectContaining({ code: 'required', path: ['email'] }));
    expect(existsSync(join(dir, 'invalid.out.rejects.ndjson'))).toBe(false);
  });

  it('unwraps read payloads on a line: a Medusa list page and a single {customer}', async () => {
    const records = example('medusa');
    write(dir, 'pages.ndjson', ndjson([{ customers: records, count: records.length, offset: 0, limit: 50 }, { customer: records[0] }]));
    const run = await cli(['convert', '--from', 'medusa', '--to', 'v4', 'pages.ndjson', '-o', 'pages.out.ndjson', '--report', 'pages.report.json'], dir);
    ok(run);
    expect(emails(read(dir, 'pages.out.ndjson'))).toEqual([...records.map((r) => r.email), records[0]?.email]);
    expect(report('pages.report.json').counts.read).toBe(records.length + 1);
  });

  it('hints at --input-format json, once, when the input is a JSON document over several lines; the outcome is the same', async () => {
    const pretty = JSON.stringify(magentoRecords(2), null, 2);
    const hint = 'customer-codecs: hint: stdin looks like one JSON document over several lines, read as NDJSON (a record per line): pass --input-format json to read it as JSON';
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--rejects', 'pretty.rejects.ndjson'], dir, pretty);
    ok(run, 1);
    expect(run.stderr.split('\n').filter((l) => l.includes('hint'))).toEqual([hint]);
    const quiet = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--rejects', 'pretty-quiet.rejects.ndjson', '-q'], dir, pretty);
    ok(quiet, 1);
    expect(quiet.stderr).toBe('');
    expect(read(dir, 'pretty.rejects.ndjson')).toBe(read(dir, 'pretty-quiet.rejects.ndjson'));
    expect(rejects('pretty.rejects.ndjson')).toHaveLength(pretty.split('\n').length);
    // An array whose first line also holds a record: the first two lines are both damaged.
    const packed = `[${JSON.stringify(magentoRecords(1)[0])},\n${JSON.stringify(magentoRecords(2)[1])}]\n`;
    expect((await cli(['convert', '--from', 'magento', '--to', 'medusa'], dir, packed)).stderr).toContain(hint);
    // The hint's advice works.
    const json = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--input-format', 'json', '-q'], dir, pretty);
    ok(json);
    expect(emails(json.stdout)).toEqual(['customer1@example.com', 'customer2@example.com']);
  });

  it('--workers says when it most likely did not help: as many workers as cores or more on a small run (a note, not an error; none with --quiet)', async () => {
    const input = ndjson(magentoRecords(3));
    const cores = availableParallelism();
    const n = Math.max(cores, 2);
    const many = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--workers', String(n), '-o', 'workers-many.ndjson'], dir, input);
    ok(many);
    expect(many.stderr.split('\n').filter((l) => l.includes('note: --workers'))).toEqual([workersNote(n, cores)]);
    expect(workersNote(2, 2)).toMatchInlineSnapshot(`"customer-codecs: note: --workers 2 on 2 cores: each worker warms up on its own and the reading thread shares the cores, so they pay off on large inputs only (measured on 2 cores: 2 workers slower than one thread at 5,000 records, even at 20,000, 1.5× faster at 100,000: docs/performance.md); with at least 3 cores they help sooner"`);
    // A large run gets no note (the workers paid off there); fewer workers than cores never do.
    expect(workersAdvice(2, 2, WORKERS_PAY_OFF - 1)).toBe(workersNote(2, 2));
    expect(workersAdvice(2, 2, WORKERS_PAY_OFF)).toBeUndefined();
    expect(workersAdvice(2, 4, 10)).toBeUndefined();
    expect(workersAdvice(1, 1, 10)).toBeUndefined();
    const quiet = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--workers', String(n), '-o', 'workers-quiet.ndjson', '-q'], dir, input);
    ok(quiet);
    expect(quiet.stderr).toBe('');
    expect(read(dir, 'workers-quiet.ndjson')).toBe(read(dir, 'workers-many.ndjson'));
    if (cores > 2) {
      const fewer = await cli(['convert', '--from', 'magento', '--to', 'medusa', '--workers', String(cores - 1), '-o', 'workers-fewer.ndjson'], dir, input);
      expect(fewer.stderr).not.toContain('note: --workers');
    }
  });

  it('reads standard input and writes standard output', async () => {
    const input = ndjson(magentoRecords(3));
    const run = await cli(['convert', '--from', 'magento', '--to', 'enterprise-v1', '--default', 'enterprise_id=42', '--quiet'], dir, input);
    ok(run);
    const out = lines(run.stdout) as { email: string; enterprise_id: unknown }[];
    expect(out.map((r) => r.email)).toEqual(['customer1@example.com', 'customer2@example.com', 'customer3@example.com']);
    // `--default key=value` reads the value as JSON when it parses.
    expect(out.every((r) => r.enterprise_id === 42)).toBe(true);
    expect(run.stderr).toBe('');
  });
});

describe.each([1, 2])('NDJSON lines holding arrays or bytes that are not UTF-8 (--workers %i)', (workers) => {
  const run = (name: string, extra: string[] = []) =>
    cli(['convert', '--from', 'magento', '--to', 'medusa', `${name}.ndjson`, '-o', `${name}-${workers}.out.ndjson`, '--report', `${name}-${workers}.report.json`, '--workers', String(workers), ...extra], dir);

  it('converts each element of an array on a line, rejects with the line and the index, and counts an empty array', async () => {
    const [a, b, c, d] = magentoRecords(4);
    const invalid = { ...c, email: 'not-an-email' };
    write(dir, 'arrays.ndjson', ndjson([a, [b, invalid, 7, { items: [d], search_criteria: {}, total_count: 1 }], [], { items: [], search_criteria: {}, total_count: 0 }]));
    const r = await run('arrays', ['--verbose']);
    ok(r, 1);
    expect(emails(read(dir, `arrays-${workers}.out.ndjson`))).toEqual(['customer1@example.com', 'customer2@example.com', 'customer4@example.com']);
    const rj = rejects(`arrays-${workers}.out.rejects.ndjson`);
    expect(rj.map(({ line, index, input }) => ({ line, index, input }))).toEqual([
      { line: 2, index: 1, input: invalid },
      { line: 2, index: 2, input: 7 },
    ]);
    expect(rj[1]?.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Expected an object (a record or a read payload): each element of an array on a line is one",
          "path": [],
        },
      ]
    `);
    const rep = report(`arrays-${workers}.report.json`);
    expect(rep.counts).toEqual({ read: 5, converted: 3, rejected: 2 });
    expect(rep.emptyPayloads).toBe(2);
    expect(r.stderr).toMatch(/5 read, 3 converted, 2 rejected/);
    expect(r.stderr).toContain('record 2, index 1: invalid_email at email\n');
    expect(r.stderr).toContain('record 3: no records (an empty array or list page)\n');
    expect(r.stderr).toContain('record 4: no records (an empty array or list page)\n');
    expect(r.stderr).toContain('  no records in 2 payload(s) (an empty array or list page): their record numbers with --verbose\n');
  });

  it('keeps the exact bytes of a line that is not UTF-8 in its reject (inputBase64), so the line can be fixed and converted again', async () => {
    const [a, b, c] = magentoRecords(3);
    const latin1 = Buffer.from(JSON.stringify({ ...b, firstname: 'Jürgen' }), 'latin1');
    writeFileSync(join(dir, 'latin1.ndjson'), Buffer.concat([Buffer.from(`${JSON.stringify(a)}\n`), latin1, Buffer.from(`\r\n${JSON.stringify(c)}\n`)]));
    const r = await run('latin1');
    ok(r, 1);
    expect(emails(read(dir, `latin1-${workers}.out.ndjson`))).toEqual(['customer1@example.com', 'customer3@example.com']);
    const [reject] = rejects(`latin1-${workers}.out.rejects.ndjson`);
    expect(Object.keys(reject ?? {})).toEqual(['line', 'input', 'inputBase64', 'issues']);
    expect(reject?.line).toBe(2);
    expect(reject?.input).toContain('"firstname":"J\uFFFDrgen"');
    const bytes = Buffer.from(reject?.inputBase64 ?? '', 'base64');
    expect(bytes).toEqual(latin1);
    // Fixed (read as Latin-1, saved as UTF-8), the line converts with its name intact.
    write(dir, 'fixed.ndjson', `${bytes.toString('latin1')}\n`);
    const again = await run('fixed');
    ok(again);
    expect(lines(read(dir, `fixed-${workers}.out.ndjson`))).toMatchObject([{ email: 'customer2@example.com', first_name: 'Jürgen' }]);
    expect(report(`latin1-${workers}.report.json`).counts).toEqual({ read: 3, converted: 2, rejected: 1 });
  });
});

describe.each([1, 2])('one record never ends a run: too deep to convert, or to write back (--workers %i)', (workers) => {
  const fine = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 };
  // Text, not objects: JSON.stringify itself cannot write 100,000 levels.
  const deep = (levels: number) => `{"email":"b@example.com","firstname":"B","lastname":"C","website_id":1,"extension_attributes":${'{"x":'.repeat(levels)}{}${'}'.repeat(levels)}}`;

  it('NDJSON: lines nested 2,200 and 100,000 levels deep are rejects too_deep, the lines around them convert', async () => {
    write(dir, `deep-${workers}.ndjson`, [JSON.stringify(fine), deep(2200), deep(100_000), JSON.stringify(fine)].join('\n') + '\n');
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', `deep-${workers}.ndjson`, '-o', `deep-${workers}.out.ndjson`, '--workers', String(workers)], dir);
    ok(run, 1);
    expect(emails(read(dir, `deep-${workers}.out.ndjson`))).toStrictEqual(['ana@example.com', 'ana@example.com']);
    const found = rejects(`deep-${workers}.out.rejects.ndjson`);
    expect(found.map((r) => [r.line, r.issues.map((i) => i.code)])).toStrictEqual([[2, ['too_deep']], [3, ['too_deep']]]);
    // The first is written back as read; the second is too deep for JSON.stringify, and says so.
    expect((found[0]!.input as { email: string }).email).toBe('b@example.com');
    expect(found[1]).toMatchObject({ inputOmitted: expect.stringContaining('too deep') });
  });

  it('a JSON array: a record nested 100,000 levels deep is a reject, and the records after it are read', async () => {
    write(dir, `deep-${workers}.json`, `[${[JSON.stringify(fine), deep(100_000), JSON.stringify(fine)].join(',')}]`);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', `deep-${workers}.json`, '-o', `deep-json-${workers}.ndjson`, '--workers', String(workers)], dir);
    ok(run, 1);
    expect(emails(read(dir, `deep-json-${workers}.ndjson`))).toStrictEqual(['ana@example.com', 'ana@example.com']);
    expect(rejects(`deep-json-${workers}.rejects.ndjson`).map((r) => r.issues.map((i) => i.code))).toStrictEqual([['too_deep']]);
  });
});

describe('mistakes named where they happen: the report groups rejects and names the fix', () => {
  it('refuses to start without a shop value no source record holds: exit 2, one line, nothing written', async () => {
    write(dir, 'shop.ndjson', ndjson(magentoRecords(30)));
    const run = await cli(['convert', '--from', 'magento', '--to', 'enterprise-v1', 'shop.ndjson', '-o', 'shop.out.ndjson', '--report', 'shop.report.json'], dir);
    ok(run, 2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "customer-codecs: --to enterprise-v1 needs --default enterprise_id=ID: magento records never hold it (enterprise_id: the Open Food Network shop (enterprise) the customer belongs to (required in records))
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    expect(existsSync(join(dir, 'shop.out.ndjson'))).toBe(false);
    const medusa = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'shop.ndjson', '--dry-run'], dir);
    ok(medusa, 2);
    expect(medusa.stderr).toMatch(/^customer-codecs: --to magento needs --default website_id=ID: medusa records never hold it \(website_id: /);
    // Given, the records convert; a record of the target's own platform holds its own.
    ok(await cli(['convert', '--from', 'magento', '--to', 'enterprise-v1', 'shop.ndjson', '-o', 'shop.out.ndjson', '--default', 'enterprise_id=42'], dir), 0);
    expect(lines(read(dir, 'shop.out.ndjson')).map((r) => (r as { enterprise_id: number }).enterprise_id)).toStrictEqual(Array(30).fill(42));
    ok(await cli(['convert', '--from', 'magento', '--to', 'magento', 'shop.ndjson', '--dry-run', '-q'], dir), 0);
  });

  it('groups rejects by path and code, and names --default for a top-level value most rejects lack', async () => {
    // WebCommander customers with no name anywhere (no address holds one either): Magento requires names.
    const nameless = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, email: `guest${i}@example.com`, addresses: [] }));
    write(dir, 'nameless.ndjson', ndjson(nameless));
    const run = await cli(['convert', '--from', 'v4', '--to', 'magento', 'nameless.ndjson', '-o', 'nameless.out.ndjson', '--report', 'nameless.report.json', '--default', 'website_id=1'], dir);
    ok(run, 1);
    const r = report('nameless.report.json') as Report & { rejects: { byPath: unknown[] }; hints: string[] };
    expect(r.rejects.byPath).toStrictEqual([
      { path: 'firstname', count: 30, codes: { required: 30 } },
      { path: 'lastname', count: 30, codes: { required: 30 } },
    ]);
    expect(r.hints).toContain('30 of 30 rejected records lack firstname, which magento requires: give it with --default firstname=VALUE');
    expect(run.stderr).toContain('hint: 30 of 30 rejected records lack firstname');
  });

  it('names the platform the records look like when most are rejected as invalid (a wrong --from)', async () => {
    const medusa = (await cli(['convert', '--from', 'magento', '--to', 'medusa', 'shop.ndjson', '-o', 'shop.medusa.ndjson'], dir)).code;
    expect(medusa).toBe(0);
    const run = await cli(['convert', '--from', 'enterprise-v1', '--to', 'magento', 'shop.medusa.ndjson', '-o', 'wrong.ndjson', '--report', 'wrong.report.json', '--default', 'website_id=1'], dir);
    ok(run, 1);
    expect((report('wrong.report.json') as Report & { hints: string[] }).hints).toContainEqual(expect.stringContaining('is --from medusa meant?'));
  });

  it('says lookup tables may resolve values it could not reference, only when none were given', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', 'shop.ndjson', '-o', 'v4.ndjson', '--report', 'v4.report.json'], dir);
    ok(run, 0);
    const hints = (report('v4.report.json') as Report & { hints: string[] }).hints;
    expect(hints).toStrictEqual([expect.stringMatching(/^\d+ values could not be referenced in v4 \(most often .*addresses\.\*\.country_id.*\): lookup tables given with --platform-options FILE may resolve some of them \(these need .*\)$/)]);
    // The summary names the option and the tables that give v4's country and state ids.
    expect(hints[0]).toContain('(these need v4.countries and v4.states: FILE holds e.g. {"v4": {"countries": […]}})');
    expect(run.stderr).toContain(`  hint: ${hints[0]}\n`);
    write(dir, 'lookups.json', JSON.stringify({ v4: { countries: [{ id: 1, code: 'US' }] } }));
    const given = await cli(['convert', '--from', 'magento', '--to', 'v4', 'shop.ndjson', '-o', 'v4b.ndjson', '--report', 'v4b.report.json', '--platform-options', 'lookups.json'], dir);
    ok(given, 0);
    expect((report('v4b.report.json') as Report & { hints: string[] }).hints).toStrictEqual([]);
  });

  it('--limit N converts the first N records and stops reading', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'shop.ndjson', '-o', 'first.ndjson', '--report', 'first.report.json', '--limit', '7'], dir);
    ok(run, 0);
    expect(report('first.report.json').counts).toStrictEqual({ read: 7, converted: 7, rejected: 0 });
    expect(emails(read(dir, 'first.ndjson'))).toStrictEqual(magentoRecords(30).slice(0, 7).map((r) => r.email));
    const bad = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'shop.ndjson', '--limit', '0'], dir);
    expect([bad.code, bad.stderr.trim()]).toMatchInlineSnapshot(`
      [
        2,
        "customer-codecs: --limit expects a whole number of records, 1 or more
      Run 'customer-codecs convert --help' for the options.",
      ]
    `);
  });
});

describe('an address the target cannot hold', () => {
  const guest = {
    id: 'cus_01H', email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', has_account: false,
    billing_address: { first_name: 'Ana', last_name: 'Lima', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: null },
    shipping_addresses: [{ first_name: 'Ana', last_name: 'Lima', address_1: '9 Smith St', city: 'Fitzroy', country_code: 'au', postal_code: '3065', phone: '0400 111 222' }],
  };

  it('is left out by default: the customer converts and the report counts the loss at the address', async () => {
    write(dir, 'guest.ndjson', ndjson([guest]));
    const run = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '-o', 'guest.out.ndjson', '--default', 'website_id=1', '--report', 'guest.report.json'], dir);
    ok(run, 0);
    expect(lines(read(dir, 'guest.out.ndjson')).map((r) => (r as { addresses: unknown[] }).addresses.length)).toStrictEqual([1]);
    expect(report('guest.report.json').losses.byPath.find((p) => p.path === 'billing_address')).toStrictEqual({ path: 'billing_address', count: 1, codes: { not_representable: 1 } });
  });

  it('converts it whole with --default addresses.telephone=…, which fills only the address lacking one', async () => {
    const run = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '-o', 'guest.phone.ndjson', '--default', 'website_id=1', '--default', 'addresses.telephone=+61 3 9000 0000'], dir);
    ok(run, 0);
    expect(lines(read(dir, 'guest.phone.ndjson')).flatMap((r) => (r as { addresses: { telephone: string }[] }).addresses.map((a) => a.telephone))).toStrictEqual(['0400 111 222', '+61 3 9000 0000']);
    const bad = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '--default', 'website_id=1', '--default', 'addresses.phone=1'], dir);
    ok(bad, 2);
    expect(bad.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: --default: "addresses.phone" names no field of a magento address"`);
  });

  it('reads --default V per the target field: a text field keeps the digits as typed, a numeric field its number', async () => {
    write(dir, 'guest.ndjson', ndjson([guest]));
    for (const typed of ['0391234567', '391234567', '1e3']) {
      const run = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '--default', 'website_id=1', '--default', `addresses.telephone=${typed}`], dir);
      ok(run, 0);
      const [out] = lines(run.stdout) as { website_id: unknown; addresses: { telephone: unknown }[] }[];
      expect([out?.website_id, out?.addresses.map((a) => a.telephone)]).toStrictEqual([1, ['0400 111 222', typed]]);
    }
    const bad = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '--default', 'website_id=abc'], dir);
    ok(bad, 2);
    expect(bad.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: --default website_id: a magento record's website_id cannot hold this value: Invalid input: expected number, received string"`);
  });

  it('rejects the customer with --strict-addresses', async () => {
    const run = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'guest.ndjson', '-o', 'guest.strict.ndjson', '--default', 'website_id=1', '--strict-addresses'], dir);
    ok(run, 1);
    expect(rejects('guest.strict.rejects.ndjson').map((r) => r.issues.map((i) => [i.code, i.path]))).toStrictEqual([[['required', ['addresses', 1, 'telephone']]]]);
  });
});

describe("names from the customer's own address", () => {
  // A Medusa guest as checkouts create them: no names on the customer, names on its addresses.
  const nameless = {
    id: 'cus_01J', email: 'guest@example.com', first_name: null, last_name: null, has_account: false,
    billing_address: { first_name: 'Gia', last_name: 'Lo', address_1: '1 Collins St', city: 'Melbourne', country_code: 'au', postal_code: '3000', phone: '03 9123 4567' },
    shipping_addresses: [],
  };

  it('are taken by default and counted as derived; --no-derive-names rejects the customer instead', async () => {
    write(dir, 'nameless-guest.ndjson', ndjson([nameless]));
    const run = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'nameless-guest.ndjson', '-o', 'nameless-guest.out.ndjson', '--default', 'website_id=1', '--report', 'nameless-guest.report.json'], dir);
    ok(run, 0);
    expect(lines(read(dir, 'nameless-guest.out.ndjson')).map((r) => [(r as { firstname: string }).firstname, (r as { lastname: string }).lastname])).toStrictEqual([['Gia', 'Lo']]);
    expect(report('nameless-guest.report.json').losses.byCode).toMatchObject({ derived: 2 });
    const off = await cli(['convert', '--from', 'medusa', '--to', 'magento', 'nameless-guest.ndjson', '-o', 'nameless-off.ndjson', '--default', 'website_id=1', '--no-derive-names'], dir);
    ok(off, 1);
    expect(rejects('nameless-off.rejects.ndjson').map((r) => r.issues.map((i) => [i.code, i.path]))).toStrictEqual([[['required', ['firstname']], ['required', ['lastname']]]]);
  });
});

describe('JSON input', () => {
  it('streams an array of records and writes one JSON array with --output-format json', async () => {
    const records = example('medusa');
    write(dir, 'array.json', JSON.stringify(records, null, 2));
    const run = await cli(['convert', '--from', 'medusa', '--to', 'v4', 'array.json', '-o', 'array.out.json'], dir);
    ok(run);
    const out = JSON.parse(read(dir, 'array.out.json')) as { email: string }[];
    expect(out.map((r) => r.email)).toEqual(records.map((r) => r.email));
    // The same records as NDJSON, one per line.
    const same = await cli(['convert', '--from', 'medusa', '--to', 'v4', 'array.json', '-q'], dir);
    expect(lines(same.stdout)).toEqual(out);
  });

  it('converts an Open Food Network JSON:API page', async () => {
    const records = example('enterprise-v1');
    const page = {
      data: records.map((attributes, i) => ({ id: String(i + 1), type: 'customer', attributes })),
      meta: { pagination: { results: records.length, pages: 1, page: 1, per_page: 50 } },
      links: { self: 'https://shop.example/api/v1/customers?page=1' },
    };
    write(dir, 'page.json', JSON.stringify(page));
    const run = await cli(['convert', '--from', 'enterprise-v1', '--to', 'medusa', 'page.json', '-o', 'page.out.ndjson'], dir);
    ok(run);
    expect(emails(read(dir, 'page.out.ndjson'))).toEqual(records.map((r) => r.email));
  });

  it('converts a Magento search result, rejecting a bad item by its record number', async () => {
    const items = [...magentoRecords(2), { email: 'not-an-email', firstname: 'X', lastname: 'Y', website_id: 1 }, ...magentoRecords(3).slice(2)];
    write(dir, 'search.json', JSON.stringify({ items, search_criteria: { filter_groups: [] }, total_count: items.length }));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'search.json', '-o', 'search.out.ndjson', '--report', 'search.report.json'], dir);
    ok(run, 1);
    expect(emails(read(dir, 'search.out.ndjson'))).toEqual(['customer1@example.com', 'customer2@example.com', 'customer3@example.com']);
    const [r] = rejects('search.out.rejects.ndjson');
    expect(r?.line).toBe(3);
    expect(r?.issues).toContainEqual(expect.objectContaining({ code: 'invalid_email', path: ['email'] }));
    expect(report('search.report.json').counts).toEqual({ read: 4, converted: 3, rejected: 1 });
  });

  it('reads a payload object from standard input (--input-format json)', async () => {
    const records = example('medusa');
    const run = await cli(['convert', '--from', 'medusa', '--to', 'v4', '--input-format', 'json', '-q'], dir, JSON.stringify({ customers: records, count: 3, offset: 0, limit: 50 }));
    ok(run);
    expect(emails(run.stdout)).toEqual(records.map((r) => r.email));
  });

  it('keeps a character split between two reads of the file (256 KiB each)', async () => {
    const records = magentoRecords(1200).map((r) => ({ ...r, firstname: 'Søren', lastname: 'Ødegård' }));
    const text = Buffer.from(JSON.stringify(records));
    // Spaces after `[` put the first byte of an "ø" or "Ø" last in the first read, its second byte first in the next.
    const READ = 256 * 1024;
    const lead = text.lastIndexOf(0xc3, READ - 1);
    writeFileSync(join(dir, 'split.json'), Buffer.concat([Buffer.from('['), Buffer.alloc(READ - 1 - lead, ' '), text.subarray(1)]));
    expect(readFileSync(join(dir, 'split.json'))[READ - 1]).toBe(0xc3);
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'split.json', '-o', 'split.out.ndjson'], dir);
    ok(run);
    expect(lines(read(dir, 'split.out.ndjson'))).toEqual(records.map((r) => expect.objectContaining({ firstname: 'Søren', lastname: 'Ødegård' })));
  });

  it('stops (exit 2, no output) on a file that is not UTF-8, naming the file and the byte, never the text', async () => {
    const latin1 = Buffer.from(JSON.stringify([...magentoRecords(1), { ...magentoRecords(2)[1], firstname: 'Jürgen' }]), 'latin1');
    const at = latin1.indexOf(0xfc);
    writeFileSync(join(dir, 'latin1.json'), latin1);
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'latin1.json', '-o', 'latin1.out.ndjson'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`customer-codecs: latin1.json: not UTF-8 text (byte offset ${at}): JSON is read as UTF-8; save the file as UTF-8\n`);
    expect(existsSync(join(dir, 'latin1.out.ndjson'))).toBe(false);
    expect(hidden(dir)).toEqual([]);
    // A read payload (a Magento search result) likewise.
    writeFileSync(join(dir, 'latin1-search.json'), Buffer.concat([Buffer.from('{"items":'), latin1, Buffer.from(',"total_count":2}')]));
    const search = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'latin1-search.json', '-q'], dir);
    expect(search.code).toBe(2);
    expect(search.stderr).toBe(`customer-codecs: latin1-search.json: not UTF-8 text (byte offset ${at + 9}): JSON is read as UTF-8; save the file as UTF-8\n`);
    expect(search.stdout).toBe('');
  });

  it('rejects the record a cut-off array ends in, after converting those before it', async () => {
    const text = JSON.stringify(magentoRecords(3));
    write(dir, 'cut.json', text.slice(0, text.length - 60));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'cut.json', '-o', 'cut.out.ndjson'], dir);
    ok(run, 1);
    expect(emails(read(dir, 'cut.out.ndjson'))).toEqual(['customer1@example.com', 'customer2@example.com']);
    const [r] = rejects('cut.out.rejects.ndjson');
    expect(r?.line).toBe(3);
    expect(r?.input).toMatchObject({ email: 'customer3@example.com' });
    expect(r?.issues[0]?.message).toMatch(/cut off/);
  });
});

describe.each([1, 2])('JSON pages appended into one input (--workers %i)', (workers) => {
  const run = (args: string[], stdin?: string) => cli(['convert', '--from', 'medusa', '--to', 'v4', '--workers', String(workers), ...args], dir, stdin);
  const medusa = example('medusa');
  const page = (records: unknown[]) => JSON.stringify({ customers: records, count: records.length, offset: 0, limit: 50 });

  it.each([
    ['arrays', `${JSON.stringify(medusa.slice(0, 2))}${JSON.stringify(medusa.slice(2))}\n`],
    ['pages', `${page(medusa.slice(0, 1))}\n${page(medusa.slice(1))}\n`],
  ])('converts every record of appended %s, from a file and from standard input', async (name, text) => {
    write(dir, `appended-${name}.json`, text);
    const file = await run([`appended-${name}.json`, '-q']);
    ok(file);
    expect(emails(file.stdout)).toEqual(medusa.map((r) => r.email));
    const piped = await run(['--input-format', 'json', '-q'], text);
    ok(piped);
    expect(piped.stdout).toBe(file.stdout);
  });

  it('stops with one line suggesting NDJSON when a page follows an array in standard input', async () => {
    const r = await run(['--input-format', 'json'], `${JSON.stringify(medusa.slice(0, 1))}${page(medusa.slice(1))}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'customer-codecs: stdin: a read payload (an object) after a JSON array: standard input is read once and cannot hold both; give a file, or NDJSON (--input-format ndjson, one page per line)\n',
    );
  });

  it('counts an empty list page given as the whole file as an empty payload, and notes it', async () => {
    write(dir, `empty-page-${workers}.json`, JSON.stringify({ customers: [], count: 0, offset: 0, limit: 50 }));
    const r = await run([`empty-page-${workers}.json`, '-o', `empty-page-${workers}.out.ndjson`, '--report', `empty-page-${workers}.report.json`, '--verbose']);
    ok(r);
    const rep = report(`empty-page-${workers}.report.json`);
    expect({ counts: rep.counts, emptyPayloads: rep.emptyPayloads }).toEqual({ counts: { read: 0, converted: 0, rejected: 0 }, emptyPayloads: 1 });
    expect(r.stderr).toContain('record 1: no records (an empty array or list page)\n');
    expect(r.stderr).toContain('  no records in 1 payload(s) (an empty array or list page): their record numbers with --verbose\n');
  });
});

describe('API error bodies as input', () => {
  const ofnError = {
    errors: [{ detail: 'Invalid resource. Please fix errors and try again.' }],
    meta: { validation_errors: ['Email is associated with an existing customer'] },
  };
  const issue = {
    code: 'error_response',
    path: [],
    message: 'An enterprise-v1 API error response, not a record: Invalid resource. Please fix errors and try again. Email is associated with an existing customer',
  };

  it('a JSON file that is an error body is one reject with issue error_response, and the run exits 1', async () => {
    write(dir, 'ofn-error.json', JSON.stringify(ofnError));
    const run = await cli(['convert', '--from', 'enterprise-v1', '--to', 'magento', 'ofn-error.json', '-o', 'ofn-error.out.ndjson', '--report', 'ofn-error.report.json', '--default', 'website_id=1'], dir);
    ok(run, 1);
    expect(rejects('ofn-error.out.rejects.ndjson')).toStrictEqual([{ line: 1, input: ofnError, issues: [issue] }]);
    expect(report('ofn-error.report.json').rejects.byCode).toStrictEqual({ error_response: 1 });
    // stderr names the code, never the API's text.
    expect(run.stderr).toMatch(/issues: error_response 1/);
    expect(run.stderr).not.toMatch(/Invalid resource/);
  });

  it('an error body on an NDJSON line is a reject at its line; the lines around it convert', async () => {
    const [a, b] = example('enterprise-v1');
    write(dir, 'ofn-mixed.ndjson', ndjson([a, ofnError, b]));
    const run = await cli(['convert', '--from', 'enterprise-v1', '--to', 'medusa', 'ofn-mixed.ndjson', '-o', 'ofn-mixed.out.ndjson'], dir);
    ok(run, 1);
    expect(emails(read(dir, 'ofn-mixed.out.ndjson'))).toEqual([a?.email, b?.email]);
    expect(rejects('ofn-mixed.out.rejects.ndjson')).toStrictEqual([{ line: 2, input: ofnError, issues: [issue] }]);
  });
});

describe('output', () => {
  it('--request writes API request bodies instead of records', async () => {
    write(dir, 'request.ndjson', ndjson(example('medusa')));
    const records = await cli(['convert', '--from', 'medusa', '--to', 'v4', 'request.ndjson', '-q'], dir);
    expect((lines(records.stdout) as Record<string, unknown>[]).filter((r) => 'created_at' in r && 'addresses' in r)).toHaveLength(2);
    for (const operation of ['create', 'update']) {
      const run = await cli(['convert', '--from', 'medusa', '--to', 'v4', 'request.ndjson', '--request', operation, '-q'], dir);
      ok(run);
      const bodies = lines(run.stdout) as { customer: Record<string, unknown> }[];
      expect(bodies.map((b) => b.customer.email)).toEqual(example('medusa').map((r) => r.email));
      for (const body of bodies) {
        expect(Object.keys(body)).toEqual(['customer']);
        expect(body.customer).not.toHaveProperty('created_at');
        expect(body.customer).not.toHaveProperty('addresses');
      }
    }
  });

  it('refuses --to medusa --request create before reading: the body needs a password no record has', async () => {
    write(dir, 'medusa.ndjson', ndjson(example('medusa')));
    const run = await cli(['convert', '--from', 'medusa', '--to', 'medusa', 'medusa.ndjson', '--request', 'create', '-o', 'create.ndjson'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "customer-codecs: --to medusa --request create: a medusa create body requires a password, which records never hold and the CLI cannot give; write the records without --request, or use --request update
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    expect(existsSync(join(dir, 'create.ndjson'))).toBe(false);
    expect(existsSync(join(dir, 'create.rejects.ndjson'))).toBe(false);
    // An update body takes no password: every record converts.
    const update = await cli(['convert', '--from', 'medusa', '--to', 'medusa', 'medusa.ndjson', '--request', 'update', '-q'], dir);
    ok(update);
    expect(lines(update.stdout)).toHaveLength(example('medusa').length);
  });

  it('-o - writes standard output, and INPUT - reads standard input', async () => {
    const input = ndjson(magentoRecords(2));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', '-', '-o', '-', '-q'], dir, input);
    ok(run);
    expect(emails(run.stdout)).toEqual(['customer1@example.com', 'customer2@example.com']);
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(existsSync(join(dir, '-.rejects.ndjson'))).toBe(false);
    // The CSV pair is two files: standard output cannot hold it.
    const csv = await cli(['convert', '--from', 'magento', '--to', 'magento', '--output-format', 'magento-csv', '-o', '-'], dir, input);
    expect(csv.code).toBe(2);
    expect(csv.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: --output-format magento-csv writes two files, not standard output: give the main file with -o"`);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('--rejects - and --report - write standard output when the records go to a file, and never create a file named -', async () => {
    write(dir, 'dash.ndjson', ndjson([...magentoRecords(2), { email: 'nobody' }]));
    const base = ['convert', '--from', 'magento', '--to', 'medusa', 'dash.ndjson'];
    const rejected = await cli([...base, '-o', 'dash.out.ndjson', '--rejects', '-', '--report', 'dash.report.json', '--workers', '2'], dir);
    ok(rejected, 1);
    expect((lines(rejected.stdout) as Reject[]).map((r) => [r.line, r.input])).toEqual([[3, { email: 'nobody' }]]);
    expect(emails(read(dir, 'dash.out.ndjson'))).toEqual(['customer1@example.com', 'customer2@example.com']);
    expect(existsSync(join(dir, 'dash.out.rejects.ndjson'))).toBe(false);
    expect(report('dash.report.json').rejects.file).toBe('-');
    expect(rejected.stderr).toMatch(/\n {2}rejected: written to standard output \(issues: required \d, invalid_email 1\)\n/);

    const reported = await cli([...base, '-o', 'dash.out2.ndjson', '--report', '-', '-q'], dir);
    ok(reported, 1);
    const r = JSON.parse(reported.stdout) as Report;
    expect(r.counts).toEqual({ read: 3, converted: 2, rejected: 1 });
    expect(r.rejects.file).toBe('dash.out2.rejects.ndjson');
    expect(rejects('dash.out2.rejects.ndjson')).toHaveLength(1);
    // A dry run prints its report there anyway: once.
    const dry = await cli([...base, '--dry-run', '--report', '-', '-q'], dir);
    ok(dry, 1);
    expect((JSON.parse(dry.stdout) as Report).dryRun).toBe(true);
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(hidden(dir)).toEqual([]);
  });

  it('refuses --rejects - and --report - when standard output already holds the records, the other one or the dry-run report', async () => {
    const refused = async (args: string[]) => {
      const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'dash.ndjson', ...args], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(existsSync(join(dir, '-'))).toBe(false);
      return run.stderr.split('\n')[0];
    };
    write(dir, 'dash.ndjson', ndjson(magentoRecords(2)));
    expect(await refused(['--rejects', '-'])).toMatchInlineSnapshot(`"customer-codecs: --rejects -: standard output holds the records (no -o, or -o -): give --rejects a file, or write the records to a file with -o"`);
    expect(await refused(['-o', '-', '--report', '-'])).toMatchInlineSnapshot(`"customer-codecs: --report -: standard output holds the records (no -o, or -o -): give --report a file, or write the records to a file with -o"`);
    expect(await refused(['-o', 'dash.no.ndjson', '--rejects', '-', '--report', '-'])).toMatchInlineSnapshot(`"customer-codecs: --rejects - and --report -: standard output can hold only one of them: give the other a file"`);
    expect(await refused(['--dry-run', '--rejects', '-'])).toMatchInlineSnapshot(`"customer-codecs: --rejects -: standard output holds the report of --dry-run: give --rejects a file"`);
    expect(existsSync(join(dir, 'dash.no.ndjson'))).toBe(false);
  });

  it('says on stderr how many rejected records were not kept and how to keep them, even with --quiet', async () => {
    const input = ndjson([...magentoRecords(2), { email: 'nobody' }, { firstname: 'No', lastname: 'Email', website_id: 1 }]);
    const base = ['convert', '--from', 'magento', '--to', 'medusa'];
    const loud = await cli(base, dir, input);
    ok(loud, 1);
    expect(emails(loud.stdout)).toEqual(['customer1@example.com', 'customer2@example.com']);
    expect(loud.stderr).toMatch(/\n {2}2 rejected records were not kept: pass --rejects FILE to keep them \(issues: required \d, invalid_email 1\)\n/);
    const quiet = await cli([...base, '-q'], dir, input);
    ok(quiet, 1);
    expect(quiet.stderr).toMatchInlineSnapshot(`
      "customer-codecs: warning: 2 rejected records were not kept: pass --rejects FILE to keep them
      "
    `);
    // Kept (a file, or standard output with -o), or none: nothing to warn about.
    expect((await cli([...base, '-q', '--rejects', 'kept.rejects.ndjson'], dir, input)).stderr).toBe('');
    expect((await cli([...base, '-q', '-o', 'kept.ndjson', '--rejects', '-'], dir, input)).stderr).toBe('');
    expect((await cli([...base, '-q'], dir, ndjson(magentoRecords(1)))).stderr).toBe('');
    const one = await cli([...base, '-q'], dir, ndjson([{ email: 'nobody' }]));
    expect(one.stderr).toBe('customer-codecs: warning: 1 rejected record was not kept: pass --rejects FILE to keep them\n');
  });

  it('--request with --report counts what the bodies leave out, by path in the target record', async () => {
    const v4 = join(root, 'examples/v4.json');
    const records = await cli(['convert', '--from', 'v4', '--to', 'v4', v4, '-o', 'v4.records.ndjson', '--report', 'v4.records.json'], dir);
    ok(records);
    expect(report('v4.records.json').losses.total).toBe(0);
    const run = await cli(['convert', '--from', 'v4', '--to', 'v4', v4, '--request', 'create', '-o', 'v4.create.ndjson', '--report', 'v4.create.json'], dir);
    ok(run);
    const r = report('v4.create.json');
    const at = (path: string) => r.losses.byPath.find((p) => p.path === path)?.codes;
    // Zoë's second address (the body holds one), her two street lines sent as one, ids the server assigns.
    expect(at('addresses.1')).toEqual({ not_representable: 1 });
    expect(at('addresses.*.address_line_2')).toEqual({ value_changed: 1 });
    expect(at('id')).toEqual({ server_assigned: 3 });
    expect(r.losses.byPath.reduce((a, p) => a + p.count, 0)).toBe(r.losses.total);
    expect(run.stderr).toMatch(/not in v4's fields or its create request: \d+ values/);

    // A Magento hash a create body cannot carry is counted, and never printed.
    const hash = `${'c'.repeat(64)}:${'S'.repeat(32)}:3_32_2_67108864`;
    write(dir, 'hash.ndjson', ndjson(magentoRecords(2).map((m) => ({ ...m, password_hash: hash }))));
    const magento = await cli(['convert', '--from', 'magento', '--to', 'magento', 'hash.ndjson', '--request', 'create', '-o', 'hash.out.ndjson', '--report', 'hash.json'], dir);
    ok(magento);
    expect(report('hash.json').losses.byPath.find((p) => p.path === 'password_hash')?.codes).toEqual({ not_migratable: 2 });
    expect(read(dir, 'hash.json') + magento.stderr + read(dir, 'hash.out.ndjson')).not.toContain(hash);
  });

  it('--request create --report counts the credential attribute entries (a CSV export\'s reset token) the bodies leave out, and writes none', async () => {
    const token = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
    const withToken = magentoRecords(2).map((m) => ({
      ...m,
      custom_attributes: [{ attribute_code: 'rp_token', value: token }, { attribute_code: 'rp_token_created_at', value: '2024-05-01 10:00:00' }, { attribute_code: 'loyalty_tier', value: 'gold' }],
    }));
    write(dir, 'token.ndjson', ndjson(withToken));
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'token.ndjson', '--request', 'create', '-o', 'token.out.ndjson', '--report', 'token.json'], dir);
    ok(run);
    expect(report('token.json').losses.byPath.filter((p) => p.path.startsWith('custom_attributes')).map((p) => [p.path, p.codes])).toMatchInlineSnapshot(`
      [
        [
          "custom_attributes.0",
          {
            "not_migratable": 2,
          },
        ],
        [
          "custom_attributes.1",
          {
            "not_migratable": 2,
          },
        ],
      ]
    `);
    const bodies = read(dir, 'token.out.ndjson').trim().split('\n').map((l) => JSON.parse(l) as { customer: { custom_attributes: unknown } });
    expect(bodies.map((b) => b.customer.custom_attributes)).toEqual([[{ attribute_code: 'loyalty_tier', value: 'gold' }], [{ attribute_code: 'loyalty_tier', value: 'gold' }]]);
    expect(read(dir, 'token.json') + run.stderr + read(dir, 'token.out.ndjson')).not.toMatch(/a1b2c3d4e5f6|2024-05-01/);
  });

  it('--dry-run converts everything, writes no output and prints the report', async () => {
    write(dir, 'dry.ndjson', ndjson([...magentoRecords(2), { email: 'nobody' }]));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'dry.ndjson', '-o', 'dry.out.ndjson', '--dry-run'], dir);
    ok(run, 1);
    expect(existsSync(join(dir, 'dry.out.ndjson'))).toBe(false);
    expect(existsSync(join(dir, 'dry.out.rejects.ndjson'))).toBe(false);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.dryRun).toBe(true);
    expect(r.counts).toEqual({ read: 3, converted: 2, rejected: 1 });
    expect(run.stderr).toMatch(/dry run: magento -> medusa: 3 read, 2 converted, 1 rejected/);
    expect(hidden(dir)).toEqual([]);
  });

  it('--workers 2 gives the same output, in input order, as one thread', async () => {
    const records: unknown[] = magentoRecords(1300);
    for (let i = 6; i < records.length; i += 97) records[i] = { firstname: 'No', lastname: `Email ${i}`, website_id: 1 };
    write(dir, 'many.ndjson', ndjson(records));
    const one = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'many.ndjson', '-o', 'one.ndjson'], dir);
    const two = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'many.ndjson', '-o', 'two.ndjson', '--workers', '2'], dir);
    ok(one, 1);
    ok(two, 1);
    expect(read(dir, 'two.ndjson')).toBe(read(dir, 'one.ndjson'));
    expect(read(dir, 'two.rejects.ndjson')).toBe(read(dir, 'one.rejects.ndjson'));
    const expected = (records as { email?: string }[]).filter((r) => r.email).map((r) => r.email);
    expect(emails(read(dir, 'two.ndjson'))).toEqual(expected);
    expect(rejects('two.rejects.ndjson').map((r) => r.line)).toEqual(records.flatMap((r, i) => ((r as { email?: string }).email ? [] : [i + 1])));
  });

  it('converts a batch too big for a worker heap in the main thread, in order, and says so under --verbose', async () => {
    const records: unknown[] = magentoRecords(60);
    // About 9 MB of merchant attributes on one record: more than a 32 MiB worker heap holds with the library.
    const [big] = magentoRecords(1);
    records[25] = { ...big, email: 'big@example.com', custom_attributes: Array.from({ length: 120_000 }, (_, i) => ({ attribute_code: `attr_${i}`, value: `value ${i}` })) };
    write(dir, 'big.ndjson', ndjson(records));
    const one = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'big.ndjson', '-o', 'big-one.ndjson'], dir);
    const two = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'big.ndjson', '-o', 'big-two.ndjson', '--workers', '2', '--verbose'], dir, '', { CUSTOMER_CODECS_WORKER_HEAP_MB: '32' });
    ok(one, 0);
    ok(two, 0);
    expect(two.stderr).toMatch(/a batch of \d+ record\(s\) did not fit a worker's 32 MiB heap: converted in the main thread/);
    expect(read(dir, 'big-two.ndjson')).toBe(read(dir, 'big-one.ndjson'));
  });

  it('refuses a worker heap size that cannot hold the library, in one line', async () => {
    write(dir, 'few.ndjson', ndjson(magentoRecords(2)));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'few.ndjson', '--workers', '2'], dir, '', { CUSTOMER_CODECS_WORKER_HEAP_MB: '16' });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: CUSTOMER_CODECS_WORKER_HEAP_MB expects a whole number of MiB, at least 32 (got "16")"`);
  });
});

describe('secrets', () => {
  it('never prints a password hash on stderr or in the report; the rejects file keeps the raw input', async () => {
    const hash = 'c0ffee5ecret0123456789abcdef0123456789abcdef0123456789abcdef01:salt123:1';
    const [good] = magentoRecords(1);
    write(dir, 'secret.ndjson', ndjson([{ ...good, password_hash: hash }, { firstname: 'No', lastname: 'Email', website_id: 1, password_hash: hash }]));
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'secret.ndjson', '-o', 'secret.out.ndjson', '--report', 'secret.report.json', '--verbose'], dir);
    ok(run, 1);
    expect(run.stderr).toMatch(/record 2: required at email/);
    expect(run.stderr).not.toContain('c0ffee5ecret');
    expect(read(dir, 'secret.report.json')).not.toContain('c0ffee5ecret');
    expect(report('secret.report.json').losses.byPath.map((p) => p.path)).toContain('password_hash');
    expect(read(dir, 'secret.out.rejects.ndjson')).toContain(hash);
  });
});

describe('exit code 2', () => {
  /** Exit 2 with one line saying why (and, for usage errors, a second pointing to --help). */
  const usage = async (args: string[], pattern: RegExp, stdin?: string) => {
    const run = await cli(args, dir, stdin);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(pattern);
    if (args.length > 0) expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(run.stdout).toBe('');
  };
  write(dir, 'two.ndjson', ndjson(magentoRecords(2)));

  it('for usage errors, in one line', async () => {
    await usage(['convert', '--from', 'magento', '--to', 'shopify', 'two.ndjson'], /--to/);
    await usage(['convert', '--to', 'medusa', 'two.ndjson'], /missing --from/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', '--colour', 'two.ndjson'], /unknown option --colour/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '--default', 'nonsense=1'], /nonsense/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '--default', 'website_id'], /key=value/);
    await usage(['convert', '--from', 'medusa', '--to', 'magento', 'two.ndjson', '--default', 'website_id=abc'], /^customer-codecs: --default website_id: a magento record's website_id cannot hold this value: Invalid input: expected number, received string\n/);
    await usage(['convert', '--from', 'magento', '--to', 'enterprise-v1', 'two.ndjson', '--default', 'enterprise_id="42"'], /--default enterprise_id: .*expected number, received string/);
    await usage(['convert', '--from', 'medusa', '--to', 'magento', 'two.ndjson', '--default', 'website_id=1', '--default=website_id=2'], /^customer-codecs: --default website_id is given twice\n/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '--workers', '0'], /--workers/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '--output-format', 'magento-csv', '-o', 'x.csv'], /--to magento/);
    await usage(['convert', '--from', 'medusa', '--to', 'magento', 'two.txt'], /--input-format/);
    await usage([], /USAGE/);
  });

  it('when the input or an output cannot be used, leaving nothing behind', async () => {
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'missing.ndjson', '-o', 'never.ndjson'], /cannot read missing\.ndjson: no such file/);
    expect(existsSync(join(dir, 'never.ndjson'))).toBe(false);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'two.ndjson/out.ndjson'], /cannot write two\.ndjson\/out\.ndjson: two\.ndjson is not a directory\n/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'two.ndjson/deeper/out.ndjson'], /cannot write .*: two\.ndjson is not a directory\n/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', '--input-format', 'json', '-o', 'never.ndjson', '-q'], /expected a JSON array/, '"a string"');
    expect(existsSync(join(dir, 'never.ndjson'))).toBe(false);
    expect(hidden(dir)).toEqual([]);
  });

  it('when the output directory is not writable, in one line', async () => {
    // Root may write anywhere a mode forbids, but not in sysfs.
    const locked = process.getuid?.() === 0 ? '/sys' : join(dir, 'locked');
    if (locked !== '/sys') {
      mkdirSync(locked);
      chmodSync(locked, 0o555);
    }
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', join(locked, 'out.ndjson')], /^customer-codecs: cannot write .*out\.ndjson: cannot create files in .*: (?:permission denied|read-only file system)\n$/);
    await usage(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', join(locked, 'sub', 'out.ndjson')], /^customer-codecs: cannot write .*out\.ndjson: cannot create the directory .*sub: (?:permission denied|read-only file system)\n$/);
  });

  it('--verbose adds the stack', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'missing.ndjson', '--verbose'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('outputs never replace inputs', () => {
  const input = ndjson(magentoRecords(2));
  /** The first stderr line of a run refused with exit 2, after checking it wrote nothing. */
  const clash = async (args: string[], cwd = dir) => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'medusa', ...args], cwd);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(2);
    expect(hidden(cwd)).toEqual([]);
    return run.stderr.split('\n')[0];
  };

  it('refuses an output that is INPUT, --addresses or --platform-options, by path, ./path or symlink, leaving the input as it was', async () => {
    write(dir, 'mine.ndjson', input);
    symlinkSync('mine.ndjson', join(dir, 'mine-link.ndjson'));
    expect(await clash(['mine.ndjson', '-o', 'mine.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: -o mine.ndjson is the INPUT file: an output cannot replace an input"`);
    expect(await clash(['mine.ndjson', '-o', './mine.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: -o ./mine.ndjson is the INPUT file mine.ndjson: an output cannot replace an input"`);
    expect(await clash(['mine.ndjson', '-o', 'other.ndjson', '--rejects', 'mine-link.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: --rejects mine-link.ndjson is the INPUT file mine.ndjson: an output cannot replace an input"`);
    expect(await clash(['mine.ndjson', '-o', 'other.ndjson', '--report', join(dir, 'mine.ndjson')])).toMatch(/--report .*mine\.ndjson is the INPUT file mine\.ndjson/);
    // The rejects file named after -o.
    write(dir, 'mine.rejects.ndjson', input);
    expect(await clash(['mine.rejects.ndjson', '-o', 'mine.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: the rejects file mine.rejects.ndjson (named after -o mine.ndjson) is the INPUT file: an output cannot replace an input"`);
    write(dir, 'opts.json', '{}');
    expect(await clash(['mine.ndjson', '-o', 'other.ndjson', '--platform-options', 'opts.json', '--report', 'opts.json'])).toMatchInlineSnapshot(`"customer-codecs: --report opts.json is the --platform-options file: an output cannot replace an input"`);
    expect(read(dir, 'mine.ndjson')).toBe(input);
    expect(read(dir, 'mine.rejects.ndjson')).toBe(input);
    expect(read(dir, 'opts.json')).toBe('{}');
    expect(existsSync(join(dir, 'other.ndjson'))).toBe(false);
    // A dry run writes no -o and no rejects file named after it: nothing to refuse.
    ok(await cli(['convert', '--from', 'magento', '--to', 'medusa', 'mine.ndjson', '-o', 'mine.ndjson', '--dry-run', '-q'], dir));
    expect(read(dir, 'mine.ndjson')).toBe(input);
  });

  it('refuses a magento-csv output whose Customer Addresses file is the --addresses input', async () => {
    const sub = join(dir, 'csv-clash');
    mkdirSync(sub);
    write(sub, 'main.csv', 'email,_website,firstname,lastname,website_id\nana@example.com,base,Ana,Lima,1\n');
    const addresses = '_website,_email,city,country_id,firstname,lastname,postcode,street,telephone\nbase,ana@example.com,Springfield,US,Ana,Lima,90405,1 Main St,+1 310-555-0142\n';
    write(sub, 'o2.addresses.csv', addresses);
    const run = await cli(['convert', '--from', 'magento', '--to', 'magento', 'main.csv', '--addresses', 'o2.addresses.csv', '-o', 'o2.csv'], sub);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: the Customer Addresses file o2.addresses.csv (written beside -o o2.csv) is the --addresses file: an output cannot replace an input"`);
    expect(read(sub, 'o2.addresses.csv')).toBe(addresses);
    expect(existsSync(join(sub, 'o2.csv'))).toBe(false);
    expect(hidden(sub)).toEqual([]);
  });

  it('refuses an output that is the file on standard input (< file)', () => {
    write(dir, 'piped.ndjson', input);
    const fd = openSync(join(dir, 'piped.ndjson'), 'r');
    try {
      const run = spawnSync(process.execPath, [CLI, 'convert', '--from', 'magento', '--to', 'medusa', '-o', 'piped.ndjson'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatchInlineSnapshot(`"customer-codecs: -o piped.ndjson is the file on standard input: an output cannot replace an input"`);
    } finally {
      closeSync(fd);
    }
    expect(read(dir, 'piped.ndjson')).toBe(input);
  });

  it('refuses two outputs that are one file, however named', async () => {
    write(dir, 'two-in.ndjson', input);
    expect(await clash(['two-in.ndjson', '-o', 'same-out.ndjson', '--report', './same-out.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: --report ./same-out.ndjson and -o same-out.ndjson are the same file: give each output its own path"`);
    expect(await clash(['two-in.ndjson', '-o', 'same-out.ndjson', '--rejects', 'same-out.ndjson'])).toMatchInlineSnapshot(`"customer-codecs: --rejects same-out.ndjson and -o same-out.ndjson are the same file: give each output its own path"`);
    expect(existsSync(join(dir, 'same-out.ndjson'))).toBe(false);
  });
});

describe('help', () => {
  it('describes every option, with examples and exit codes', async () => {
    const run = await cli(['convert', '--help'], dir);
    ok(run);
    for (const option of ['--from', '--to', '--output', '--rejects', '--report', '--default', '--platform-options', '--no-residue', '--phones', '--addresses', '--website', '--store', '--attribute customer:loyalty_tier', '--input-format', '--output-format', '--request', '--dry-run', '--workers', '--quiet', '--verbose']) {
      expect(run.stdout).toContain(option);
    }
    // Wrapped at 90 columns: compare with the line breaks as spaces.
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Standard output when left out or "-"');
    expect(flat).toContain('Standard input when left out or "-"');
    expect(flat).toContain('Not --to medusa --request create');
    expect(flat).toContain('--phones <as-written|e164>');
    expect(flat).toContain('(default: as-written)');
    expect(flat).toContain('"-": standard output, when the records do not go there');
    expect(flat).toContain('a warning that rejected records were not kept (no --rejects, output to standard output) is still printed');
    expect(flat).toContain('A main file read without it converts every customer without addresses: the summary and the report warn');
    expect(flat).toContain('the Customer Addresses file given as INPUT is a usage error naming --addresses');
    expect(flat).toContain('hints naming the option that fixes a frequent reject or loss (--default, --platform-options and the lookup tables it needs, --from)');
    expect(run.stdout).toMatch(/EXAMPLES/);
    expect(run.stdout).toMatch(/EXIT CODES/);
    expect((await cli(['--version'], dir)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
