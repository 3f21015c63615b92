import type { Gender } from '../../canonical/customer.js';
import { Timestamp } from '../../canonical/primitives.js';
import type { ValueCodec } from '../../core/mapping.js';
import { CountryDirectory, once, v4StateDirectory, type RegionDirectory } from '../../core/geo/directories.js';

/**
 * `created_at`: its format is not verified (the docs print a placeholder), so only an ISO 8601
 * date-time with a zone is read as a timestamp; any other string travels as v4 data, unchanged.
 */
export const v4Timestamp: ValueCodec<string, string> = {
  name: 'ISO 8601 date-time with zone',
  note: 'read only when ISO 8601 with a zone (format not verified); any other string is kept as v4 data',
  decode: (raw) => (Timestamp.safeParse(raw).success ? raw : undefined),
  encode: (iso) => iso,
};

/** `sex` values (spelling of the docs' example; the allowed values are undocumented). */
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
