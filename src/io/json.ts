// JSON input, streamed with stream-json's tokenizer (never `JSON.parse` of a whole document). The input
// is a sequence of top-level values (one document, or pages appended into one file: `[…][…]`, `{…}{…}`),
// each read as a document on its own; `line` numbers the records through the whole sequence.
// - an array: each element is one record (or read payload), `line` = its position;
// - an object: a read payload of the source platform (single record, list page, Magento search
//   result, JSON:API document). The library's `unwrap` decides what it holds. To keep memory flat on a
//   large page, a first pass reads the envelope with every top-level array left empty; when that
//   envelope holds no record itself, a second pass streams the elements of its arrays, each unwrapped
//   as `{ ...envelope, [key]: [element] }`; a list page with no records is one item holding none (its
//   envelope). Standard input is spooled to a temporary file for that second pass when it starts with
//   an object (an object after an array in standard input is an `InputError`).
// A damaged array (invalid JSON, a cut-off file), or damage after a value, yields the records before
// the damage and one item with issues; a damaged payload object, or a value that is neither, is an
// `InputError`. Bytes that are not UTF-8 are an `InputError` naming the byte offset (never U+FFFD).
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import Assembler from 'stream-json/core/assembler.js';
import { jsonParser } from 'stream-json/core/parser.js';
import type { Token } from 'stream-json/core/parser.js';
import { ConversionError, unwrap, type Issue, type PlatformId } from '../index.js';
import { setOwn } from '../core/objects.js';
import { withArticle } from '../core/words.js';
import { onInterrupt } from './cleanup.js';
import { InputError, type Input } from './input.js';
import type { SourceItem } from './items.js';

/** stream-chain's `none`: fed to the tokenizer, it flushes it (and throws when the text ends inside a value). */
const END = Symbol.for('object-stream.none');

/**
 * Characters fed to the tokenizer at a time. The tokens of a piece that turns out damaged are lost with
 * it, so pieces are short: a record ending in that piece before the damage is the most a damage costs.
 * Short pieces cost nothing measurable (30,000 records read in the same time with 16 KiB pieces).
 */
const SLICE = 256;

class Damaged extends Error {
  constructor(readonly truncated: boolean) {
    super(truncated ? 'truncated' : 'invalid');
  }
}

/** The bytes at the end of valid UTF-8 `bytes` that start a character the next chunk completes. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/**
 * Where in `chunk` strict decoding fails, `carry` (an incomplete character of the chunk before) going
 * first: the index of the first chunk byte that cannot be UTF-8 there (by halving: decoding a longer
 * prefix fails whenever a shorter one does).
 */
function firstBadByte(carry: Uint8Array, chunk: Uint8Array): number {
  const fails = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat([carry, chunk.subarray(0, end)]), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let [ok, bad] = [0, chunk.length]; // the prefix of `ok` bytes decodes, that of `bad` bytes does not
  while (bad - ok > 1) {
    const mid = (ok + bad) >> 1;
    if (fails(mid)) bad = mid;
    else ok = mid;
  }
  return bad - 1;
}

/**
 * Token batches of a byte stream; `Damaged` when the text is not JSON, `InputError` naming `name` and
 * the byte offset when it is not UTF-8 (never U+FFFD in place of the bytes). `tap` sees each chunk first.
 */
async function* tokenBatches(chunks: AsyncIterable<Uint8Array | string>, name: string, tap?: (chunk: Uint8Array | string) => Promise<void>): AsyncGenerator<Token[]> {
  const tokenize = jsonParser({ streamValues: false, jsonStreaming: true }) as unknown as (text: string | symbol) => { values: Token[] } | symbol;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notUtf8 = (offset: number) => new InputError(`${name}: not UTF-8 text (byte offset ${offset}): JSON is read as UTF-8; save the file as UTF-8`);
  let offset = 0; // bytes decoded before the chunk
  let carry: Uint8Array = new Uint8Array(0); // the incomplete character at the end of the bytes decoded so far
  let any = false;
  const feed = (text: string | symbol): Token[] => {
    let out: { values: Token[] } | symbol;
    try {
      out = tokenize(text);
    } catch {
      if (text === END && !any) return []; // an empty document: no records
      throw new Damaged(text === END);
    }
    if (typeof out === 'symbol') return [];
    if (out.values.length > 0) any = true;
    return out.values;
  };
  const decode = (chunk: Uint8Array): string => {
    try {
      const text = decoder.decode(chunk, { stream: true });
      carry = incompleteTail(Buffer.concat([carry, chunk.subarray(-3)]));
      offset += chunk.length;
      return text;
    } catch {
      throw notUtf8(offset + firstBadByte(carry, chunk));
    }
  };
  for await (const chunk of chunks) {
    if (tap) await tap(chunk);
    const text = typeof chunk === 'string' ? chunk : decode(chunk);
    // In slices: the tokens of a slice that turns out damaged are lost with it, so keep slices short.
    for (let at = 0; at < text.length; at += SLICE) {
      const tokens = feed(text.slice(at, at + SLICE));
      if (tokens.length > 0) yield tokens;
    }
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw notUtf8(offset - carry.length); // the input ends inside a character
  }
  const last = [...(tail ? feed(tail) : []), ...feed(END)];
  if (last.length > 0) yield last;
}

