import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normaliseArea,
  REGION_ALIASES,
  subdivisionByCode,
  subdivisionByName,
  subdivisionOf,
  subdivisionsOf,
  type AreaText,
} from '../../src/core/geo/regions.js';

/** The countries the issue names; every one must have subdivision data. */
const LISTED = ['US', 'CA', 'AU', 'NZ', 'DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'GB', 'IE', 'BR', 'MX', 'IN'] as const;

/** Names two subdivisions share (a single-province Spanish community and its province): the name reads as the community. */
const SHARED_NAMES = ['ES-LO', 'ES-PM', 'ES-S'];

describe('subdivision data', () => {
  it.each(LISTED)('%s has subdivisions', (country) => {
    expect(subdivisionsOf(country).length).toBeGreaterThan(5);
  });

  it('aliases name existing subdivisions (checked when the index is built)', () => {
    for (const country of Object.keys(REGION_ALIASES)) expect(() => subdivisionsOf(country)).not.toThrow();
    for (const [country, aliases] of Object.entries(REGION_ALIASES)) {
      for (const [alias, code] of Object.entries(aliases)) expect(subdivisionOf(country, alias, 'name')?.code, `${country} ${alias}`).toBe(code);
    }
  });
});

describe('a region read from text', () => {
  it.each([
    ['AU', 'Vic', 'VIC', 'Victoria'], ['AU', 'qld', 'QLD', 'Queensland'], ['AU', 'Tas', 'TAS', 'Tasmania'], ['AU', 'New South Wales', 'NSW', 'New South Wales'],
    ['AU', 'AU-NSW', 'NSW', 'New South Wales'], ['US', 'california', 'CA', 'California'], ['US', 'US-CA', 'CA', 'California'], ['US', 'Washington DC', 'DC', 'District of Columbia'],
    ['CA', 'Québec', 'QC', 'Quebec'], ['CA', 'qc', 'QC', 'Quebec'], ['DE', 'Bavaria', 'BY', 'Bayern'], ['DE', 'Baden-Wurttemberg', 'BW', 'Baden-Württemberg'],
    ['AT', 'Vienna', '9', 'Wien'], ['AT', 'AT-9', '9', 'Wien'], ['CH', 'Genf', 'GE', 'Genève'], ['CH', 'Zurich', 'ZH', 'Zürich'], ['CH', 'St. Gallen', 'SG', 'Sankt Gallen'],
    ['FR', 'Ile-de-France', 'IDF', 'Île-de-France'], ['FR', 'Paris', '75C', 'Paris'], ['FR', "Côte-d'Or", '21', "Côte-d'Or"], ['ES', 'Comunidad de Madrid', 'MD', 'Madrid, Comunidad de'],
    ['ES', 'Madrid', 'M', 'Madrid'], ['IT', 'Rome', 'RM', 'Roma'], ['IT', 'Bozen', 'BZ', 'Bolzano, Bozen'], ['GB', 'England', 'ENG', 'England'], ['GB', 'County Durham', 'DUR', 'Durham, County'],
    ['IE', 'Co. Dublin', 'D', 'Dublin'], ['BR', 'Sao Paulo', 'SP', 'São Paulo'], ['MX', 'Mexico City', 'CMX', 'Ciudad de México'], ['IN', 'Maharashtra', 'MH', 'Mahārāshtra'],
    ['IN', 'Pondicherry', 'PY', 'Puducherry (Pondicherry)'], ['NZ', 'Wellington', 'WGN', 'Greater Wellington'], ['NZ', "Hawkes Bay", 'HKB', "Hawke's Bay"],
  ])('%s %j is %s %s', (country, text, code, name) => {
    expect(normaliseArea(country, { name: text })).toMatchObject({ code, name });
    expect(normaliseArea(country, { code: text })).toMatchObject({ code, name });
  });

  it.each([
    ['AU', { name: 'California' }],
    ['US', { code: 'Vic' }],
    ['US', { code: 'CA', name: 'Texas' }], // members that disagree: kept as written
    ['DE', { code: 'BER', name: 'Berlin' }], // a Magento install code: only Magento's directory knows it
    [undefined, { code: 'CA', name: 'California' }], // no country to check it against
    ['HK', { name: 'Kowloon' }],
    ['JP', { name: '東京都' }],
  ] as const)('%s %j is kept as written', (country, area) => {
    const out = normaliseArea(country, area);
    expect(out.sub).toBeUndefined();
    expect({ code: out.code, name: out.name }).toEqual({ code: undefined, name: undefined, ...area });
  });

  it('fills an empty member of a known region from the other one, and keeps empty areas as they are', () => {
    expect(normaliseArea('AU', { code: 'Vic', name: '' })).toMatchObject({ code: 'VIC', name: 'Victoria' });
    expect(normaliseArea('AU', { code: null, name: 'victoria' })).toMatchObject({ code: 'VIC', name: 'Victoria' });
    expect(normaliseArea('AU', { code: '', name: null })).toEqual({ code: '', name: null });
    expect(normaliseArea('AU', {})).toEqual({});
  });

  it('reads a name several subdivisions share as the first-level one, but a code with that name as its own', () => {
    expect(subdivisionByName('ES', 'Cantabria')?.code).toBe('CB');
    expect(normaliseArea('ES', { code: 'S', name: 'Cantabria' })).toMatchObject({ code: 'S', name: 'Cantabria' });
  });
});

describe('region normalisation properties', () => {
  const listed = fc.constantFrom(...LISTED);
  const subdivision = listed.chain((country) => fc.constantFrom(...subdivisionsOf(country)));
  const caseOf = (text: string, flip: (i: number) => boolean) => [...text].map((ch, i) => (flip(i) ? ch.toUpperCase() : ch.toLowerCase())).join('');
  const spelledArea: fc.Arbitrary<[string, AreaText]> = fc.oneof(
    fc.tuple(subdivision, fc.func(fc.boolean()), fc.nat(4)).map(([s, flip, shape]): [string, AreaText] => {
      const code = caseOf(shape === 4 ? `${s.country}-${s.code}` : s.code, flip);
      const name = caseOf(s.name, flip);
      const areas: AreaText[] = [{ code }, { name }, { code, name }, { code: s.code, name: '' }, { code: null, name }];
      return [s.country, areas[shape]!];
    }),
    fc.tuple(listed, fc.record({ code: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }), name: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) })).map(
      ([country, a]): [string, AreaText] => [country, Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined))],
    ),
  );

  it('is idempotent', () => {
    fc.assert(
      fc.property(spelledArea, ([country, area]) => {
        const once = normaliseArea(country, area);
        const twice = normaliseArea(country, once);
        expect({ code: twice.code, name: twice.name }).toEqual({ code: once.code, name: once.name });
        expect(twice.sub).toBe(once.sub);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any spelling of a subdivision\'s code or name as that subdivision', () => {
    fc.assert(
      fc.property(subdivision, fc.func(fc.boolean()), (s, flip) => {
        expect(subdivisionByCode(s.country, caseOf(s.code, flip))).toBe(s);
        expect(subdivisionOf(s.country, caseOf(s.code, flip), 'code')).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(LISTED)('code -> name -> code is stable for every subdivision of %s', (country) => {
    const unstable: string[] = [];
    for (const s of subdivisionsOf(country)) {
      const { name } = normaliseArea(country, { code: s.code });
      const back = normaliseArea(country, { name: name! });
      if (back.code !== s.code) unstable.push(`${country}-${s.code}`);
      // With both members it always is.
      expect(normaliseArea(country, { code: s.code, name: name! }).code).toBe(s.code);
    }
    expect(unstable).toEqual(SHARED_NAMES.filter((c) => c.startsWith(`${country}-`)));
  });
});
