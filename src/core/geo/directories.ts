import { z } from 'zod';
import { countryFromCode } from './countries.js';
import { subdivisionByCode, subdivisionOfArea, subdivisionOf, type AreaText, type RegionAliases, type Subdivision } from './regions.js';
import { fold, hasText } from './text.js';

/**
 * Platform directories: the install-specific ids platforms use for countries, regions and customer
 * groups. None of them is public data except Magento's install order, so each is a lookup table a
 * caller may pass as a platform option; without one, an id is never guessed.
 */

// ---------------------------------------------------------------------------------------------
// Magento regions (`GET /V1/directory/countries`)
// ---------------------------------------------------------------------------------------------

/** One `available_regions` item of `GET /V1/directory/countries` (ids come as strings there). */
export const MagentoRegionEntry = z.looseObject({
  id: z.union([z.string().regex(/^\d+$/), z.number().int()]),
  code: z.string(),
  name: z.string(),
});
/** One country of `GET /V1/directory/countries`: `id` is its alpha-2 code. */
export const MagentoCountryEntry = z.looseObject({
  id: z.string(),
  available_regions: z.array(MagentoRegionEntry).nullish(),
});
export type MagentoCountryEntry = z.input<typeof MagentoCountryEntry>;

/**
 * Regions of a standard Magento install, in the order the Directory module inserts them
 * (`Setup/Patch/Data/InitializeDirectoryData.php`), so `region_id` is the 1-based position: US 1-65,
 * CA 66-78, DE 79-94, AT 95-103, CH 104-129, ES 130-181, FR 182-277. Codes and names are the install
 * data's (later patches rename some codes, e.g. DE `BER` -> `BE`, AT `WI` -> `AT-9`; the ids stay).
 * Install-specific: verify with `GET /V1/directory/countries` and pass your own table when it differs.
 */
const INSTALL_ORDER: readonly (readonly [string, string])[] = [
  ['US', 'AL Alabama|AK Alaska|AS American Samoa|AZ Arizona|AR Arkansas|AE Armed Forces Africa|AA Armed Forces Americas|AE Armed Forces Canada|AE Armed Forces Europe|AE Armed Forces Middle East|AP Armed Forces Pacific|CA California|CO Colorado|CT Connecticut|DE Delaware|DC District of Columbia|FM Federated States Of Micronesia|FL Florida|GA Georgia|GU Guam|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MH Marshall Islands|MD Maryland|MA Massachusetts|MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|MP Northern Mariana Islands|OH Ohio|OK Oklahoma|OR Oregon|PW Palau|PA Pennsylvania|PR Puerto Rico|RI Rhode Island|SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VI Virgin Islands|VA Virginia|WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming'],
  ['CA', 'AB Alberta|BC British Columbia|MB Manitoba|NL Newfoundland and Labrador|NB New Brunswick|NS Nova Scotia|NT Northwest Territories|NU Nunavut|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan|YT Yukon Territory'],
  ['DE', 'NDS Niedersachsen|BAW Baden-Württemberg|BAY Bayern|BER Berlin|BRG Brandenburg|BRE Bremen|HAM Hamburg|HES Hessen|MEC Mecklenburg-Vorpommern|NRW Nordrhein-Westfalen|RHE Rheinland-Pfalz|SAR Saarland|SAS Sachsen|SAC Sachsen-Anhalt|SCN Schleswig-Holstein|THE Thüringen'],
  ['AT', 'WI Wien|NO Niederösterreich|OO Oberösterreich|SB Salzburg|KN Kärnten|ST Steiermark|TI Tirol|BL Burgenland|VB Vorarlberg'],
  ['CH', 'AG Aargau|AI Appenzell Innerrhoden|AR Appenzell Ausserrhoden|BE Bern|BL Basel-Landschaft|BS Basel-Stadt|FR Freiburg|GE Genf|GL Glarus|GR Graubünden|JU Jura|LU Luzern|NE Neuenburg|NW Nidwalden|OW Obwalden|SG St. Gallen|SH Schaffhausen|SO Solothurn|SZ Schwyz|TG Thurgau|TI Tessin|UR Uri|VD Waadt|VS Wallis|ZG Zug|ZH Zürich'],
  // Spanish codes are the names (`A Coruca` is the install data's spelling of the code).
  ['ES', 'A Coruca=A Coruña|Alava|Albacete|Alicante|Almeria|Asturias|Avila|Badajoz|Baleares|Barcelona|Burgos|Caceres|Cadiz|Cantabria|Castellon|Ceuta|Ciudad Real|Cordoba|Cuenca|Girona|Granada|Guadalajara|Guipuzcoa|Huelva|Huesca|Jaen|La Rioja|Las Palmas|Leon|Lleida|Lugo|Madrid|Malaga|Melilla|Murcia|Navarra|Ourense|Palencia|Pontevedra|Salamanca|Santa Cruz de Tenerife|Segovia|Sevilla|Soria|Tarragona|Teruel|Toledo|Valencia|Valladolid|Vizcaya|Zamora|Zaragoza'],
  ['FR', "1 Ain|2 Aisne|3 Allier|4 Alpes-de-Haute-Provence|5 Hautes-Alpes|6 Alpes-Maritimes|7 Ardèche|8 Ardennes|9 Ariège|10 Aube|11 Aude|12 Aveyron|13 Bouches-du-Rhône|14 Calvados|15 Cantal|16 Charente|17 Charente-Maritime|18 Cher|19 Corrèze|2A Corse-du-Sud|2B Haute-Corse|21 Côte-d'Or|22 Côtes-d'Armor|23 Creuse|24 Dordogne|25 Doubs|26 Drôme|27 Eure|28 Eure-et-Loir|29 Finistère|30 Gard|31 Haute-Garonne|32 Gers|33 Gironde|34 Hérault|35 Ille-et-Vilaine|36 Indre|37 Indre-et-Loire|38 Isère|39 Jura|40 Landes|41 Loir-et-Cher|42 Loire|43 Haute-Loire|44 Loire-Atlantique|45 Loiret|46 Lot|47 Lot-et-Garonne|48 Lozère|49 Maine-et-Loire|50 Manche|51 Marne|52 Haute-Marne|53 Mayenne|54 Meurthe-et-Moselle|55 Meuse|56 Morbihan|57 Moselle|58 Nièvre|59 Nord|60 Oise|61 Orne|62 Pas-de-Calais|63 Puy-de-Dôme|64 Pyrénées-Atlantiques|65 Hautes-Pyrénées|66 Pyrénées-Orientales|67 Bas-Rhin|68 Haut-Rhin|69 Rhône|70 Haute-Saône|71 Saône-et-Loire|72 Sarthe|73 Savoie|74 Haute-Savoie|75 Paris|76 Seine-Maritime|77 Seine-et-Marne|78 Yvelines|79 Deux-Sèvres|80 Somme|81 Tarn|82 Tarn-et-Garonne|83 Var|84 Vaucluse|85 Vendée|86 Vienne|87 Haute-Vienne|88 Vosges|89 Yonne|90 Territoire-de-Belfort|91 Essonne|92 Hauts-de-Seine|93 Seine-Saint-Denis|94 Val-de-Marne|95 Val-d'Oise"],
];