const isStart = (t: Token) => t.name === 'startObject' || t.name === 'startArray';
const isEnd = (t: Token) => t.name === 'endObject' || t.name === 'endArray';

/** One JSON value assembled token by token (a record, an array element, an envelope key's value). */
class Value {
  private asm: Assembler | undefined;
  /** Whether some of a value's tokens were fed and it is not complete yet. */
  get started(): boolean {
    return this.asm !== undefined;
  }
  /** Feeds a token of the value; true when it completes the value (`take` then gives it). */
  feed(t: Token): boolean {
    this.asm ??= new Assembler();
    this.asm.consume(t);
    return this.asm.done;
  }
  /** The completed value; the next `feed` starts another. */
  take(): unknown {
    const value: unknown = this.asm?.current;
    this.asm = undefined;
    return value;
  }
  /** What is read of the value so far, from its root (`null`: nothing), for a reject's `input`. */
  partial(): unknown {
    if (!this.asm) return null;
    return this.asm.stack.length > 0 ? this.asm.stack[0] : this.asm.current;
  }
}

const damage = (truncated: boolean, inRecord: boolean): Issue[] => [
  {
    code: 'invalid_format',
    path: [],
    message: truncated
      ? inRecord
        ? 'Not valid JSON: the input ends inside this record (cut off); `input` holds what could be read'
        : 'Not valid JSON: the input ends before the array does (cut off); records after this point, if any, are missing'
      : inRecord
        ? 'Not valid JSON at or after this record: `input` holds what could be read of it; the rest of the input was not read'
        : 'Not valid JSON at or after this record: the rest of the input was not read',
  },
];


/** Copies chunks of a read-once stream to a temporary file, for a second pass. */
class Spool {
  readonly dir = mkdtempSync(join(tmpdir(), 'customer-codecs-'));
  readonly path = join(this.dir, 'input.json');
  private readonly out = createWriteStream(this.path);
  private readonly unregister = onInterrupt(() => this.remove());
  async write(chunk: Uint8Array | string): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
  }
  remove(): void {
    this.out.destroy();
    rmSync(this.dir, { recursive: true, force: true });
    this.unregister();
  }
}

/** Beyond this many elements in one top-level array, an object that is no payload is not read whole. */
const WHOLE_LIMIT = 10_000;

/** What the first pass learns of a top-level object: its envelope (arrays left empty) and its largest top-level array. */
interface Envelope {
  readonly envelope: Record<string, unknown>;
  largest: number;
}

/**
 * The records of a JSON input: a sequence of top-level values (one document, or pages appended into one
 * file), each an array of records (or payloads) or one read payload of `from`. An object that is no read
 * payload is one record (its issues say why it cannot be converted). `line` numbers the records through
 * the whole sequence. Throws `InputError` for a value that is neither an array nor an object, or a
 * damaged object.
 */
