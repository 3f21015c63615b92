import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionError, convert, requestLosses, toRequest, type Loss, type Operation, type PlatformId } from '../src/index.js';
import { getAt, isPlainObject, startsWith, type Path } from '../src/core/path.js';
import { registry } from '../src/platforms/index.js';
import { recordsOf } from './arbitraries/index.js';

type Rec = Record<string, any>;
const example = (p: string): Rec[] => JSON.parse(readFileSync(join(import.meta.dirname, '../examples', `${p}.json`), 'utf8')) as Rec[];

const ARGON = '7b9f0c53a1e2d4f6b8a0c2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4:Jq3xT9vLm2ZpR8sWc5yNb7Hd1Kf4Gg6A:3_32_2_67108864';

/** Every leaf of a record (a value other than null, an object or a list), with its path. */
function leaves(value: unknown, at: (string | number)[] = []): [Path, unknown][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [[at, value]];
}

/** The v4 address the body takes its address keys from (the platforms.md rule, written out again here). */
function v4Primary(record: Rec): number | undefined {
  const list: Rec[] = Array.isArray(record.addresses) ? record.addresses : [];
  const primary = list.findIndex((a) => a.type === 'PRIMARY');
  if (primary >= 0) return primary;
  const active = list.findIndex((a) => a.id != null && a.id === record.active_billing_address);
  if (active >= 0) return active;
  const billing = list.findIndex((a) => a.type === 'BILLING');
  return billing >= 0 ? billing : list.length > 0 ? 0 : undefined;
}

const V4_RENAMED: Record<string, string> = { sex: 'gender', company: 'is_company' };
const V4_BESIDE = ['store_credit', 'credit_limit', 'customer_password_expired', 'allow_credit_limit'];
const V4_ADDRESS_KEYS: Record<string, string> = {
  address_line_1: 'address_line', address_line_2: 'address_line', city: 'city', post_code: 'post_code', mobile: 'mobile', phone: 'phone', country: 'country', state: 'state',
};

/**
 * Whether the body holds the record leaf at `path`: where each platform's body puts it (written out
 * independently of the request declarations), and the value there is the leaf's or stands for it.
 */
function held(platform: PlatformId, operation: Operation, record: Rec, body: Rec, path: Path, value: unknown): boolean {
  const [first, second, third] = path;
  switch (platform) {
    case 'magento': {
      if (first === 'password_hash') return operation === 'update' && body.passwordHash === value;
      const at = bodyPath(record, path);
      return at !== undefined && getAt(body, ['customer', ...at]) === value;
    }
    case 'medusa':
      // Groups are sent by id: a group's other keys belong to the group, which the id refers to.
      if (first === 'groups') return getAt(body, ['groups', second as number, 'id']) === record.groups[second as number].id;
      // A top-level number (a phone as the OpenAPI example prints it) is sent as its digits.
      return getAt(body, path) === (path.length === 1 && typeof value === 'number' ? String(value) : value);
    case 'enterprise-v1':
      return getAt(body, path) === value;
    case 'medusa-v2': {
      // Calls in order: the customer, then one per address (each address of a record is an object).
      const calls = body as unknown as { body: Rec }[];
      if (first !== 'addresses') return getAt(calls[0]!.body, path) === value;
      const sent = getAt(calls[1 + (second as number)]?.body, path.slice(2));
      // The country code is sent in lower case.
      return third === 'country_code' && path.length === 3 && typeof value === 'string' ? sent === value.toLowerCase() : sent === value;
    }
    case 'v4': {
      const customer = body.customer as Rec;
      if (V4_BESIDE.includes(String(first))) return body[first as string] !== undefined;
      // An object the body refers to by its id.
      if (first === 'shipping_profile' || first === 'parent') return typeof customer[first] === 'number';
      if (first === 'newsletter') return second === 'subscribed' && customer.newsletter?.subscribed === value;
      if (first !== 'addresses') return customer[V4_RENAMED[first as string] ?? (first as string)] === value;
      if (second !== v4Primary(record)) return false;
      const key = third as string;
      if (key === 'type') return value === 'PRIMARY';
      if (['first_name', 'last_name', 'email', 'company_name'].includes(key)) return record[key] === value;
      const to = V4_ADDRESS_KEYS[key];
      if (to === undefined) return false;
      if (to === 'country' || to === 'state') return typeof customer[to] === 'number';
      if (to === 'address_line') return typeof customer.address_line === 'string' && customer.address_line.includes(String(value));
      return customer[to] === value;
    }
  }
}

