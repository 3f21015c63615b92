import { iso31662 } from 'iso-3166';
import { fold, hasText } from './text.js';

/**
 * Regions (states, provinces, counties...). The canonical administrative area of a known subdivision
 * is `{ code, name }`: `code` the ISO 3166-2 code without its country prefix (`CA`, `VIC`, `BY`, `75C`),
 * `name` the subdivision's name in the ISO data (`iso-3166`, which gives local names: `Bayern`, `Wien`).
 * Input is matched on codes in any case (`Vic` -> `VIC`, with or without the `AU-` prefix) and on
 * names spelled with or without accents, in any case, or as one of the aliases below.
 */

export interface Subdivision {
  /** ISO 3166-1 alpha-2 of the country. */
  readonly country: string;
  /** ISO 3166-2 code without the `XX-` prefix. */
  readonly code: string;
  readonly name: string;
  /** Whether it is a first-level subdivision (its parent is the country, not another subdivision). */
  readonly topLevel: boolean;
}

/**
 * Spellings the ISO data lacks, by country: English exonyms, older names, and the names used by
 * Magento's directory data (e.g. Swiss cantons in German). Codes are ISO 3166-2 without prefix.
 */
export const REGION_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: { 'Washington DC': 'DC', 'Washington D.C.': 'DC', 'Virgin Islands': 'VI', 'US Virgin Islands': 'VI' },
  CA: { Newfoundland: 'NL', 'Yukon Territory': 'YT', PEI: 'PE' },
  NZ: { Wellington: 'WGN', 'Manawatu-Wanganui': 'MWT', 'Chatham Islands': 'CIT' },
  DE: {
    Bavaria: 'BY', 'Lower Saxony': 'NI', 'North Rhine-Westphalia': 'NW', 'Rhineland-Palatinate': 'RP', Saxony: 'SN',
    'Saxony-Anhalt': 'ST', Thuringia: 'TH', Hesse: 'HE', 'Mecklenburg-Western Pomerania': 'MV',
  },
  AT: { Vienna: '9', 'Lower Austria': '3', 'Upper Austria': '4', Styria: '6', Carinthia: '2', Tyrol: '7' },
  CH: {
    Geneva: 'GE', Genf: 'GE', Lucerne: 'LU', Neuenburg: 'NE', Freiburg: 'FR', Friburg: 'FR', 'St. Gallen': 'SG',
    Tessin: 'TI', Waadt: 'VD', Wallis: 'VS', Grisons: 'GR', Berne: 'BE',
  },
  FR: { Corsica: '20R', Brittany: 'BRE', Normandy: 'NOR', 'French Guiana': '973', Réunion: '974', 'Territoire-de-Belfort': '90' },
  ES: { Baleares: 'IB', 'Balearic Islands': 'IB', Guipuzcoa: 'SS', Vizcaya: 'BI', Alava: 'VI', Araba: 'VI', Catalonia: 'CT', Andalusia: 'AN' },
  IT: {
    "Valle d'Aosta": '23', "Vallée d'Aoste": '23', 'Aosta Valley': '23', 'Trentino-Alto Adige': '32', 'Trentino-Südtirol': '32',
    Bolzano: 'BZ', Bozen: 'BZ', 'South Tyrol': 'BZ', Sicily: '82', Sardinia: '88', Lombardy: '25', Tuscany: '52', Piedmont: '21',
    Apulia: '75', Rome: 'RM', Milan: 'MI', Turin: 'TO', Florence: 'FI', Naples: 'NA', Venice: 'VE', Genoa: 'GE', Padua: 'PD', Mantua: 'MN',
  },
  IE: { 'Co. Dublin': 'D', 'County Dublin': 'D' },
  MX: {
    'Mexico City': 'CMX', 'Distrito Federal': 'CMX', 'Estado de México': 'MEX', 'State of Mexico': 'MEX', Coahuila: 'COA',
    Michoacán: 'MIC', Veracruz: 'VER',
  },
  IN: { Orissa: 'OD', Pondicherry: 'PY', Uttaranchal: 'UK', 'Dadra and Nagar Haveli': 'DH', 'Daman and Diu': 'DH' },
};

