import type { Readable } from 'node:stream';
import { InvalidOptionError, type Issue } from '../core/issues.js';
import { isPlainObject } from '../core/path.js';
import type { SourceItem } from '../io/items.js';
import { ADDRESS_PREFIX, DEFAULT_BILLING, DEFAULT_SHIPPING } from '../platforms/magento/csv.js';
import {
  addressOf,
  ColumnNames,
  customerOf,
  noteFields,
  pointedDefaults,
  readNotes,
  rowOf,
  type ColumnRef,
  type CustomerLookups,
  type ReadNotes,
  type Row,
} from './columns.js';
import { damageOf, emailsIn, pieces } from './damage.js';
import { csvRecords, lenientCells, type CsvRecord } from './records.js';
import { joinKey, WaitingRoom, type Waiting } from './waiting.js';

/**
 * The readers of Magento's own customer CSV files (Customers Main File, Customer Addresses, and the
 * single-file composite import format), as streams of Magento REST-shaped records. The mapping rules
 * are in `./columns.ts` and the README ("Magento CSV").
 *
 * Items: `line` is the 1-based number of the customer's data record in its file (the header is not
 * counted, blank lines are not records, a quoted cell spanning lines is one record); `readMagentoCsv`
 * items also say which file that is (`file`: `main`, or `addresses` for an address record no customer
 * claimed), since both files number their records from 1; the rows a damaged record swallowed are
 * items of their own with its number (see `./damage.ts`). `input` is the raw input as read: rows as
 * `{ column: cell }` objects, a damaged record (not valid CSV, the wrong number of cells) or a piece
 * of one as `{ raw }` (its text). Input may hold a plain-text password or a hash from the file; issue
 * messages never quote cell values.
 *
 * Issue codes: a record that cannot be read as a record (not valid CSV, the wrong number of cells, a
 * damaged record's pieces and what it may hold) is `invalid_format`, as damaged NDJSON and JSON are;
 * a record read whole whose value is refused (an unknown `_` column, a plain password) is
 * `invalid_input` or the library's code for that value.
 */

