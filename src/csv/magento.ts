import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { ConversionError, InvalidOptionError, fromZodIssues, type Issue, type Loss } from '../core/issues.js';
import { isPlainObject } from '../core/path.js';
import { MagentoCustomer, type MagentoAddress } from '../platforms/magento/schema.js';
import {
  ADDRESS_CODE_COLUMNS,
  ADDRESS_FIELDS,
  ADDRESS_HEADER,
  columnsOf,
  CUSTOMER_CODE_COLUMNS,
  CUSTOMER_FIELDS,
  MAIN_HEADER,
  PASSWORD_COLUMN,
  REGION_FIELDS,
  type CsvField,
} from '../platforms/magento/csv.js';
import { genderCell, GENDER_CELL_WORDS } from '../platforms/magento/values.js';
import type { Row } from './columns.js';

export { ADDRESS_HEADER, COMPOSITE_HEADER, MAIN_HEADER } from '../platforms/magento/csv.js';
export { readMagentoCompositeCsv, readMagentoCsv, type MagentoCsvReadOptions } from './read.js';

/**
 * Magento's own customer CSV files (Customers Main File, Customer Addresses, and the single-file
 * composite import format): the readers (in `./read.ts`) and the writer of a main file and an
 * addresses file. The mapping rules are in `./columns.ts` and the README ("Magento CSV").
 */

/** Options of `createMagentoCsvWriter`. */
export interface MagentoCsvWriteOptions {
  /** `website_id` -> website code for `_website` (which Magento's importer requires). Default `{ 0: 'admin', 1: 'base' }` (a standard install). */
  readonly websites?: Readonly<Record<number, string>>;
  /** `store_id` -> store view code for `_store`. Default `{ 0: 'admin', 1: 'default' }`. An unknown id leaves `_store` empty. */
  readonly stores?: Readonly<Record<number, string>>;
  /** Extra attribute columns, appended to the sample headers and filled from `custom_attributes` of that code. */
  readonly attributes?: { readonly customer?: readonly string[]; readonly address?: readonly string[] };
}

export interface MagentoCsvWriter {
  write(record: Record<string, unknown>): void;
  end(): Promise<void>;
}

export const DEFAULT_WEBSITES: Readonly<Record<number, string>> = Object.freeze({ 0: 'admin', 1: 'base' });
export const DEFAULT_STORES: Readonly<Record<number, string>> = Object.freeze({ 0: 'admin', 1: 'default' });

interface WriterSetup {
  readonly websites: Readonly<Record<number, string>>;
  readonly stores: Readonly<Record<number, string>>;
  readonly mainColumns: readonly string[];
  readonly addressColumns: readonly string[];
  /** Main-file / address-file columns filled from `custom_attributes`. */
  readonly customerAttributes: ReadonlySet<string>;
  readonly addressAttributes: ReadonlySet<string>;
}

const CUSTOMER_COLUMNS = columnsOf(CUSTOMER_FIELDS);
const ADDRESS_COLUMNS = columnsOf(ADDRESS_FIELDS);
/** Columns of a file that are no attribute: they hold a record key, a code, or (the main file) the password. */
const isCustomerColumn = (c: string): boolean => CUSTOMER_COLUMNS.has(c) || (CUSTOMER_CODE_COLUMNS as readonly string[]).includes(c) || c === PASSWORD_COLUMN;
const isAddressColumn = (c: string): boolean => ADDRESS_COLUMNS.has(c) || (ADDRESS_CODE_COLUMNS as readonly string[]).includes(c);

function idTable(name: string, value: unknown, fallback: Readonly<Record<number, string>>): Readonly<Record<number, string>> {
  if (value === undefined) return fallback;
  if (!isPlainObject(value) || !Object.entries(value).every(([k, v]) => /^\d+$/.test(k) && typeof v === 'string' && v !== '')) {
    throw new InvalidOptionError(name, "expected an object of id -> code, e.g. { 1: 'base' }");
  }
  return value as Record<number, string>;
}

function attributeColumns(name: string, value: unknown, taken: ReadonlySet<string>): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((c) => typeof c === 'string' && /^[a-z][a-z0-9_]*$/i.test(c))) {
    throw new InvalidOptionError(name, 'expected a list of attribute codes');
  }
  const clash = value.find((c: string) => taken.has(c));
  if (clash !== undefined) throw new InvalidOptionError(name, `"${clash}" is already a column`);
  return [...new Set(value as string[])];
}