interface CountryIndex {
  readonly subdivisions: readonly Subdivision[];
  readonly byCode: ReadonlyMap<string, Subdivision>;
  /** Folded name -> subdivision; names two subdivisions share resolve to the first-level one, if exactly one is. */
  readonly byName: ReadonlyMap<string, Subdivision>;
  /** Every folded spelling of each subdivision (official name, derived forms, aliases). */
  readonly spellings: ReadonlyMap<Subdivision, ReadonlySet<string>>;
}

const indexes = new Map<string, CountryIndex | null>();

/** Spellings derived from the official name: "Madrid, Comunidad de" -> "Comunidad de Madrid"; "Guyane (française)" -> "Guyane". */
function derivedNames(name: string): string[] {
  const out: string[] = [];
  const comma = /^([^,]+), ([^,]+)$/.exec(name);
  if (comma) out.push(`${comma[2]} ${comma[1]}`);
  const paren = /^(.+?) \(([^)]+)\)$/.exec(name);
  if (paren) out.push(paren[1]!);
  return out;
}

function build(country: string): CountryIndex | null {
  const prefix = `${country}-`;
  const rows = iso31662.filter((r) => r.code.startsWith(prefix));
  if (rows.length === 0) return null;
  const subdivisions = rows.map((r) => ({ country, code: r.code.slice(prefix.length), name: r.name, topLevel: r.parent === country }));
  const byCode = new Map(subdivisions.map((s) => [s.code.toUpperCase(), s]));
  const spellings = new Map<Subdivision, Set<string>>(subdivisions.map((s) => [s, new Set([fold(s.name)])]));
  // Official names first; derived forms and aliases never displace an official name.
  const official = new Map<string, Subdivision[]>();
  for (const s of subdivisions) {
    const key = fold(s.name);
    official.set(key, [...(official.get(key) ?? []), s]);
  }
  const byName = new Map<string, Subdivision>();
  for (const [key, list] of official) {
    const top = list.filter((s) => s.topLevel);
    const pick = list.length === 1 ? list[0] : top.length === 1 ? top[0] : undefined;
    if (pick) byName.set(key, pick);
  }
  const extra = (s: Subdivision, name: string): void => {
    const key = fold(name);
    spellings.get(s)?.add(key);
    if (!official.has(key) && !byName.has(key)) byName.set(key, s);
  };
  for (const s of subdivisions) for (const name of derivedNames(s.name)) extra(s, name);
  for (const [alias, code] of Object.entries(REGION_ALIASES[country] ?? {})) {
    const s = byCode.get(code);
    if (!s) throw new Error(`REGION_ALIASES.${country}: ${code} is not an ISO 3166-2 subdivision`);
    extra(s, alias);
  }
  return { subdivisions, byCode, byName, spellings };
}

function indexOf(country: string | null | undefined): CountryIndex | null {
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) return null;
  let index = indexes.get(country);
  if (index === undefined) {
    index = build(country);
    indexes.set(country, index);
  }
  return index;
}

/** Every ISO 3166-2 subdivision of a country (empty when the data has none). */
export const subdivisionsOf = (country: string): readonly Subdivision[] => indexOf(country)?.subdivisions ?? [];

/** The subdivision with this code, in any case, with or without the country prefix (`vic`, `AU-VIC`). */
export function subdivisionByCode(country: string | null | undefined, raw: string): Subdivision | undefined {
  const index = indexOf(country);
  if (!index) return undefined;
  const text = raw.trim().toUpperCase();
  const bare = text.startsWith(`${country}-`) ? text.slice(3) : text;
  return index.byCode.get(bare);
}

/** The subdivision with this name or alias (accents, case and punctuation ignored). */
export function subdivisionByName(country: string | null | undefined, raw: string): Subdivision | undefined {
  return indexOf(country)?.byName.get(fold(raw));
}

