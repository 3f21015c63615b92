import { z } from 'zod';
import { countryFromCode } from '../../core/geo/countries.js';
import { RegionDirectory } from '../../core/geo/directories.js';
import { fold } from '../../core/geo/text.js';

/**
 * Magento's directories: the region ids of `GET /V1/directory/countries` (a standard install's, or the
 * shop's own from `platformOptions.magento.regions`) and the shop's customer groups
 * (`platformOptions.magento.groups`; no public table exists).
 */

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

/** `platformOptions.magento.groups`: Magento customer group ids and their names. */
export const MagentoGroupEntry = z.strictObject({ id: z.number().int(), name: z.string() });

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
