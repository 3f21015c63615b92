import type { Readable } from 'node:stream';
import { InvalidOptionError, type Issue } from '../core/issues.js';
import { isPlainObject } from '../core/path.js';
import type { SourceItem } from '../io/items.js';
import {
  ADDRESS_PREFIX,
  DEFAULT_BILLING,
  DEFAULT_SHIPPING,
  addressOf,
  customerOf,
  rowOf,
  type CustomerLookups,
  type Row,
} from './columns.js';
import { csvRecords, lenientCells, type CsvRecord } from './records.js';

/**
 * The readers of Magento's own customer CSV files (Customers Main File, Customer Addresses, and the
 * single-file composite import format), as streams of Magento REST-shaped records. The mapping rules
 * are in `./columns.ts` and the README ("Magento CSV").
 *
 * Items: `line` is the 1-based number of the customer's data record in its file (the header is not
 * counted, blank lines are not records, a quoted cell spanning lines is one record); `readMagentoCsv`
 * items also say which file that is (`file`: `main`, or `addresses` for an address record no customer
 * claimed), since both files number their records from 1. `input` is the
 * raw input as read: rows as `{ column: cell }` objects, a record that is not valid CSV or has the
 * wrong number of cells as `{ raw }` (its text). Input may hold a plain-text password or a hash from
 * the file; issue messages never quote cell values.
 */

/** Options of `readMagentoCsv` and `readMagentoCompositeCsv` (the `addresses` file: main-file reading only). */
export interface MagentoCsvReadOptions {
  /** The Customer Addresses file, joined on (`_email`, `_website`). Held in memory while the main file streams. */
  readonly addresses?: Readable;
  /** Website code -> `website_id`, used when a row's `website_id` cell is empty, e.g. `{ base: 1 }`. No default: ids are never guessed. */
  readonly websites?: Readonly<Record<string, number>>;
  /** Store view code -> `store_id`, used when a row's `store_id` cell is empty, e.g. `{ default: 1 }`. */
  readonly stores?: Readonly<Record<string, number>>;
}

type RawRow = { readonly raw: string };
type InputRow = Row | RawRow;

const readable = (v: unknown): v is Readable => typeof v === 'object' && v !== null && typeof (v as Readable).pipe === 'function';

function codeTable(name: string, value: unknown): Readonly<Record<string, number>> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value) || !Object.values(value).every((v) => Number.isInteger(v) && (v as number) >= 0)) {
    throw new InvalidOptionError(name, 'expected an object of code -> id (a whole number), e.g. { base: 1 }');
  }
  return value as Record<string, number>;
}

function readOptions(options: unknown, withAddresses: boolean): CustomerLookups & { addresses?: Readable } {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  const known = withAddresses ? ['addresses', 'websites', 'stores'] : ['websites', 'stores'];
  for (const k of Object.keys(options)) if (!known.includes(k)) throw new InvalidOptionError(k, `not an option; expected ${known.join(', ')}`);
  if (options.addresses !== undefined && !readable(options.addresses)) throw new InvalidOptionError('addresses', 'expected a readable stream');
  return {
    ...(options.addresses ? { addresses: options.addresses as Readable } : {}),
    websites: codeTable('websites', options.websites),
    stores: codeTable('stores', options.stores),
  };
}

/** A file's header: its column names and where the columns a reader needs are. */
class Header {
  readonly index: ReadonlyMap<string, number>;
  constructor(
    readonly columns: string[],
    file: string,
    required: readonly string[],
  ) {
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
      if (index.has(c)) throw new Error(`Magento CSV (${file}): column "${c}" appears twice in the header`);
      index.set(c, i);
    });
    for (const r of required) if (!index.has(r)) throw new Error(`Magento CSV (${file}): the header has no "${r}" column`);
    this.index = index;
  }
  cell(cells: readonly string[], column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (cells[i] ?? '');
  }
}

async function headerOf(records: AsyncIterator<CsvRecord>, file: string, required: readonly string[]): Promise<Header | undefined> {
  const first = await records.next();
  if (first.done) return undefined;
  if (first.value.kind === 'broken') throw new Error(`Magento CSV (${file}): the header is not valid CSV (${first.value.problem})`);
  return new Header(first.value.cells, file, required);
}

/** Why a data record cannot be read as a row, or `undefined` when it can. */
function unreadable(record: CsvRecord, header: Header): string | undefined {
  if (record.kind === 'broken') return `${record.problem} (detected at file line ${record.fileLine})`;
  if (record.cells.length !== header.columns.length) return `it has ${record.cells.length} cells, the header ${header.columns.length}`;
  return undefined;
}