/** Validates the writer options; exported so that `magentoCsvLosses` sees the same columns. */
export function writerSetup(options?: MagentoCsvWriteOptions): WriterSetup {
  if (options !== undefined && !isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  const o = (options ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['websites', 'stores', 'attributes'].includes(k)) throw new InvalidOptionError(k, 'not an option; expected websites, stores, attributes');
  if (o.attributes !== undefined && !isPlainObject(o.attributes)) throw new InvalidOptionError('attributes', 'expected { customer?, address? }');
  const attrs = (o.attributes ?? {}) as Record<string, unknown>;
  const mainColumns = [...MAIN_HEADER, ...attributeColumns('attributes.customer', attrs.customer, new Set(MAIN_HEADER))];
  const addressColumns = [...ADDRESS_HEADER, ...attributeColumns('attributes.address', attrs.address, new Set(ADDRESS_HEADER))];
  return {
    websites: idTable('websites', o.websites, DEFAULT_WEBSITES),
    stores: idTable('stores', o.stores, DEFAULT_STORES),
    mainColumns,
    addressColumns,
    // The sample headers' other columns (`rp_token`, `vat_is_valid`...) and the extra ones are attributes.
    customerAttributes: new Set(mainColumns.filter((c, i) => i >= MAIN_HEADER.length || !isCustomerColumn(c))),
    addressAttributes: new Set(addressColumns.filter((c, i) => i >= ADDRESS_HEADER.length || !isAddressColumn(c))),
  };
}

const cellOf = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const codeOf = (table: Readonly<Record<number, string>>, id: unknown): string | undefined =>
  typeof id === 'number' && Object.hasOwn(table, id) ? table[id] : undefined;

/** `custom_attributes` values a column can hold: string values of the given codes (the first of a code wins). */
function attributeCells(list: unknown, columns: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(list)) return out;
  for (const a of list) {
    if (isPlainObject(a) && typeof a.attribute_code === 'string' && typeof a.value === 'string' && columns.has(a.attribute_code) && !out.has(a.attribute_code)) {
      out.set(a.attribute_code, a.value);
    }
  }
  return out;
}

/** Whether an address is a default: its own flag, or the customer's pointer naming its id. */
const isDefault = (address: MagentoAddress, flag: boolean | null | undefined, pointer: string | null | undefined): boolean =>
  flag === true || (address.id != null && pointer != null && String(address.id) === pointer);

function mainRow(c: MagentoCustomer, website: string, setup: WriterSetup): Row {
  const attrs = attributeCells(c.custom_attributes, setup.customerAttributes);
  const row: Row = {};
  for (const column of setup.mainColumns) {
    const field = CUSTOMER_COLUMNS.get(column);
    const value = field ? (c as Record<string, unknown>)[field.key] : undefined;
    if (setup.customerAttributes.has(column)) row[column] = attrs.get(column) ?? '';
    else if (column === '_website') row[column] = website;
    else if (column === '_store') row[column] = codeOf(setup.stores, c.store_id) ?? '';
    else if (field?.cell === 'gender') row[column] = genderCell(value) ?? '';
    else row[column] = cellOf(value); // the password column: no record holds one
  }
  return row;
}

function addressRow(c: MagentoCustomer, a: MagentoAddress, website: string, setup: WriterSetup): Row {
  const attrs = attributeCells(a.custom_attributes, setup.addressAttributes);
  const row: Row = {};
  for (const column of setup.addressColumns) {
    const field = ADDRESS_COLUMNS.get(column);
    if (setup.addressAttributes.has(column)) row[column] = attrs.get(column) ?? '';
    else if (column === '_website') row[column] = website;
    else if (column === '_email') row[column] = c.email;
    else if (field?.cell === 'region') row[column] = a.region?.region || a.region?.region_code || '';
    // One column for the address's `region_id` and its region's.
    else if (field?.key === 'region_id') row[column] = cellOf(a.region_id ?? a.region?.region_id);
    else if (field?.cell === 'lines') row[column] = a.street.join('\n');
    else if (field?.cell === 'flag') {
      const key = field.key as 'default_billing' | 'default_shipping';
      row[column] = isDefault(a, a[key], c[key]) ? '1' : '';
    } else row[column] = cellOf(field ? (a as Record<string, unknown>)[field.key] : undefined);
  }
  return row;
}