export async function* readJson(input: Input, from: PlatformId): AsyncGenerator<SourceItem> {
  let spool: Spool | undefined;
  try {
    let count = 0;
    const emit = (value: unknown): SourceItem => {
      count += 1;
      return { line: count, input: value, record: value };
    };
    // First pass. The arrays before the first object are read here; from that object on, only the
    // objects' envelopes are, and a second pass reads the records.
    const docs: ('array' | Envelope)[] = [];
    let complete = 0; // top-level values read to their end
    let deferFrom: number | undefined; // the first object's index in `docs`
    let mode: 'array' | 'object' | 'skip' | undefined; // of the value being read (undefined: between values)
    const piece = new Value();
    let key = '';
    let skipping = 0;
    let elements = 0;
    // Standard input is read once: from the chunk holding the first value, copied when that value is an object.
    let pending: (Uint8Array | string)[] = [];
    const tap = input.reopenable
      ? undefined
      : async (chunk: Uint8Array | string) => {
          if (spool) await spool.write(chunk);
          else if (docs.length === 0) pending.push(chunk);
        };
    const endValue = () => {
      mode = undefined;
      complete += 1;
    };
    let damaged: Damaged | undefined;
    try {
      for await (const tokens of tokenBatches(input.open() as AsyncIterable<Uint8Array | string>, input.name, tap)) {
        for (const t of tokens) {
          if (mode === undefined) {
            if (t.name === 'startArray') {
              docs.push('array');
              if (deferFrom === undefined) mode = 'array';
              else [mode, skipping] = ['skip', 1];
            } else if (t.name === 'startObject') {
              if (deferFrom === undefined) {
                deferFrom = docs.length;
                if (!input.reopenable) {
                  if (docs.length > 0) throw new InputError(`${input.name}: a read payload (an object) after a JSON array: standard input is read once and cannot hold both; give a file, or NDJSON (--input-format ndjson, one page per line)`);
                  spool = new Spool();
                  for (const chunk of pending) await spool.write(chunk);
                }
              }
              docs.push({ envelope: {}, largest: 0 });
              mode = 'object';
              key = '';
            } else {
              const which = docs.length > 0 ? ` (top-level value ${docs.length + 1})` : '';
              throw new InputError(`${input.name}: expected a JSON array of records or ${withArticle(from)} read payload (an object)${which}`);
            }
            pending = [];
            continue;
          }
          if (mode === 'skip') {
            if (isStart(t)) skipping += 1;
            else if (isEnd(t) && --skipping === 0) endValue();
            continue;
          }
          if (mode === 'array') {
            if (!piece.started && t.name === 'endArray') endValue();
            else if (piece.feed(t)) yield emit(piece.take());
            continue;
          }
          const doc = docs[docs.length - 1] as Envelope;
          if (skipping > 0) {
            if (skipping === 1 && !isEnd(t)) elements += 1;
            if (isStart(t)) skipping += 1;
            else if (isEnd(t)) skipping -= 1;
            if (skipping === 0) doc.largest = Math.max(doc.largest, elements);
          } else if (!piece.started && t.name === 'keyValue') key = String(t.value);
          else if (!piece.started && t.name === 'endObject') endValue();
          else if (!piece.started && t.name === 'startArray') {
            setOwn(doc.envelope, key, []);
            skipping = 1;
            elements = 0;
          } else if (piece.feed(t)) setOwn(doc.envelope, key, piece.take());
        }
      }
    } catch (error) {
      if (!(error instanceof Damaged)) throw error;
      if (deferFrom === undefined) {
        if (mode === 'array' || docs.length > 0) {
          yield { line: count + 1, input: piece.partial(), issues: damage(error.truncated, piece.started) };
          return;
        }
        throw new InputError(`${input.name}: not valid JSON${error.truncated ? ' (cut off)' : ''}`);
      }
      damaged = error; // met again by the second pass
    }
    if (mode === 'array') yield { line: count + 1, input: null, issues: damage(true, false) };
    if (deferFrom === undefined) return;

    if (spool) await spool.close();
    const reopen = (): AsyncIterable<Uint8Array | string> => (spool ? createReadStream(spool.path) : input.open());
    yield* secondPass(reopen(), input.name, from, docs.slice(0, complete), deferFrom, damaged, count);
  } finally {
    spool?.remove();
  }
}

/**
 * The records of the top-level values from index `from` on, `count` records being read before them:
 * arrays element by element, objects by their envelope (`docs`, of the values read whole by the first
 * pass; `damaged`: why the first pass stopped there).
 */
