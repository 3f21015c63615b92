import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConversionError, convert, decode, encode, InvalidOptionError, platforms, safeConvert, safeDecode, safeEncode, toRequest,
  UnknownPlatformError, unwrap, type Customer, type PlatformId, type PlatformOptions,
} from '../src/index.js';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { requiredDefaults } from './laws.js';

const maria = { email: 'maria@example.com', name: { given: 'María', family: 'López' } };

describe('platforms', () => {
  it('lists the five shapes', () => {
    expect(platforms).toEqual(['magento', 'medusa', 'v4', 'enterprise-v1', 'medusa-v2']);
    expect(Object.isFrozen(platforms)).toBe(true);
  });
});

describe('misuse throws named errors', () => {
  const bad = 'shopify' as PlatformId;
  it.each([
    ['decode', () => decode(bad, {})],
    ['safeDecode', () => safeDecode(bad, {})],
    ['encode', () => encode(bad, maria)],
    ['convert from', () => convert({}, { from: bad, to: 'magento' })],
    ['safeConvert to', () => safeConvert({}, { from: 'magento', to: bad })],
    ['unwrap', () => unwrap(bad, {})],
    ['toRequest', () => toRequest(bad, 'create', {})],
  ])('%s with an unknown platform', (_name, call) => {
    expect(call).toThrow(UnknownPlatformError);
    expect(call).toThrow('Unknown platform "shopify"; expected one of: magento, medusa, v4, enterprise-v1');
  });

  it.each([
    ['defaults that are not an object', () => encode('magento', maria, { defaults: 5 as never })],
    ['a default that is no field of the target', () => encode('magento', maria, { defaults: { website: 1 } as never })],
    ['convert options that are not an object', () => convert({}, null as never)],
    ['an unknown operation', () => toRequest('magento', 'delete' as never, {})],
    ['a password for a body that takes none', () => toRequest('magento', 'update', { email: 'a@b.co', firstname: 'A', lastname: 'B', website_id: 1 }, { password: 'x' })],
  ])('%s', (_name, call) => {
    expect(call).toThrow(InvalidOptionError);
  });

  it('convert and safeConvert without `from` or `to` name the option to pass, not an "undefined" platform', () => {
    const record = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1 };
    const thrown = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return { type: (error as Error).constructor.name, option: (error as InvalidOptionError).option, message: (error as Error).message };
      }
      throw new Error('expected a throw');
    };
    expect(thrown(() => convert(record, { from: 'magento' } as never))).toMatchInlineSnapshot(`
      {
        "message": "Invalid option "to": missing: pass the target platform id, one of magento, medusa, v4, enterprise-v1, medusa-v2 (e.g. { from: 'magento', to: 'medusa' })",
        "option": "to",
        "type": "InvalidOptionError",
      }
    `);
    expect(thrown(() => safeConvert(record, { to: 'medusa' } as never))).toMatchInlineSnapshot(`
      {
        "message": "Invalid option "from": missing: pass the source platform id, one of magento, medusa, v4, enterprise-v1, medusa-v2 (e.g. { from: 'magento', to: 'medusa' })",
        "option": "from",
        "type": "InvalidOptionError",
      }
    `);
    expect(thrown(() => safeConvert(record, {} as never)).option).toBe('from');
    // A given platform id still wins: only a missing one is an option error.
    expect(() => convert(record, { from: 'magento', to: null } as never)).toThrow(UnknownPlatformError);
  });
});

describe('platform options', () => {
  const customer: Customer = {
    ...maria,
    addresses: [{ recipient: maria.name, lines: ['1 Main St', 'Suite 2', 'Rear'], locality: 'Santa Monica', postalCode: '90405', countryCode: 'US', phone: '+13105550142' }],
  };
  const street = (platformOptions: PlatformOptions) =>
    (encode('magento', customer, { defaults: { website_id: 1 }, platformOptions }).data.addresses?.[0] as { street: string[] }).street;

  it('are checked once per object: one section object may serve two platforms, each reading it its own way', () => {
    const shared = { streetLines: 1 };
    const options = { magento: shared, v4: shared } as unknown as PlatformOptions;
    expect(street(options)).toStrictEqual(['1 Main St, Suite 2, Rear']);
    // v4 has no streetLines option: the same object, checked for v4, is refused there.
    expect(() => encode('v4', customer, { platformOptions: options })).toThrow(InvalidOptionError);
    expect(street(options)).toStrictEqual(['1 Main St, Suite 2, Rear']);
  });

  it('refuse an invalid section on every call, and take a new object with new values', () => {
    const bad = { magento: { streetLines: 9 } };
    expect(() => street(bad)).toThrow(InvalidOptionError);
    expect(() => street(bad)).toThrow(InvalidOptionError);
    expect(street({ magento: { streetLines: 3 } })).toStrictEqual(['1 Main St', 'Suite 2', 'Rear']);
  });
});

describe('safe functions never throw on data', () => {
  it.each(platforms)('%s: safeDecode, safeEncode and safeConvert answer for any value', (p) => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (value) => {
        expect(safeDecode(p, value).success).toBeTypeOf('boolean');
        expect(safeEncode(p, value).success).toBeTypeOf('boolean');
        for (const q of platforms) expect(safeConvert(value, { from: p, to: q }).success).toBeTypeOf('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it.each([[null], [42], ['x'], [[]], [[{}]], [true]])('rejects %j as a record with an issue at the root', (value) => {
    const result = safeDecode('magento', value);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(ConversionError);
      expect(result.error.issues[0]?.path).toEqual([]);
    }
  });
});

