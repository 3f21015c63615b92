import type { ValueCodec } from '../../core/mapping.js';
import type { Normaliser } from '../../core/steps.js';
import type { Gender } from '../../canonical/customer.js';
import { instantParts, isCalendarDate, isInstant } from '../../core/times.js';
import { once, type RegionDirectory } from '../../core/geo/directories.js';
import { GroupDirectory, magentoDirectory, standardMagentoDirectory, type MagentoCountryEntry } from './directory.js';

/** Magento's UTC `YYYY-MM-DD HH:MM:SS` of an instant (the fraction of a second cut off). */
const utcSeconds = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const MAGENTO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** Magento `YYYY-MM-DD HH:MM:SS` (UTC, magento.md §1) as a canonical instant `YYYY-MM-DDTHH:MM:SSZ`, if it is a real time. */
export function fromMagentoTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // White space around it is no part of the time (the original, spaces and all, comes back to Magento).
  const m = MAGENTO_TIME.exec(raw.trim());
  const iso = m ? `${m[1]}T${m[2]}Z` : undefined;
  return iso !== undefined && isInstant(iso) ? iso : undefined;
}

/**
 * What writing an instant as Magento's UTC whole seconds does to it. The canonical instant keeps the
 * source's written form, so any difference is reported `value_changed`; the message says whether the
 * instant itself changed (a non-zero fraction of a second) or only its written form (an offset: same
 * instant, the wall-clock offset is not kept; `.000` or `+00:00`: same instant, same offset).
 */
export function magentoTimeChange(iso: string): string | undefined {
  const parts = instantParts(iso);
  if (!parts) return undefined;
  const why: string[] = [];
  if (/[1-9]/.test(parts.fraction)) why.push('Magento stores whole seconds: the fraction of a second is dropped');
  else if (parts.fraction !== '') why.push('Magento stores whole seconds: the written zero fraction is dropped (same instant)');
  if (parts.zone === '+00:00' || parts.zone === '-00:00') why.push('written with Z for the zero UTC offset (same instant)');
  else if (parts.zone !== 'Z') why.push('Magento stores UTC: the same instant is written in UTC and its original UTC offset is not kept');
  return why.length > 0 ? `${why.join('; ')}.` : undefined;
}

/** Magento `YYYY-MM-DD HH:MM:SS` (UTC) <-> ISO 8601 instant; what Magento cannot hold is reported. */
export const magentoTime: Normaliser<void> = {
  name: 'Magento UTC "YYYY-MM-DD HH:MM:SS"',
  note: 'UTC "YYYY-MM-DD HH:MM:SS" <-> ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; an instant with a fraction of a second or an offset is written in UTC whole seconds and reported `value_changed`',
  context: () => undefined,
  decode: fromMagentoTime,
  encode(value) {
    const parts = instantParts(String(value));
    if (!parts) return { raw: value };
    const change = magentoTimeChange(String(value));
    return { raw: utcSeconds(parts.ms), ...(change ? { loss: { code: 'value_changed' as const, message: change } } : {}) };
  },
};

const DOB = /^(\d{4}-\d{2}-\d{2})(?: 00:00:00)?$/;

/** `dob` as a calendar date: `YYYY-MM-DD` as REST returns it, or `YYYY-MM-DD 00:00:00` (CSV imports, older payloads). */
export function fromMagentoDob(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const date = DOB.exec(raw.trim())?.[1];
  return date !== undefined && isCalendarDate(date) ? date : undefined;
}

/** Magento `dob` <-> canonical calendar date `YYYY-MM-DD`; the original form comes back to Magento. */
export const magentoDob: Normaliser<void> = {
  name: 'calendar date',
  note: '"YYYY-MM-DD" or "YYYY-MM-DD 00:00:00" (CSV imports, older payloads) <-> calendar date "YYYY-MM-DD"; written as "YYYY-MM-DD" (the original form to Magento)',
  context: () => undefined,
  decode: fromMagentoDob,
  encode: (date) => ({ raw: date }),
};

/**
 * Gender options of a standard install (magento.md §5): id, canonical gender, and the option label
 * the customer CSV files write. 1 Male, 2 Female (documented), 3 Not Specified (install order, not
 * verified). Any other id (0 after a CSV import with an unknown label, merchant-added options)
 * travels as Magento data and is reported when converting, never guessed.
 */
export const GENDERS: readonly (readonly [id: number, gender: Gender, label: string])[] = [
  [1, 'male', 'Male'],
  [2, 'female', 'Female'],
  [3, 'not_specified', 'Not Specified'],
];

/** EAV option ids of a standard install (magento.md §5); other ids (0, merchant options) are kept raw. */
export const magentoGender: ValueCodec<number, Gender> = {
  name: 'Magento gender option id',
  note: '1 male, 2 female, 3 not_specified (standard install option ids; 3 follows install order, not verified); any other id travels as Magento data and is reported when converting',
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
