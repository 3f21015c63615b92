import fc from 'fast-check';

/** Unicode text as people type it: accents, CJK, emoji, combining marks; never empty. */
export const text = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('María', 'José', 'Ng', "O'Brien", 'Zoë', '山田', 'Łukasz', 'Søren', 'Nguyễn', 'Ana-Luísa') },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength }) },
  );

/** A value, `null` or the empty string: the three shapes "nothing" takes in real exports. */
export const maybeEmpty = (arb: fc.Arbitrary<string>): fc.Arbitrary<string | null> =>
  fc.oneof({ weight: 4, arbitrary: arb }, fc.constant(null), fc.constant(''));

export const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: arb }, fc.constant(null));

export const email = fc
  .tuple(fc.constantFrom('ana', 'j.smith', 'zoë', 'li+shop', 'o.brien'), fc.integer({ min: 0, max: 999 }), fc.constantFrom('example.com', 'example.org', 'shop.example.com.au'))
  .map(([u, n, d]) => `${u}${n}@${d}`);

export const countryCode = fc.constantFrom('US', 'AU', 'DE', 'GB', 'CA', 'FR', 'NZ', 'IE', 'BR', 'JP', 'HK');

export const phone = fc.constantFrom('+1 310-555-0142', '03 9123 4567', '+61 412 345 678', '0400111222', '+49 30 1234567', '512-555-0199');

export const postcode = fc.constantFrom('90405', '3000', '10117', 'SW1A 1AA', 'H2X 1Y4', '2150', '01310-100');

export const streetLine = fc.oneof(
  fc.constantFrom('1450 Ocean Park Blvd', 'Suite 210', 'Friedrichstraße 68', '4/88 Queen St', 'Level 2', '22 Collins St', 'Apt. 5 #3'),
  text(40),
);

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const salt = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: min, maxLength: max });

/** Magento password hashes: Argon2id `hex64:salt32:3_32_2_67108864`, SHA-256 `hex64:salt:1`, legacy MD5 `hex32:salt`. */
export const magentoHash = fc.oneof(
  fc.tuple(hex(64), salt(32, 32)).map(([h, s]) => `${h}:${s}:3_32_2_67108864`),
  fc.tuple(hex(64), salt(32, 32)).map(([h, s]) => `${h}:${s}:1`),
  fc.tuple(hex(32), salt(2, 32)).map(([h, s]) => `${h}:${s}`),
);

/** A tagged canonical password hash: mostly Magento's, sometimes a scheme no platform here takes. */
export const passwordHash = fc.oneof(
  { weight: 3, arbitrary: magentoHash.map((value) => ({ scheme: 'magento', value })) },
  fc.tuple(fc.constantFrom('bcrypt', 'medusa-scrypt'), salt(20, 60)).map(([scheme, value]) => ({ scheme, value })),
);

/** UTC instant in ISO 8601 with milliseconds (`2024-05-02T01:20:11.412Z`). */
export const isoInstant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

/** Calendar date `YYYY-MM-DD`. */
export const calendarDate = fc
  .integer({ min: Date.UTC(1920, 0, 1), max: Date.UTC(2010, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

/** JSON values for metadata bags and custom attributes (no `__proto__` keys: the library refuses them). */
export const jsonValue: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.parse(JSON.stringify(v), (k, x: unknown) => (k === '__proto__' ? undefined : x)));

export const metadata = fc
  .dictionary(fc.constantFrom('crm_id', 'tier', 'source', 'note', 'ünïcode', 'a.b'), jsonValue, { maxKeys: 4 })
  .map((o) => ({ ...o }));

/**
 * An object whose optional keys are each absent, or present with a value from their arbitrary
 * (which may itself produce `null` or `""`).
 */
export const shape = <R extends Record<string, fc.Arbitrary<unknown>>, O extends Record<string, fc.Arbitrary<unknown>>>(
  required: R,
  optional: O,
): fc.Arbitrary<{ [K in keyof R]: fc.Arbitrary<unknown> extends R[K] ? unknown : R[K] extends fc.Arbitrary<infer T> ? T : never } & {
  [K in keyof O]?: O[K] extends fc.Arbitrary<infer T> ? T : never;
}> =>
  fc
    .record({ ...required, ...optional } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: Object.keys(required) })
    // fc.record builds null-prototype objects; records read from JSON have Object's prototype.
    .map((o) => ({ ...o })) as never;
