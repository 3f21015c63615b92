import { isPasswordHashKey, isPlainPasswordKey } from '../core/credentials.js';
import type { Issue, Loss } from '../core/issues.js';
import type { Path } from '../core/path.js';
import {
  ADDRESS_CODE_COLUMNS,
  ADDRESS_FIELDS,
  columnsOf,
  CUSTOMER_CODE_COLUMNS,
  CUSTOMER_FIELDS,
  DEFAULT_BILLING,
  DEFAULT_SHIPPING,
} from '../platforms/magento/csv.js';
import { GENDER_CELL_WORDS, genderFromCell, isSpreadsheetDate } from '../platforms/magento/values.js';

/**
 * How a row of Magento's customer CSV files becomes a Magento REST-shaped record (magento.md §6); the
 * columns and their cells are declared in `platforms/magento/csv.ts`. Rules shared by the three files:
 * - an empty cell is no value: the record has no key for it (never `""`);
 * - text columns are copied verbatim (dates, `dob`, `password_hash`, `country_id` too: the library
 *   validates and normalises them; a spreadsheet-typed date is noted, see `ReadNotes`); id columns are
 *   whole numbers; `gender` is an option label or id (values.ts `genderFromCell`);
 * - a column that is neither a record field nor a special `_` column is a merchant or module
 *   attribute (`reward_update_notification`, `rp_token`, `vat_is_valid`, `loyalty_tier`...): it
 *   goes into `custom_attributes` as `{ attribute_code, value }`, value a string;
 * - a plain-text password column (`password`) is never read into a record: a value there is an issue;
 * - any other column (an unknown `_` column, a name that is no attribute code) with a value is an issue.
 */

/** The customer's and an address's columns that hold a record key (column -> key and cell form). */
const CUSTOMER_COLUMNS = columnsOf(CUSTOMER_FIELDS);
const ADDRESS_COLUMNS = columnsOf(ADDRESS_FIELDS);
/** Keys of a REST customer / address in the order `GET /V1/customers/{id}` writes them (magento.md §3.3): the schema's order. */
const CUSTOMER_ORDER = Object.keys(CUSTOMER_FIELDS);
const ADDRESS_ORDER = Object.keys(ADDRESS_FIELDS);
const CUSTOMER_CODES: ReadonlySet<string> = new Set(CUSTOMER_CODE_COLUMNS);
const ADDRESS_CODES: ReadonlySet<string> = new Set(ADDRESS_CODE_COLUMNS);

/** A Magento attribute code: what an unknown column must look like to be read as a custom attribute. */
const ATTRIBUTE_CODE = /^[a-z][a-z0-9_]*$/i;

/** What a header cell must look like to be named by its text in messages and issue paths. */
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * How messages and issue paths name the columns of a file. A header row may hold data (a shifted
 * file, a customer row in place of the header), and messages never quote record values: a header
 * cell is named by its text only when it looks like a column name and the header holds no e-mail
 * (`@`, as a customer row would); otherwise by its 1-based position (`column 7`), and the issue path
 * stops at the record or address that holds it.
 */
export class ColumnNames {
  private readonly positions = new Map<string, number>();
  private readonly data: boolean;
  constructor(header: readonly string[]) {
    header.forEach((c, i) => {
      if (!this.positions.has(c)) this.positions.set(c, i + 1);
    });
    this.data = header.some((c) => c.includes('@'));
  }
  /** Whether `column` is named by its text. */
  quotable(column: string): boolean {
    return !this.data && COLUMN_NAME.test(column);
  }
  /** `"email"`, or `column 7`. */
  name(column: string): string {
    return this.quotable(column) ? `"${column}"` : `column ${this.positions.get(column) ?? '?'}`;
  }
  /** `Column "email"`, or `Column 7`. */
  label(column: string): string {
    return this.quotable(column) ? `Column "${column}"` : `Column ${this.positions.get(column) ?? '?'}`;
  }
}

/** How an issue names a column: the words that start a message (`Column "city" of record 7`), and its key in the issue path (none when named by position). */
export interface ColumnRef {
  readonly label: string;
  readonly key: string | undefined;
}

/** One CSV row: column name -> cell. */
export type Row = Record<string, string>;
export interface Attribute {
  attribute_code: string;
  value: string;
}

export const rowOf = (header: readonly string[], cells: readonly string[]): Row =>
  Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));

const ordered = (values: Record<string, unknown>, order: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of order) if (values[k] !== undefined) out[k] = values[k];
  return out;
};

const wholeNumber = (cell: string): number | undefined => (/^\d{1,15}$/.test(cell) ? Number(cell) : undefined);

