import { pipeline, Transform, type Readable } from 'node:stream';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/**
 * The records of a CSV file, read with csv-parse as a stream: `no` 0 is the header, data records are
 * numbered from 1. Blank lines are not records and are not counted; a quoted cell may span lines.
 * A record that is not valid CSV (a stray quote, a quoted cell never closed) is `broken`: its text is
 * kept, parsing goes on with the next record, and it keeps its place in the numbering.
 */
export type CsvRecord =
  | { readonly kind: 'cells'; readonly no: number; readonly cells: string[]; readonly raw: string }
  | { readonly kind: 'broken'; readonly no: number; readonly raw: string; readonly problem: string; readonly fileLine: number };

/** What is wrong with a broken record, in words that never quote the record's text. */
const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is not closed before the end of the file',
  INVALID_OPENING_QUOTE: 'a quote inside a cell that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a cell',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a cell',
};

interface Skipped { code: string; fileLine: number; raw: string }
type Marker = { readonly broken: Skipped };

/** csv-parse's internal parser state, used to learn where a skipped record ends (see `hookRecordEnd`). */
interface ParserApi {
  state: { recordHasError: boolean; quoting: boolean; rawBuffer: { toString(encoding: BufferEncoding): string } };
  __resetRecord(): void;
}

/**
 * csv-parse (`skip_records_with_error`) reports each error of a record as it meets it, with the text
 * read so far, and says nothing when the record ends. To report one broken record with its whole
 * text, the parser's record reset is wrapped: when a record that had an error ends, its text is
 * pushed into the stream as a marker, in order with the good records. That is csv-parse's private
 * API: package.json pins csv-parse's exact version, and test/csv/pin.test.ts fails when the version
 * installed is another or the hook no longer takes (without it, each error would be reported with
 * the text read up to it).
 */
export function hookRecordEnd(parser: Parser, take: () => Skipped | undefined): ParserApi | undefined {
  const api = (parser as unknown as { api?: ParserApi }).api;
  if (!api || typeof api.__resetRecord !== 'function' || typeof api.state?.recordHasError !== 'boolean' || typeof api.state.quoting !== 'boolean') return undefined;
  const reset = api.__resetRecord;
  api.__resetRecord = function (this: ParserApi) {
    if (this.state.recordHasError === true) {
      const skipped = take();
      if (skipped) parser.push({ broken: { ...skipped, raw: this.state.rawBuffer.toString('utf8') } } satisfies Marker);
    }
    reset.call(this);
  };
  return api;
}

/** The number of line feeds in `bytes`. */
function lineFeeds(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) n += 1;
  return n;
}

/**
 * Passes the bytes on, and fails the stream at the first bytes that are not UTF-8 (a file saved as
 * Windows-1252 or Latin-1 by a spreadsheet), instead of letting the decoder turn them into U+FFFD
 * and the names into "J�rgen". The error names the file line, never the text.
 */
function utf8Checked(name: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  const fail = (at: number) => new Error(`${name}: not UTF-8 text (file line ${at}): Magento reads and writes UTF-8; save the file as UTF-8`);
  return new Transform({
    transform(chunk: Uint8Array | string, _encoding, done) {
      if (typeof chunk === 'string') return done(null, chunk);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        // Where: the line of the first replacement character when the chunk is decoded leniently.
        const text = Buffer.from(chunk).toString('utf8');
        const bad = text.indexOf('\uFFFD');
        return done(fail(line + lineFeeds(Buffer.from(text.slice(0, bad === -1 ? text.length : bad)))));
      }
      line += lineFeeds(chunk);
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
      } catch {
        return done(fail(line));
      }
      done();
    },
  });
}

/** The records of `input`; `name` names the file in the error of input that is not UTF-8. */
export async function* csvRecords(input: Readable, name = 'CSV'): AsyncGenerator<CsvRecord> {
  let pending: Skipped | undefined;
  let hooked: ParserApi | undefined;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const skipped = { code: err?.code ?? 'CSV_UNKNOWN', fileLine: Number((err as { lines?: number } | undefined)?.lines ?? 0), raw: raw ?? '' };
      if (!hooked) return void parser.push({ broken: skipped } satisfies Marker);
      // Text after a closing quote (`"C"x`): csv-parse would stay inside the quoted cell and swallow
      // the records that follow up to the next quote; end the cell there instead, so that the broken
      // record ends with its line, as a person reading the file would see it.
      if (err?.code === 'CSV_INVALID_CLOSING_QUOTE') hooked.state.quoting = false;
      // Several errors of one record: keep the first (the cause) with the latest text.
      pending = pending ? { ...pending, raw: skipped.raw } : skipped;
    },
  });
  hooked = hookRecordEnd(parser, () => {
    const p = pending;
    pending = undefined;
    return p;
  });
  pipeline(input, utf8Checked(name), parser, () => {});
  let no = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; raw: string } | Marker>) {
    if ('broken' in item) yield broken(no++, item.broken);
    else yield { kind: 'cells', no: no++, cells: item.record, raw: trimBreaks(item.raw) };
  }
  // An error at the end of the input (a quote never closed) ends no record: it is still pending.
  if (pending) yield broken(no++, pending);
}

const broken = (no: number, s: Skipped): CsvRecord => ({
  kind: 'broken',
  no,
  raw: trimBreaks(s.raw),
  problem: PROBLEMS[s.code] ?? `not readable as CSV (${s.code})`,
  fileLine: s.fileLine,
});

/** A record's text without the line breaks around it (blank lines before it, its record delimiter). */
const trimBreaks = (raw: string): string => raw.replace(/^[\r\n]+|[\r\n]+$/g, '');

/**
 * The cells of a broken record's text read leniently (stray quotes kept as text), or `undefined`.
 * Used only to guess which customer a broken record belongs to, never for its values. A quoted cell
 * left open (a file cut off inside it) is read as closed at the end of the text, so that the cells
 * before it still tell the customer.
 */
export function lenientCells(raw: string): string[] | undefined {
  for (const text of [raw, `${raw}"`]) {
    try {
      const rows = parseSync(text, { relax_quotes: true, relax_column_count: true, bom: true }) as string[][];
      return rows[0];
    } catch {
      // try the next reading
    }
  }
  return undefined;
}