/** Options of `readMagentoCsv` and `readMagentoCompositeCsv` (the `addresses` file: main-file reading only). */
export interface MagentoCsvReadOptions {
  /** The Customer Addresses file, joined on (`_email`, `_website`). Held in memory while the main file streams. */
  readonly addresses?: Readable;
  /**
   * Website code -> `website_id`, e.g. `{ base: 1 }`: a row's `_website` code in it gives its id, as
   * Magento's importer takes it (a `website_id` cell naming another is reported `value_changed`); else the
   * `website_id` cell is read. No default: ids are never guessed.
   */
  readonly websites?: Readonly<Record<string, number>>;
  /** Store view code -> `store_id`, e.g. `{ default: 1 }`: as `websites`, for `_store` and the `store_id` cell. */
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
  readonly names: ColumnNames;
  constructor(
    readonly columns: string[],
    file: string,
    required: readonly string[],
  ) {
    const index = new Map<string, number>();
    this.names = new ColumnNames(columns);
    columns.forEach((c, i) => {
      const before = index.get(c);
      if (before !== undefined) {
        const which = this.names.quotable(c) ? `column "${c}" appears twice in the header` : `columns ${before + 1} and ${i + 1} of the header have the same name`;
        throw new Error(`Magento CSV (${file}): ${which}`);
      }
      index.set(c, i);
    });
    for (const r of required) {
      if (index.has(r)) continue;
      // A spreadsheet saved with another separator (a European Excel writes ";") gives one header cell.
      const other = columns.length === 1 ? [';', '\t', '|'].find((sep) => columns[0]!.includes(sep)) : undefined;
      const hint =
        other !== undefined
          ? `; its header is one cell holding "${other === '\t' ? 'tab' : other}": Magento's CSV is comma-separated, save the file with commas`
          : r === 'email' && index.has('_email')
            ? `; it has "_email": it looks like the Customer Addresses file, which is read with the main file (the addresses option)`
            : '';
      throw new Error(`Magento CSV (${file}): the header has no "${r}" column${hint}`);
    }
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

const blank = (record: CsvRecord): boolean => record.kind === 'cells' && record.cells.every((c) => c === '');

/**
 * The cells to take a join key from: the record's own, or (for a record that is not valid CSV or has
 * the wrong number of cells) its text read leniently, so that it is rejected with its customer.
 */
const keyCells = (record: CsvRecord): string[] | undefined => (record.kind === 'cells' ? record.cells : lenientCells(record.raw));

/** A data record's e-mail and website cells (read leniently when it is damaged) and, when it is damaged (see `damageOf`), why. */
function examine(record: CsvRecord, header: Header, emailColumn: string): { email: string; website: string; problem?: string } {
  const cells = keyCells(record);
  const email = cells ? header.cell(cells, emailColumn) : '';
  const website = cells ? header.cell(cells, '_website') : '';
  const problem = damageOf(record, header.columns.length, email);
  return { email, website, ...(problem === undefined ? {} : { problem }) };
}

/** The issue of a piece of a damaged record (see `pieces`): the record's own row, or a row inside it. */
const damageIssue = (no: number, problem: string, line: number): Issue => ({
  code: 'invalid_format',
  path: [],
  message:
    line === 1
      ? `Record ${no} cannot be read: ${problem}`
      : `Record ${no} cannot be read: ${problem}; line ${line} of its text holds an e-mail, as a customer row would, and is rejected as one`,
});

async function readAddresses(stream: Readable): Promise<Joined> {
  const waiting = new WaitingRoom();
  const records = csvRecords(stream, 'Magento CSV (addresses file)')[Symbol.asyncIterator]();
  const header = await headerOf(records, 'addresses file', ['_email']);
  if (!header) return { header, waiting };
  for (let r = await records.next(); !r.done; r = await records.next()) {
    const record = r.value;
    if (blank(record)) continue;
    const { email, website, problem } = examine(record, header, '_email');
    // A record whose customer cannot be told waits under a key no customer has.
    const key = email === '' ? `\u0001${record.no}` : joinKey(email, website);
    if (problem === undefined && record.kind === 'cells') {
      waiting.add(key, { no: record.no, cells: record.cells });
      continue;
    }
    waiting.add(key, { no: record.no, raw: record.raw, problem: problem ?? '' });
    // Rows of other customers may be inside it (a quote left open swallows the rows after it): every
    // e-mail in its text is a customer that may be short of an address, and is rejected (see `customerItem`).
    for (const e of emailsIn(record.raw)) waiting.suspect(e, { no: record.no, problem: problem ?? '' });
  }
  return { header, waiting };
}

/** The addresses file as read: its header and its records waiting for their customers. */
interface Joined {
  readonly header: Header | undefined;
  readonly waiting: WaitingRoom;
}

/**
 * The customer keys read (e-mail ignoring case, website), each with the record number of its first
 * row: Magento reads a later row of a key as that customer again. About 120 bytes a key (23 MB for
 * 200,000 customers); the rows themselves are not kept.
 */
class FirstRows {
  private readonly seen = new Map<string, number>();
  /** The record number of the first customer row of (`email`, `website`); `no` (noted as the first) when there is none yet. */
  first(email: string, website: string, no: number): number {
    const key = joinKey(email, website);
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, no);
    return no;
  }
}

/** The issue of a customer row repeating the key of record `first`; `rest` says what that means for what it holds. */
const duplicateIssue = (no: number, first: number, rest: string): Issue => ({
  code: 'duplicate',
  path: ['email'],
  message: `Record ${no} has the e-mail (ignoring case) and website of record ${first}: Magento reads them as one customer, which is read from record ${first}${rest}`,
});

/** What reading a main file needs across its records. */
interface MainState {
  readonly header: Header;
  readonly joined: Joined | undefined;
  readonly lookups: CustomerLookups;
  /** The customer rows read: a later row of a key is a duplicate. */
  readonly seen: FirstRows;
  /** E-mail -> record number of the damaged record that took the address rows of that e-mail. */
  readonly gone: Map<string, number>;
}

/**
 * Reads a Customers Main File and, with `addresses`, the Customer Addresses file, joined on the
 * main file's (`email`, `_website`) = the addresses file's (`_email`, `_website`), e-mails compared
 * ignoring case. Yields one item per customer row, in file order (`file: 'main'`, `line` its record
 * number in the main file), then one per address record no customer claimed, in file order
 * (`file: 'addresses'`, `line` its record number in the addresses file, issue `invalid_input` at
 * `['addresses', 0]`, `invalid_format` when the record cannot be read).

 *
 * The main file streams; the addresses file is read whole first and held in memory (about three
 * times its size on disk, released as customers claim their addresses), because exports are ordered by
 * entity id, not by customer. The keys of the customers read are kept too (about 120 bytes each,
 * 23 MB for 200,000 customers), so that a later row of a key (e-mail ignoring case, website), which
 * Magento reads as the same customer, is an item with issue `duplicate`; the first row gets the addresses.
 *
 * A header with `_address_` columns is the composite "Customers and Addresses" file: without
 * `addresses` it is read as `readMagentoCompositeCsv` reads it (its items have no `file`); with
 * `addresses` it throws (the file holds its addresses itself).
 *
 * Beside `record`, an item may hold `losses` (a `website_id` cell that `_website` overrides, a
 * `default_billing`/`default_shipping` naming an address the addresses file lacks: `unreferenceable`)
 * and `normalised` (a spreadsheet-typed date, kept as written in the record; see `SourceItem`).
 *
 * Without an addresses file, records have no `addresses` key (unknown, so a Magento update body
 * leaves the customer's addresses alone); with one, `addresses` is the customer's list, `[]` if none.
 * A customer whose row or one of whose address records cannot be read is an item with issues: the
 * addresses go with it, so that no customer is converted without an address it has.
 *
 * Damage: a record that is not valid CSV, has the wrong number of cells, or holds another e-mail in
 * a cell spanning lines (a quote closed records late) may hold the rows after it. Every e-mail in its
 * text counts (see `./damage.ts`): in the addresses file, each customer whose e-mail is in a damaged
 * record is an item with issue `invalid_format` at `['addresses']` naming it; in the main file, each
 * line of a damaged record that holds an e-mail is an item of its own (the customer row it seems to
 * be), with the address rows of its e-mails, whatever their website. Never converted short of an
 * address; a few customers more than needed may be rejected (an e-mail in a street line).
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
    // The composite "Customers and Addresses" file, recognised from its header: it holds its addresses itself.
    if (!joined) return yield* compositeItems(records, header, lookups);
    throw new Error(
      'Magento CSV (main file): the header has the "_address_" columns of the composite "Customers and Addresses" format, which holds its addresses itself: read it without an addresses file (readMagentoCompositeCsv, or readMagentoCsv without `addresses`; command line: without --addresses)',
    );
  }
  if (header) {
    const state: MainState = { header, joined, lookups, seen: new FirstRows(), gone: new Map() };
    for (let r = await records.next(); !r.done; r = await records.next()) {
      const record = r.value;
      if (blank(record)) continue;
      const { email, website, problem } = examine(record, header, 'email');
      if (problem === undefined && record.kind === 'cells') yield customerItem(state, record.no, rowOf(header.columns, record.cells));
      else yield* damagedItems(state, record, problem ?? '', email, website);
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
      issues: [{ code: w.problem ? 'invalid_format' : 'invalid_input', path: ['addresses', 0], message: `Addresses file record ${w.no} has no customer with its "_email" and "_website" in the main file${why}` }],
    };
  }
}

const waitingInput = (w: Waiting, header: Header | undefined): InputRow =>
  w.cells !== undefined && header ? rowOf(header.columns, w.cells) : { raw: w.raw ?? '' };

/** A readable main-file row: the customer with its addresses, or its issues. */
function customerItem(state: MainState, no: number, row: Row): SourceItem {
  const { joined } = state;
  const issues: Issue[] = [];
  const input: { customer: InputRow; addresses?: InputRow[] } = { customer: row };
  if (joined) input.addresses = [];
  const email = row.email ?? '';
  const key = joinKey(email, row._website ?? '');
  const first = email === '' ? no : state.seen.first(email, row._website ?? '', no);
  if (first !== no) return { line: no, file: 'main', input, issues: [duplicateIssue(no, first, joined ? ' with its addresses' : '')] };
  const mine = joined && email !== '' ? joined.waiting.take(key) : [];
  if (joined) {
    const taken = state.gone.get(email.toLowerCase());
    if (taken !== undefined) {
      issues.push({ code: 'invalid_format', path: ['addresses'], message: `Record ${taken} cannot be read and holds this customer's e-mail: the address rows of that e-mail went with it` });
    }
    for (const s of joined.waiting.suspects(email)) {
      if (mine.some((w) => w.no === s.no)) continue;
      issues.push({ code: 'invalid_format', path: ['addresses'], message: `Addresses file record ${s.no} holds this customer's e-mail and cannot be read, so address rows of this customer may be inside it: ${s.problem}` });
    }
  }
  const notes = readNotes();
  const customer = customerOf(row, issues, state.lookups, state.header.names, notes);
  if (!joined) return issues.length > 0 ? { line: no, file: 'main', input, issues } : { line: no, file: 'main', input, record: customer, ...noteFields(notes) };
  input.addresses = mine.map((w) => waitingInput(w, joined.header));
  repeatedAddressIds(mine, input.addresses, issues);
  const read = addressesOf(mine, input.addresses, issues, joined.header?.names);
  const addresses = pointedDefaults(customer, read, issues, (i) => `addresses file record ${mine[i]?.no}`, notes);
  if (issues.length > 0) return { line: no, file: 'main', input, issues };
  return { line: no, file: 'main', input, record: withAddresses(customer, addresses), ...noteFields(notes) };
}

/**
 * A customer's address records that repeat an address id (`_entity_id`) of an earlier one: Magento
 * reads them as one address, so which record holds its values cannot be told (concatenated exports
 * repeat rows). Each repeat is an issue `duplicate`; records without an id are new addresses, each its own.
 */
function repeatedAddressIds(mine: readonly Waiting[], rows: readonly InputRow[], issues: Issue[]): void {
  const firstOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = 'raw' in row ? '' : (row._entity_id ?? '');
    if (id === '') return;
    const first = firstOf.get(id);
    if (first === undefined) firstOf.set(id, i);
    else {
      issues.push({
        code: 'duplicate',
        path: ['addresses', i],
        message: `Addresses file record ${mine[i]?.no} repeats the address id (_entity_id) of record ${mine[first]?.no} of this customer: Magento reads them as one address, so which of them holds its values cannot be told`,
      });
    }
  });
}