/** Issues for a cell that no record may hold, or `undefined` when the column is an ordinary attribute. */
function refused(column: string, { label, key }: ColumnRef, at: Path): Issue | undefined {
  const path = key === undefined ? [...at] : [...at, key];
  if (isPlainPasswordKey(column)) {
    return { code: 'invalid_input', path, message: `${label} holds a plain-text password, which no record carries: the value is not read` };
  }
  if (isPasswordHashKey(column)) {
    return { code: 'invalid_input', path, message: `${label} holds a password hash: only the customer's "password_hash" column is read` };
  }
  if (!ATTRIBUTE_CODE.test(column)) {
    return { code: 'invalid_input', path, message: `${label} is not a column of Magento's customer CSV nor an attribute code: its value would be lost` };
  }
  return undefined;
}

/**
 * What reading a record did beside its issues (paths in the record; see `SourceItem`): `losses`, cells
 * the record does not hold as written or references it cannot resolve; `normalised`, values kept as
 * written in a form only Magento's CSV files use, reported when converted to another platform.
 */
export interface ReadNotes {
  readonly losses: Loss[];
  readonly normalised: Loss[];
}

export const readNotes = (): ReadNotes => ({ losses: [], normalised: [] });

/** The notes as `SourceItem` fields: only those that hold something. */
export const noteFields = (notes: ReadNotes): { losses?: Loss[]; normalised?: Loss[] } => ({
  ...(notes.losses.length > 0 ? { losses: notes.losses } : {}),
  ...(notes.normalised.length > 0 ? { normalised: notes.normalised } : {}),
});

export interface CustomerLookups {
  readonly websites?: Readonly<Record<string, number>> | undefined;
  readonly stores?: Readonly<Record<string, number>> | undefined;
}

/**
 * The customer fields of a main-file (or composite) row, in REST order, without `addresses`.
 * `names` names the columns of the file in messages.
 */
export function customerOf(row: Row, issues: Issue[], lookups: CustomerLookups, names: ColumnNames, notes: ReadNotes): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const custom: Attribute[] = [];
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    const field = CUSTOMER_COLUMNS.get(column);
    if (field?.cell === 'text') values[field.key] = cell;
    else if (field?.cell === 'date') {
      values[field.key] = cell;
      if (isSpreadsheetDate(cell)) {
        notes.normalised.push({
          code: 'value_changed',
          path: [field.key],
          message: `${names.label(column)} holds a date as a spreadsheet types it (month/day/year): read month first, as Magento's importer reads it, and written in the target's form`,
        });
      }
    } else if (field?.cell === 'int') {
      const n = wholeNumber(cell);
      if (n === undefined) issues.push({ code: 'invalid_type', path: [field.key], message: `Column "${column}" must hold a whole number` });
      else values[field.key] = n;
    } else if (field?.cell === 'gender') {
      const value = genderFromCell(cell);
      if (value === undefined) issues.push({ code: 'invalid_value', path: [field.key], message: `Column "${column}" must hold ${GENDER_CELL_WORDS}` });
      else values[field.key] = value;
    } else if (CUSTOMER_CODES.has(column)) continue;
    else {
      const issue = refused(column, { label: names.label(column), key: names.quotable(column) ? column : undefined }, []);
      if (issue) issues.push(issue);
      else custom.push({ attribute_code: column, value: cell });
    }
  }
  // `_website` and `_store` are codes; the record holds ids. Magento's importer takes the website and
  // the store view from the codes and ignores the `website_id` and `store_id` columns (the decision is
  // beside CUSTOMER_CODE_COLUMNS, csv.ts): with the code in the table given, its id wins, and an id
  // cell naming another is reported. Without a table entry the code's id is not known: the id cell is
  // read, never a guess.
  const website = row._website ?? '';
  const byCode = fromCode(CODES.website, website, lookups.websites, values, notes, names);
  if (byCode === undefined && values.website_id === undefined) {
    issues.push({
      code: 'required',
      path: ['website_id'],
      message:
        website === ''
          ? 'Columns "website_id" and "_website" are empty'
          : 'Column "website_id" is empty and the "_website" code is not in the website table (the `websites` option; `--website CODE=ID` on the command line)',
    });
  }
  fromCode(CODES.store, row._store ?? '', lookups.stores, values, notes, names);
  if (custom.length > 0) values.custom_attributes = custom;
  return ordered(values, CUSTOMER_ORDER);
}

/** The code columns and the id each one gives, with words for messages. */
const CODES = {
  website: { column: '_website', key: 'website_id', what: 'website', table: 'website table' },
  store: { column: '_store', key: 'store_id', what: 'store view', table: 'store table' },
} as const;

/**
 * The id of a row's code (`_website`, `_store`) in the table given, set in `values` (over the id cell,
 * which is reported where it names another: `value_changed` at it); `undefined`, and `values` left
 * as read, when the code is empty or the table does not hold it.
 */