const blank = (record: CsvRecord): boolean => record.kind === 'cells' && record.cells.every((c) => c === '');

/** The join key of a customer: e-mail ignoring case (Magento lower-cases it on import) and website code. */
const joinKey = (email: string, website: string): string => `${email.toLowerCase()}\u0000${website}`;

/** An addresses-file record waiting for its customer: its cells, or its text and why it is unreadable. */
interface Waiting {
  readonly no: number;
  readonly cells?: string[];
  readonly raw?: string;
  readonly problem?: string;
}

/**
 * The records waiting for their customer, by join key. Each is kept as one JSON string
 * `[no, cells]` or `[no, raw, problem]` (far less memory than arrays of cells); a key's entry is
 * removed when its customer is read, so what is left at the end is the records no customer claimed.
 */
class WaitingRoom {
  private readonly byKey = new Map<string, string | string[]>();
  add(key: string, w: Waiting): void {
    const encoded = JSON.stringify(w.cells ? [w.no, w.cells] : [w.no, w.raw, w.problem]);
    const found = this.byKey.get(key);
    if (found === undefined) this.byKey.set(key, encoded);
    else if (typeof found === 'string') this.byKey.set(key, [found, encoded]);
    else found.push(encoded);
  }
  take(key: string): Waiting[] {
    const found = this.byKey.get(key);
    if (found === undefined) return [];
    this.byKey.delete(key);
    return (typeof found === 'string' ? [found] : found).map(decode);
  }
  /** Every record left, in file order, decoded one at a time. */
  *left(): Generator<Waiting> {
    const all = [...this.byKey.values()].flat();
    all.sort((a, b) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10));
    for (const e of all) yield decode(e);
  }
}

function decode(encoded: string): Waiting {
  const [no, second, problem] = JSON.parse(encoded) as [number, string[] | string, string?];
  return Array.isArray(second) ? { no, cells: second } : { no, raw: second, problem: problem ?? '' };
}

/**
 * The cells to take a join key from: the record's own, or (for a record that is not valid CSV or has
 * the wrong number of cells) its text read leniently, so that it is rejected with its customer.
 */
const keyCells = (record: CsvRecord): string[] | undefined => (record.kind === 'cells' ? record.cells : lenientCells(record.raw));

async function readAddresses(stream: Readable): Promise<{ header: Header | undefined; waiting: WaitingRoom }> {
  const waiting = new WaitingRoom();
  const records = csvRecords(stream, 'Magento CSV (addresses file)')[Symbol.asyncIterator]();
  const header = await headerOf(records, 'addresses file', ['_email']);
  if (!header) return { header, waiting };
  for (let r = await records.next(); !r.done; r = await records.next()) {
    const record = r.value;
    if (blank(record)) continue;
    const problem = unreadable(record, header);
    const cells = keyCells(record);
    const email = cells ? header.cell(cells, '_email') : '';
    // A record whose customer cannot be told waits under a key no customer has.
    const key = email === '' ? `\u0001${record.no}` : joinKey(email, header.cell(cells ?? [], '_website'));
    waiting.add(
      key,
      problem === undefined && record.kind === 'cells' ? { no: record.no, cells: record.cells } : { no: record.no, raw: record.raw, problem: problem ?? '' },
    );
  }
  return { header, waiting };
}

/**
 * Reads a Customers Main File and, with `addresses`, the Customer Addresses file, joined on the
 * main file's (`email`, `_website`) = the addresses file's (`_email`, `_website`), e-mails compared
 * ignoring case. Yields one item per customer row, in file order (`file: 'main'`, `line` its record
 * number in the main file), then one per address record no customer claimed, in file order
 * (`file: 'addresses'`, `line` its record number in the addresses file, issue `invalid_input` at
 * `['addresses', 0]`).
 *
 * The main file streams; the addresses file is read whole first and held in memory (about three
 * times its size on disk, released as customers claim their addresses), because exports are ordered by
 * entity id, not by customer. A customer key (email, website) appearing twice in the main file
 * gets its addresses with its first row.
 *
 * Without an addresses file, records have no `addresses` key (unknown, so a Magento update body
 * leaves the customer's addresses alone); with one, `addresses` is the customer's list, `[]` if none.
 * A customer whose row or one of whose address records cannot be read is an item with issues: the
 * addresses go with it, so that no customer is converted without an address it has.
 */
