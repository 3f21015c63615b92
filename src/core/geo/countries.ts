import countries from 'i18n-iso-countries';
import { COUNTRY_CODES } from '../../canonical/primitives.js';
import { fold } from './text.js';

/**
 * Countries. The canonical form is ISO 3166-1 alpha-2 in upper case (`COUNTRY_CODES`). On input a
 * platform field may accept, where its shape allows it: alpha-2 in any case, alpha-3 in any case,
 * the numeric code, and English names with the aliases below. Data: `i18n-iso-countries` (codes and
 * English names); nothing outside `COUNTRY_CODES` (e.g. the user-assigned `XK`) is ever produced.
 */

/**
 * Common spellings `i18n-iso-countries` lacks (it already knows e.g. "USA", "United States of America",
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
 * `i18n-iso-countries`' first English name, except these short forms of official or inverted names.
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

let byName: Map<string, string> | undefined;

/** Folded English name or alias -> alpha-2. A name two countries share ("Congo") is left out. */
function nameIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string | null>();
  const names = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [code, list] of Object.entries(names)) {
    if (!COUNTRY_CODES.has(code)) continue;
    for (const name of list) {
      const key = fold(name);
      const seen = index.get(key);
      index.set(key, seen === undefined || seen === code ? code : null);
    }
  }
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
  else if (/^[A-Za-z]{3}$/.test(text)) code = countries.alpha3ToAlpha2(text.toUpperCase());
  else if (/^\d{1,3}$/.test(text)) code = countries.numericToAlpha2(text.padStart(3, '0'));
  return code !== undefined && COUNTRY_CODES.has(code) ? code : undefined;
}

/** An English country name or one of the aliases, in any case and with or without accents. */
export const countryFromName = (raw: string): string | undefined => nameIndex().get(fold(raw));

/** A code in any form, else a name. */
export const countryFromInput = (raw: string): string | undefined => countryFromCode(raw) ?? countryFromName(raw);

/** The English name written for a canonical country code (`US` -> "United States"). */
export function countryName(code: string): string | undefined {
  if (!COUNTRY_CODES.has(code)) return undefined;
  return DISPLAY_NAMES[code] ?? (countries.getName(code, 'en') || undefined);
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
