import type { Normaliser } from '../../core/steps.js';
import type { Gender } from '../../canonical/customer.js';
import { instantParts, isCalendarDate, isInstant } from '../../core/times.js';
import { once, type RegionDirectory } from '../../core/geo/directories.js';
import { GroupDirectory, magentoDirectory, standardMagentoDirectory, type MagentoCountryEntry } from './directory.js';

/** Magento's UTC `YYYY-MM-DD HH:MM:SS` of an instant (the fraction of a second cut off). */
const utcSeconds = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const MAGENTO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/**
 * A date as a spreadsheet types it into a CSV cell, `M/D/YYYY` with an optional `H:MM` or `H:MM:SS`
 * (`5/6/2012 15:53`), which Magento's importer reads with PHP `strtotime`: slashes mean American
 * month/day/year (magento.md §6), and the time is UTC (Magento runs PHP in UTC). Two-digit years
 * (`5/6/12`) and AM/PM are not read: a century or a half day would be a guess.
 */
const SPREADSHEET_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: string): string => n.padStart(2, '0');

/** A spreadsheet-typed date (see `SPREADSHEET_DATE`) as `YYYY-MM-DD` and `HH:MM:SS`, if it is a real date and time. */
function spreadsheetDate(text: string): { date: string; time: string } | undefined {
  const m = SPREADSHEET_DATE.exec(text);
  if (!m) return undefined;
  const [, month, day, year, hour, minute, second] = m as unknown as [string, string, string, string, string?, string?, string?];
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const time = hour === undefined ? '00:00:00' : `${pad(hour)}:${minute}:${second ?? '00'}`;
  return isInstant(`${date}T${time}Z`) ? { date, time } : undefined;
}

/**
 * Whether a Magento date cell is written as a spreadsheet types it (`5/6/2012 15:53`, dob `5/6/2010`)
 * and reads as a date: the form is read month first, as Magento's importer reads it, which a reader
 * of the cell should be told (the Magento CSV reader reports it when the value is converted).
 */
export const isSpreadsheetDate = (raw: unknown): boolean => typeof raw === 'string' && spreadsheetDate(raw.trim()) !== undefined;

/**
 * Magento `YYYY-MM-DD HH:MM:SS` (UTC, magento.md §1), or a spreadsheet-typed `M/D/YYYY H:MM` as the
 * CSV importer reads it (see `SPREADSHEET_DATE`), as a canonical instant `YYYY-MM-DDTHH:MM:SSZ`, if
 * it is a real time. Surrounding white space does not make it unreadable.
 */
export function fromMagentoTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  const m = MAGENTO_TIME.exec(text);
  const sheet = m ? undefined : spreadsheetDate(text);
  const iso = m ? `${m[1]}T${m[2]}Z` : sheet ? `${sheet.date}T${sheet.time}Z` : undefined;
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
  note: 'UTC "YYYY-MM-DD HH:MM:SS" (also a spreadsheet-typed "M/D/YYYY H:MM" of a CSV file, read month first as Magento\'s importer does; the original form comes back to Magento) <-> ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; an instant with a fraction of a second or an offset is written in UTC whole seconds and reported `value_changed`',
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

/**
 * `dob` as a calendar date: `YYYY-MM-DD` as REST returns it, `YYYY-MM-DD 00:00:00` (CSV imports, older
 * payloads), or a spreadsheet-typed `M/D/YYYY` (read month first, as Magento's CSV importer reads it;
 * a time of day only if it is midnight). Surrounding white space does not make it unreadable.
 */
export function fromMagentoDob(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  const iso = DOB.exec(text)?.[1];
  if (iso !== undefined) return isCalendarDate(iso) ? iso : undefined;
  const sheet = spreadsheetDate(text);
  return sheet && sheet.time === '00:00:00' && isCalendarDate(sheet.date) ? sheet.date : undefined;
}

/** Magento `dob` <-> canonical calendar date `YYYY-MM-DD`; the original form comes back to Magento. */
export const magentoDob: Normaliser<void> = {
  name: 'calendar date',
  note: '"YYYY-MM-DD", "YYYY-MM-DD 00:00:00" (CSV imports, older payloads) or a spreadsheet-typed "M/D/YYYY" of a CSV file (read month first, as Magento\'s importer does) <-> calendar date "YYYY-MM-DD"; written as "YYYY-MM-DD" (the original form to Magento)',
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
/**
 * The option id an import stores for a gender label it does not know (magento.md §5): no gender. A
 * CSV cell may hold it as the importer takes it; it travels as Magento data (never a canonical gender).
 */
export const NO_GENDER_ID = 0;

const GENDER_BY_LABEL = new Map(GENDERS.map(([id, , label]) => [label.toLowerCase(), id]));
/** The ids a CSV gender cell may hold (the importer's option ids): `NO_GENDER_ID` and those of `GENDERS`. */
const CELL_IDS: ReadonlySet<number> = new Set([NO_GENDER_ID, ...GENDERS.map(([id]) => id)]);

/**
 * The option id a gender value names: a number is the id (REST); a string is a CSV cell as written, an
 * option label in any case (`Male`, `female`) or an id in digits (`0`-`3`), as Magento's importer takes it.
 */
export function genderId(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const byLabel = GENDER_BY_LABEL.get(raw.toLowerCase());
  if (byLabel !== undefined) return byLabel;
  return /^\d$/.test(raw) && CELL_IDS.has(Number(raw)) ? Number(raw) : undefined;
}

/**
 * A Magento CSV gender cell as a record value: the option id (the REST form) when the cell is what
 * `genderCell` writes for it (its label as the table spells it, `0`), so the same cell is written back; any other spelling the
 * importer takes (a label in another case, an option id) as the text itself, so that it round-trips
 * as written; `undefined` when the importer would not take it.
 */
export const genderFromCell = (cell: string): number | string | undefined => {
  const id = genderId(cell);
  if (id === undefined) return undefined;
  return genderCell(id) === cell ? id : cell;
};

/** The gender cell of a record value: its label for an option id of `GENDERS`, `0` for `NO_GENDER_ID`, a cell text as written; `undefined` when no cell holds it. */
export function genderCell(value: unknown): string | undefined {
  if (typeof value === 'string') return genderId(value) === undefined ? undefined : value;
  if (value === NO_GENDER_ID) return String(NO_GENDER_ID);
  return GENDERS.find(([id]) => id === value)?.[2];
}

/** What the gender column takes, in words: the option labels (any case) or option ids. */
export const GENDER_CELL_WORDS = `${GENDERS.map(([, , label]) => `"${label}"`).join(', ')} (in any case) or an option id (${[...CELL_IDS].join(', ')})`;

/**
 * Magento gender <-> canonical gender: option ids of a standard install (magento.md §5), and the CSV
 * cell forms `genderId` reads (the original form comes back to Magento); other ids (0, merchant options) are kept raw.
 */
export const magentoGender: Normaliser<void> = {
  name: 'Magento gender option',
  note: '1 male, 2 female, 3 not_specified (standard install option ids; 3 follows install order, not verified); a CSV cell\'s label in any case or id in digits is read too and comes back to Magento as written; any other id (0, merchant options) travels as Magento data and is reported when converting',
  context: () => undefined,
  decode: (raw) => {
    const id = genderId(raw);
    return GENDERS.find(([i]) => i === id)?.[1];
  },
  encode: (g) => ({ raw: GENDERS.find(([, v]) => v === g)?.[0] ?? 3 }),
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