export function readMagentoCsv(main: Readable, options?: MagentoCsvReadOptions): AsyncIterable<SourceItem> {
  if (!readable(main)) throw new InvalidOptionError('main', 'expected a readable stream');
  const { addresses, ...lookups } = readOptions(options, true);
  return readMain(main, addresses, lookups);
}

async function* readMain(main: Readable, addressStream: Readable | undefined, lookups: CustomerLookups): AsyncGenerator<SourceItem> {
  const joined = addressStream ? await readAddresses(addressStream) : undefined;
  const records = csvRecords(main, 'Magento CSV (main file)')[Symbol.asyncIterator]();
  const header = await headerOf(records, 'main file', ['email']);
  if (header?.columns.some((c) => c.startsWith(ADDRESS_PREFIX))) {
    throw new Error(
      'Magento CSV (main file): the header has the "_address_" columns of the composite "Customers and Addresses" format: read it as that format (readMagentoCompositeCsv; command line: --input-format magento-composite-csv)',
    );
  }
  if (header) {
    for (let r = await records.next(); !r.done; r = await records.next()) {
      const record = r.value;
      if (blank(record)) continue;
      const problem = unreadable(record, header);
      const cells = keyCells(record);
      const email = cells ? header.cell(cells, 'email') : '';
      const mine = joined && email !== '' ? joined.waiting.take(joinKey(email, header.cell(cells ?? [], '_website'))) : [];
      yield mainItem(record, problem, header, mine, joined?.header, lookups);
    }
  }
  if (!joined) return;
  for (const w of joined.waiting.left()) {
    const input = { addresses: [waitingInput(w, joined.header)] };
    const why = w.problem ? `; it cannot be read: ${w.problem}` : '';
    yield {
      line: w.no,
      file: 'addresses',
      input,
      issues: [{ code: 'invalid_input', path: ['addresses', 0], message: `Addresses file record ${w.no} has no customer with its "_email" and "_website" in the main file${why}` }],
    };
  }
}

const waitingInput = (w: Waiting, header: Header | undefined): InputRow =>
  w.cells !== undefined && header ? rowOf(header.columns, w.cells) : { raw: w.raw ?? '' };

function mainItem(
  record: CsvRecord,
  problem: string | undefined,
  header: Header,
  mine: readonly Waiting[],
  addressHeader: Header | undefined,
  lookups: CustomerLookups,
): SourceItem {
  const issues: Issue[] = [];
  const row = problem === undefined && record.kind === 'cells' ? rowOf(header.columns, record.cells) : undefined;
  const input: { customer: InputRow; addresses?: InputRow[] } = { customer: row ?? { raw: record.raw } };
  if (addressHeader) input.addresses = mine.map((w) => waitingInput(w, addressHeader));
  if (problem !== undefined) issues.push({ code: 'invalid_input', path: [], message: `Record ${record.no} cannot be read: ${problem}` });
  const customer = row ? customerOf(row, issues, lookups) : {};
  const addresses = mine.map((w, i) => {
    if (w.problem !== undefined || !addressHeader) {
      issues.push({ code: 'invalid_input', path: ['addresses', i], message: `Addresses file record ${w.no} cannot be read: ${w.problem}` });
      return {};
    }
    return addressOf(input.addresses?.[i] as Row, issues, ['addresses', i], (c) => `Column "${c}" of addresses file record ${w.no}`);
  });
  if (issues.length > 0) return { line: record.no, file: 'main', input, issues };
  return { line: record.no, file: 'main', input, record: addressHeader ? withAddresses(customer, addresses) : customer };
}

/** `addresses` in its REST place (before `disable_auto_group_change`). */
function withAddresses(customer: Record<string, unknown>, addresses: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(customer)) {
    if (!placed && (k === 'disable_auto_group_change' || k === 'custom_attributes' || k === 'password_hash')) {
      out.addresses = addresses;
      placed = true;
    }
    out[k] = v;
  }
  if (!placed) out.addresses = addresses;
  return out;
}

/** Splits a composite row into its customer part and its address part (the `_address_` prefix removed). */
function splitComposite(row: Row): { customer: Row; address: Row } {
  const customer: Row = {};
  const address: Row = {};
  for (const [column, cell] of Object.entries(row)) {
    if (column === DEFAULT_BILLING || column === DEFAULT_SHIPPING) address[column] = cell;
    else if (column.startsWith(ADDRESS_PREFIX)) address[column.slice(ADDRESS_PREFIX.length)] = cell;
    else customer[column] = cell;
  }
  return { customer, address };
}

