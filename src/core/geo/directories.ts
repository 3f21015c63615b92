import { countryFromCode } from './countries.js';
import { subdivisionByCode, subdivisionOfArea, subdivisionOf, type AreaText, type RegionAliases, type Subdivision } from './regions.js';
import { fold, hasText } from './text.js';

/**
 * Directories: the install-specific ids a platform uses for countries and regions, as lookups. The
 * platforms' own tables (Magento's region directory and customer groups, WebCommander's countries and
 * states) and their option schemas live in their platform folders; this is only the shape they share.
 * No id is guessed: without a table a platform gives no id.
 */

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

const built = new WeakMap<object, unknown>();
/** Builds a directory once per option value (options are parsed once per conversion). */
export function once<T>(source: object, make: () => T): T {
  if (!built.has(source)) built.set(source, make());
  return built.get(source) as T;
}
