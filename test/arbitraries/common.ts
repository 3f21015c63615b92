import fc from 'fast-check';
import { isPasswordHashKey, isPlainPasswordKey } from '../../src/core/credentials.js';

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

/** Numbers as people write them at home, valid in the country they are keyed by (libphonenumber-js max metadata). */
export const NATIONAL_PHONES: Readonly<Record<string, readonly string[]>> = {
  AU: ['03 9123 4567', '(02) 9600 1234', '0412 345 678', '0400111222', '08 8123 4567'],
  US: ['(213) 373-4253', '512-555-0199', '310.555.0142', '1 (415) 555-2671'],
  CA: ['(416) 555-0123', '604-555-0188', '(514) 390-1234'],
  DE: ['030 1234567', '089 12345678', '0151 23456789'],
  GB: ['020 7946 0958', '0161 496 0000'],
  FR: ['01 23 45 67 89', '06 12 34 56 78'],
  NZ: ['021 123 4567'],
  IE: ['01 234 5678', '087 123 4567'],
  BR: ['(11) 2345-6789', '(21) 98765-4321'],
  JP: ['03-1234-5678', '090-1234-5678'],
  HK: ['2345 6789', '9123 4567'],
};

/** Canonical phones in E.164 (what every valid number becomes with `phones: 'e164'`; by default a phone is its text as written). */
export const e164Phone = fc.constantFrom('+13105550142', '+61391234567', '+61412345678', '+49301234567', '+442079460958', '+33612345678', '+85291234567');

/** Text in a phone field that is no valid number anywhere: kept as written (with `phones: 'e164'`, reported `not_normalised` when converted). */
export const notAPhone = fc.constantFrom('ask at reception', '0061 3 9123 4567', '+1 310-555-0142 ext. 12', '12345');

/**
 * Replaces, now and then, the phones at `keys` of a generated object with numbers written the national
 * way of its country (`countryOf`), so that decoding has to read them in that country.
 */
export const withNationalPhones = <T extends Record<string, unknown>>(
  arb: fc.Arbitrary<T>,
  countryOf: (value: T) => unknown,
  keys: readonly string[],
): fc.Arbitrary<T> =>
  arb.chain((value) => {
    const country = countryOf(value);
    const national = typeof country === 'string' ? NATIONAL_PHONES[country.toUpperCase()] : undefined;
    const present = keys.filter((k) => typeof value[k] === 'string');
    if (!national || present.length === 0) return fc.constant(value);
    return fc
      .tuple(...present.map(() => fc.option(fc.constantFrom(...national), { nil: undefined, freq: 2 })))
      .map((picked) => {
        const out: Record<string, unknown> = { ...value };
        picked.forEach((p, i) => {
          if (p !== undefined) out[present[i]!] = p;
        });
        return out as T;
      });
  });

export const postcode = fc.constantFrom('90405', '3000', '10117', 'SW1A 1AA', 'H2X 1Y4', '2150', '01310-100');

export const streetLine = fc.oneof(
  fc.constantFrom('1450 Ocean Park Blvd', 'Suite 210', 'Friedrichstraße 68', '4/88 Queen St', 'Level 2', '22 Collins St', 'Apt. 5 #3'),
  text(40),
);

/** A street line as free-text platforms hold it: now and then with a line break inside (Medusa, v4, Open Food Network). */
export const freeStreetLine = fc.oneof(
  { weight: 24, arbitrary: streetLine },
  fc.tuple(streetLine, fc.constantFrom('\n', '\r\n', '\n\n'), streetLine).map(([a, brk, b]) => `${a}${brk}${b}`),
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

/**
 * JSON values for metadata bags and custom attributes: no `__proto__` keys, and no key that names a
 * password or a hash (`PWD`, `pass_hash`, which fast-check's random keys now and then spell): the
 * library refuses both at any depth, so a record holding one is no valid record.
 */
export const jsonValue: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.parse(JSON.stringify(v), (k, x: unknown) => (k === '__proto__' || isPlainPasswordKey(k, x) || isPasswordHashKey(k) ? undefined : x)));

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

/** ISO 3166-1 alpha-3 and numeric codes of `countryCode`'s countries. */
const OTHER_FORMS: Record<string, readonly [string, string]> = {
  US: ['USA', '840'], AU: ['AUS', '036'], DE: ['DEU', '276'], GB: ['GBR', '826'], CA: ['CAN', '124'], FR: ['FRA', '250'],
  NZ: ['NZL', '554'], IE: ['IRL', '372'], BR: ['BRA', '076'], JP: ['JPN', '392'], HK: ['HKG', '344'],
};