/** Names a composite address column as the file spells it, with its record number. */
const composite =
  (no: number) =>
  (column: string): string =>
    `Column "${column === DEFAULT_BILLING || column === DEFAULT_SHIPPING ? column : ADDRESS_PREFIX + column}" of record ${no}`;
const hasValues = (row: Row): boolean => Object.values(row).some((c) => c !== '');

/** One customer of a composite file being read: its rows so far. */
interface Group {
  readonly no: number;
  readonly rows: InputRow[];
  readonly issues: Issue[];
  customer?: Record<string, unknown>;
  readonly addresses: Record<string, unknown>[];
}

/**
 * Reads the single-file composite format (import only, magento.md §6.3): each customer row may hold
 * one address in its `_address_*` columns, and each following row with an empty `email` holds another
 * address of that customer. Records always have `addresses` (`[]` if none). Input: `{ rows }`.
 *
 * An address row with other customer values than `_website`/`_store` is an issue (the importer would
 * ignore them). A record that cannot be read is a rejected customer of its own when its email cell
 * (read leniently) is not empty; otherwise it joins the customer above it, which is then rejected
 * with it and with the address rows that follow (whose customer cannot be told otherwise).
 */
export function readMagentoCompositeCsv(file: Readable, options?: Omit<MagentoCsvReadOptions, 'addresses'>): AsyncIterable<SourceItem> {
  if (!readable(file)) throw new InvalidOptionError('file', 'expected a readable stream');
  return readComposite(file, readOptions(options, false));
}

async function* readComposite(file: Readable, lookups: CustomerLookups): AsyncGenerator<SourceItem> {
  const records = csvRecords(file, 'Magento CSV (composite file)')[Symbol.asyncIterator]();
  const header = await headerOf(records, 'composite file', ['email']);
  if (!header) return;
  let group: Group | undefined;
  const finish = (g: Group): SourceItem =>
    g.issues.length > 0
      ? { line: g.no, input: { rows: g.rows }, issues: g.issues }
      : { line: g.no, input: { rows: g.rows }, record: withAddresses(g.customer ?? {}, g.addresses) };
  for (let r = await records.next(); !r.done; r = await records.next()) {
    const record = r.value;
    if (blank(record)) continue;
    const problem = unreadable(record, header);
    if (problem !== undefined || record.kind !== 'cells') {
      // A customer row (its email cell, read leniently, not empty) starts its own customer; any other
      // unreadable record may be an address row of the customer above, which goes with it.
      const cells = keyCells(record);
      if (!group || (cells && header.cell(cells, 'email') !== '')) {
        if (group) yield finish(group);
        group = { no: record.no, rows: [], issues: [], addresses: [] };
      }
      group.rows.push({ raw: record.raw });
      group.issues.push({ code: 'invalid_input', path: [], message: `Record ${record.no} cannot be read: ${problem}` });
      continue;
    }
    const row = rowOf(header.columns, record.cells);
    const { customer, address } = splitComposite(row);
    if (row.email !== '') {
      if (group) yield finish(group);
      group = { no: record.no, rows: [row], issues: [], addresses: [] };
      group.customer = customerOf(customer, group.issues, lookups);
      if (hasValues(address)) group.addresses.push(addressOf(address, group.issues, ['addresses', 0], composite(record.no)));
      continue;
    }
    if (!group) {
      yield {
        line: record.no,
        input: { rows: [row] },
        issues: [{ code: 'invalid_input', path: ['addresses', 0], message: `Record ${record.no} is an address row (empty "email") with no customer row above it` }],
      };
      continue;
    }
    const extra = Object.keys(customer).filter((c) => c !== '_website' && c !== '_store' && customer[c] !== '');
    if (!hasValues(address) && extra.length === 0) continue;
    const at = ['addresses', group.addresses.length];
    group.rows.push(row);
    if (extra.length > 0) {
      group.issues.push({
        code: 'invalid_input',
        path: at,
        message: `Record ${record.no} is an address row (empty "email") but also holds customer columns, which would be lost: ${extra.map((c) => `"${c}"`).join(', ')}`,
      });
    }
    group.addresses.push(addressOf(address, group.issues, at, composite(record.no)));
  }
  if (group) yield finish(group);
}