function fromCode(
  c: (typeof CODES)[keyof typeof CODES],
  code: string,
  table: Readonly<Record<string, number>> | undefined,
  values: Record<string, unknown>,
  notes: ReadNotes,
  names: ColumnNames,
): number | undefined {
  const id = code !== '' && table && Object.hasOwn(table, code) ? table[code] : undefined;
  if (id === undefined) return undefined;
  if (values[c.key] !== undefined && values[c.key] !== id) {
    notes.losses.push({
      code: 'value_changed',
      path: [c.key],
      message: `${names.label(c.key)} names another ${c.what} than the "${c.column}" code does (through the ${c.table}): Magento's importer ignores "${c.key}" and takes the ${c.what} from "${c.column}", so the record has the code's id`,
    });
  }
  values[c.key] = id;
  return id;
}

/**
 * An address of an addresses-file row (or of a composite row, its `_address_` prefix removed), in
 * REST order. `at` is the address's path in the record; `name` names a column for messages as the
 * file spells it and says which record it is in (`Column "_address_region_id" of record 7`), and
 * gives its key in issue paths (see `ColumnNames`).
 */
export function addressOf(row: Row, issues: Issue[], at: Path, name: (column: string) => ColumnRef): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const custom: Attribute[] = [];
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '') continue;
    const field = ADDRESS_COLUMNS.get(column);
    if (field?.cell === 'text') values[field.key] = cell;
    else if (field?.cell === 'lines') values[field.key] = cell.split(/\r?\n/);
    else if (field?.cell === 'region') values[field.key] = { region: cell };
    else if (field?.cell === 'int') {
      const n = wholeNumber(cell);
      if (n === undefined) issues.push({ code: 'invalid_type', path: [...at, field.key], message: `${name(column).label} must hold a whole number` });
      else values[field.key] = n;
    } else if (field?.cell === 'flag') {
      // The importer treats a non-empty cell as "default" (PHP `empty()`, so `0` is not).
      if (cell !== '0') values[field.key] = true;
    } else if (ADDRESS_CODES.has(column)) continue;
    else {
      const issue = refused(column, name(column), at);
      if (issue) issues.push(issue);
      else custom.push({ attribute_code: column, value: cell });
    }
  }
  if (custom.length > 0) values.custom_attributes = custom;
  return ordered(values, ADDRESS_ORDER);
}

const POINTERS = [
  ['default_billing', DEFAULT_BILLING],
  ['default_shipping', DEFAULT_SHIPPING],
] as const;

/**
 * The customer's `default_billing`/`default_shipping` (main-file columns the importer accepts, which
 * hold address ids: the addresses file's `_entity_id`) as flags of its addresses: the address a
 * pointer names gets `default_billing`/`default_shipping: true`, as `GET /V1/customers/{id}` shows it
 * (the pointer stays beside it). A pointer that names no address of the customer (a partial
 * addresses file) is a loss `unreferenceable` at the pointer in `notes`: the customer converts, no
 * address is made its default. A pointer naming another address than one flagged by
 * `_address_default_billing_` (`_shipping_`) is an issue at the pointer: the files disagree, and which
 * address is the default is not guessed. `where(i)` names the record of address `i` in messages.
 */
export function pointedDefaults(
  customer: Record<string, unknown>,
  addresses: readonly Record<string, unknown>[],
  issues: Issue[],
  where: (i: number) => string,
  notes: ReadNotes,
): Record<string, unknown>[] {
  let out = [...addresses];
  for (const [key, flag] of POINTERS) {
    // A customer has one default of each kind: two records marked so is a conflict, never a silent pick.
    const marked = out.flatMap((a, i) => (a[key] === true ? [i] : []));
    for (const i of marked.slice(1)) {
      const which = where(i);
      issues.push({ code: 'invalid_value', path: ['addresses', i, key], message: `${which.charAt(0).toUpperCase()}${which.slice(1)} has "${flag}" set, as ${where(marked[0]!)} has: a customer has one default address of each kind` });
    }
    if (marked.length > 1) continue;
    const pointer = customer[key];
    if (typeof pointer !== 'string') continue;
    const target = out.findIndex((a) => a.id !== undefined && String(a.id) === pointer);
    if (target === -1) {
      // A partial addresses file (one export page, a filtered export) lacks the address: the customer
      // converts, the pointer stays as read, and which address is the default is not known.
      notes.losses.push({
        code: 'unreferenceable',
        path: [key],
        message: `Column "${key}" names an address that none of this customer's address records has (by "_entity_id"; a partial addresses file?): which address is the default is not known`,
      });
      continue;
    }
    const other = out.findIndex((a, i) => i !== target && a[key] === true);
    if (other !== -1) {
      issues.push({ code: 'invalid_value', path: [key], message: `Column "${key}" names the address of ${where(target)}, but ${where(other)} has "${flag}" set: the files disagree on the default` });
      continue;
    }
    out = out.map((a, i) => (i === target ? ordered({ ...a, [key]: true }, ADDRESS_ORDER) : a));
  }
  return out;
}
