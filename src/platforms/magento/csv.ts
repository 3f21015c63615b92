import type { LossCode } from '../../core/issues.js';
import type { MagentoAddress, MagentoCustomer, MagentoRegion } from './schema.js';

/**
 * Magento's customer import/export CSV files (magento.md §6), as data: the headers of Magento's
 * sample files, and for every key of a REST record (every key of the record schema: a key added there
 * must be declared here, or the build fails) the column that holds it and how a cell holds its value,
 * or where else the files hold it, or why they cannot. `src/csv` reads and writes the files, and
 * reports what they cannot hold, from these declarations.
 */

/** The Customers Main File header of Magento's sample (`customer.csv`, magento.md §6.1), in order. */
export const MAIN_HEADER = [
  'email', '_website', '_store', 'confirmation', 'created_at', 'created_in', 'disable_auto_group_change', 'dob', 'firstname',
  'gender', 'group_id', 'lastname', 'middlename', 'password_hash', 'prefix', 'reward_update_notification',
  'reward_warning_notification', 'rp_token', 'rp_token_created_at', 'store_id', 'suffix', 'taxvat', 'updated_at', 'website_id',
  'password',
] as const;

/** The Customer Addresses header of Magento's sample (`customer_address.csv`, magento.md §6.2), in order. */
export const ADDRESS_HEADER = [
  '_website', '_email', '_entity_id', 'city', 'company', 'country_id', 'fax', 'firstname', 'lastname', 'middlename', 'postcode',
  'prefix', 'region', 'region_id', 'street', 'suffix', 'telephone', 'vat_id', 'vat_is_valid', 'vat_request_date',
  'vat_request_id', 'vat_request_success', '_address_default_billing_', '_address_default_shipping_',
] as const;

/** The single-file header of Magento's sample (`customer_composite.csv`, magento.md §6.3), in order. Import only. */
export const COMPOSITE_HEADER = [
  'email', '_website', '_store', 'confirmation', 'created_at', 'created_in', 'disable_auto_group_change', 'dob', 'firstname',
  'gender', 'group_id', 'lastname', 'middlename', 'password_hash', 'prefix', 'rp_token', 'rp_token_created_at', 'store_id',
  'suffix', 'taxvat', 'website_id', 'password', '_address_city', '_address_company', '_address_country_id', '_address_fax',
  '_address_firstname', '_address_lastname', '_address_middlename', '_address_postcode', '_address_prefix', '_address_region',
  '_address_street', '_address_suffix', '_address_telephone', '_address_vat_id', '_address_default_billing_',
  '_address_default_shipping_',
] as const;

export const DEFAULT_BILLING = '_address_default_billing_';
export const DEFAULT_SHIPPING = '_address_default_shipping_';
/** Prefix of the address columns of the composite file (the default flags keep their own names). */
export const ADDRESS_PREFIX = '_address_';

/**
 * Main-file columns that hold no record key: the website and store view codes (looked up as ids).
 * Decision: where `_website` and a `website_id` column disagree, `_website` wins, and where `_store`
 * and a `store_id` column disagree, `_store` wins. Magento's importer takes the customer's website
 * from `_website` and its store view from `_store` (magento.md §6: "empty `_store` -> store_id 0"), and
 * ignores the id columns (`Magento\CustomerImportExport\Model\Import\Customer::$_ignoredAttributes`
 * lists `website_id` and `store_id`); the reader reports the id cell it overrides (`value_changed` at
 * it). Without a table entry for the code (the `websites` / `stores` options, `--website CODE=ID`,
 * `--store CODE=ID`) the code's id is not known, and the id cell is read; so is a `store_id` cell
 * beside an empty `_store` (the record keeps the store view its cell names; the importer would take
 * store 0, which the writer says when it leaves `_store` empty).
 */
export const CUSTOMER_CODE_COLUMNS = ['_website', '_store'] as const;
/** Address-file columns that hold no record key: the customer it belongs to (`_email`, `_website`). */
export const ADDRESS_CODE_COLUMNS = ['_website', '_email'] as const;
/** The sample's plain-text password column: never read into a record (a value there is an issue), written empty. */
export const PASSWORD_COLUMN = 'password';