/** Attribute codes of credentials (written out again here): no body carries such an entry. */
const CREDENTIAL_CODES = ['password_hash', 'rp_token', 'rp_token_created_at'];
const isCredentialEntry = (v: unknown): boolean => isPlainObject(v) && CREDENTIAL_CODES.includes(v.attribute_code as string);

/** Where the record value at `path` is in a body that leaves credential entries out of its lists (`undefined`: it is one). */
function bodyPath(record: Rec, path: Path): Path | undefined {
  const out: (string | number)[] = [];
  let node: unknown = record;
  for (const k of path) {
    if (Array.isArray(node) && typeof k === 'number') {
      if (isCredentialEntry(node[k])) return undefined;
      out.push(node.slice(0, k).filter((v) => !isCredentialEntry(v)).length);
    } else out.push(k);
    node = getAt(node, [k]);
  }
  return out;
}

/** Magento records now and then with credential attribute entries (a CSV export's reset token) among their custom attributes. */
const withCredentialEntries = (arb: fc.Arbitrary<Rec>): fc.Arbitrary<Rec> =>
  fc
    .tuple(arb, fc.subarray(CREDENTIAL_CODES.map((code) => ({ attribute_code: code, value: `secret-${code}` }))), fc.nat())
    .map(([r, entries, at]) => {
      if (entries.length === 0) return r;
      const list: unknown[] = Array.isArray(r.custom_attributes) ? [...r.custom_attributes] : [];
      list.splice(at % (list.length + 1), 0, ...entries);
      return { ...r, custom_attributes: list };
    });

const arbitraryOf = (p: PlatformId): fc.Arbitrary<Rec> => (p === 'magento' ? withCredentialEntries(recordsOf(p)) : recordsOf(p));

/** Records now and then with an undocumented top-level key. */
const withExtra = (arb: fc.Arbitrary<Rec>): fc.Arbitrary<Rec> =>
  fc.tuple(arb, fc.option(fc.constantFrom('crm_ref', 'x_note'), { nil: undefined })).map(([r, k]) => (k === undefined ? r : { ...r, [k]: 'A-1' }));

const named = (losses: readonly Loss[], path: Path, codes?: (code: string) => boolean): boolean =>
  losses.some((l) => startsWith(path, l.path) && (!codes || codes(l.code)));

describe('requestLosses: every record value is in the body or named by a loss', () => {
  const cases = Object.keys(registry).flatMap((p) => (['create', 'update'] as const).map((op) => [p as PlatformId, op] as const));

  it.each(cases)('%s %s', (platform, operation) => {
    // Medusa creates customers only with a password.
    const options = registry[platform].requests[operation].acceptsPassword ? { password: 'Tmp#Pass2024' } : {};
    let built = 0;
    fc.assert(
      fc.property(withExtra(arbitraryOf(platform)), (record) => {
        let body: Rec;
        try {
          body = toRequest(platform, operation, record, options) as Rec;
        } catch (error) {
          // A record the body cannot be built from (a Medusa create without names) is an issue, not a loss.
          if (error instanceof ConversionError) return;
          throw error;
        }
        built += 1;
        // A credential attribute entry's value never reaches a body.
        expect(JSON.stringify(body)).not.toContain('secret-');
        const losses = requestLosses(platform, operation, record, options);
        for (const [path, value] of leaves(record)) {
          const inBody = held(platform, operation, record, body, path, value);
          // Held: no loss but `value_changed` names it. Not held: a loss names it or a path above it.
          if (inBody) expect(named(losses, path, (c) => c !== 'value_changed'), `${platform} ${operation} ${path.join('.')}`).toBe(false);
          else expect(named(losses, path), `${platform} ${operation} ${path.join('.')}`).toBe(true);
        }
        // A loss names a path of the record that holds data.
        for (const l of losses) expect(getAt(record, l.path)).not.toBeUndefined();
      }),
      { numRuns: 150 },
    );
    expect(built).toBeGreaterThan(50);
  });
});