/** The standard-install table, in the shape of `GET /V1/directory/countries` (ids as strings). */
export const MAGENTO_STANDARD_REGIONS: readonly MagentoCountryEntry[] = (() => {
  let id = 0;
  return INSTALL_ORDER.map(([country, rows]) => ({
    id: country,
    available_regions: rows.split('|').map((row) => {
      id += 1;
      // "CODE Name", or for Spain "Name" (code = name) and "Code=Name".
      const [code, name] =
        country === 'ES' ? (row.includes('=') ? (row.split('=') as [string, string]) : [row, row]) : [row.slice(0, row.indexOf(' ')), row.slice(row.indexOf(' ') + 1)];
      return { id: String(id), code, name };
    }),
  }));
})();

/** A region of a directory, with the ISO subdivision it is (when it is one). */
export interface DirectoryRegion {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly sub?: Subdivision;
}

/** A platform's region list for one country: ids, and the platform's own spellings of each region. */
export class RegionDirectory {
  private readonly byCountry = new Map<string, DirectoryRegion[]>();
  private readonly aliasCache = new Map<string, RegionAliases>();

  constructor(entries: readonly { country: string; id: number; code?: string | null; name?: string | null }[]) {
    for (const e of entries) {
      const country = e.country;
      // A directory row names its region by name first (legacy codes such as `BER` or `1` are no ISO codes).
      const sub =
        (hasText(e.name) ? subdivisionOf(country, e.name, 'name') : undefined) ??
        (hasText(e.code) ? subdivisionByCode(country, e.code) : undefined);
      const list = this.byCountry.get(country) ?? [];
      list.push({ id: e.id, code: e.code ?? '', name: e.name ?? '', ...(sub ? { sub } : {}) });
      this.byCountry.set(country, list);
    }
  }

  /** Whether the directory lists regions for this country. */
  has(country: string | null | undefined): boolean {
    return typeof country === 'string' && this.byCountry.has(country);
  }

  regions(country: string | null | undefined): readonly DirectoryRegion[] {
    return (typeof country === 'string' && this.byCountry.get(country)) || [];
  }

