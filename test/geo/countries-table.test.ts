// The country names and codes written and read stay those of i18n-iso-countries, which iso-3166 and
// Intl.DisplayNames replaced: test/geo/countries-table.json holds what the library wrote and read
// with it (generated once, before the switch, from the code of that time).
import { iso31661 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../src/canonical/primitives.js';
import { countryFromCode, countryFromName, countryName } from '../../src/core/geo/countries.js';
import table from './countries-table.json' with { type: 'json' };

const isoName = (alpha3: string): string | undefined => iso31661.find((e) => e.alpha3 === alpha3)?.name;

describe('countries, as with i18n-iso-countries', () => {
  it('covers every code the library knows', () => {
    expect(table.countries.map((c) => c.code)).toEqual([...COUNTRY_CODES].sort());
  });

  it.each(table.countries)('$code: the English name written, and its alpha-3 and numeric codes read', (c) => {
    expect(countryName(c.code) ?? null).toBe(c.name);
    expect(countryFromCode(c.alpha3.toLowerCase()) ?? null).toBe(c.fromAlpha3);
    expect(countryFromCode(String(Number(c.numeric))) ?? null).toBe(c.fromNumeric);
    expect(countryFromCode(c.numeric) ?? null).toBe(c.fromNumeric);
    // Every name written reads back to its code.
    expect(countryFromName(c.name!)).toBe(c.code);
  });

  it('reads every name it read before as the same country', () => {
    const read = Object.entries(table.names).filter((e): e is [string, string] => e[1] !== null);
    expect(read.length).toBeGreaterThan(300);
    const now = Object.fromEntries(read.map(([name]) => [name, countryFromName(name) ?? null]));
    expect(now).toEqual(Object.fromEntries(read));
  });

  it('a name it did not read is still not read, or is a name CLDR or ISO gives that country (the deliberate difference)', () => {
    const englishOf = new Intl.DisplayNames('en', { type: 'region' });
    const gained: string[] = [];
    for (const [name, before] of Object.entries(table.names)) {
      if (before !== null) continue;
      const now = countryFromName(name);
      if (now === undefined) continue;
      gained.push(name);
      const iso = table.countries.find((c) => c.code === now)!;
      // The name is one of that country's: CLDR's English name or the ISO 3166 short name (in iso-3166).
      expect([englishOf.of(now), isoName(iso.alpha3)]).toContain(name);
    }
    // Names two countries share stay unread.
    expect(countryFromName('Congo')).toBeUndefined();
    expect(gained).toContain('Viet Nam');
  });

  it('reads other codes as before (XK, EU and made-up codes are no country)', () => {
    expect(Object.fromEntries(Object.keys(table.codes).map((c) => [c, countryFromCode(c) ?? null]))).toEqual(table.codes);
  });
});