describe('requestLosses examples', () => {
  const [maria] = example('magento');

  it('names a Magento hash a create body cannot carry, and the server-assigned fields, never quoting the hash', () => {
    const record = { ...maria, password_hash: ARGON };
    const losses = requestLosses('magento', 'create', record, { password: 'Cl4y&Glaze2024' });
    expect(losses).toMatchInlineSnapshot(`
      [
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: Magento assigns the customer id",
          "path": [
            "id",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: address ids: Magento sets them from the addresses' default_billing / default_shipping flags",
          "path": [
            "default_billing",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: address ids: Magento sets them from the addresses' default_billing / default_shipping flags",
          "path": [
            "default_shipping",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: set by Magento when the customer is saved",
          "path": [
            "created_at",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: set by Magento when the customer is saved",
          "path": [
            "updated_at",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: set by Magento when the customer is saved",
          "path": [
            "created_in",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: Magento assigns address ids",
          "path": [
            "addresses",
            0,
            "id",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: Magento links the address to the customer itself",
          "path": [
            "addresses",
            0,
            "customer_id",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: Magento assigns address ids",
          "path": [
            "addresses",
            1,
            "id",
          ],
        },
        {
          "code": "server_assigned",
          "message": "Not in the magento create request: Magento links the address to the customer itself",
          "path": [
            "addresses",
            1,
            "customer_id",
          ],
        },
        {
          "code": "not_migratable",
          "message": "Not in the magento create request: a create request cannot carry a password hash: create the customer, then send the hash with an update request (\`passwordHash\`)",
          "path": [
            "password_hash",
          ],
        },
      ]
    `);
    expect(JSON.stringify(losses)).not.toContain(ARGON);
    // An update sends the hash (as `passwordHash`), so it loses none of it.
    expect(requestLosses('magento', 'update', record).map((l) => l.path)).toMatchInlineSnapshot(`
      [
        [
          "default_billing",
        ],
        [
          "default_shipping",
        ],
        [
          "created_at",
        ],
        [
          "updated_at",
        ],
        [
          "created_in",
        ],
        [
          "addresses",
          0,
          "customer_id",
        ],
        [
          "addresses",
          1,
          "customer_id",
        ],
      ]
    `);
  });

  it("names what a v4 create body leaves out of Zoë's record: her second address, and joins her two street lines", () => {
    const [, zoe] = example('v4');
    expect(toRequest('v4', 'create', zoe)).toMatchObject({ customer: { address_line: 'Unit 4, 88 Queen St' } });
    const losses = requestLosses('v4', 'create', zoe);
    expect(losses.map((l) => `${l.code} ${l.path.join('.')}`)).toMatchInlineSnapshot(`
      [
        "server_assigned id",
        "server_assigned display_id",
        "not_representable status",
        "not_representable timezone",
        "server_assigned referral_code",
        "read_only used_referral_code",
        "read_only count_referral_code_used",
        "not_representable allow_credit_limit",
        "not_representable store_credit",
        "not_representable credit_limit",
        "not_representable how_do_you_know",
        "not_representable customer_password_expired",
        "not_representable default_tax_code",
        "read_only source",
        "read_only base_url",
        "not_representable profile_picture",
        "server_assigned created_at",
        "server_assigned version",
        "server_assigned addresses.0.id",
        "value_changed addresses.0.address_line_1",
        "value_changed addresses.0.address_line_2",
        "not_representable addresses.1",
        "server_assigned active_billing_address",
        "server_assigned active_shipping_address",
        "read_only is_in_trash",
      ]
    `);
    expect(losses.find((l) => l.path.join('.') === 'addresses.1')?.message).toMatchInlineSnapshot(`"Not in the v4 create request: the body holds one address (type PRIMARY, else the active billing address, else the first of type BILLING, else the first): add the others with \`POST /admin/customers/{id}/addresses\`"`);
  });

  it('names an undocumented key as unknown_field, and Medusa leaves out the email of a customer with an account', () => {
    const [ana] = example('medusa');
    const losses = requestLosses('medusa', 'update', { ...ana, has_account: true, crm_ref: 'A-1' });
    expect(losses.filter((l) => l.path[0] === 'email' || l.path[0] === 'crm_ref')).toMatchInlineSnapshot(`
      [
        {
          "code": "read_only",
          "message": "Not in the medusa update request: Medusa refuses an email change once the customer has an account (\`has_account\`)",
          "path": [
            "email",
          ],
        },
        {
          "code": "unknown_field",
          "message": "Not in the medusa update request: "crm_ref" is not a documented key of the record",
          "path": [
            "crm_ref",
          ],
        },
      ]
    `);
  });

  it('leaves credential attribute entries (a CSV export\'s reset token) out of Magento bodies and names each one', () => {
    const custom_attributes = [
      { attribute_code: 'loyalty_tier', value: 'gold' },
      { attribute_code: 'rp_token', value: 'tok-7f3a9c' },
      { attribute_code: 'password_hash', value: ARGON },
      { attribute_code: 'rp_token_created_at', value: '2024-05-01 10:00:00' },
    ];
    const record = { ...maria, custom_attributes };
    for (const operation of ['create', 'update'] as const) {
      const body = toRequest('magento', operation, record) as Rec;
      expect(body.customer.custom_attributes).toStrictEqual([{ attribute_code: 'loyalty_tier', value: 'gold' }]);
      const losses = requestLosses('magento', operation, record).filter((l) => l.path[0] === 'custom_attributes');
      expect(losses).toStrictEqual(requestLosses('magento', 'create', record).filter((l) => l.path[0] === 'custom_attributes').map((l) => ({ ...l, message: l.message.replace('create', operation) })));
      expect(JSON.stringify([body, losses])).not.toMatch(/tok-7f3a9c|2024-05-01|Jq3xT9vLm2ZpR8sW/);
    }
    expect(requestLosses('magento', 'create', record).filter((l) => l.path[0] === 'custom_attributes')).toMatchInlineSnapshot(`
      [
        {
          "code": "not_migratable",
          "message": "Not in the magento create request: a password reset token attribute is a credential a request body never carries",
          "path": [
            "custom_attributes",
            1,
          ],
        },
        {
          "code": "not_migratable",
          "message": "Not in the magento create request: a password hash attribute is a credential a request body never carries",
          "path": [
            "custom_attributes",
            2,
          ],
        },
        {
          "code": "not_migratable",
          "message": "Not in the magento create request: a password reset time attribute is a credential a request body never carries",
          "path": [
            "custom_attributes",
            3,
          ],
        },
      ]
    `);
    // A plain-password attribute never gets this far: the record is refused.
    expect(() => toRequest('magento', 'create', { ...maria, custom_attributes: [{ attribute_code: 'password', value: 'x' }] })).toThrow(ConversionError);
  });

  it('takes the default billing address into the v4 create body of a converted Magento record', () => {
    const record = {
      email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1,
      addresses: [
        { firstname: 'Ana', lastname: 'Lima', street: ['1 Ship St'], city: 'Sydney', country_id: 'AU', postcode: '2000', telephone: '0412345678', default_shipping: true },
        { firstname: 'Ana', lastname: 'Lima', street: ['2 Bill St'], city: 'Sydney', country_id: 'AU', postcode: '2000', telephone: '0412345678', default_billing: true },
      ],
    };
    const v4Record = convert(record, { from: 'magento', to: 'v4' }).data as Rec;
    expect(v4Record.addresses.map((a: Rec) => a.type)).toStrictEqual(['SHIPPING', 'BILLING']);
    expect((toRequest('v4', 'create', v4Record) as Rec).customer.address_line).toBe('2 Bill St');
    expect(requestLosses('v4', 'create', v4Record).map((l) => `${l.code} ${l.path.join('.')}`)).toMatchInlineSnapshot(`
      [
        "not_representable addresses.0",
        "not_representable addresses.1.type",
        "unreferenceable addresses.1.country",
      ]
    `);
    // Without a default billing address, the first.
    const plain = convert({ ...record, addresses: record.addresses.map(({ default_billing, default_shipping, ...a }) => a) }, { from: 'magento', to: 'v4' }).data;
    expect((toRequest('v4', 'create', plain) as Rec).customer.address_line).toBe('1 Ship St');
  });

  it('an update body takes the id in its URL (Magento\'s also in the body): the loss says so', () => {
    const pw = { password: 'Tmp#Pass2024' };
    const idLoss = (platform: PlatformId, operation: Operation, record: Rec, options = {}) =>
      requestLosses(platform, operation, record, options).find((l) => l.path.join('.') === 'id') ?? null;
    const medusaRecord = { id: 'cus_01', email: 'a@b.co', first_name: 'Ana', last_name: 'Lima' };
    expect({
      medusa: [idLoss('medusa', 'create', medusaRecord, pw), idLoss('medusa', 'update', medusaRecord)],
      v4: [idLoss('v4', 'create', { id: 5521, email: 'a@b.co' }), idLoss('v4', 'update', { id: 5521, email: 'a@b.co' })],
      'enterprise-v1': [1, 2].map((n) => idLoss('enterprise-v1', n === 1 ? 'create' : 'update', { id: 7, email: 'a@b.co', enterprise_id: 42 })),
      magento: idLoss('magento', 'update', { ...maria }),
    }).toMatchInlineSnapshot(`
      {
        "enterprise-v1": [
          {
            "code": "server_assigned",
            "message": "Not in the enterprise-v1 create request: Open Food Network assigns customer ids",
            "path": [
              "id",
            ],
          },
          {
            "code": "server_assigned",
            "message": "Not in the enterprise-v1 update request: the id goes in the request URL (\`PUT /api/v1/customers/{id}\`), not the body",
            "path": [
              "id",
            ],
          },
        ],
        "magento": null,
        "medusa": [
          {
            "code": "server_assigned",
            "message": "Not in the medusa create request: Medusa assigns customer ids",
            "path": [
              "id",
            ],
          },
          {
            "code": "server_assigned",
            "message": "Not in the medusa update request: the id goes in the request URL (\`POST /admin/customers/{id}\`), not the body",
            "path": [
              "id",
            ],
          },
        ],
        "v4": [
          {
            "code": "server_assigned",
            "message": "Not in the v4 create request: set by WebCommander when the customer is saved",
            "path": [
              "id",
            ],
          },
          {
            "code": "server_assigned",
            "message": "Not in the v4 update request: the id goes in the request URL (\`PUT /admin/customers/{id}\`), not the body",
            "path": [
              "id",
            ],
          },
        ],
      }
    `);
  });

  it('a Magento update body carries the id itself', () => {
    expect(toRequest('magento', 'update', { ...maria })).toMatchObject({ customer: { id: maria?.id } });
    expect(requestLosses('magento', 'update', maria).filter((l) => l.path.join('.') === 'id')).toStrictEqual([]);
  });

  it.each([
    ['Male', 1],
    ['female', 2],
    ['Not Specified', 3],
    ['2', 2],
    ['0', 0],
  ])('a Magento CSV gender cell %j goes into the REST bodies as option id %i, reported value_changed', (cell, id) => {
    const record = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1, gender: cell };
    for (const operation of ['create', 'update'] as const) {
      expect(toRequest('magento', operation, record).customer.gender).toBe(id);
      expect(requestLosses('magento', operation, record)).toStrictEqual([
        { code: 'value_changed', path: ['gender'], message: `Sent in another form in the magento ${operation} request: Magento REST takes the gender option id: the CSV cell text is sent as its id` },
      ]);
    }
  });

  it('a Magento gender id or null goes into the bodies as it is, with nothing reported', () => {
    for (const gender of [1, 3, 0, 7, null]) {
      const record = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1, gender };
      expect(toRequest('magento', 'update', record).customer.gender).toBe(gender);
      expect(requestLosses('magento', 'update', record)).toStrictEqual([]);
    }
  });

  it('a Magento CSV record converted to a request: the gender cell as its id (through the CLI path: convert, then toRequest)', () => {
    const fromCsv = { email: 'ana@example.com', firstname: 'Ana', lastname: 'Lima', website_id: 1, gender: 'FEMALE' };
    const record = convert(fromCsv, { from: 'magento', to: 'magento' }).data;
    expect(record.gender).toBe('FEMALE');
    expect(toRequest('magento', 'create', record).customer).toMatchObject({ gender: 2 });
  });

  it('throws as toRequest does', () => {
    expect(() => requestLosses('magento', 'create', { email: 'a@b.co' })).toThrow(ConversionError);
    expect(() => requestLosses('v4', 'create', { email: 'a@b.co' }, { password: 42 as never })).toThrow(/password/);
  });
});

describe('a password-reset key in a record', () => {
  it('is in no body and is reported not_migratable, in create and update alike', () => {
    const TOKEN = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const record = {
      id: 7, email: 'tom@example.com', firstname: 'Tom', lastname: 'Ng', website_id: 1, rp_token: TOKEN,
      extension_attributes: { reset_password_token: TOKEN, is_subscribed: true },
    };
    for (const operation of ['create', 'update'] as const) {
      expect(JSON.stringify(toRequest('magento', operation, record))).not.toContain(TOKEN);
      const losses = requestLosses('magento', operation, record).filter((l) => l.path.join('.').includes('token'));
      expect(losses.map((l) => `${l.code} ${l.path.join('.')}`)).toStrictEqual(['not_migratable extension_attributes.reset_password_token', 'not_migratable rp_token']);
      expect(JSON.stringify(losses)).not.toContain(TOKEN);
    }
  });
});