describe('keys that cannot be carried', () => {
  it('refuses an own __proto__ key instead of dropping it in silence', () => {
    const record = JSON.parse('{"email":"a@example.com","metadata":{"__proto__":{"admin":true},"tier":"gold"}}');
    const result = safeDecode('medusa', record);
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_input",
          "message": "A "__proto__" key cannot be carried safely",
          "path": [
            "metadata",
            "__proto__",
          ],
        },
      ]
    `);
    const customer = JSON.parse('{"email":"a@example.com","metadata":{"__proto__":""}}');
    expect(safeEncode('medusa', customer).success).toBe(false);
  });
});

describe('encode and defaults', () => {
  it('fails with an issue at each target field that nothing supplies', () => {
    const result = safeEncode('magento', maria);
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "required",
          "message": "Required",
          "path": [
            "website_id",
          ],
        },
      ]
    `);
  });

  it.each([
    ['magento', { website_id: 'abc' }, 'Invalid option "defaults.website_id": a magento record\'s website_id cannot hold this value: Invalid input: expected number, received string'],
    ['magento', { website_id: 1.5 }, 'Invalid option "defaults.website_id": a magento record\'s website_id cannot hold this value: Invalid input: expected int, received number'],
    ['magento', { website_id: null }, 'Invalid option "defaults.website_id": a magento record\'s website_id cannot hold this value: expected a value, received null'],
    ['enterprise-v1', { enterprise_id: 's3cret-42' }, 'Invalid option "defaults.enterprise_id": an enterprise-v1 record\'s enterprise_id cannot hold this value: Invalid input: expected number, received string'],
    ['magento', { addresses: [{ city: 's3cret-42' }] }, 'Invalid option "defaults.addresses": a magento record\'s addresses cannot hold this value: 0.country_id: Required'],
  ] as const)('refuses a %s default the field cannot hold: %j', (to, defaults, message) => {
    const calls = [() => encode(to, maria, { defaults: defaults as never }), () => convert({}, { from: 'medusa', to, defaults: defaults as never })];
    for (const call of calls) {
      const error = (() => {
        try {
          call();
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).option).toBe(`defaults.${Object.keys(defaults)[0]}`);
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain('s3cret');
    }
  });

  it('accepts the defaults every target needs, and a default left undefined', () => {
    for (const p of platforms) expect(safeEncode(p, maria, { defaults: (requiredDefaults[p] ?? {}) as never }).success).toBe(true);
    expect(safeEncode('magento', maria, { defaults: { website_id: undefined } }).success).toBe(false);
    expect(safeEncode('medusa', maria, { defaults: { metadata: null } }).success).toBe(true);
  });

  it('takes a missing target value from defaults, and never overrides the source', () => {
    expect(encode('magento', maria, { defaults: { website_id: 3 } }).data.website_id).toBe(3);
    const withWebsite = { ...maria, platformData: { magento: { website_id: 2 } } };
    expect(encode('magento', withWebsite, { defaults: { website_id: 3 } }).data.website_id).toBe(2);
  });

  it('reports canonical values the target cannot hold, at their canonical path', () => {
    const { losses } = encode('magento', { ...maria, tags: ['vip'], hasAccount: true, metadata: { crm: 'C-1' } }, { defaults: { website_id: 1 } });
    expect(losses.map((l) => [l.code, l.path])).toEqual([
      ['not_representable', ['tags']],
      ['not_representable', ['hasAccount']],
      ['not_representable', ['metadata']],
    ]);
  });

  it('rejects an invalid canonical customer with issues into the input', () => {
    const result = safeEncode('magento', { email: 'nope', addresses: [{ countryCode: 'XX' }] });
    expect(result.success ? [] : result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_email",
          "message": "Invalid email address",
          "path": [
            "email",
          ],
        },
        {
          "code": "invalid_country",
          "message": "Not an upper-case ISO 3166-1 alpha-2 country code",
          "path": [
            "addresses",
            0,
            "countryCode",
          ],
        },
      ]
    `);
  });

  it('throws ConversionError whose message names paths but never values', () => {
    const secret = 'S3cret-Passw0rd!';
    try {
      toRequest('magento', 'create', { email: secret, firstname: secret, lastname: 'x', website_id: 'one' }, { password: secret });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConversionError);
      expect((e as ConversionError).message).not.toContain(secret);
      expect(JSON.stringify((e as ConversionError).issues)).not.toContain(secret);
    }
  });

  it('never puts a canonical value in a loss message', () => {
    // Distinctive values planted in every text field a message could echo.
    const secret = (c: Customer): Customer => ({
      ...c,
      email: 'sentinel.secret@example.com',
      name: { ...c.name, given: 'SENTINEL-given', family: 'SENTINEL-family', middle: 'SENTINEL-middle' },
      addresses: c.addresses?.map((a) => ({ ...a, lines: ['SENTINEL-line', 'SENTINEL-line-2', 'SENTINEL-line-3'], phone: 'SENTINEL-phone' })),
    });
    fc.assert(
      fc.property(canonicalCustomer.map(secret), (c) => {
        for (const p of platforms) {
          const r = safeEncode(p, c, { defaults: (requiredDefaults[p] ?? {}) as never });
          const texts = r.success ? r.losses.map((l) => l.message) : [r.error.message, ...r.error.issues.map((i) => i.message)];
          for (const t of texts) expect(t.toLowerCase()).not.toContain('sentinel');
        }
      }),
      { numRuns: 200 },
    );
  });
});
