import { iso31661 } from 'iso-3166';
import { COUNTRY_CODES } from '../../canonical/primitives.js';
import { fold } from './text.js';

/**
 * Countries. The canonical form is ISO 3166-1 alpha-2 in upper case (`COUNTRY_CODES`). On input a
 * platform field may accept, where its shape allows it: alpha-2 in any case, alpha-3 in any case,
 * the numeric code, and English names with the aliases below. Data: `iso-3166` (codes, and the ISO
 * short names), English names from `Intl.DisplayNames` (Node's ICU data, CLDR), and the names below;
 * nothing outside `COUNTRY_CODES` (e.g. the user-assigned `XK`) is ever produced. The names written
 * and read are those the library wrote and read with `i18n-iso-countries`, which this replaced
 * (test/geo/countries-table.json, checked by test/geo/countries-table.test.ts), plus the names CLDR
 * and ISO give that it lacked (e.g. "Antigua & Barbuda", "Bolivia (Plurinational State of)").
 */

/**
 * Common spellings the data lacks (it already knows e.g. "USA", "United States of America",
 * "UK", "Great Britain", "Russia", "South Korea", "Vietnam", "Czech Republic"). Kept short on purpose:
 * the constituent countries of the United Kingdom are read as GB (the nation itself is a subdivision,
 * not a country), plus a few endonyms and short forms people type into address forms.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
  Britain: 'GB',
  'U.K.': 'GB',
  America: 'US',
  Deutschland: 'DE',
  Österreich: 'AT',
  Schweiz: 'CH',
  Suisse: 'CH',
  España: 'ES',
  Italia: 'IT',
  México: 'MX',
  Brasil: 'BR',
  Nederland: 'NL',
  Holland: 'NL',
  Éire: 'IE',
  'Aotearoa New Zealand': 'NZ',
  'Hong Kong SAR': 'HK',
  Macau: 'MO',
  Burma: 'MM',
  Swaziland: 'SZ',
  Macedonia: 'MK',
  'Cabo Verde': 'CV',
  'East Timor': 'TL',
  // The short display names below must read back to their code.
  Laos: 'LA',
  Syria: 'SY',
  Moldova: 'MD',
  Micronesia: 'FM',
  Brunei: 'BN',
  'Vatican City': 'VA',
  'British Virgin Islands': 'VG',
  'U.S. Virgin Islands': 'VI',
  'US Virgin Islands': 'VI',
};

/**
 * The English name written where a platform stores one (v4 and Open Food Network country objects):
 * CLDR's English name (`Intl.DisplayNames`), except these (short forms of official names, and the
 * spellings below).
 */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  US: 'United States',
  CN: 'China',
  GM: 'Gambia',
  VA: 'Vatican City',
  IR: 'Iran',
  LA: 'Laos',
  FM: 'Micronesia',
  MD: 'Moldova',
  MK: 'North Macedonia',
  PS: 'Palestine',
  RU: 'Russia',
  SY: 'Syria',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  BN: 'Brunei',
  VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands',
};

/**
 * Names written as before (the first English names of `i18n-iso-countries`, which this library used
 * until it was replaced) where CLDR spells them otherwise (`Antigua & Barbuda`, `Czechia`): a name
 * written into a record does not change with the data source, nor with the Node version's CLDR.
 */
const KEPT_NAMES: Readonly<Record<string, string>> = {
  AG: 'Antigua and Barbuda',
  BA: 'Bosnia and Herzegovina',
  BL: 'Saint Barthélemy',
  BQ: 'Bonaire, Sint Eustatius and Saba',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  CI: "Cote d'Ivoire",
  CZ: 'Czech Republic',
  FK: 'Falkland Islands (Malvinas)',
  GS: 'South Georgia and the South Sandwich Islands',
  HK: 'Hong Kong',
  HM: 'Heard Island and McDonald Islands',
  KN: 'Saint Kitts and Nevis',
  LC: 'Saint Lucia',
  MF: 'Saint Martin (French part)',
  MM: 'Myanmar',
  MO: 'Macao',
  PM: 'Saint Pierre and Miquelon',
  PN: 'Pitcairn',
  RE: 'Reunion',
  SH: 'Saint Helena',
  SJ: 'Svalbard and Jan Mayen',
  ST: 'Sao Tome and Principe',
  SX: 'Sint Maarten (Dutch part)',
  TC: 'Turks and Caicos Islands',
  TT: 'Trinidad and Tobago',
  UM: 'United States Minor Outlying Islands',
  VC: 'Saint Vincent and the Grenadines',
  WF: 'Wallis and Futuna',
};

/**
 * Other English names read as before (from `i18n-iso-countries`), which neither CLDR nor ISO gives.
 * "Congo" is listed for CD as it was: ISO's name of CG, so the name two countries share is not read.
 */
