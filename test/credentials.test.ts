import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  schemaOf,
  toRequest,
  unwrap,
  type Customer,
  type PlatformId,
} from '../src/index.js';
import { z } from 'zod';
import { customer as canonicalCustomer } from './arbitraries/canonical.js';
import { magentoHash } from './arbitraries/common.js';
import { attributeCredential, holdsSecret, isPasswordHashKey, isPlainPasswordKey, MAY_BE_CREDENTIAL, mayBeCredential, resetTokenKey, secretAt, withoutSecrets } from '../src/core/credentials.js';
import { assertRecordRoundTrip, requiredDefaults } from './laws.js';
import { registry } from '../src/platforms/index.js';
import { recordsOf } from './arbitraries/index.js';

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
  'medusa-v2': { id: 'cus_01', email: 'ana@example.com', first_name: 'Ana', addresses: [{ id: 'cuaddr_01', address_1: '22 Collins St', country_code: 'au', is_default_billing: true }] },
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
  'medusa-v2': ['addresses', 0],
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
  'medusa-v2': [['first_name'], ['email'], ['company_name'], ['phone'], ['metadata'], ['created_by'], ['notes'], ['addresses', 0, 'address_1'], ['addresses', 0, 'address_name'], ['addresses', 0, 'country_code'], ['addresses', 0, 'metadata'], ['groups']],
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
      fc.property(recordsOf(p), fc.array(fc.tuple(placement, secret), { minLength: 1, maxLength: 3 }), secret, (rec, placed, password) => {
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

// ---------------------------------------------------------------------------------------------
// Attribute lists: `custom_attributes` entries are judged by their code, as keys are.

const RP_TOKEN = 'a7Kq2xZr9Pm4Wv8Ty3Ns6Bd1Hc5Jf0Lg';
const RP_TIME = '2024-05-02 18:41:09';

/** Tom with a reset token and its time (as Magento's CSV export gives them) and a hash-coded address attribute. */
const tomWithToken = {
  ...tom,
  custom_attributes: [
    { attribute_code: 'loyalty_tier', value: 'gold' },
    { attribute_code: 'rp_token', value: RP_TOKEN },
    { attribute_code: 'rp_token_created_at', value: RP_TIME },
  ],
  addresses: [{ ...tom.addresses[0]!, custom_attributes: [{ attribute_code: 'password_hash', value: MD5 }, { attribute_code: 'vat_is_valid', value: '1' }] }],
};

describe('credential attribute entries', () => {
  it.each(platforms.filter((p) => p !== 'magento'))('magento -> %s carries no trace of a reset token or hash, and reports each not_migratable', (to) => {
    for (const residue of [true, false]) {
      const result = convert(tomWithToken, { from: 'magento', to, residue, defaults: requiredDefaults[to] ?? {} });
      const text = JSON.stringify(result);
      for (const secret of [RP_TOKEN, RP_TIME, MD5]) expect(text).not.toContain(secret);
      expect(result.losses.filter((l) => l.code === 'not_migratable')).toStrictEqual([
        { code: 'not_migratable', path: ['addresses', 0, 'custom_attributes', 0], message: expect.stringContaining('a password hash: a credential of magento') },
        { code: 'not_migratable', path: ['custom_attributes', 1], message: expect.stringContaining('a password reset token: a credential of magento') },
        { code: 'not_migratable', path: ['custom_attributes', 2], message: expect.stringContaining('the time of a password reset token') },
      ]);
    }
  });

  it('reports the entries one by one: the others are carried (medusa) or lost as platform data (v4)', () => {
    const at = (to: PlatformId) =>
      convert(tomWithToken, { from: 'magento', to }).losses.filter((l) => l.path.includes('custom_attributes')).map((l) => `${l.code} ${l.path.join('.')}: ${l.message}`);
    expect(at('medusa')).toMatchInlineSnapshot(`
      [
        "not_migratable addresses.0.custom_attributes.0: Not carried to medusa: a password hash: a credential of magento, never carried to another platform",
        "carried addresses.0.custom_attributes.1: Carried in medusa metadata under "customer_codecs": it comes back when converted back",
        "carried custom_attributes.0: Carried in medusa metadata under "customer_codecs": it comes back when converted back",
        "not_migratable custom_attributes.1: Not carried to medusa: a password reset token: a credential of magento, never carried to another platform",
        "not_migratable custom_attributes.2: Not carried to medusa: the time of a password reset token, meaningless without it: a credential of magento, never carried to another platform",
      ]
    `);
    expect(at('v4')).toMatchInlineSnapshot(`
      [
        "not_migratable addresses.0.custom_attributes.0: Not carried to v4: a password hash: a credential of magento, never carried to another platform",
        "platform_data addresses.0.custom_attributes.1: Not carried to v4: merchant-defined address EAV attributes (codes are install-specific)",
        "platform_data custom_attributes.0: Not carried to v4: merchant-defined customer EAV attributes (codes are install-specific)",
        "not_migratable custom_attributes.1: Not carried to v4: a password reset token: a credential of magento, never carried to another platform",
        "not_migratable custom_attributes.2: Not carried to v4: the time of a password reset token, meaningless without it: a credential of magento, never carried to another platform",
      ]
    `);
  });

  it('returns to Magento exactly, and from Medusa without the credentials', () => {
    assertRecordRoundTrip('magento', tomWithToken);
    expect(convert(tomWithToken, { from: 'magento', to: 'magento' }).data).toStrictEqual(tomWithToken);
    const medusaRecord = convert(tomWithToken, { from: 'magento', to: 'medusa' }).data;
    const back = convert(medusaRecord, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } }).data as Rec;
    expect(back.custom_attributes).toStrictEqual([{ attribute_code: 'loyalty_tier', value: 'gold' }]);
    expect((back.addresses as Rec[])[0]!.custom_attributes).toStrictEqual([{ attribute_code: 'vat_is_valid', value: '1' }]);
  });

  it('keeps a canonical customer decoded from Magento from carrying them to another platform too', () => {
    const c = decode('magento', tomWithToken).data;
    expect(JSON.stringify(c)).toContain(RP_TOKEN); // Magento's own data, for the way back
    const { data, losses } = encode('medusa', c);
    expect(JSON.stringify({ data, losses })).not.toContain(RP_TOKEN);
    expect(losses).toContainEqual({ code: 'not_migratable', path: ['platformData', 'magento', 'custom_attributes', 1], message: expect.any(String) });
  });

  it('refuses a plain-password entry with an issue at the entry (its position), quoting neither its code nor its value', () => {
    const rec = {
      ...tom,
      custom_attributes: [{ attribute_code: 'loyalty_tier', value: 'gold' }, { attribute_code: 'password', value: 'Hunter2-correct-horse' }],
      addresses: [{ ...tom.addresses[0]!, custom_attributes: [{ attribute_code: 'new_password', value: 'Hunter2-correct-horse' }] }],
    };
    const result = safeConvert(rec, { from: 'magento', to: 'medusa' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_input",
          "message": "A plain-text password (an attribute entry whose code names one) cannot be held in a record: pass it to \`toRequest(platform, operation, record, { password })\`",
          "path": [
            "addresses",
            0,
            "custom_attributes",
            0,
          ],
        },
        {
          "code": "invalid_input",
          "message": "A plain-text password (an attribute entry whose code names one) cannot be held in a record: pass it to \`toRequest(platform, operation, record, { password })\`",
          "path": [
            "custom_attributes",
            1,
          ],
        },
      ]
    `);
    expect(result.error.message).not.toContain('Hunter2');
  });

  it('judges codes like keys (letter case and separators) and nothing else', () => {
    expect(attributeCredential({ attribute_code: 'RP-Token', value: 'x' })).toBe('password reset token');
    expect(attributeCredential({ attribute_code: 'passwordHash', value: 'x' })).toBe('password hash');
    expect(attributeCredential({ attribute_code: 'Password', value: 'x' })).toBe('password');
    expect(attributeCredential({ attribute_code: 'rp_token_note', value: 'x' })).toBeUndefined();
    expect(attributeCredential({ rp_token: 'x' })).toBeUndefined();
  });

  it('withoutSecrets returns the same value when there is none, else a copy without them', () => {
    const clean = { a: [{ attribute_code: 'loyalty_tier', value: 'gold' }], b: { c: 1 } };
    expect(withoutSecrets(clean)).toBe(clean);
    const list = [{ attribute_code: 'x', value: 1 }, { attribute_code: 'rp_token', value: RP_TOKEN }, { attribute_code: 'password_hash', value: MD5 }, null];
    const value = { keep: clean, list, single: { attribute_code: 'rp_token', value: RP_TOKEN } };
    const out = withoutSecrets(value) as Rec;
    expect(out).toStrictEqual({ keep: clean, list: [{ attribute_code: 'x', value: 1 }, null] });
    expect(out.keep).toBe(clean);
    expect(value.list).toHaveLength(4); // the input is not changed
  });

  const token = fc.string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), minLength: 16, maxLength: 32 }).map((s) => `Rp${s}`);
  const secretEntry = fc.record({
    attribute_code: fc.constantFrom('rp_token', 'rp_token_created_at', 'password_hash', 'passwordHash', 'RP_TOKEN'),
    value: fc.oneof(token, magentoHash),
  }).map((entry) => ({ ...entry }));

  /** `rec` with each entry put into the customer's or the first address's `custom_attributes` at a chosen index. */
  function withEntries(rec: Rec, entries: readonly [Rec, boolean, number][]): Rec {
    const copy = structuredClone(rec);
    for (const [entry, inAddress, index] of entries) {
      const addresses = copy.addresses;
      const owner = inAddress && Array.isArray(addresses) && addresses.length > 0 ? (addresses[0] as Rec) : copy;
      const list = Array.isArray(owner.custom_attributes) ? (owner.custom_attributes as unknown[]) : (owner.custom_attributes = []);
      list.splice(index % (list.length + 1), 0, entry);
    }
    return copy;
  }

  it('property: no other platform\'s output holds a credential attribute value; each has its loss; Magento gets the record back', () => {
    fc.assert(
      fc.property(recordsOf('magento'), fc.array(fc.tuple(secretEntry, fc.boolean(), fc.nat(5)), { minLength: 1, maxLength: 3 }), (rec, entries) => {
        const input = withEntries(rec, entries);
        assertRecordRoundTrip('magento', input);
        for (const to of platforms.filter((p) => p !== 'magento')) {
          for (const residue of [true, false]) {
            const result = safeConvert(input, { from: 'magento', to, residue, defaults: requiredDefaults[to] ?? {} });
            const text = result.success ? JSON.stringify({ data: result.data, losses: result.losses }) : `${result.error.message}${JSON.stringify(result.error.issues)}`;
            for (const [entry] of entries) expect(text).not.toContain(entry.value);
            if (result.success) expect(result.losses.filter((l) => l.code === 'not_migratable' && l.path.includes('custom_attributes'))).toHaveLength(entries.length);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('property: with secret attribute entries, every converted record passes the full target schema, credential walk included (convert does not walk it again)', () => {
    fc.assert(
      fc.property(recordsOf('magento'), fc.array(fc.tuple(secretEntry, fc.boolean(), fc.nat(5)), { minLength: 1, maxLength: 3 }), (rec, entries) => {
        const input = withEntries(rec, entries);
        for (const to of platforms) {
          const result = safeConvert(input, { from: 'magento', to, defaults: requiredDefaults[to] ?? {} });
          if (result.success) expect(schemaOf(to).safeParse(result.data).success).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

});

describe('the credential walk runs once, on the source record', () => {
  // `convert` validates its target record without walking it for credential keys again
  // (core/credentials `withoutCredentialScan`). That is sound only while nothing a conversion writes
  // holds a key the target's record schema refuses: the full schema (walk included) must accept it.
  it.each(platforms)('property: every record converted from %s passes the full target schema, credential walk included', (from) => {
    fc.assert(
      fc.property(recordsOf(from), (rec) => {
        for (const to of platforms) {
          for (const residue of [true, false]) {
            const result = safeConvert(rec, { from, to, residue, defaults: requiredDefaults[to] ?? {} });
            if (!result.success) continue;
            const full = schemaOf(to).safeParse(result.data);
            expect(full.success ? [] : full.error.issues.map((i) => i.message)).toStrictEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a plain password a caller put in a canonical customer is still refused by encode (the walk runs there)', () => {
    const customer = decode('medusa', minimal.medusa).data as Record<string, unknown>;
    const withPassword = { ...customer, platformData: { v4: { password: 'Hunter2-correct-horse' } } };
    const result = safeEncode('v4', withPassword);
    expect(result.success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Password-reset keys: `rp_token` (and its time) as a record key, anywhere, is judged as its entry is.

describe('password-reset keys', () => {
  // The bundled examples: records every other platform can take (Magento needs a telephone and a last name).
  const [jonas] = (JSON.parse(readFileSync(join(import.meta.dirname, '../examples/medusa.json'), 'utf8')) as Rec[]).slice(1);
  const [liam] = JSON.parse(readFileSync(join(import.meta.dirname, '../examples/v4.json'), 'utf8')) as Rec[];
  const jonasBilling = jonas!.billing_address as Rec;
  /** Where each platform's records may hold such a key: a loose key, a metadata key. */
  const withTokenKeys: [PlatformId, Rec, (string | number)[][]][] = [
    ['magento', { ...tom, rp_token: RP_TOKEN, addresses: [{ ...tom.addresses[0]!, rp_token_created_at: RP_TIME }] }, [['addresses', 0, 'rp_token_created_at'], ['rp_token']]],
    ['medusa', { ...jonas, metadata: { tier: 'gold', rp_token: RP_TOKEN }, billing_address: { ...jonasBilling, metadata: { rpToken: RP_TOKEN } } }, [['billing_address', 'metadata', 'rpToken'], ['metadata', 'rp_token']]],
    ['v4', { ...liam, rp_token: RP_TOKEN, rp_token_created_at: RP_TIME }, [['rp_token'], ['rp_token_created_at']]],
    ['enterprise-v1', { ...minimal['enterprise-v1'], 'RP-TOKEN': RP_TOKEN }, [['RP-TOKEN']]],
  ];

  it.each(withTokenKeys)('%s: the key returns to its own platform exactly, never to another, and is reported not_migratable at its path', (from, rec, paths) => {
    assertRecordRoundTrip(from, rec);
    expect(convert(rec, { from, to: from }).data).toStrictEqual(rec);
    for (const to of platforms.filter((p) => p !== from)) {
      for (const residue of [true, false]) {
        const result = convert(rec, { from, to, residue, defaults: requiredDefaults[to] ?? {} });
        const text = JSON.stringify(result);
        for (const secret of [RP_TOKEN, RP_TIME]) expect(text).not.toContain(secret);
        const secrets = result.losses.filter((l) => l.code === 'not_migratable');
        expect(secrets.map((l) => l.path).sort()).toStrictEqual([...paths].sort());
        for (const l of secrets) expect(l.message).toContain(`a credential of ${from}, never carried to another platform`);
      }
    }
  });

  it('reports a Medusa metadata bag holding one part by part, the token apart', () => {
    const [, rec] = withTokenKeys[1]!;
    expect(convert(rec, { from: 'medusa', to: 'v4' }).losses.filter((l) => l.path[0] === 'metadata').map((l) => `${l.code} ${l.path.join('.')}: ${l.message}`))
      .toMatchInlineSnapshot(`
        [
          "not_representable metadata.tier: Not carried to v4: v4 has no field for canonical metadata",
          "not_migratable metadata.rp_token: Not carried to v4: a password reset token: a credential of medusa, never carried to another platform",
        ]
      `);
  });

  it('reports one inside a value the target already reports (a region v4 has no id for) on its own', () => {
    const [address] = tom.addresses;
    const rec = { ...tom, addresses: [{ ...address!, country_id: 'US', postcode: '90405', region: { region_code: 'CA', region: 'California', region_id: 12, rp_token: RP_TOKEN }, region_id: 12 }] };
    const { data, losses } = convert(rec, { from: 'magento', to: 'v4' });
    expect(JSON.stringify(data)).not.toContain(RP_TOKEN);
    expect(losses.filter((l) => l.path.includes('region')).map((l) => [l.code, l.path.join('.')])).toStrictEqual([
      ['unreferenceable', 'addresses.0.region'],
      ['not_migratable', 'addresses.0.region.rp_token'],
    ]);
  });

  it('does not restore a Medusa residue holding one (this library never writes such a residue): kept as ordinary metadata', () => {
    const base = convert(tom, { from: 'magento', to: 'medusa' }).data as Rec;
    const metadata = base.metadata as { customer_codecs: { v: 1; values: unknown[][] } };
    const forged = { ...base, metadata: { ...metadata, customer_codecs: { ...metadata.customer_codecs, values: [...metadata.customer_codecs.values, [['platformData', 'magento', 'rp_token'], RP_TOKEN]] } } };
    const back = convert(forged, { from: 'medusa', to: 'magento', defaults: { website_id: 1 } });
    expect(JSON.stringify(back.data)).not.toContain(RP_TOKEN);
    expect(back.losses).toContainEqual({
      code: 'not_normalised',
      path: ['metadata', 'customer_codecs'],
      message: 'A customer_codecs residue holding a credential, which this library never carries: kept as ordinary metadata',
    });
    // To Medusa itself it is ordinary metadata, and comes back as it was.
    expect(convert(forged, { from: 'medusa', to: 'medusa' }).data).toStrictEqual(forged);
  });

  it('the rule: key names as attribute codes are judged (case, separators), and secretAt / withoutSecrets / holdsSecret apply it to keys', () => {
    expect(['rp_token', 'rpToken', 'RP-TOKEN', 'rp token', 'rp_token_created_at', 'rpTokenCreatedAt'].map(resetTokenKey)).toStrictEqual([
      'password reset token', 'password reset token', 'password reset token', 'password reset token', 'password reset time', 'password reset time',
    ]);
    expect(['rp_token_note', 'rp', 'token', 'sharp_token', 0].map(resetTokenKey)).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(secretAt('rp_token', null)).toBe('password reset token');
    expect(secretAt('tier', 'gold')).toBeUndefined();
    const clean = { tier: 'gold', list: [{ a: 1 }] };
    expect(withoutSecrets(clean)).toBe(clean);
    const value = { keep: clean, rp_token: RP_TOKEN, nested: [{ rpToken: RP_TOKEN, b: 2 }] };
    expect(withoutSecrets(value)).toStrictEqual({ keep: clean, nested: [{ b: 2 }] });
    expect(value.rp_token).toBe(RP_TOKEN); // the input is not changed
    expect([holdsSecret(value), holdsSecret(clean), holdsSecret({ a: [{ attribute_code: 'rp_token', value: 'x' }] })]).toStrictEqual([true, false, true]);
  });

  it('the names beyond the generic rule are the platforms\' own: each declared name is a secret in any spelling', () => {
    for (const p of Object.values(registry)) {
      const names = p.credentialNames;
      for (const key of names?.resetToken ?? []) expect([key, key.toUpperCase()].map(resetTokenKey), `${p.id} ${key}`).toStrictEqual(['password reset token', 'password reset token']);
      for (const key of names?.resetTime ?? []) expect(resetTokenKey(key), `${p.id} ${key}`).toBe('password reset time');
      if (names?.attributeEntry) {
        const { code, value } = names.attributeEntry;
        expect(attributeCredential({ [code]: 'password_hash', [value]: MD5 }), p.id).toBe('password hash');
      }
    }
    expect(registry.magento.credentialNames?.resetToken).toContain('rp_token');
    // Devise's names are no platform's declaration: the generic rule knows them.
    expect(['reset_password_token', 'reset_password_sent_at'].map(resetTokenKey)).toStrictEqual(['password reset token', 'password reset time']);
  });

  const anyToken = fc.string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'), minLength: 16, maxLength: 32 }).map((s) => `Rp${s}`);

  /** The paths of the plain objects in `value` (itself included): where a key can go. */
  function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
    if (value === null || typeof value !== 'object') return [];
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }

  it.each(platforms)('property: %s, a record holding a reset-token key with any value at any object gives no other platform that value', (from) => {
    let converted = 0;
    fc.assert(
      fc.property(
        recordsOf(from),
        fc.nat(),
        fc.constantFrom('rp_token', 'rp_token_created_at', 'rpToken', 'RP-TOKEN'),
        fc.oneof(anyToken, anyToken.map((t) => ({ token: t })), anyToken.map((t) => [t])),
        (rec, pick, key, value) => {
          const places = objectPaths(rec);
          const at = places[pick % places.length]!;
          const input = structuredClone(rec);
          const owner = at.reduce<Rec>((o, k) => (o as Record<string | number, Rec>)[k]!, input);
          owner[key] = value;
          // Its own platform gets the record back exactly.
          if (safeDecode(from, input).success) assertRecordRoundTrip(from, input);
          const secret = JSON.stringify(value).replace(/^\W+|\W+$/g, '');
          for (const to of platforms.filter((p) => p !== from)) {
            for (const residue of [true, false]) {
              const result = safeConvert(input, { from, to, residue, defaults: requiredDefaults[to] ?? {} });
              if (!result.success) continue;
              converted += 1;
              expect(JSON.stringify(result.data)).not.toContain(secret);
              expect(result.losses.some((l) => l.code === 'not_migratable' && l.path[l.path.length - 1] === key)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(converted).toBeGreaterThan(100);
  });
});

describe('credential names beyond the exact ones (names seen in exports)', () => {
  it('classifies keys and attribute codes by their words; a flag is no password', () => {
    expect(['customer_password', 'passwd', 'user_pwd', 'legacyPassword'].map((k) => isPlainPasswordKey(k, 'x'))).toStrictEqual([true, true, true, true]);
    // Only text can be a plain password under such a name; the exact names are refused whatever they hold.
    expect([isPlainPasswordKey('has_password', true), isPlainPasswordKey('customer_password', null), isPlainPasswordKey('password', null)]).toStrictEqual([false, false, true]);
    expect(['bypass', 'compass', 'passport_number', 'password_expires_at'].map((k) => isPlainPasswordKey(k, 'x'))).toStrictEqual([false, false, false, false]);
    expect(['legacy_password_hash', 'pwd_hash', 'passwdHash', 'password_hash'].map(isPasswordHashKey)).toStrictEqual([true, true, true, true]);
    expect(['hash', 'email_hash', 'passport_hash_id'].map(isPasswordHashKey)).toStrictEqual([false, false, false]);
    expect(['reset_password_token', 'passwordResetToken', 'reset_password_sent_at', 'reset_count', 'resetAt'].map(resetTokenKey)).toStrictEqual([
      'password reset token',
      'password reset token',
      'password reset time',
      undefined,
      undefined,
    ]);
  });

  it('magento -> medusa: such attribute entries are never carried, a plain-password one is refused', () => {
    const TOKEN = 'f3a9c1d2e4b5a6978877665544332211';
    const record = { ...tom, custom_attributes: [{ attribute_code: 'reset_password_token', value: TOKEN }, { attribute_code: 'pwd_hash', value: MD5 }] };
    const result = convert(record, { from: 'magento', to: 'medusa' });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(MD5);
    expect(result.losses.filter((l) => l.code === 'not_migratable').map((l) => l.path.join('.'))).toStrictEqual(['custom_attributes.0', 'custom_attributes.1']);
    const refused = safeConvert({ ...tom, custom_attributes: [{ attribute_code: 'customer_password', value: 'hunter22' }] }, { from: 'magento', to: 'medusa' });
    expect(refused.success ? [] : refused.error.issues.map((i) => `${i.code} ${i.path.join('.')}`)).toStrictEqual(['invalid_input custom_attributes.0']);
    expect(JSON.stringify(refused)).not.toContain('hunter22');
  });
});

describe('the cheap credential-key test', () => {
  // Every key of every record is asked: the scan must answer what the pattern answers, for every key.
  const letters = fc.constantFrom('p', 'P', 'a', 'A', 's', 'S', 'w', 'W', 'd', 'D', '-', '_', ' ', 'x', 'ſ', 'İ', '0');
  it('mayBeCredential answers as MAY_BE_CREDENTIAL (with 3 characters at least)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: letters, maxLength: 12 }), fc.string({ maxLength: 12 })), (key) => {
        expect(mayBeCredential(key)).toBe(key.length >= 3 && MAY_BE_CREDENTIAL.test(key));
      }),
      { numRuns: 3000 },
    );
    for (const key of ['password', 'PWD', 'p-a_s s', 'user_pwd', 'p_w_d', 'pas', 'pa_s', 'postcode', 'pw', 'xpwd', 'P-W-D']) {
      expect(mayBeCredential(key)).toBe(key.length >= 3 && MAY_BE_CREDENTIAL.test(key));
    }
  });
});
