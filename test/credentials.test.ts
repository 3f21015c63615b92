import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codecOf,
  convert,
  ConversionError,
  decode,
  encode,
  platforms,
  safeConvert,
  safeDecode,
  safeEncode,
  toRequest,
  unwrap,
  type Customer,
  type PlatformId,
} from '../src/index.js';
import { z } from 'zod';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { magentoHash } from './arbitraries/common.js';
import { record as enterpriseV1 } from './arbitraries/enterprise-v1.js';
import { record as magento } from './arbitraries/magento.js';
import { record as medusa } from './arbitraries/medusa.js';
import { record as v4 } from './arbitraries/v4.js';
import { requiredDefaults } from './laws.js';

type Rec = Record<string, unknown>;

const ARGON = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8:Xq9LmN2pR7sT4vW8yZ1aB3cD5eF6gH7j:3_32_2_67108864';
const SHA256 = '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8:Xq9LmN2pR7sT4vW8yZ1aB3cD5eF6gH7j:1';
const MD5 = '0d107d09f5bbe40cade3de5c71e9e9b7:QZ';

const tom = {
  id: 342, email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1,
  addresses: [{
    id: 589, country_id: 'DE', street: ['Friedrichstraße 68'], telephone: '+49 30 1234567', postcode: '10117', city: 'Berlin',
    firstname: 'Tom', lastname: 'Baker', default_shipping: true, default_billing: true,
  }],
};

/** A valid minimal record of each platform, with one address. */
const minimal: Record<PlatformId, Rec> = {
  magento: tom,
  medusa: { id: 'cus_01', email: 'ana@example.com', first_name: 'Ana', shipping_addresses: [{ id: 'addr_01', address_1: '22 Collins St', country_code: 'au' }] },
  v4: { id: 7, email: 'liam@example.com', addresses: [{ id: 9901, address_line_1: '4/88 Queen St', country: { code: 'AU' } }] },
  'enterprise-v1': {
    id: 3, enterprise_id: 42, email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima',
    billing_address: {
      phone: '0400111222', first_name: 'Ana', last_name: 'Lima', street_address_1: '22 Collins St', postal_code: '3000',
      locality: 'Melbourne', country: { code: 'AU', name: 'Australia' },
    },
  },
};

/** Where each platform keeps its first address, as a path. */
const firstAddress: Record<PlatformId, (string | number)[]> = {
  magento: ['addresses', 0],
  medusa: ['shipping_addresses', 0],
  v4: ['addresses', 0],
  'enterprise-v1': ['billing_address'],
};

describe('Magento password hashes', () => {
  it.each([
    ['Argon2id (2.4 default)', ARGON],
    ['SHA-256', SHA256],
    ['legacy MD5', MD5],
  ])('%s travels as an opaque tagged value and comes back to Magento exactly', (_name, hash) => {
    const rec = { ...tom, password_hash: hash };
    const { data } = decode('magento', rec);
    expect(data.credentials).toStrictEqual({ passwordHash: { scheme: 'magento', value: hash } });
    expect(encode('magento', data)).toStrictEqual({ data: rec, losses: [] });
  });

  it('reads a null hash as null and an empty one as Magento data, both coming back', () => {
    expect(decode('magento', { ...tom, password_hash: null }).data.credentials).toStrictEqual({ passwordHash: null });
    const empty = decode('magento', { ...tom, password_hash: '' }).data;
    expect(empty.credentials).toBeUndefined();
    expect(empty.platformData?.magento).toMatchObject({ password_hash: '' });
    for (const rec of [{ ...tom, password_hash: null }, { ...tom, password_hash: '' }]) {
      expect(encode('magento', decode('magento', rec).data)).toStrictEqual({ data: rec, losses: [] });
    }
  });

  it('refuses a hash longer than the 128-character column, without quoting it', () => {
    const long = `${'a'.repeat(64)}:${'b'.repeat(70)}:1`;
    const result = safeDecode('magento', { ...tom, password_hash: long });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => [i.code, i.path])).toStrictEqual([['too_long', ['password_hash']]]);
    expect(result.error.message).not.toContain(long);
  });

  it('sends the hash as the top-level passwordHash of an update, never inside customer', () => {
    const body = toRequest('magento', 'update', { ...tom, password_hash: ARGON }) as Rec;
    expect(Object.keys(body)).toStrictEqual(['customer', 'passwordHash']);
    expect(body.passwordHash).toBe(ARGON);
    expect(body.customer).not.toHaveProperty('password_hash');
    expect(body.customer).toMatchObject({ id: 342 }); // with a second top-level key Magento does not inject the URL id
    expect(toRequest('magento', 'update', tom)).toStrictEqual({ customer: expect.not.objectContaining({ password_hash: expect.anything() }) });
  });

  it('leaves the hash out of a create body (POST /V1/customers takes none), with or without a password', () => {
    for (const options of [{}, { password: 'Cl4y&Glaze2024' }]) {
      const body = toRequest('magento', 'create', { ...tom, password_hash: ARGON }, options);
      expect(JSON.stringify(body)).not.toContain(ARGON);
    }
  });

  it('encodes a canonical Magento hash, and reports a hash of another scheme as not migratable', () => {
    const base: Customer = { email: 'tom.baker@example.org', name: { given: 'Tom', family: 'Baker' }, platformData: { magento: { website_id: 1 } } };
    expect(encode('magento', { ...base, credentials: { passwordHash: { scheme: 'magento', value: SHA256 } } }).data).toMatchObject({ password_hash: SHA256 });
    const other = encode('magento', { ...base, credentials: { passwordHash: { scheme: 'bcrypt', value: '$2y$10$abcdefghijklmnopqrstuv' } } });
    expect(other.data).not.toHaveProperty('password_hash');
    expect(other.losses).toStrictEqual([{ code: 'not_migratable', path: ['credentials', 'passwordHash'], message: expect.any(String) }]);
    expect(other.losses[0]!.message).not.toContain('$2y$');
  });
});

