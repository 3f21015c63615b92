// The built command's library options: --platform-options, --no-residue, --phones and --request.
import { afterAll, describe, expect, it } from 'vitest';
import { passwordRequired } from '../../src/cli/options.js';
import { ConversionError, platforms, toRequest } from '../../src/index.js';
import { cli, example, lines, magentoRecords, ndjson, read, scratch, write, type Run } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

interface Report {
  losses: { total: number; byCode: Record<string, number>; byPath: { path: string; count: number; codes: Record<string, number> }[] };
}
interface V4Address {
  country: { id?: number; code: string };
  state?: { id?: number; code?: string };
}

const report = (name: string) => JSON.parse(read(dir, name)) as Report;
const ok = (run: Run, code = 0) => expect(run.code, run.stderr).toBe(code);
/** The stderr of a run that must end with exit code 2, and no output. */
const refused = async (args: string[]) => {
  const run = await cli(args, dir);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr;
};

write(dir, 'two.ndjson', ndjson(magentoRecords(2)));

describe('--platform-options', () => {
  const shop = { magento: { streetLines: 1 }, v4: { countries: [{ id: 840, code: 'US' }], states: [{ id: 5, country: 'US', code: 'CA' }] } };
  write(dir, 'shop.json', JSON.stringify(shop, null, 2));

  it('passes the options to every conversion: v4 country and state ids from the shop table', async () => {
    const plain = await cli(['convert', '--from', 'magento', '--to', 'v4', 'two.ndjson', '-o', 'plain.ndjson', '--report', 'plain.report.json'], dir);
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', 'two.ndjson', '-o', 'ids.ndjson', '--report', 'ids.report.json', '--platform-options', 'shop.json'], dir);
    ok(plain);
    ok(run);
    const addresses = (name: string) => (lines(read(dir, name)) as { addresses: V4Address[] }[]).flatMap((r) => r.addresses);
    expect(addresses('plain.ndjson').map((a) => [a.country.id, a.state?.id])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(addresses('ids.ndjson').map((a) => [a.country.id, a.state?.id])).toEqual([
      [840, 5],
      [840, 5],
    ]);
    // Without the table the ids cannot be referenced; with it they can.
    const lost = (name: string) => report(name).losses.byPath.filter((p) => ['addresses.*.country_id', 'addresses.*.region'].includes(p.path));
    expect(lost('plain.report.json').map((p) => [p.path, p.codes])).toEqual([
      ['addresses.*.country_id', { unreferenceable: 2 }],
      ['addresses.*.region', { unreferenceable: 2 }],
    ]);
    expect(lost('ids.report.json')).toEqual([]);
  });

  it('reaches the worker threads, and the options of the source platform too (magento streetLines)', async () => {
    const args = ['convert', '--from', 'magento', '--to', 'magento', 'two.ndjson', '--platform-options', 'shop.json', '-q'];
    const one = await cli(args, dir);
    const two = await cli([...args, '--workers', '2'], dir);
    ok(one);
    ok(two);
    expect(two.stdout).toBe(one.stdout);
    // One street line: the second is joined into it.
    const streets = (lines(one.stdout) as { addresses: { street: string[] }[] }[]).map((r) => r.addresses[0]?.street);
    expect(streets).toEqual([['1450 Ocean Park Blvd, Suite 1'], ['1450 Ocean Park Blvd, Suite 2']]);
  });

  it('refuses a file it cannot use before reading the input: exit 2, one line naming the option', async () => {
    const convert = (file: string) => ['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'never.ndjson', '--platform-options', file];
    expect(await refused(convert('missing.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options: cannot read missing.json: no such file or directory
      "
    `);
    write(dir, 'comma.json', '{\n  "magento": { "streetLines": 3, }\n}\n');
    expect(await refused(convert('comma.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options comma.json: not valid JSON: Expected double-quoted property name at line 2, column 34
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    write(dir, 'lines.json', '{ "magento": { "streetLines": 7 } }');
    expect(await refused(convert('lines.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options lines.json: magento.streetLines: Too big: expected number to be <=4
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    // A platform this run does not convert from or to is checked too.
    write(dir, 'v4.json', '{ "v4": { "countries": [{ "id": "840", "code": "US" }] } }');
    expect(await refused(convert('v4.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options v4.json: v4.countries.0.id: Invalid input: expected number, received string
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    write(dir, 'shopify.json', '{ "shopify": {} }');
    expect(await refused(convert('shopify.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options shopify.json: Unknown platform "shopify"; expected one of: magento, medusa, v4, enterprise-v1, medusa-v2
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    write(dir, 'list.json', '[]');
    expect(await refused(convert('list.json'))).toMatchInlineSnapshot(`
      "customer-codecs: --platform-options list.json: expected an object keyed by platform id
      Run 'customer-codecs convert --help' for the options.
      "
    `);
    expect(await refused([...convert('lines.json'), '--verbose'])).toMatch(/\n\s+at /);
  });
});

describe('--no-residue', () => {
  it('keeps customer_codecs out of Medusa metadata and reports the values as ordinary losses', async () => {
    const carried = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'carried.ndjson', '--report', 'carried.report.json'], dir);
    const clean = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'clean.ndjson', '--report', 'clean.report.json', '--no-residue'], dir);
    ok(carried);
    ok(clean);
    expect((lines(read(dir, 'carried.ndjson')) as { metadata?: Record<string, unknown> }[]).every((r) => r.metadata?.customer_codecs !== undefined)).toBe(true);
    expect(read(dir, 'clean.ndjson')).not.toContain('customer_codecs');
    expect(lines(read(dir, 'clean.ndjson'))).toHaveLength(2);

    const before = report('carried.report.json').losses;
    const after = report('clean.report.json').losses;
    expect(before.byCode.carried).toBe(before.total);
    expect(after.byCode.carried).toBeUndefined();
    // The same values at the same paths, now with the reason each one is lost.
    expect(after.byPath.map((p) => [p.path, p.count])).toEqual(before.byPath.map((p) => [p.path, p.count]));
    const codeOf = (path: string) => after.byPath.find((p) => p.path === path)?.codes;
    expect(codeOf('website_id')).toEqual({ platform_data: 2 });
    expect(codeOf('id')).toEqual({ server_assigned: 2 });
  });
});

describe('--phones', () => {
  type Medusa = { shipping_addresses: { phone: string }[]; billing_address: { phone: string } };
  const phones = (name: string) => (lines(read(dir, name)) as Medusa[]).flatMap((r) => [r.shipping_addresses[0]?.phone, r.billing_address.phone]);
  const telephone = (name: string) => report(name).losses.byPath.find((p) => p.path === 'addresses.*.telephone')?.codes;

  it('carries phones as written by default; --phones e164 writes E.164 and counts each phone it changed', async () => {
    const plain = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'phones-plain.ndjson', '--report', 'phones-plain.report.json'], dir);
    const asWritten = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'phones-as-written.ndjson', '--phones', 'as-written'], dir);
    const e164 = await cli(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '-o', 'phones-e164.ndjson', '--report', 'phones-e164.report.json', '--phones', 'e164', '--workers', '2'], dir);
    ok(plain);
    ok(asWritten);
    ok(e164);
    expect(phones('phones-plain.ndjson')).toEqual(Array(4).fill('+1 310-555-0142'));
    expect(read(dir, 'phones-as-written.ndjson')).toBe(read(dir, 'phones-plain.ndjson'));
    expect(telephone('phones-plain.report.json')).toBeUndefined();
    expect(phones('phones-e164.ndjson')).toEqual(Array(4).fill('+13105550142'));
    expect(telephone('phones-e164.report.json')).toEqual({ value_changed: 2 });
  });

  it('refuses a value it does not know', async () => {
    expect(await refused(['convert', '--from', 'magento', '--to', 'medusa', 'two.ndjson', '--phones', 'E164'])).toMatch(/--phones.*as-written.*e164/s);
  });
});

describe('--request', () => {
  // The CLI refuses the requests whose body needs a password (convert.test.ts): its table must be the library's.
  it.each(platforms.flatMap((platform) => (['create', 'update'] as const).map((operation) => [platform, operation] as const)))(
    'knows whether a %s %s body needs a password',
    (platform, operation) => {
      const needs = (() => {
        try {
          toRequest(platform, operation, example(platform)[0]);
          return false;
        } catch (error) {
          if (!(error instanceof ConversionError)) throw error;
          return error.issues.some((i) => i.code === 'required' && i.path.join('.') === 'password');
        }
      })();
      expect(passwordRequired[platform]?.includes(operation) ?? false).toBe(needs);
    },
  );

  it('refuses every combination in its table before reading the input', async () => {
    for (const [to, operations] of Object.entries(passwordRequired)) {
      for (const operation of operations) {
        expect(await refused(['convert', '--from', 'magento', '--to', to, 'missing.ndjson', '--request', operation])).toMatch(new RegExp(`^customer-codecs: --to ${to} --request ${operation}: .* requires a password`));
      }
    }
  });
});