/** An id -> code table as `{ 0: "admin", 1: "base" }`, its first `max` entries. */
function showTable(table: Readonly<Record<number, string>>, max = 8): string {
  const entries = Object.entries(table);
  const shown = entries.slice(0, max).map(([id, code]) => `${id}: ${JSON.stringify(code)}`);
  if (entries.length > max) shown.push(`… ${entries.length - max} more`);
  return shown.length === 0 ? '{}' : `{ ${shown.join(', ')} }`;
}

/**
 * Why the writer refuses a valid Magento record with this `website_id`: no code in `websites` for
 * `_website`, which the importer requires. `undefined` when it has one. The message lists the codes in
 * effect (the defaults only when `websites` is the default table); `option` is what the caller calls
 * the option (the CLI: `--website CODE=ID`). Lets a caller reject such a record before writing (the
 * CLI does, as a reject).
 */
export function websiteIssue(websiteId: unknown, websites: Readonly<Record<number, string>> = DEFAULT_WEBSITES, option = 'the `websites` option'): Issue | undefined {
  if (codeOf(websites, websiteId) !== undefined) return undefined;
  const known = websites === DEFAULT_WEBSITES ? `the default codes ${showTable(websites)}` : `the codes given ${showTable(websites)} (the defaults do not apply)`;
  return { code: 'invalid_value', path: ['website_id'], message: `No website code for this website_id in ${known}: give one with ${option}` };
}

/** A valid Magento record and its website code, or the issues that keep it out of the files. */
function checked(record: unknown, setup: WriterSetup): { customer: MagentoCustomer; website: string } {
  const parsed = MagentoCustomer.safeParse(record);
  if (!parsed.success) throw new ConversionError(fromZodIssues(parsed.error.issues, record));
  const website = codeOf(setup.websites, parsed.data.website_id);
  if (website === undefined) throw new ConversionError([websiteIssue(parsed.data.website_id, setup.websites) as Issue]);
  return { customer: parsed.data, website };
}

/**
 * A writer of a Customers Main File to `main` and a Customer Addresses file to `addresses`, for
 * Magento's importer: the sample headers (magento.md §6.1, §6.2) plus `options.attributes`, one main
 * row per record, one address row per address joined back on (`_email`, `_website`). Multi-line
 * streets are one quoted cell with LF line breaks; any cell holding a line break is quoted.
 *
 * `write` throws `ConversionError` (nothing written) for a record that is not a valid Magento record
 * (a `password` key included) or whose `website_id` has no code in `websites`. What the files cannot
 * hold is listed by `magentoCsvLosses`. `end()` ends both streams and resolves when both are written.
 */
export function createMagentoCsvWriter(main: Writable, addresses: Writable, options?: MagentoCsvWriteOptions): MagentoCsvWriter {
  const setup = writerSetup(options);
  const csv = (columns: readonly string[]) =>
    stringify({ header: true, columns: [...columns], quoted_match: /[\r\n]/, record_delimiter: 'unix' });
  const mainCsv = csv(setup.mainColumns);
  const addressCsv = csv(setup.addressColumns);
  let failure: unknown;
  const done = Promise.all([pipeline(mainCsv, main), pipeline(addressCsv, addresses)]).catch((e: unknown) => {
    failure ??= e;
    mainCsv.destroy();
    addressCsv.destroy();
  });
  let ended = false;
  return {
    write(record) {
      if (ended) throw new Error('MagentoCsvWriter: write() after end()');
      if (failure !== undefined) throw failure;
      const { customer, website } = checked(record, setup);
      mainCsv.write(mainRow(customer, website, setup));
      for (const a of customer.addresses ?? []) addressCsv.write(addressRow(customer, a, website, setup));
    },
    async end() {
      if (!ended) {
        ended = true;
        mainCsv.end();
        addressCsv.end();
      }
      await done;
      if (failure !== undefined) throw failure;
    },
  };
}

/**
 * What the CSV pair cannot hold of a Magento record, by path in the record (for reports). Not
 * losses: `null`, `""` and absent (all one empty cell), and derivable values (a region code beside
 * its name: the importer derives it; the customer's `default_billing`/`default_shipping` when they
 * name an address's `id`: written as that address's flag).
 */
