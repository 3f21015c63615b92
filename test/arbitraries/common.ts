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
