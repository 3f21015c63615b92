import { z } from 'zod';
import { countryFromCode } from '../../core/geo/countries.js';
import { RegionDirectory } from '../../core/geo/directories.js';

/**
 * WebCommander's directories: country and state ids are install-specific with no public table, so the
 * caller passes the shop's (`platformOptions.v4.countries`, `platformOptions.v4.states`).
 */

/** `platformOptions.v4.countries`: the shop's WebCommander country ids. */
export const V4CountryEntry = z.strictObject({ id: z.number().int(), code: z.string(), name: z.string().optional() });
/** `platformOptions.v4.states`: the shop's WebCommander state ids, by country. */
export const V4StateEntry = z.strictObject({
  id: z.number().int(),
  country: z.string(),
  code: z.string().optional(),
  name: z.string().optional(),
});

/** v4 states as a region directory. */
export const v4StateDirectory = (entries: readonly z.output<typeof V4StateEntry>[]): RegionDirectory =>
  new RegionDirectory(
    entries.flatMap((e) => {
      const country = countryFromCode(e.country);
      return country ? [{ country, id: e.id, code: e.code ?? null, name: e.name ?? null }] : [];
    }),
  );