/** Whether `raw` is one of the spellings of `sub`'s name (also true for a name another subdivision shares). */
export const isNameOf = (sub: Subdivision, raw: string): boolean => indexOf(sub.country)?.spellings.get(sub)?.has(fold(raw)) ?? false;

/**
 * Extra spellings a platform's own directory uses (Magento's legacy codes such as `BER`), folded or
 * upper-cased keys -> ISO code without prefix.
 */
export interface RegionAliases {
  readonly codes?: ReadonlyMap<string, string>;
  readonly names?: ReadonlyMap<string, string>;
}

const viaCode = (country: string | null | undefined, raw: string, extra?: RegionAliases): Subdivision | undefined => {
  const iso = extra?.codes?.get(raw.trim().toUpperCase());
  return subdivisionByCode(country, raw) ?? (iso === undefined ? undefined : subdivisionByCode(country, iso));
};
const viaName = (country: string | null | undefined, raw: string, extra?: RegionAliases): Subdivision | undefined => {
  const iso = extra?.names?.get(fold(raw));
  return subdivisionByName(country, raw) ?? (iso === undefined ? undefined : subdivisionByCode(country, iso));
};

/** Text that may be a code or a name (Medusa's `province`, Magento's free-text `region_code`). */
export function subdivisionOf(
  country: string | null | undefined,
  raw: string,
  prefer: 'code' | 'name' = 'code',
  extra?: RegionAliases,
): Subdivision | undefined {
  return prefer === 'code'
    ? (viaCode(country, raw, extra) ?? viaName(country, raw, extra))
    : (viaName(country, raw, extra) ?? viaCode(country, raw, extra));
}

const matches = (sub: Subdivision, raw: string, extra?: RegionAliases): boolean =>
  viaCode(sub.country, raw, extra) === sub || isNameOf(sub, raw) || viaName(sub.country, raw, extra) === sub;

/** An administrative area as given: each member absent, null, empty or text. */
export interface AreaText {
  readonly code?: string | null;
  readonly name?: string | null;
}

/** The normal form of an area and the subdivision it names, if every member with text names the same one. */
export interface NormalArea {
  readonly code?: string | null;
  readonly name?: string | null;
  readonly sub?: Subdivision;
}

/** The subdivision an area names: every member with text must name it (a code, a name or an alias). */
export function subdivisionOfArea(country: string | null | undefined, area: AreaText, extra?: RegionAliases): Subdivision | undefined {
  const code = hasText(area.code) ? area.code : undefined;
  const name = hasText(area.name) ? area.name : undefined;
  const candidate =
    (code === undefined ? undefined : subdivisionOf(country, code, 'code', extra)) ??
    (name === undefined ? undefined : subdivisionOf(country, name, 'name', extra));
  if (!candidate) return undefined;
  if (code !== undefined && !matches(candidate, code, extra)) return undefined;
  if (name !== undefined && !matches(candidate, name, extra)) return undefined;
  return candidate;
}

/**
 * The canonical form of an area: a known subdivision becomes `{ code, name }` from the ISO data
 * (empty members are filled, they are derivable); anything else stays exactly as written.
 * Idempotent: `normaliseArea(c, normaliseArea(c, a)) == normaliseArea(c, a)`.
 */
export function normaliseArea(country: string | null | undefined, area: AreaText, extra?: RegionAliases): NormalArea {
  const sub = subdivisionOfArea(country, area, extra);
  if (sub) return { code: sub.code, name: sub.name, sub };
  const out: { code?: string | null; name?: string | null } = {};
  if (area.code !== undefined) out.code = area.code;
  if (area.name !== undefined) out.name = area.name;
  return out;
}

/** Whether two areas have the same members (absent, null, "" and text kept apart). */
export const sameArea = (a: AreaText, b: AreaText): boolean => a.code === b.code && a.name === b.name;

/** Whether an area has any member with text. */
export const areaHasText = (a: AreaText): boolean => hasText(a.code) || hasText(a.name);