const MORE_NAMES: readonly (readonly [string, string])[] = [
  ['AE', 'UAE'],
  ['CD', 'Congo'],
  ['CI', 'Ivory Coast'],
  ['CN', "People's Republic of China"],
  ['GB', 'Great Britain'],
  ['GM', 'Republic of The Gambia'],
  ['GM', 'The Gambia'],
  ['IR', 'Islamic Republic of Iran'],
  ['KR', 'Republic of Korea'],
  ['MK', 'The Republic of North Macedonia'],
  ['NL', 'The Netherlands'],
  ['PS', 'State of Palestine'],
  ['TR', 'Turkey'],
  ['TZ', 'United Republic of Tanzania'],
  ['US', 'U.S.'],
  ['US', 'U.S.A.'],
  ['US', 'US'],
  ['US', 'USA'],
  ['VA', 'Holy See (Vatican City State)'],
];

const ENGLISH = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
const ISO = new Map(iso31661.filter((e) => COUNTRY_CODES.has(e.alpha2)).map((e) => [e.alpha2, e]));
const BY_ALPHA3 = new Map(iso31661.map((e) => [e.alpha3, e.alpha2]));
const BY_NUMERIC = new Map(iso31661.map((e) => [e.numeric, e.alpha2]));

/** CLDR's English name of a code; the ISO short name where Node was built without ICU data. */
const englishName = (code: string): string | undefined => ENGLISH.of(code) ?? ISO.get(code)?.name;

let byName: Map<string, string> | undefined;

/** Folded English name or alias -> alpha-2. A name two countries share ("Congo") is left out. */
function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string | null>();
  const add = (name: string | undefined, code: string) => {
    if (name === undefined) return;
    const key = fold(name);
    const seen = index.get(key);
    index.set(key, seen === undefined || seen === code ? code : null);
  };
  for (const code of COUNTRY_CODES) {
    add(englishName(code), code);
    add(ISO.get(code)?.name, code);
    add(KEPT_NAMES[code], code);
  }
  for (const [code, name] of MORE_NAMES) add(name, code);
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) index.set(fold(alias), code);
  for (const [code, name] of Object.entries(DISPLAY_NAMES)) index.set(fold(name), code);
  byName = new Map([...index].filter((e): e is [string, string] => e[1] !== null));
  return byName;
}

/** Whether `raw` is an ISO 3166-1 alpha-2 code in any letter case (white space around it is not part of it). */
export const isAlpha2 = (raw: string): boolean => /^\s*[A-Za-z]{2}\s*$/.test(raw) && COUNTRY_CODES.has(raw.trim().toUpperCase());

/** Alpha-2 (any case, white space around it ignored) -> canonical alpha-2; anything else -> undefined. */
export const countryFromAlpha2 = (raw: string): string | undefined => (isAlpha2(raw) ? raw.trim().toUpperCase() : undefined);

/** A country code in any ISO 3166-1 form: alpha-2 or alpha-3 (any case) or numeric (`36`, `036`). */
export function countryFromCode(raw: string): string | undefined {
  const text = raw.trim();
  let code: string | undefined;
  if (/^[A-Za-z]{2}$/.test(text)) code = text.toUpperCase();
  else if (/^[A-Za-z]{3}$/.test(text)) code = BY_ALPHA3.get(text.toUpperCase());
  else if (/^\d{1,3}$/.test(text)) code = BY_NUMERIC.get(text.padStart(3, '0'));
  return code !== undefined && COUNTRY_CODES.has(code) ? code : undefined;
}

/** An English country name or one of the aliases, in any case and with or without accents. */
export const countryFromName = (raw: string): string | undefined => nameIndex().get(fold(raw));

/** A code in any form, else a name. */
export const countryFromInput = (raw: string): string | undefined => countryFromCode(raw) ?? countryFromName(raw);

/** The English name written for a canonical country code (`US` -> "United States"). */
export function countryName(code: string): string | undefined {
  if (!COUNTRY_CODES.has(code)) return undefined;
  return DISPLAY_NAMES[code] ?? KEPT_NAMES[code] ?? englishName(code);
}

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: { code: string } }): void;
}

/**
 * Issues of a `{code, name}` country object (v4, Open Food Network), at the member that is wrong: a
 * code that is no ISO 3166-1 code in any form, or (no code) a name that is no known country. With
 * `required`, an object with neither a code nor a name is a missing code.
 */
export function countryObjectIssues(v: { code?: unknown; name?: unknown }, ctx: IssueSink, required = false): void {
  const code = typeof v.code === 'string' && v.code.length > 0 ? v.code : undefined;
  const name = typeof v.name === 'string' && v.name.length > 0 ? v.name : undefined;
  if (code !== undefined) {
    if (countryFromCode(code) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'Not an ISO 3166-1 country code', params: { code: 'invalid_country' } });
    }
  } else if (name !== undefined) {
    if (countryFromName(name) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Not a known country name (and no country code)', params: { code: 'invalid_country' } });
    }
  } else if (required) {
    ctx.addIssue({ code: 'custom', path: ['code'], message: 'Required', params: { code: 'required' } });
  }
}