async function* secondPass(
  chunks: AsyncIterable<Uint8Array | string>,
  name: string,
  platform: PlatformId,
  docs: readonly ('array' | Envelope)[],
  deferFrom: number,
  damaged: Damaged | undefined,
  count: number,
): AsyncGenerator<SourceItem> {
  const emit = (value: unknown): SourceItem => {
    count += 1;
    return { line: count, input: value, record: value };
  };
  let index = -1;
  let mode: 'skip' | 'array' | 'whole' | 'list' | undefined;
  let skipping = 0;
  const piece = new Value();
  let held: unknown[] | undefined; // what the envelope of the object read whole holds
  let envelope: Record<string, unknown> = {};
  let key = '';
  let inArray = false;
  let items = 0; // yielded for the list being read
  try {
    for await (const tokens of tokenBatches(chunks, name)) {
      for (const t of tokens) {
        if (mode === undefined) {
          index += 1;
          if (index < deferFrom) [mode, skipping] = ['skip', 1];
          else if (t.name === 'startArray') mode = 'array';
          else {
            const doc = docs[index];
            if (doc === undefined || doc === 'array') throw new InputError(`${name}: not valid JSON${damaged?.truncated ? ' (cut off)' : ''}`);
            held = undefined;
            try {
              held = unwrap(platform, doc.envelope);
            } catch (error) {
              if (!(error instanceof ConversionError)) throw error;
              if (doc.largest > WHOLE_LIMIT) {
                const issue = error.issues[0];
                const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
                throw new InputError(`${name}: not ${withArticle(platform)} read payload${where}: ${issue?.message ?? 'invalid'}`);
              }
            }
            if (held === undefined || held.length > 0) {
              // One record, a single-record payload, or no payload at all: small, read whole (arrays included).
              mode = 'whole';
              piece.feed(t);
            } else {
              // A list: the elements of its top-level arrays, each unwrapped inside the envelope.
              mode = 'list';
              envelope = doc.envelope;
              [key, inArray, skipping, items] = ['', false, 0, 0];
            }
          }
          continue;
        }
        if (mode === 'skip') {
          if (isStart(t)) skipping += 1;
          else if (isEnd(t) && --skipping === 0) mode = undefined;
          continue;
        }
        if (mode === 'array') {
          if (!piece.started && t.name === 'endArray') mode = undefined;
          else if (piece.feed(t)) yield emit(piece.take());
          continue;
        }
        if (mode === 'whole') {
          if (!piece.feed(t)) continue;
          const whole = piece.take();
          mode = undefined;
          let records: unknown[];
          try {
            records = held === undefined ? [whole] : unwrap(platform, whole);
          } catch (error) {
            if (!(error instanceof ConversionError)) throw error;
            records = [whole]; // converting it says why it is invalid
          }
          for (const record of records) yield emit(record);
          continue;
        }
        if (inArray) {
          if (!piece.started && t.name === 'endArray') {
            inArray = false;
            continue;
          }
          if (!piece.feed(t)) continue;
          const element = piece.take();
          let records: unknown[];
          try {
            records = unwrap(platform, { ...envelope, [key]: [element] });
          } catch (error) {
            if (!(error instanceof ConversionError)) throw error;
            count += 1;
            items += 1;
            // Paths relative to the element, as the reject's `input` is the element.
            const issues = error.issues.map((i) => (i.path[0] === key && i.path[1] === 0 ? { ...i, path: i.path.slice(2) } : i));
            yield { line: count, input: element, issues };
            continue;
          }
          for (const record of records) {
            items += 1;
            yield emit(record);
          }
          continue;
        }
        if (skipping > 0) {
          if (isStart(t)) skipping += 1;
          else if (isEnd(t)) skipping -= 1;
        } else if (t.name === 'keyValue') key = String(t.value);
        else if (t.name === 'startArray') inArray = true;
        else if (t.name === 'endObject') {
          mode = undefined;
          // A list page with no records: one item holding none, counted as an empty payload.
          if (items === 0) yield emit(envelope);
        } else if (isStart(t)) skipping = 1;
      }
    }
  } catch (error) {
    if (!(error instanceof Damaged)) throw error;
    if (mode === 'array' || mode === undefined) {
      yield { line: count + 1, input: piece.partial(), issues: damage(error.truncated, piece.started) };
      return;
    }
    throw new InputError(`${name}: not valid JSON${error.truncated ? ' (cut off)' : ''}`);
  }
  if (mode === 'array') yield { line: count + 1, input: null, issues: damage(true, false) };
}