/** A country code as records write it: alpha-2 in either case, alpha-3 in either case, or numeric (with or without zeros). */
export const countryFormsOf = (c: string): fc.Arbitrary<string> => {
  const [alpha3, numeric] = OTHER_FORMS[c]!;
  return fc.constantFrom(c, c.toLowerCase(), alpha3, alpha3.toLowerCase(), numeric, String(Number(numeric)));
};
export const countryCodeAnyForm = countryCode.chain(countryFormsOf);

/** Names and aliases of `countryCode`'s countries as people type them. */
export const COUNTRY_SPELLINGS: Record<string, readonly string[]> = {
  US: ['United States', 'United States of America', 'USA', 'america'], AU: ['Australia', 'australia'], DE: ['Germany', 'Deutschland'],
  GB: ['United Kingdom', 'UK', 'Great Britain', 'England'], CA: ['Canada'], FR: ['France'], NZ: ['New Zealand'], IE: ['Ireland', 'Éire'],
  BR: ['Brazil', 'Brasil'], JP: ['Japan'], HK: ['Hong Kong'],
};

/**
 * Subdivisions of `countryCode`'s countries: [ISO code, ISO name, other spellings (abbreviations,
 * aliases, Magento's legacy codes)]. Hong Kong has none in the data used here: its regions stay text.
 */
const REGIONS: Record<string, readonly (readonly [string, string, ...string[]])[]> = {
  US: [['CA', 'California', 'ca', 'california'], ['TX', 'Texas'], ['NY', 'New York', 'new york'], ['DC', 'District of Columbia', 'Washington DC']],
  AU: [['VIC', 'Victoria', 'Vic'], ['NSW', 'New South Wales', 'nsw'], ['QLD', 'Queensland', 'Qld'], ['TAS', 'Tasmania', 'Tas']],
  DE: [['BY', 'Bayern', 'Bavaria', 'BAY'], ['BE', 'Berlin', 'BER'], ['NW', 'Nordrhein-Westfalen', 'North Rhine-Westphalia', 'NRW']],
  GB: [['ENG', 'England'], ['SCT', 'Scotland']],
  CA: [['QC', 'Quebec', 'Québec', 'qc'], ['ON', 'Ontario']],
  FR: [['IDF', 'Île-de-France', 'Ile-de-France'], ['75C', 'Paris'], ['2A', 'Corse-du-Sud']],
  NZ: [['AUK', 'Auckland'], ['WGN', 'Greater Wellington', 'Wellington']],
  IE: [['D', 'Dublin', 'Co. Dublin']],
  BR: [['SP', 'São Paulo', 'Sao Paulo']],
  JP: [['13', 'Tôkyô', 'JP-13']],
  HK: [],
};

/** Text that names no subdivision of any country above. */
const FREE_TEXT = fc.constantFrom('Kentucky ', 'Somewhere', '東京都', 'Région inconnue');

/** An area of `country` as a two-member object would hold it: code and/or name, in any spelling, or free text. */
export const regionOf = (country: string): fc.Arbitrary<{ code?: string; name?: string }> => {
  const known = REGIONS[country] ?? [];
  const spelled = known.map(([code, name, ...others]) =>
    fc.oneof(
      fc.record({ code: fc.constantFrom(code, code.toLowerCase(), ...others), name: fc.constantFrom(name, ...others) }),
      fc.record({ code: fc.constantFrom(code, ...others) }),
      fc.record({ name: fc.constantFrom(name, ...others) }),
    ),
  );
  // fc.record builds null-prototype objects; records read from JSON have Object's prototype.
  return fc.oneof(...spelled, fc.record({ name: FREE_TEXT }), fc.record({ code: fc.constantFrom('XX', 'ZZ9'), name: FREE_TEXT })).map((o) => ({ ...o }));
};

/** A free-text province of `country` (Medusa): a code, a name or an alias of a subdivision, or other text. */
export const provinceOf = (country: string | null | undefined): fc.Arbitrary<string> => {
  const known = REGIONS[(country ?? '').toUpperCase()] ?? [];
  return known.length === 0 ? FREE_TEXT : fc.oneof(fc.constantFrom(...known.flat()), FREE_TEXT);
};