/** The addresses of a customer's address records (their rows in `rows`, their columns named by `names`); an unreadable one is an issue. */
function addressesOf(mine: readonly Waiting[], rows: readonly InputRow[], issues: Issue[], names: ColumnNames | undefined): Record<string, unknown>[] {
  return mine.map((w, i) => {
    if (w.problem !== undefined) {
      issues.push({ code: 'invalid_format', path: ['addresses', i], message: `Addresses file record ${w.no} cannot be read: ${w.problem}` });
      return {};
    }
    const name = (c: string): ColumnRef => ({ label: `${names?.label(c) ?? 'A column'} of addresses file record ${w.no}`, key: names?.quotable(c) ? c : undefined });
    return addressOf(rows[i] as Row, issues, ['addresses', i], name);
  });
}

/**
 * The items of a damaged main-file record: one per piece of its text (see `pieces`), each the
 * customer row it seems to be, rejected, with the address rows of every e-mail in it (whatever the
 * website; the first piece also those of its key read leniently). The e-mails whose addresses went
 * with it are noted, so that a later row of one of them is not converted short of them.
 */
function* damagedItems(state: MainState, record: CsvRecord, problem: string, email: string, website: string): Generator<SourceItem> {
  const { joined } = state;
  for (const piece of pieces(record.raw)) {
    const mine: Waiting[] = [];
    if (joined) {
      if (piece.line === 1 && email !== '') mine.push(...joined.waiting.take(joinKey(email, website)));
      for (const e of emailsIn(piece.text)) {
        const found = joined.waiting.takeEmail(e);
        if (found.length > 0) state.gone.set(e, record.no);
        mine.push(...found);
      }
      mine.sort((a, b) => a.no - b.no);
    }
    const issues = [damageIssue(record.no, problem, piece.line)];
    const input: { customer: InputRow; addresses?: InputRow[] } = { customer: { raw: piece.text } };
    if (joined) {
      input.addresses = mine.map((w) => waitingInput(w, joined.header));
      addressesOf(mine, input.addresses, issues, joined.header?.names);
    }
    yield { line: record.no, file: 'main', input, issues };
  }
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

/** Names a composite address column (its prefix removed) as the file spells it, with its record number; its path key is the address field. */
const composite =
  (names: ColumnNames, no: number) =>
  (column: string): ColumnRef => {
    const spelt = column === DEFAULT_BILLING || column === DEFAULT_SHIPPING ? column : ADDRESS_PREFIX + column;
    return { label: `${names.label(spelt)} of record ${no}`, key: names.quotable(spelt) ? column : undefined };
  };
const hasValues = (row: Row): boolean => Object.values(row).some((c) => c !== '');

/** One customer of a composite file being read: its rows so far, and the record number of each address. */
interface Group {
  readonly no: number;
  readonly rows: InputRow[];
  readonly issues: Issue[];
  customer?: Record<string, unknown>;
  readonly addresses: Record<string, unknown>[];
  readonly addressNos: number[];
  /** The record number of the first customer row of this group's key, when this one repeats it (its rows are then not read). */
  duplicateOf?: number;
  readonly notes: ReadNotes;
}

const group = (no: number, rows: InputRow[] = []): Group => ({ no, rows, issues: [], addresses: [], addressNos: [], notes: readNotes() });

function finish(g: Group): SourceItem {
  const input = { rows: g.rows };
  if (g.duplicateOf !== undefined) {
    const rest = g.rows.length > 1 || g.addressNos.length > 0 ? '; the addresses of these rows, which Magento would add to it, are not in its output' : '';
    return { line: g.no, input, issues: [duplicateIssue(g.no, g.duplicateOf, rest), ...g.issues] };
  }
  const addresses = g.customer ? pointedDefaults(g.customer, g.addresses, g.issues, (i) => `record ${g.addressNos[i]}`, g.notes) : g.addresses;
  return g.issues.length > 0 ? { line: g.no, input, issues: g.issues } : { line: g.no, input, record: withAddresses(g.customer ?? {}, addresses), ...noteFields(g.notes) };
}

/**
 * Reads the single-file composite format (import only, magento.md §6.3): each customer row may hold
 * one address in its `_address_*` columns, and each following row with an empty `email` holds another
 * address of that customer. Records always have `addresses` (`[]` if none). Input: `{ rows }`.
 * A header without `_address_` columns is a Customers Main File: that throws, naming the format.
 *
 * An address row with other customer values than `_website`/`_store` is an issue (the importer would
 * ignore them). A record that cannot be read is a rejected customer of its own when its email cell
 * (read leniently) is not empty; otherwise it joins the customer above it, which is then rejected
 * with it and with the address rows that follow (whose customer cannot be told otherwise). Each
 * further line of its text holding an e-mail (a customer row swallowed by a quote left open, see
 * `./damage.ts`) is a rejected customer of its own, with the lines and address rows after it.
 *
 * A customer row repeating the key (e-mail ignoring case, website) of an earlier readable customer
 * row is the same Magento customer (the importer would update it and add the addresses): it is
 * rejected with issue `duplicate` naming the first record, together with its address rows, whose
 * addresses are therefore not in the first record's output. The first was yielded before the repeat
 * is read (the file streams); the keys read are kept, as by `readMagentoCsv`.
 */
export function readMagentoCompositeCsv(file: Readable, options?: Omit<MagentoCsvReadOptions, 'addresses'>): AsyncIterable<SourceItem> {
  if (!readable(file)) throw new InvalidOptionError('file', 'expected a readable stream');
  return readComposite(file, readOptions(options, false));
}

async function* readComposite(file: Readable, lookups: CustomerLookups): AsyncGenerator<SourceItem> {
  const records = csvRecords(file, 'Magento CSV (composite file)')[Symbol.asyncIterator]();
  const header = await headerOf(records, 'composite file', ['email']);
  if (!header) return;
  if (!header.columns.some((c) => c.startsWith(ADDRESS_PREFIX))) {
    throw new Error(
      'Magento CSV (composite file): the header has no "_address_" columns: it is a Customers Main File, read it as that format with its addresses file (readMagentoCsv; command line: --input-format magento-csv --addresses FILE)',
    );
  }
  yield* compositeItems(records, header, lookups);
}

/** The items of a composite file after its header. */
async function* compositeItems(records: AsyncIterator<CsvRecord>, header: Header, lookups: CustomerLookups): AsyncGenerator<SourceItem> {
  const seen = new FirstRows();
  let current: Group | undefined;
  for (let r = await records.next(); !r.done; r = await records.next()) {
    const record = r.value;
    if (blank(record)) continue;
    const { email, problem } = examine(record, header, 'email');
    if (problem !== undefined || record.kind !== 'cells') {
      for (const piece of pieces(record.raw)) {
        // A customer row (its email cell, read leniently, not empty; or a later line holding an
        // e-mail) starts its own customer; any other unreadable record may be an address row of the
        // customer above, which goes with it.
        if (!current || piece.line > 1 || email !== '') {
          if (current) yield finish(current);
          current = group(record.no);
        }
        current.rows.push({ raw: piece.text });
        current.issues.push(damageIssue(record.no, problem ?? '', piece.line));
      }
      continue;
    }
    const row = rowOf(header.columns, record.cells);
    const { customer, address } = splitComposite(row);
    if (row.email !== '') {
      if (current) yield finish(current);
      current = group(record.no, [row]);
      const first = seen.first(row.email ?? '', row._website ?? '', record.no);
      if (first !== record.no) {
        current.duplicateOf = first;
        if (hasValues(address)) current.addressNos.push(record.no);
        continue;
      }
      current.customer = customerOf(customer, current.issues, lookups, header.names, current.notes);
      if (hasValues(address)) {
        current.addresses.push(addressOf(address, current.issues, ['addresses', 0], composite(header.names, record.no)));
        current.addressNos.push(record.no);
      }
      continue;
    }
    if (!current) {
      yield {
        line: record.no,
        input: { rows: [row] },
        issues: [{ code: 'invalid_input', path: ['addresses', 0], message: `Record ${record.no} is an address row (empty "email") with no customer row above it` }],
      };
      continue;
    }
    const extra = Object.keys(customer).filter((c) => c !== '_website' && c !== '_store' && customer[c] !== '');
    if (!hasValues(address) && extra.length === 0) continue;
    const at = ['addresses', current.addresses.length];
    current.rows.push(row);
    if (current.duplicateOf !== undefined) {
      current.addressNos.push(record.no);
      continue;
    }
    if (extra.length > 0) {
      current.issues.push({
        code: 'invalid_input',
        path: at,
        message: `Record ${record.no} is an address row (empty "email") but also holds customer columns, which would be lost: ${extra.map((c) => header.names.name(c)).join(', ')}`,
      });
    }
    current.addresses.push(addressOf(address, current.issues, at, composite(header.names, record.no)));
    current.addressNos.push(record.no);
  }
  if (current) yield finish(current);
}