export function magentoCsvLosses(record: Record<string, unknown>, options?: MagentoCsvWriteOptions): Loss[] {
  const setup = writerSetup(options);
  const losses: Loss[] = [];
  const lose = (code: Loss['code'], path: (string | number)[], why: string) => losses.push({ code, path, message: `Not carried to Magento CSV: ${why}` });
  const c = record as MagentoCustomer & Record<string, unknown>;
  const addresses = Array.isArray(c.addresses) ? (c.addresses as (MagentoAddress & Record<string, unknown>)[]) : [];
  declaredLosses(c, CUSTOMER_FIELDS, [], lose);
  for (const key of ['default_billing', 'default_shipping'] as const) {
    const pointer = c[key];
    if (pointer != null && pointer !== '' && !addresses.some((a) => a.id != null && String(a.id) === pointer)) {
      lose('server_assigned', [key], 'an address id no address of the record has');
    }
  }
  if (c.gender != null && c.gender !== '' && genderCell(c.gender) === undefined) lose('not_representable', ['gender'], `the gender column holds ${GENDER_CELL_WORDS}`);
  if (typeof c.store_id === 'number' && codeOf(setup.stores, c.store_id) === undefined) {
    lose('not_representable', ['store_id'], 'no store view code for this store_id in `stores`: `_store` is left empty, which the importer reads as store 0');
  }
  attributeLosses(c.custom_attributes, ['custom_attributes'], setup.customerAttributes, lose);
  unknownKeys(c, CUSTOMER_FIELDS, [], lose);
  addresses.forEach((a, i) => {
    const at = ['addresses', i];
    declaredLosses(a, ADDRESS_FIELDS, at, lose);
    const region = a.region;
    if (region) {
      if (region.region_id != null && a.region_id != null && region.region_id !== a.region_id) lose('not_representable', [...at, 'region', 'region_id'], 'one region_id column');
      declaredLosses(region, REGION_FIELDS, [...at, 'region'], lose);
      unknownKeys(region, REGION_FIELDS, [...at, 'region'], lose);
    }
    a.street?.forEach((line, j) => {
      if (/[\r\n]/.test(line)) lose('value_changed', [...at, 'street', j], 'a line break inside a street line starts a new line in the street cell');
    });
    attributeLosses(a.custom_attributes, [...at, 'custom_attributes'], setup.addressAttributes, lose);
    unknownKeys(a, ADDRESS_FIELDS, at, lose);
  });
  return losses;
}

type Lose = (code: Loss['code'], path: (string | number)[], why: string) => void;

/** The keys the files hold nowhere, as declared (an object's keys one by one: an empty object holds nothing). */
function declaredLosses(value: Record<string, unknown>, declared: Readonly<Record<string, CsvField>>, at: (string | number)[], lose: Lose): void {
  for (const [key, field] of Object.entries(declared)) {
    if (!('lost' in field)) continue;
    const v = value[key];
    if (isPlainObject(v)) for (const k of Object.keys(v)) lose(field.lost, [...at, key, k], field.why);
    else if (v != null) lose(field.lost, [...at, key], field.why);
  }
}

function attributeLosses(list: unknown, at: (string | number)[], columns: ReadonlySet<string>, lose: Lose): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((a, i) => {
    const code = isPlainObject(a) && typeof a.attribute_code === 'string' ? a.attribute_code : undefined;
    const value = isPlainObject(a) ? a.value : undefined;
    if (value === null || value === '' || value === undefined) return;
    if (code === undefined || !columns.has(code)) lose('not_representable', [...at, i], 'no column for this attribute (see the writer\'s `attributes` option)');
    else if (typeof value !== 'string') lose('not_representable', [...at, i, 'value'], 'a cell holds text; this value is not a string');
    else if (seen.has(code)) lose('not_representable', [...at, i], 'a second value of an attribute that has one column');
    if (code !== undefined) seen.add(code);
  });
}

function unknownKeys(value: Record<string, unknown>, declared: Readonly<Record<string, CsvField>>, at: (string | number)[], lose: Lose): void {
  for (const [k, v] of Object.entries(value)) if (!Object.hasOwn(declared, k) && v !== null && v !== undefined) lose('unknown_field', [...at, k], 'no column for this key');
}
