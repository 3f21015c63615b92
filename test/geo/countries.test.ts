import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../src/canonical/primitives.js';
import { countryFromAlpha2, countryFromCode, countryFromInput, countryFromName, countryName, COUNTRY_ALIASES } from '../../src/core/geo/countries.js';

const codes = [...COUNTRY_CODES].sort();

describe('country codes', () => {
  it.each([
    ['US', 'US'], ['us', 'US'], ['Us', 'US'], ['USA', 'US'], ['usa', 'US'], ['840', 'US'],
    ['AU', 'AU'], ['aus', 'AU'], ['036', 'AU'], ['36', 'AU'], [' de ', 'DE'], ['DEU', 'DE'], ['276', 'DE'], ['GBR', 'GB'],
  ])('%j is %s', (raw, code) => {
    expect(countryFromCode(raw)).toBe(code);
  });

  it.each(['XX', 'XK', 'UK', 'ZZZ', '999', '0', '', 'United States', 'A', '1234'])('%j is no country code', (raw) => {
    expect(countryFromCode(raw)).toBeUndefined();
  });

  it('reads only alpha-2 where a field holds two letters', () => {
    expect(countryFromAlpha2('au')).toBe('AU');
    expect(countryFromAlpha2('AUS')).toBeUndefined();
    expect(countryFromAlpha2('036')).toBeUndefined();
  });
});

describe('country names', () => {
  it.each([
    ['United States', 'US'], ['United States of America', 'US'], ['USA', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'],
    ['Deutschland', 'DE'], ['germany', 'DE'], ['South Korea', 'KR'], ['Russia', 'RU'], ['Vietnam', 'VN'], ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'], ['Côte d’Ivoire', 'CI'], ["cote d'ivoire", 'CI'], ['The Netherlands', 'NL'], ['Holland', 'NL'], ['ÉIRE', 'IE'],
    ['Türkiye', 'TR'], ['turkey', 'TR'],
  ])('%j is %s', (raw, code) => {
    expect(countryFromName(raw)).toBe(code);
  });

  it.each(['Atlantis', 'Congo', 'Kosovo', '日本', '', 'Narnia'])('%j is no country name (Congo names two; Kosovo has no ISO code)', (raw) => {
    expect(countryFromName(raw)).toBeUndefined();
  });

  it('lists only aliases of ISO countries', () => {
    for (const code of Object.values(COUNTRY_ALIASES)) expect(COUNTRY_CODES.has(code)).toBe(true);
  });

  it.each(codes)('the English name written for %s reads back to it', (code) => {
    const name = countryName(code);
    expect(name).toBeTruthy();
    expect(countryFromName(name!)).toBe(code);
    expect(countryFromInput(name!)).toBe(code);
  });

  it.each([['US', 'United States'], ['GB', 'United Kingdom'], ['AU', 'Australia'], ['DE', 'Germany'], ['RU', 'Russia'], ['KR', 'South Korea']])(
    'writes %s as %j',
    (code, name) => {
      expect(countryName(code)).toBe(name);
    },
  );
});

describe('country normalisation properties', () => {
  const spelled = fc.constantFrom(...codes).chain((code) =>
    fc.constantFrom(code, code.toLowerCase(), countryName(code)!, countryName(code)!.toUpperCase(), countryName(code)!.toLowerCase()),
  );

  it('is idempotent: what reads as a country reads as the same country again', () => {
    fc.assert(
      fc.property(fc.oneof(spelled, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 12 })), (raw) => {
        const code = countryFromInput(raw);
        if (code === undefined) return;
        expect(COUNTRY_CODES.has(code)).toBe(true);
        expect(countryFromInput(code)).toBe(code);
        expect(countryFromInput(countryName(code)!)).toBe(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every spelling of a code and of its English name as that code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.func(fc.boolean()), (code, upper) => {
        const mixed = [...code].map((ch, i) => (upper(i) ? ch : ch.toLowerCase())).join('');
        expect(countryFromCode(mixed)).toBe(code);
        expect(countryFromName(countryName(code)!.toLowerCase())).toBe(code);
      }),
    );
  });
});
