import type { Gender } from '../../canonical/customer.js';
import type { Normaliser } from '../../core/steps.js';
import { isInstant, isTimeZone, zonedWallTime } from '../../core/times.js';
import { CountryDirectory, once, type RegionDirectory } from '../../core/geo/directories.js';
import { v4StateDirectory } from './directory.js';

/**
 * `created_at`: its format is not verified (the docs print `2024-07-04 12:30:00`, without a zone).
 * An ISO 8601 date-time with a zone is the instant as written. A date-time without a zone is read in
 * the customer's `timezone` when that is an IANA zone name (`Australia/Sydney`), giving the same wall
 * clock with the zone's offset (`2024-07-04T12:30:00+10:00`); the original text comes back to v4.
 * Without a usable zone, or at a wall clock a daylight-saving change skips or repeats, the text travels
 * unchanged as v4 data: an instant is never guessed.
 */
export function fromV4Time(written: unknown, timezone: string | undefined): string | undefined {
  if (typeof written !== 'string') return undefined;
  // White space around it is no part of the time (the original, spaces and all, comes back to v4).
  const raw = written.trim();
  if (isInstant(raw)) return raw;
  return timezone === undefined ? undefined : zonedWallTime(raw, timezone);
}

export const v4Time: Normaliser<string | undefined> = {
  name: 'ISO 8601 date-time (with a zone, or in the customer\'s time zone)',
  note:
    'ISO 8601 with a zone is kept as written; without a zone ("2024-07-04 12:30:00") it is read in the customer\'s `timezone` ' +
    '(IANA name) as "2024-07-04T12:30:00+10:00" and written back as the original; without a usable zone, or in a daylight-saving ' +
    'gap or overlap, it is kept as v4 data',
  context: (_canonical, platformData) => {
    const tz = platformData.timezone;
    return typeof tz === 'string' && isTimeZone(tz) ? tz : undefined;
  },
  decode: fromV4Time,
  encode: (iso) => ({ raw: iso }),
};

/**
 * `sex` values (response `sex`, request `gender`): the allowed values are undocumented; the docs'
 * example spells `MALE`. Decided: exactly `MALE` <-> male and `FEMALE` <-> female (case-sensitive);
 * any other string travels as v4 data and is reported when converting; canonical not_specified has no
 * v4 value and is reported lost.
 */
export const SEX: readonly (readonly [string, Exclude<Gender, 'not_specified'>])[] = [
  ['MALE', 'male'],
  ['FEMALE', 'female'],
];

type Options = Readonly<Record<string, unknown>>;

/** `platformOptions.v4.countries` (`[{id, code, name?}]`) as a lookup, when given. */
export function countryIds(options: Options): CountryDirectory | undefined {
  const table = options.countries as readonly { id: number; code: string }[] | undefined;
  return table ? once(table, () => new CountryDirectory(table)) : undefined;
}

/** `platformOptions.v4.states` (`[{id, country, code?, name?}]`) as a directory, when given; its spellings are the shop's. */
export function stateDirectory(options: Options): { directory: RegionDirectory; ownSpelling: boolean } | undefined {
  const table = options.states as Parameters<typeof v4StateDirectory>[0] | undefined;
  return table ? { directory: once(table, () => v4StateDirectory(table)), ownSpelling: true } : undefined;
}