describe('other targets cannot take a hash', () => {
  it.each(platforms.filter((p) => p !== 'magento'))('magento -> %s reports password_hash as not_migratable', (to) => {
    const { data, losses } = convert({ ...tom, password_hash: ARGON }, { from: 'magento', to, defaults: requiredDefaults[to] ?? {} });
    expect(JSON.stringify(data)).not.toContain(ARGON);
    const loss = losses.find((l) => l.path[0] === 'password_hash');
    expect(loss).toStrictEqual({ code: 'not_migratable', path: ['password_hash'], message: expect.any(String) });
    expect(JSON.stringify(losses)).not.toContain(ARGON);
  });

  it.each(platforms.filter((p) => p !== 'magento'))('encode(%s) reports a canonical hash at its canonical path', (to) => {
    const c: Customer = { email: 'ana@example.com', name: { given: 'Ana', family: 'Lima' }, credentials: { passwordHash: { scheme: 'magento', value: MD5 } } };
    const { losses } = encode(to, c, { defaults: requiredDefaults[to] ?? {} });
    expect(losses).toStrictEqual([{ code: 'not_migratable', path: ['credentials', 'passwordHash'], message: expect.any(String) }]);
  });

  it('reports nothing for a null hash', () => {
    const c: Customer = { email: 'ana@example.com', credentials: { passwordHash: null } };
    expect(encode('medusa', c).losses).toStrictEqual([]);
  });
});