/** How a cell holds a record value. */
export type Cell =
  /** The text as it is (dates, `dob`, `password_hash`, `country_id` too: the library validates and normalises them). */
  | 'text'
  /** A whole number. */
  | 'int'
  /**
   * A date or time, as text (the library reads it): also as a spreadsheet types it (`5/6/2012 15:53`,
   * dob `5/6/2010`), which Magento's importer reads month first (PHP `strtotime`); the reader reports
   * such a cell when it is converted to another platform (values.ts `isSpreadsheetDate`).
   */
  | 'date'
  /**
   * A gender option as Magento's importer takes it (values.ts `genderFromCell`): the label of a
   * `GENDERS` option (`Male`, `Female`, `Not Specified`) in any case, or an option id (`0`-`3`);
   * written as it was read, else as the label.
   */
  | 'gender'
  /** The street lines joined with line breaks. */
  | 'lines'
  /** The region's name, or its code when it has none (the importer derives the code from the name). */
  | 'region'
  /** A default-address flag: a non-empty cell other than `0` is `true` (the importer's PHP `empty()`). */
  | 'flag';

/** Where the files hold a record key. */
export type CsvField =
  /** In `column` of its file, as `cell` says. */
  | { readonly column: string; readonly cell: Cell }
  /** In another form: the addresses file, one column per attribute code, the address's region columns. */
  | { readonly elsewhere: string }
  /** Nowhere: the value is reported with this code (an object's keys one by one). */
  | { readonly lost: LossCode; readonly why: string };

/** A column named as the key, or a declaration in full. */
type Declared = Cell | CsvField;

/** Declarations with the column names filled in, keyed (and ordered) as the record schema. */
const fields = <K extends string>(declared: Readonly<Record<K, Declared>>): Readonly<Record<K, CsvField>> =>
  Object.fromEntries(Object.entries<Declared>(declared).map(([key, d]) => [key, typeof d === 'string' ? { column: key, cell: d } : d])) as Record<K, CsvField>;

/** The customer keys, in the order of the record schema (the order `GET /V1/customers/{id}` writes them, magento.md §3.3). */
export const CUSTOMER_FIELDS = fields<keyof typeof MagentoCustomer.shape>({
  id: { lost: 'server_assigned', why: 'the importer matches customers by email and _website, not by id' },
  group_id: 'int',
  // Not in the sample header: columns the importer accepts, holding address ids (the addresses file's `_entity_id`).
  // The writer writes a pointer as the flag of the address it names.
  default_billing: 'text',
  default_shipping: 'text',
  confirmation: 'text',
  created_at: 'date',
  updated_at: 'date',
  created_in: 'text',
  dob: 'date',
  email: 'text',
  firstname: 'text',
  lastname: 'text',
  middlename: 'text',
  prefix: 'text',
  suffix: 'text',
  gender: 'gender',
  store_id: 'int',
  taxvat: 'text',
  website_id: 'int',
  addresses: { elsewhere: 'the Customer Addresses file (the composite file: the `_address_` columns)' },
  disable_auto_group_change: 'int',
  extension_attributes: { lost: 'not_representable', why: 'the CSV files have no extension attribute columns' },
  custom_attributes: { elsewhere: 'one column per attribute code' },
  password_hash: 'text',
});

/** The address keys, in the order of the record schema. */
export const ADDRESS_FIELDS = fields<keyof typeof MagentoAddress.shape>({
  id: { column: '_entity_id', cell: 'int' },
  customer_id: { lost: 'server_assigned', why: 'the importer links addresses by _email and _website' },
  region: 'region',
  region_id: 'int',
  country_id: 'text',
  street: 'lines',
  company: 'text',
  telephone: 'text',
  fax: 'text',
  postcode: 'text',
  city: 'text',
  firstname: 'text',
  lastname: 'text',
  middlename: 'text',
  prefix: 'text',
  suffix: 'text',
  vat_id: 'text',
  default_shipping: { column: DEFAULT_SHIPPING, cell: 'flag' },
  default_billing: { column: DEFAULT_BILLING, cell: 'flag' },
  extension_attributes: { lost: 'not_representable', why: 'the CSV files have no extension attribute columns' },
  custom_attributes: { elsewhere: 'one column per attribute code' },
});

/** The keys of an address's `region` object. */
export const REGION_FIELDS = fields<keyof typeof MagentoRegion.shape>({
  region_code: { elsewhere: "the address's `region` column when the region has no name; else the importer derives it from the name" },
  region: { elsewhere: "the address's `region` column" },
  region_id: { elsewhere: "the address's `region_id` column (one for the address and its region)" },
  extension_attributes: { lost: 'not_representable', why: 'the CSV files have no extension attribute columns' },
});

/** A file's columns that hold a record key: column -> the key and how its cell holds it. */
export const columnsOf = (declared: Readonly<Record<string, CsvField>>): ReadonlyMap<string, { readonly key: string; readonly cell: Cell }> =>
  new Map(Object.entries(declared).flatMap(([key, f]) => ('column' in f ? [[f.column, { key, cell: f.cell }] as const] : [])));
