import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversionError, platforms, safeConvert, safeDecode, toRequest, unwrap, type Issue, type PlatformId } from '../src/index.js';
import { ERROR_TEXT_LIMIT } from '../src/core/responses.js';
import { registry } from '../src/platforms/index.js';
import { magentoHash } from './arbitraries/common.js';
import { requiredDefaults } from './laws.js';
import { recordsOf } from './arbitraries/index.js';

type Rec = Record<string, unknown>;

const thrown = (run: () => unknown): Issue[] => {
  try {
    run();
  } catch (e) {
    if (e instanceof ConversionError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConversionError');
};

/** The issues of an input through unwrap, decode, convert and toRequest: the same in every one. */
function issuesOf(p: PlatformId, body: unknown): Issue[] {
  const decoded = safeDecode(p, body);
  const to = p === 'medusa' ? 'magento' : 'medusa';
  const converted = safeConvert(body, { from: p, to, defaults: requiredDefaults[to] ?? {} });
  const all = [
    thrown(() => unwrap(p, body)),
    decoded.success ? [] : decoded.error.issues,
    converted.success ? [] : converted.error.issues,
    thrown(() => toRequest(p, 'update', body)),
  ];
  for (const issues of all.slice(1)) expect(issues).toStrictEqual(all[0]);
  return all[0]!;
}

describe('API error bodies are one error_response issue', () => {
  it('magento: message and errors[].message; parameters and trace are never quoted', () => {
    const body = {
      message: 'One or more input exceptions have occurred.',
      errors: [
        { message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: 'firstname' } },
        { message: 'Invalid value of "%value" provided for the %fieldName field.', parameters: { value: 'ana@secret.example', fieldName: 'email' } },
      ],
      trace: '#0 /var/www/vendor/magento/framework/Webapi/ErrorProcessor.php(42): ana@secret.example',
    };
    expect(issuesOf('magento', body)).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A magento API error response, not a record: One or more input exceptions have occurred. "%fieldName" is required. Enter and try again. Invalid value of "%value" provided for the %fieldName field.",
          "path": [],
        },
      ]
    `);
    expect(issuesOf('magento', { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'customerId', fieldValue: 77 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A magento API error response, not a record: No such entity with %fieldName = %fieldValue",
          "path": [],
        },
      ]
    `);
  });

  it('medusa: type and message', () => {
    expect(issuesOf('medusa', { type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'password'" })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A medusa API error response, not a record: invalid_data: Invalid request: Unrecognized fields: 'password'",
          "path": [],
        },
      ]
    `);
    expect(issuesOf('medusa', { code: 'invalid_request_error', type: 'duplicate_error', message: 'A customer with the given email already has an account. Log in instead' })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A medusa API error response, not a record: duplicate_error: A customer with the given email already has an account. Log in instead",
          "path": [],
        },
      ]
    `);
  });

  it('v4: errors[].message, or a failed {status, message, error?}', () => {
    expect(issuesOf('v4', { errors: [{ message: 'Email is required', field: 'email' }, { message: 'Last name is required' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A v4 API error response, not a record: Email is required; Last name is required",
          "path": [],
        },
      ]
    `);
    expect(issuesOf('v4', { status: 'error', message: 'Access denied', error: { code: 403 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "A v4 API error response, not a record: Access denied",
          "path": [],
        },
      ]
    `);
    expect(issuesOf('v4', { status: 404, message: 'Customer not found' })[0]?.code).toBe('error_response');
  });

  it('enterprise-v1: errors[].detail, then meta.validation_errors', () => {
    const body = {
      errors: [{ detail: 'Invalid resource. Please fix errors and try again.' }],
      meta: { validation_errors: ['Email is associated with an existing customer'] },
    };
    expect(issuesOf('enterprise-v1', body)).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "An enterprise-v1 API error response, not a record: Invalid resource. Please fix errors and try again. Email is associated with an existing customer",
          "path": [],
        },
      ]
    `);
    const extra = { errors: [{ detail: 'Unsupported fields: x', title: 'Invalid query parameter', source: { parameter: 'extra_fields[customer]' }, status: '422', code: 'unsupported' }] };
    expect(issuesOf('enterprise-v1', extra)).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "An enterprise-v1 API error response, not a record: Unsupported fields: x",
          "path": [],
        },
      ]
    `);
  });

  it('says so when the body gives no message text', () => {
    expect(issuesOf('enterprise-v1', { errors: [{ detail: '  ' }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "error_response",
          "message": "An enterprise-v1 API error response, not a record (it gives no message)",
          "path": [],
        },
      ]
    `);
  });

  it(`puts the text on one line and cuts it at ${ERROR_TEXT_LIMIT} characters`, () => {
    const [issue] = issuesOf('magento', { message: `Line one\n\tline two ${'x'.repeat(400)}` });
    const text = issue!.message.slice(issue!.message.indexOf(': ') + 2);
    expect(text).toMatch(/^Line one line two x+…$/);
    expect(text).toHaveLength(ERROR_TEXT_LIMIT + 1);
    // A surrogate pair is never cut in half.
    const [emoji] = issuesOf('magento', { message: `${'z'.repeat(ERROR_TEXT_LIMIT - 3)}😀😀` });
    expect(emoji!.message).toMatch(/z😀…$/);
  });
});

describe('what is not taken for an error body', () => {
  it.each([
    ['a v4 success message', 'v4', { status: 'success', message: 'Customer deleted' }],
    ['a v4 body with a status that says nothing', 'v4', { status: 'BAD_REQUEST', message: 'x' }],
    ['a JSON:API document with data and errors', 'enterprise-v1', { data: [], errors: [{ detail: 'x' }] }],
    ['an empty errors list', 'enterprise-v1', { errors: [] }],
    ['a Magento body whose message is no text', 'magento', { message: { text: 'x' } }],
    ['a body holding a credential key', 'magento', { message: 'x', errors: [{ message: 'y', password: 'Hunter2-correct-horse' }] }],
  ] as const)('%s', (_name, p, body) => {
    const result = safeDecode(p, body);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.code)).not.toContain('error_response');
  });

  it('a Medusa customer with `type` and `message` keys is a record (its keys beyond the documented ones travel as Medusa data)', () => {
    const result = safeDecode('medusa', { email: 'ana@example.com', type: 'invalid_data', message: 'x' });
    expect(result.success && result.data.platformData?.medusa).toStrictEqual({ type: 'invalid_data', message: 'x' });
  });

  it('hides hash-shaped words of the API text', () => {
    fc.assert(
      fc.property(magentoHash, fc.constantFrom(...platforms), (hash, p) => {
        const text = `Cannot save ${hash} for this customer`;
        const body: Record<PlatformId, Rec> = {
          magento: { message: text },
          medusa: { type: 'invalid_data', message: text },
          v4: { errors: [{ message: text }] },
          'enterprise-v1': { errors: [{ detail: text }] },
          'medusa-v2': { type: 'invalid_data', message: text },
        };
        const [issue] = issuesOf(p, body[p]);
        expect(issue?.code).toBe('error_response');
        expect(issue?.message).not.toContain(hash);
        expect(issue?.message).toMatch(/Cannot save \[hidden\] for this customer$/);
      }),
    );
    expect(issuesOf('medusa', { type: 't', message: 'bad $2y$10$abcdefghijklmnopqrstuv hash' })[0]?.message).toMatch(/bad \[hidden\] hash$/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no valid record or read payload of a platform is taken for its error body, even with
// the error body's keys added to it (records and payloads accept keys they do not document).


/** Keys of the error bodies, as extra keys of a record or payload (`status` as text: a v4 record's field). */
const errorKeys: fc.Arbitrary<Rec> = fc.record(
  {
    message: fc.string(),
    type: fc.constantFrom('invalid_data', 'not_found'),
    code: fc.constantFrom('invalid_request_error', 'api_error'),
    errors: fc.constantFrom([{ message: 'Email is required', detail: 'Invalid resource.' }]),
    status: fc.constantFrom('error', '422'),
    error: fc.string(),
    parameters: fc.constantFrom({ fieldName: 'email' }),
    trace: fc.string(),
    meta: fc.constantFrom({ validation_errors: ['x'] }),
    jsonapi: fc.constantFrom({ version: '1.0' }),
  },
  { requiredKeys: [] },
);

/** The platform's read payloads holding `recs`. */
const payloadsOf = (p: PlatformId, recs: Rec[]): Rec[] => {
  const [first = {}] = recs;
  switch (p) {
    case 'magento':
      return [first, { items: recs, search_criteria: { filter_groups: [] }, total_count: recs.length }];
    case 'medusa':
    case 'medusa-v2':
      return [{ customer: first }, { customers: recs, count: recs.length, offset: 0, limit: 50 }];
    case 'v4':
      return [{ customer: first }, { customers: recs, pagination: { records: recs.length, limit: '20', offset: '0' } }];
    case 'enterprise-v1': {
      const resource = (attributes: Rec, i: number) => ({ id: String(i + 1), type: 'customer', attributes });
      return [
        { data: resource(first, 0) },
        { data: recs.map(resource), meta: { pagination: { results: recs.length, pages: 1, page: 1, per_page: 50 } }, links: { self: null } },
      ];
    }
  }
};

describe('no valid record or read payload is an error body', () => {
  it.each(platforms)('%s', (p) => {
    const { errorBody } = registry[p];
    expect(errorBody).toBeDefined();
    fc.assert(
      fc.property(fc.array(recordsOf(p), { minLength: 1, maxLength: 3 }), errorKeys, errorKeys, (recs, onRecord, onPayload) => {
        const withKeys = recs.map((r) => ({ ...onRecord, ...r }));
        for (const rec of withKeys) {
          expect(safeDecode(p, rec).success).toBe(true);
          expect(errorBody!.schema.safeParse(rec).success).toBe(false);
        }
        for (const payload of payloadsOf(p, withKeys).map((x) => ({ ...onPayload, ...x }))) {
          expect(unwrap(p, payload).length).toBeGreaterThan(0);
          expect(errorBody!.schema.safeParse(payload).success).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
