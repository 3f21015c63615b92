import type { ValueCodec } from '../../core/mapping.js';
import type { Gender } from '../../canonical/customer.js';
import {
  GroupDirectory,
  magentoDirectory,
  once,
  standardMagentoDirectory,
  type MagentoCountryEntry,
  type RegionDirectory,
} from '../../core/geo/directories.js';

/** Magento `YYYY-MM-DD HH:MM:SS` (UTC, magento.md §1) <-> ISO 8601 instant in UTC. */
export const magentoTimestamp: ValueCodec<string, string> = {
  name: 'Magento UTC "YYYY-MM-DD HH:MM:SS"',
  note: 'UTC "YYYY-MM-DD HH:MM:SS" <-> ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; sub-second digits and offsets do not survive',
  decode: (raw) => {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(raw);
    if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}Z`))) return undefined;
    return `${m[1]}T${m[2]}Z`;
  },
  encode: (iso) => new Date(iso).toISOString().slice(0, 19).replace('T', ' '),
};

/** `dob` as a calendar date; Magento returns `YYYY-MM-DD`. */
export const calendarDate: ValueCodec<string, string> = {
  name: 'calendar date',
  note: '"YYYY-MM-DD" kept as is',
  decode: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : undefined),
  encode: (date) => date,
};

const GENDERS: readonly [number, Gender][] = [
  [1, 'male'],
  [2, 'female'],
  [3, 'not_specified'],
];

/** EAV option ids of a standard install (magento.md §5); other ids (0, merchant options) are kept raw. */
export const magentoGender: ValueCodec<number, Gender> = {
  name: 'Magento gender option id',
  note: '1 male, 2 female, 3 not_specified (standard install option ids); any other id travels as platform data',
  decode: (raw) => GENDERS.find(([id]) => id === raw)?.[1],
  encode: (g) => GENDERS.find(([, v]) => v === g)?.[0] ?? 3,
};

/**
 * The region directory of the shop: `platformOptions.magento.regions` (the output of
 * `GET /V1/directory/countries`; its codes and names are written as they are), else the ids of a
 * standard install (ISO codes and names are written).
 */
export function regionDirectory(options: Readonly<Record<string, unknown>>): { directory: RegionDirectory; ownSpelling: boolean } {
  const table = options.regions as readonly MagentoCountryEntry[] | undefined;
  if (!table) return { directory: standardMagentoDirectory(), ownSpelling: false };
  return { directory: once(table, () => magentoDirectory(table)), ownSpelling: true };
}

/** `platformOptions.magento.groups` as a lookup, when given. */
export function groupDirectory(options: Readonly<Record<string, unknown>>): GroupDirectory | undefined {
  const table = options.groups as readonly { id: number; name: string }[] | undefined;
  return table ? once(table, () => new GroupDirectory(table)) : undefined;
}
