import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitStreetLines } from '../src/core/street.js';
import { convert, decode, encode, InvalidOptionError, safeConvert, safeDecode, safeEncode, type Address, type Customer, type PlatformId } from '../src/index.js';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { streetLine } from './arbitraries/common.js';
import { address as magentoAddress, record as magentoRecord } from './arbitraries/magento.js';
import { requiredDefaults, without } from './laws.js';

type Rec = Record<string, unknown>;

const person = { given: 'María', family: 'López' };
const home: Address = {
  recipient: person, lines: ['1450 Ocean Park Blvd'], locality: 'Santa Monica', postalCode: '90405', countryCode: 'US', phone: '+13105550142',
};
const maria: Customer = { email: 'maria@example.com', name: person, addresses: [home] };
const issuesOf = (r: { success: boolean; error?: { issues: { code: string; path: unknown[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => [i.code, i.path]);

describe('target limits are issues at the target path', () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each<[string, PlatformId, Customer, [string, (string | number)[]][]]>([
    ['Magento prefix over 40', 'magento', { ...maria, name: { ...person, prefix: long(41) } }, [['too_long', ['prefix']]]],
    ['Magento suffix over 40', 'magento', { ...maria, name: { ...person, suffix: long(41) } }, [['too_long', ['suffix']]]],
    ['Magento taxvat over 50', 'magento', { ...maria, taxIds: { vat: long(51) } }, [['too_long', ['taxvat']]]],
    ['Magento first name over 255', 'magento', { ...maria, name: { ...person, given: long(256) } }, [['too_long', ['firstname']]]],
    ['Magento middle name over 255', 'magento', { ...maria, name: { ...person, middle: long(256) } }, [['too_long', ['middlename']]]],
    ['Magento without a first name', 'magento', { ...maria, name: { family: 'López' } }, [['required', ['firstname']]]],
    ['Magento address prefix over 40', 'magento', { ...maria, addresses: [{ ...home, recipient: { ...person, prefix: long(41) } }] }, [['too_long', ['addresses', 0, 'prefix']]]],
    ['Magento street line over 255', 'magento', { ...maria, addresses: [{ ...home, lines: [long(256)] }] }, [['too_long', ['addresses', 0, 'street', 0]]]],
    ['Magento joined street line over 255', 'magento', { ...maria, addresses: [{ ...home, lines: ['1 A St', long(200), long(60)] }] }, [['too_long', ['addresses', 0, 'street', 1]]]],
    ['Magento address without telephone', 'magento', { ...maria, addresses: [{ ...home, phone: undefined }] }, [['required', ['addresses', 0, 'telephone']]]],
    ['Magento address without city', 'magento', { ...maria, addresses: [{ ...home, locality: undefined }] }, [['required', ['addresses', 0, 'city']]]],
    ['Magento US address without postcode', 'magento', { ...maria, addresses: [{ ...home, postalCode: undefined }] }, [['required', ['addresses', 0, 'postcode']]]],
    ['Magento address without street', 'magento', { ...maria, addresses: [{ ...home, lines: [] }] }, [['required', ['addresses', 0, 'street']], ['required', ['addresses', 0, 'street', 0]]]],
    ...(['phone', 'first_name', 'last_name', 'street_address_1', 'postal_code', 'locality'] as const).map(
      (key): [string, PlatformId, Customer, [string, (string | number)[]][]] => {
        const drop: Record<typeof key, Partial<Address>> = {
          phone: { phone: undefined },
          first_name: { recipient: { family: 'López' } },
          last_name: { recipient: { given: 'María' } },
          street_address_1: { lines: [] },
          postal_code: { postalCode: undefined },
          locality: { locality: undefined },
        };
        return [`Open Food Network address without ${key}`, 'enterprise-v1', { ...maria, addresses: [{ ...home, ...drop[key], defaultShipping: true }] }, [['required', ['shipping_address', key]]]];
      },
    ),
    ['Open Food Network address without country', 'enterprise-v1', { ...maria, addresses: [{ ...home, countryCode: undefined, defaultBilling: true }] }, [['required', ['billing_address', 'country']]]],
  ])('%s', (_name, p, customer, expected) => {
    // strictAddresses: the customer is rejected, with the issue at the target path.
    // deriveNames: false: these rows are about the target's own issues (names from an address: test/real-records.test.ts).
    const result = safeEncode(p, customer, { defaults: requiredDefaults[p] ?? {}, strictAddresses: true, deriveNames: false });
    expect(issuesOf(result)).toStrictEqual(expected);
    // By default an address the target cannot hold is left out, one loss at it; other issues still reject.
    const lenient = safeEncode(p, customer, { defaults: requiredDefaults[p] ?? {}, deriveNames: false });
    const inAddress = expected.every(([, path]) => ['addresses', 'billing_address', 'shipping_address'].includes(String(path[0])));
    if (!inAddress) return expect(issuesOf(lenient)).toStrictEqual(expected);
    expect(lenient.success).toBe(true);
    if (!lenient.success) return;
    expect(lenient.losses.filter((l) => l.message.startsWith('Left out')).map((l) => [l.code, l.path])).toStrictEqual([['not_representable', ['addresses', 0]]]);
    expect(lenient.losses.find((l) => l.message.startsWith('Left out'))?.message).toContain(`${expected[0]![0]} at ${expected[0]![1].join('.')}`);
  });

  it('names the target path when converting, never quoting the value', () => {
    const medusa = { email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima', shipping_addresses: [{ address_1: 'y'.repeat(300), city: 'Melbourne', country_code: 'au', phone: '0400111222', postal_code: '3000', first_name: 'Ana', last_name: 'Lima' }] };
    const result = safeConvert(medusa, { from: 'medusa', to: 'magento', defaults: { website_id: 1 }, strictAddresses: true });
    expect(issuesOf(result)).toStrictEqual([['too_long', ['addresses', 0, 'street', 0]]]);
    expect(result.success ? '' : result.error.message).not.toContain('yyyy');
    const lenient = safeConvert(medusa, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(lenient.success ? lenient.losses.filter((l) => l.message.startsWith('Left out')).map((l) => [l.path, l.message]) : []).toStrictEqual([
      [['shipping_addresses', 0], 'Left out: magento cannot hold this address (too_long at addresses.0.street.0); the customer converts without it (`strictAddresses` rejects it instead)'],
    ]);
  });
});

describe('Magento street line count', () => {
  const customer = (lines: string[]): Customer => ({ ...maria, addresses: [{ ...home, lines }] });
  const street = (lines: string[], streetLines?: number) => {
    const { data, losses } = encode('magento', customer(lines), {
      defaults: { website_id: 1 },
      ...(streetLines === undefined ? {} : { platformOptions: { magento: { streetLines } } }),
    });
    return { street: (data.addresses?.[0] as Rec).street, losses: losses.map((l) => [l.code, l.path]) };
  };
  const L = ['1450 Ocean Park Blvd', 'Suite 210', 'Building C', 'Rear entrance'];

  it.each<[string, string[], number | undefined, string[], (string | number)[][]]>([
    ['two lines, default limit', L.slice(0, 2), undefined, L.slice(0, 2), []],
    ['three lines, default limit 2: the third is joined into the second', L.slice(0, 3), undefined, [L[0]!, `${L[1]}, ${L[2]}`], [['addresses', 0, 'lines', 1], ['addresses', 0, 'lines', 2]]],
    ['four lines, streetLines 4', L, 4, L, []],
    ['four lines, streetLines 3', L, 3, [L[0]!, L[1]!, `${L[2]}, ${L[3]}`], [['addresses', 0, 'lines', 2], ['addresses', 0, 'lines', 3]]],
    ['three lines, streetLines 1', L.slice(0, 3), 1, [L.slice(0, 3).join(', ')], [['addresses', 0, 'lines', 0], ['addresses', 0, 'lines', 1], ['addresses', 0, 'lines', 2]]],
    ['an empty extra line is left out, unreported (it holds no text)', [L[0]!, L[1]!, ''], undefined, L.slice(0, 2), []],
    ['an empty middle line is left out, so the next line fits without a join', [L[0]!, '', L[2]!], undefined, [L[0]!, L[2]!], []],
    ['empty lines anywhere are left out', ['', L[0]!, '', L[1]!, ''], undefined, L.slice(0, 2), []],
    ['a join reports only lines with text, at their canonical indices', [L[0]!, '', L[1]!, L[2]!], undefined, [L[0]!, `${L[1]}, ${L[2]}`], [['addresses', 0, 'lines', 2], ['addresses', 0, 'lines', 3]]],
    ['five canonical lines, streetLines 4', [...L, 'Dock 4'], 4, [L[0]!, L[1]!, L[2]!, `${L[3]}, Dock 4`], [['addresses', 0, 'lines', 3], ['addresses', 0, 'lines', 4]]],
  ])('%s', (_name, lines, option, expected, changed) => {
    const out = street(lines, option);
    expect(out.street).toStrictEqual(expected);
    expect(out.losses).toStrictEqual(changed.map((path) => ['value_changed', path]));
  });

  it('reports the join without quoting a line', () => {
    const { losses } = encode('magento', customer(L), { defaults: { website_id: 1 } });
    for (const l of losses) for (const line of L) expect(l.message).not.toContain(line);
    expect(losses[0]!.message).toBe('Magento holds 2 street lines: lines 2–4 are written as line 2, joined with ", "');
  });

  const recordWith = (lines: string[]): Rec => ({
    email: 'maria@example.com', firstname: 'María', lastname: 'López', website_id: 1,
    addresses: [{ country_id: 'US', street: lines, telephone: '+1 310-555-0142', postcode: '90405', city: 'Santa Monica', firstname: 'María', lastname: 'López' }],
  });

  it.each([3, 4])('a record read with %i lines comes back exactly without options (its shop holds them)', (n) => {
    const rec = recordWith(L.slice(0, n));
    expect(encode('magento', decode('magento', rec).data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('the option wins over the line count a record was read with, and the join is reported at the source path', () => {
    const { data, losses } = convert(recordWith(L), { from: 'magento', to: 'magento', platformOptions: { magento: { streetLines: 2 } } });
    expect((data.addresses?.[0] as Rec).street).toStrictEqual([L[0], L.slice(1).join(', ')]);
    expect(losses.map((l) => [l.code, l.path])).toStrictEqual([1, 2, 3].map((i) => ['value_changed', ['addresses', 0, 'street', i]]));
  });

  it('refuses a record with more than 4 lines', () => {
    expect(issuesOf(safeDecode('magento', recordWith([...L, 'Dock 4'])))).toStrictEqual([['too_many', ['addresses', 0, 'street']]]);
  });

  it.each([0, 5, 2.5, '2', null])('refuses streetLines %j', (streetLines) => {
    expect(() => encode('magento', maria, { platformOptions: { magento: { streetLines } as never } })).toThrow(InvalidOptionError);
  });

  it('Magento -> two-line targets join the third and fourth lines into the second, at the source paths', () => {
    for (const [to, key] of [['medusa', 'address_2'], ['v4', 'address_line_2']] as const) {
      const { data, losses } = convert(recordWith(L), { from: 'magento', to });
      const a = (to === 'medusa' ? (data as Rec).shipping_addresses : (data as Rec).addresses) as Rec[];
      expect(a[0]![key]).toBe('Suite 210, Building C, Rear entrance');
      expect(losses.filter((l) => l.code === 'value_changed').map((l) => l.path)).toStrictEqual([1, 2, 3].map((i) => ['addresses', 0, 'street', i]));
    }
  });
});

describe('street-line properties', () => {
  const lines = fc.array(fc.oneof(streetLine, fc.constant('')), { maxLength: 7 });
  const nonEmpty = (ls: readonly string[]) => ls.filter((l) => l !== '').join(', ');

  it('fitting leaves out empty lines, keeps every word in order, never exceeds the limit, and is idempotent', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 4 }), (ls, limit) => {
        const { lines: out, changed, count } = fitStreetLines(ls, limit);
        const texts = ls.filter((l) => l !== '');
        expect(count).toBe(texts.length);
        expect(out).not.toContain('');
        expect(out.length).toBeLessThanOrEqual(limit);
        expect(nonEmpty(out)).toBe(nonEmpty(ls));
        expect(out.slice(0, limit - 1)).toStrictEqual(texts.slice(0, limit - 1));
        expect(fitStreetLines(out, limit)).toStrictEqual({ lines: out, changed: [], count: out.length });
        // Every line with text stands unchanged at its place among the lines with text, or is reported; an empty line never is.
        let place = 0;
        ls.forEach((l, i) => {
          if (l === '') expect(changed).not.toContain(i);
          else expect(out[place++] === l || changed.includes(i)).toBe(true);
        });
      }),
    );
  });

  it("puts a record's own empty lines back only while the other lines are as many as it was read with and all fit", () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 4 }), (ls, limit) => {
        const texts = ls.filter((l) => l !== '');
        const hint = { at: ls.flatMap((l, i) => (l === '' ? [i] : [])), of: ls.length };
        const plain = fitStreetLines(texts, limit);
        expect(fitStreetLines(texts, limit, hint)).toStrictEqual(ls.length <= limit ? { lines: ls, changed: [], count: texts.length } : plain);
        // A line added or removed since: the hint no longer describes the lines and is ignored.
        expect(fitStreetLines([...texts, 'Rear'], limit, hint).lines).not.toContain('');
        if (texts.length > 0) expect(fitStreetLines(texts.slice(1), limit, hint).lines).not.toContain('');
      }),
    );
  });

  it.each<[PlatformId, (d: Rec) => unknown[]]>([
    ['medusa', (d) => [((d.shipping_addresses as Rec[])[0]!).address_1, ((d.shipping_addresses as Rec[])[0]!).address_2]],
    ['v4', (d) => [((d.addresses as Rec[])[0]!).address_line_1, ((d.addresses as Rec[])[0]!).address_line_2]],
    ['enterprise-v1', (d) => [(d.shipping_address as Rec).street_address_1, (d.shipping_address as Rec).street_address_2]],
    ['magento', (d) => ((d.addresses as Rec[])[0]!).street as unknown[]],
  ])('%s holds the fitted lines and reports exactly the changed ones', (p, linesOf) => {
    fc.assert(
      fc.property(fc.array(streetLine, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (ls, streetLines) => {
        const options = { defaults: requiredDefaults[p] ?? {}, ...(p === 'magento' ? { platformOptions: { magento: { streetLines } } } : {}) };
        const result = safeEncode(p, { ...maria, addresses: [{ ...home, lines: ls, defaultShipping: true }] }, options);
        if (!result.success) return; // a joined line over 255 characters (Magento) is an issue, tested above
        const limit = p === 'magento' ? streetLines : 2;
        const fitted = fitStreetLines(ls, limit);
        expect(linesOf(result.data as Rec).filter((l) => l !== undefined)).toStrictEqual(fitted.lines);
        const changed = result.losses.filter((l) => l.code === 'value_changed').map((l) => l.path);
        expect(changed).toStrictEqual(fitted.changed.map((i) => ['addresses', 0, 'lines', i]));
      }),
      { numRuns: 200 },
    );
  });

  it.each([1, 2, 3, 4])('Magento with streetLines %i: a canonical customer cut to what it holds comes back (law 2 under the option)', (streetLines) => {
    const options = { defaults: { website_id: 1 }, platformOptions: { magento: { streetLines } }, strictAddresses: true };
    fc.assert(
      fc.property(canonicalCustomer, (c) => {
        const first = safeEncode('magento', c, options);
        if (!first.success) return;
        const held = without(c, first.losses);
        const again = safeEncode('magento', held, options);
        if (!again.success) {
          // With one line allowed, every line of a joined street is reported, so the cut address has no street left.
          expect(again.error.issues.map((i) => i.path.slice(2, 3))).toContainEqual(['street']);
          return;
        }
        expect(again.losses).toStrictEqual([]);
        const back = decode('magento', again.data).data;
        expect((back.addresses ?? []).map((a) => a.lines)).toStrictEqual((held.addresses ?? []).map((a) => a.lines));
      }),
      { numRuns: 200 },
    );
  });

  it('Magento records round-trip under any streetLines at least their line count', () => {
    fc.assert(
      fc.property(magentoRecord, fc.integer({ min: 1, max: 4 }), (rec, streetLines) => {
        const streets = ((rec.addresses as Rec[] | null | undefined) ?? []).map((a) => a.street as string[]);
        const most = Math.max(0, ...streets.map((st) => st.length));
        const mostWithText = Math.max(0, ...streets.map((st) => st.filter((l) => l !== '').length));
        const options = { platformOptions: { magento: { streetLines } } };
        const { data, losses } = encode('magento', decode('magento', rec, options).data, options);
        if (streetLines >= most) expect({ data, losses }).toStrictEqual({ data: rec, losses: [] });
        else if (streetLines >= mostWithText) {
          // Only empty lines are over the limit: they are left out, and that is no loss.
          expect(losses).toStrictEqual([]);
          (data.addresses as Rec[]).forEach((a, i) => expect(a.street).toStrictEqual(streets[i]!.length > streetLines ? streets[i]!.filter((l) => l !== '') : streets[i]));
        } else expect(losses.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a generated Magento address keeps its lines through decode and encode', () => {
    fc.assert(
      fc.property(magentoAddress, (a) => {
        const rec = { email: 'a@example.com', firstname: 'A', lastname: 'B', website_id: 1, addresses: [a] };
        expect(encode('magento', decode('magento', rec).data).data).toStrictEqual(rec);
      }),
      { numRuns: 200 },
    );
  });
});