  /** The directory's own codes and names as extra spellings of ISO subdivisions. */
  aliases(country: string | null | undefined): RegionAliases | undefined {
    if (typeof country !== 'string' || !this.byCountry.has(country)) return undefined;
    let cached = this.aliasCache.get(country);
    if (!cached) {
      const codes = new Map<string, string>();
      const names = new Map<string, string>();
      for (const r of this.regions(country)) {
        if (!r.sub) continue;
        if (r.code) codes.set(r.code.trim().toUpperCase(), r.sub.code);
        if (r.name) names.set(fold(r.name), r.sub.code);
      }
      cached = { codes, names };
      this.aliasCache.set(country, cached);
    }
    return cached;
  }

  /**
   * The one directory region an area is: the row of its ISO subdivision when it is one, else the one
   * row whose code (and name, when given) match the text. A code several rows share (Magento's US
   * `AE`) identifies no row without a name.
   */
  find(country: string | null | undefined, area: AreaText): DirectoryRegion | undefined {
    const list = this.regions(country);
    if (list.length === 0) return undefined;
    const sub = subdivisionOfArea(country, area, this.aliases(country));
    const hits = sub
      ? list.filter((r) => r.sub === sub)
      : list.filter(
          (r) =>
            (hasText(area.code) || hasText(area.name)) &&
            (!hasText(area.code) || fold(r.code) === fold(area.code)) &&
            (!hasText(area.name) || fold(r.name) === fold(area.name)),
        );
    return hits.length === 1 ? hits[0] : undefined;
  }

  byId(country: string | null | undefined, id: number): DirectoryRegion | undefined {
    return this.regions(country).find((r) => r.id === id);
  }
}

/** A directory from `GET /V1/directory/countries` output. */
export function magentoDirectory(table: readonly MagentoCountryEntry[]): RegionDirectory {
  return new RegionDirectory(
    table.flatMap((c) => {
      const country = countryFromCode(c.id);
      if (!country) return [];
      return (c.available_regions ?? []).map((r) => ({ country, id: Number(r.id), code: r.code, name: r.name }));
    }),
  );
}

let standard: RegionDirectory | undefined;
/** The standard-install directory (built once). */
export const standardMagentoDirectory = (): RegionDirectory => (standard ??= magentoDirectory(MAGENTO_STANDARD_REGIONS));

// ---------------------------------------------------------------------------------------------
// Caller-supplied lookups: WebCommander countries and states, Magento customer groups
// ---------------------------------------------------------------------------------------------

/** `platformOptions.v4.countries`: the shop's WebCommander country ids. */
export const V4CountryEntry = z.strictObject({ id: z.number().int(), code: z.string(), name: z.string().optional() });
/** `platformOptions.v4.states`: the shop's WebCommander state ids, by country. */
export const V4StateEntry = z.strictObject({
  id: z.number().int(),
  country: z.string(),
  code: z.string().optional(),
  name: z.string().optional(),
});
/** `platformOptions.magento.groups`: Magento customer group ids and their names. */
export const MagentoGroupEntry = z.strictObject({ id: z.number().int(), name: z.string() });

/** Country ids of a platform (`[{id, code}]`; codes in any ISO form). */
export class CountryDirectory {
  private readonly ids = new Map<string, number>();
  private readonly codes = new Map<number, string>();
  constructor(entries: readonly { id: number; code: string }[]) {
    for (const e of entries) {
      const country = countryFromCode(e.code);
      if (!country) continue;
      if (!this.ids.has(country)) this.ids.set(country, e.id);
      if (!this.codes.has(e.id)) this.codes.set(e.id, country);
    }
  }
  id(country: string): number | undefined {
    return this.ids.get(country);
  }
  country(id: number): string | undefined {
    return this.codes.get(id);
  }
}

/** v4 states as a region directory. */
export const v4StateDirectory = (entries: readonly z.output<typeof V4StateEntry>[]): RegionDirectory =>
  new RegionDirectory(
    entries.flatMap((e) => {
      const country = countryFromCode(e.country);
      return country ? [{ country, id: e.id, code: e.code ?? null, name: e.name ?? null }] : [];
    }),
  );

/** Customer groups by id and by name (names matched ignoring case and accents). */
export class GroupDirectory {
  private readonly names = new Map<number, string>();
  private readonly ids = new Map<string, number | null>();
  constructor(entries: readonly { id: number; name: string }[]) {
    for (const e of entries) {
      if (!this.names.has(e.id)) this.names.set(e.id, e.name);
      const key = fold(e.name);
      const seen = this.ids.get(key);
      this.ids.set(key, seen === undefined || seen === e.id ? e.id : null);
    }
  }
  name(id: number): string | undefined {
    return this.names.get(id);
  }
  /** The id of the one group with this name. */
  id(name: string): number | undefined {
    return this.ids.get(fold(name)) ?? undefined;
  }
}

const built = new WeakMap<object, unknown>();
/** Builds a directory once per option value (options are parsed once per conversion). */
export function once<T>(source: object, make: () => T): T {
  if (!built.has(source)) built.set(source, make());
  return built.get(source) as T;
}