describe('plain-text passwords never sit in records', () => {
  const cases: [PlatformId, string, (string | number)[]][] = platforms.flatMap((p): [PlatformId, string, (string | number)[]][] => [
    [p, 'password', ['password']],
    [p, 'new_password', ['new_password']],
    [p, 'passwordConfirmation', ['passwordConfirmation']],
    // Separators anywhere are ignored, even between the letters of "pass".
    [p, 'Pa_s-s word', ['Pa_s-s word']],
    [p, 'password', [...firstAddress[p], 'password']],
  ]);

  it.each(cases)('a %s record with `%s` at %j is refused with an issue at that path', (p, key, path) => {
    const secret = 'Hunter2-correct-horse';
    const rec = structuredClone(minimal[p]);
    let node: Rec = rec;
    for (const k of path.slice(0, -1)) node = node[k as string] as Rec;
    node[key] = secret;
    const result = safeDecode(p, rec);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toStrictEqual([{ code: 'invalid_input', path, message: expect.stringContaining('toRequest') }]);
    expect(result.error.message).not.toContain(secret);
    expect(() => toRequest(p, 'update', rec)).toThrow(ConversionError);
  });

  it.each(platforms)('a %s record holding a password in its metadata or an unknown object is refused', (p) => {
    const rec = { ...minimal[p], extra: { nested: [{ Password: 'Hunter2-correct-horse' }] } };
    const result = safeDecode(p, rec);
    expect(result.success ? [] : result.error.issues.map((i) => i.path)).toStrictEqual([['extra', 'nested', 0, 'Password']]);
  });

  it.each([
    ['medusa', ['password_hash']],
    ['v4', ['password_hash']],
    ['enterprise-v1', ['passwordHash']],
    ['magento', ['passwordHash']],
    ['magento', ['addresses', 0, 'password_hash']],
  ] as const)('a %s record with a hash at %j (no documented place) is refused', (p, path) => {
    const rec = structuredClone(minimal[p]);
    let node: Rec = rec;
    for (const k of path.slice(0, -1)) node = node[k as string] as Rec;
    node[path[path.length - 1] as string] = ARGON;
    const result = safeDecode(p, rec);
    expect(result.success ? [] : result.error.issues).toStrictEqual([{ code: 'invalid_input', path: [...path], message: expect.stringContaining('password hash') }]);
  });

  it('refuses a password that reaches a record from canonical platform data, at the target path', () => {
    const c: Customer = { email: 'ana@example.com', platformData: { medusa: { password: 'Hunter2-correct-horse' } } };
    const result = safeEncode('medusa', c);
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.path])).toStrictEqual([['invalid_input', ['password']]]);
  });

  it('refuses a password key inside canonical credentials', () => {
    const result = safeEncode('magento', { email: 'a@example.com', credentials: { password: 'Hunter2-correct-horse' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).not.toContain('Hunter2');
  });

  it('keeps a password passed to toRequest in the body only', () => {
    expect(toRequest('magento', 'create', tom, { password: 'Cl4y&Glaze2024' })).toMatchObject({ password: 'Cl4y&Glaze2024' });
    expect(JSON.stringify(decode('magento', tom))).not.toContain('Cl4y');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no password or hash value ever appears in an issue, a loss or an error message.

const records: Record<PlatformId, fc.Arbitrary<Rec>> = { magento, medusa, v4, 'enterprise-v1': enterpriseV1 };

/** Secrets that cannot occur by chance in a message: hashes, and passwords with a random tail. */
const secret = fc.oneof(
  magentoHash,
  fc.string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyz23456789'), minLength: 12, maxLength: 20 }).map((s) => `Pw!${s}`),
);

/** Record keys where a secret may land by mistake, per platform (paths relative to the record). */
const WRONG_FIELDS: Record<PlatformId, (string | number)[][]> = {
  magento: [['firstname'], ['email'], ['taxvat'], ['prefix'], ['dob'], ['gender'], ['group_id'], ['confirmation'], ['notes'], ['custom_attributes'], ['addresses', 0, 'street', 0], ['addresses', 0, 'city'], ['addresses', 0, 'country_id'], ['addresses', 0, 'region', 'region_code'], ['addresses', 0, 'vat_id']],
  medusa: [['first_name'], ['email'], ['phone'], ['metadata'], ['created_at'], ['notes'], ['shipping_addresses', 0, 'address_1'], ['shipping_addresses', 0, 'country_code'], ['shipping_addresses', 0, 'metadata'], ['groups']],
  v4: [['first_name'], ['email'], ['sex'], ['abn'], ['created_at'], ['store_credit'], ['parent'], ['notes'], ['addresses', 0, 'address_line_1'], ['addresses', 0, 'country', 'code'], ['addresses', 0, 'state']],
  'enterprise-v1': [['first_name'], ['email'], ['code'], ['tags'], ['terms_and_conditions_accepted_at'], ['notes'], ['billing_address', 'phone'], ['billing_address', 'country', 'code'], ['shipping_address'], ['enterprise_id']],
};

const CREDENTIAL_KEYS = ['password', 'password_hash', 'passwordHash', 'new_password'];

function place(rec: Rec, path: readonly (string | number)[], value: unknown): Rec {
  const copy = structuredClone(rec);
  let node: unknown = copy;
  for (const k of path.slice(0, -1)) {
    const parent = node as Record<string | number, unknown>;
    if (parent[k] === null || typeof parent[k] !== 'object') parent[k] = typeof path[path.indexOf(k) + 1] === 'number' ? [] : {};
    node = parent[k];
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return copy;
}

/** Every message-like text an API call produced: issues, losses, error messages. */
function texts(run: () => unknown): string[] {
  try {
    const out = run() as { success?: boolean; losses?: unknown; error?: ConversionError } | undefined;
    if (out && typeof out === 'object' && 'success' in out) {
      return out.success ? [JSON.stringify(out.losses)] : [out.error!.message, JSON.stringify(out.error!.issues)];
    }
    if (out && typeof out === 'object' && 'losses' in out) return [JSON.stringify(out.losses)];
    return [];
  } catch (e) {
    const err = e as Error & { issues?: unknown };
    return [err.message, String(err), JSON.stringify(err.issues ?? null)];
  }
}

const payloadOf = (p: PlatformId, rec: Rec): Rec =>
  p === 'enterprise-v1' ? { data: { id: '1', type: 'customer', attributes: rec } } : p === 'magento' ? rec : { customer: rec };

function allRecordCalls(p: PlatformId, rec: unknown, password: string): string[] {
  const out: string[] = [];
  out.push(...texts(() => safeDecode(p, rec)), ...texts(() => decode(p, rec)));
  out.push(...texts(() => z.decode(codecOf(p), rec as never)));
  out.push(...texts(() => unwrap(p, payloadOf(p, rec as Rec))));
  for (const op of ['create', 'update'] as const) {
    out.push(...texts(() => toRequest(p, op, rec)), ...texts(() => toRequest(p, op, rec, { password })));
  }
  for (const to of platforms) {
    const options = { from: p, to, defaults: requiredDefaults[to] ?? {} };
    out.push(...texts(() => safeConvert(rec, options)), ...texts(() => convert(rec, options)));
    const converted = safeConvert(rec, options);
    if (converted.success) for (const op of ['create', 'update'] as const) out.push(...texts(() => toRequest(to, op, converted.data)));
  }
  return out;
}

describe('no password or hash value ever appears in an issue, a loss or an error message', () => {
  it.each(platforms)('%s records with secrets in credential keys and in wrong fields', (p) => {
    const placement = fc.oneof(
      fc.constantFrom(...CREDENTIAL_KEYS).map((k) => [k]),
      fc.constantFrom(...CREDENTIAL_KEYS).map((k) => [...firstAddress[p], k]),
      fc.constantFrom(...WRONG_FIELDS[p]),
    );
    fc.assert(
      fc.property(records[p], fc.array(fc.tuple(placement, secret), { minLength: 1, maxLength: 3 }), secret, (rec, placed, password) => {
        let input = rec;
        for (const [path, value] of placed) input = place(input, path, value);
        const found = allRecordCalls(p, input, password).join('\n');
        for (const [, value] of placed) expect(found).not.toContain(value);
        expect(found).not.toContain(password);
      }),
      { numRuns: 60 },
    );
  });

  it('canonical customers with hashes in credentials and in wrong fields, encoded to every platform', () => {
    const CANONICAL_WRONG: (string | number)[][] = [
      ['name', 'given'], ['name', 'prefix'], ['taxIds', 'vat'], ['reference'], ['phone'], ['birthDate'], ['email'], ['gender'],
      ['addresses', 0, 'lines', 0], ['addresses', 0, 'countryCode'], ['metadata', 'note'], ['tags', 0],
      ['credentials', 'password'], ['credentials', 'passwordHash', 'value'], ['credentials', 'passwordHash', 'scheme'],
      ['platformData', 'magento', 'password'], ['platformData', 'medusa', 'password_hash'], ['platformData', 'v4', 'confirm_password'],
    ];
    fc.assert(
      fc.property(canonicalCustomer, fc.array(fc.tuple(fc.constantFrom(...CANONICAL_WRONG), secret), { minLength: 1, maxLength: 3 }), (c, placed) => {
        let input = c as Rec;
        for (const [path, value] of placed) input = place(input, path, value);
        const found: string[] = [];
        for (const p of platforms) {
          const options = { defaults: requiredDefaults[p] ?? {} };
          found.push(...texts(() => safeEncode(p, input, options)), ...texts(() => encode(p, input, options)));
          const encoded = safeEncode(p, input, options);
          if (encoded.success) {
            for (const op of ['create', 'update'] as const) found.push(...texts(() => toRequest(p, op, encoded.data)));
            for (const to of platforms) found.push(...texts(() => safeConvert(encoded.data, { from: p, to, defaults: requiredDefaults[to] ?? {} })));
          }
        }
        const all = found.join('\n');
        for (const [, value] of placed) expect(all).not.toContain(value);
      }),
      { numRuns: 60 },
    );
  });
});
