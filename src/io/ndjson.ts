// NDJSON / JSON Lines input: one record (or one read payload) per line, or an array of them on a line
// (export tools that write one page per line). A line that is not JSON is a SourceItem with issues,
// never an exception; blank lines are skipped but keep the line numbers true.
import type { Issue } from '../index.js';
import type { SourceItem } from './items.js';

/**
 * One line as read, before decoding and JSON parsing: what the CLI sends to worker threads. Lines stay
 * bytes until they are parsed, so the thread that reads the input never holds them as strings.
 */
export interface RawLine {
  readonly line: number;
  /** The line's bytes, without its line break (and without a CR before it, or a BOM on line 1). */
  readonly bytes: Uint8Array;
  /** The last line of the input, without a line break after it (a cut-off export ends this way). */
  readonly unterminated: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** A line's bytes as text, and whether they are UTF-8. */
function decodeLine(bytes: Uint8Array): { text: string; notUtf8: boolean } {
  try {
    return { text: strict.decode(bytes), notUtf8: false };
  } catch {
    return { text: lenient.decode(bytes), notUtf8: true };
  }
}

// Space, tab, CR, LF, vertical tab, form feed.
const asciiBlank = (bytes: Uint8Array): boolean => bytes.every((b) => b === 32 || (b >= 9 && b <= 13));

/**
 * The lines of a byte or text stream that are not blank, numbered from 1 (a leading byte-order mark
 * is dropped). Bytes are split at line feeds and each line is decoded on its own when it is parsed
 * (`parseLine`), so that a line that is not UTF-8 is one damaged line, not silent U+FFFD characters
 * in a record. A line of Unicode spaces only is found blank when parsed.
 */
export async function* ndjsonLines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawLine> {
  // The bytes of the line being read, in pieces (joined once its end is found: a long line costs no copies per chunk).
  let pieces: Buffer[] = [];
  let line = 0;
  const emit = (raw: Uint8Array, unterminated: boolean): RawLine | undefined => {
    line += 1;
    let bytes = raw;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    return asciiBlank(bytes) ? undefined : { line, bytes, unterminated };
  };
  for await (const chunk of stream) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      const tail = data.subarray(start, end);
      const item = emit(pieces.length > 0 ? Buffer.concat([...pieces, tail]) : tail, false);
      pieces = [];
      start = end + 1;
      if (item) yield item;
    }
    // Copied: the chunk's buffer may be reused by the stream.
    if (start < data.length) pieces.push(Buffer.from(data.subarray(start)));
  }
  if (pieces.length > 0) {
    const item = emit(Buffer.concat(pieces), true);
    if (item) yield item;
  }
}

const damaged = (unterminated: boolean): Issue[] => [
  {
    code: 'invalid_format',
    path: [],
    // Never the parser's own message: it quotes the text, which may hold a password hash.
    message: unterminated ? 'Not valid JSON; the input ends on this line without a line break: probably cut off' : 'Not valid JSON',
  },
];

const notUtf8Issue: Issue = {
  code: 'invalid_format',
  path: [],
  message: 'Not UTF-8 text: the line holds bytes of another encoding (save the file as UTF-8)',
};

// Path [] is the element itself: the reject's `input`, found in the line by the reject's `index`.
const notAnObject: Issue = {
  code: 'invalid_type',
  path: [],
  message: 'Expected an object (a record or a read payload): each element of an array on a line is one',
};

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One line as SourceItems: the parsed value, or the text as read with an `invalid_format` issue (a
 * line that is not UTF-8 also keeps its exact bytes, `inputBase64`). A line holding a JSON array gives
 * one item per element, each with its `index`; an element that is not an object is an item with an
 * `invalid_type` issue. `[]` for a line holding an empty array; `undefined` for a line of Unicode
 * spaces only (blank, like an empty line).
 */
export function parseLine({ line, bytes, unterminated }: RawLine): SourceItem[] | undefined {
  const { text, notUtf8 } = decodeLine(bytes);
  if (notUtf8) {
    const inputBase64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return [{ line, input: text, inputBase64, issues: [notUtf8Issue] }];
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ line, input: text, issues: damaged(unterminated) }];
  }
  if (!Array.isArray(value)) return [{ line, input: value, record: value }];
  return value.map((element: unknown, index) =>
    isObject(element) ? { line, index, input: element, record: element } : { line, index, input: element, issues: [notAnObject] },
  );
}

const opens = (text: string) => text.startsWith('{') || text.startsWith('[');

/**
 * Whether the first non-blank lines of an NDJSON input (one or two of them) look like one JSON document
 * printed over several lines, which NDJSON reading turns into one damaged line each: the first line is
 * `{` or `[` alone, or it and the next both open like JSON and neither parses.
 */
export function looksLikeMultiLineJson(first: readonly RawLine[]): boolean {
  const [a, b] = first.map((raw) => decodeLine(raw.bytes).text.trim());
  if (a === undefined) return false;
  if (a === '{' || a === '[') return true;
  if (b === undefined || !opens(a)) return false;
  const damagedLine = (text: string) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  };
  return damagedLine(a) && damagedLine(b);
}

/**
 * The lines of `lines` unchanged, calling `hint` once, before the first line is passed on, when the
 * first lines look like a multi-line JSON document (`looksLikeMultiLineJson`).
 */
export async function* withJsonHint(lines: AsyncIterable<RawLine>, hint: () => void): AsyncGenerator<RawLine> {
  const head: RawLine[] = [];
  let decided = false;
  for await (const line of lines) {
    if (decided) {
      yield line;
      continue;
    }
    head.push(line);
    // `{` or `[` alone decides at once; anything else takes a second line.
    if (head.length < 2 && !looksLikeMultiLineJson(head)) continue;
    decided = true;
    if (looksLikeMultiLineJson(head)) hint();
    yield* head;
  }
  if (!decided) yield* head;
}

/** The records of an NDJSON stream as SourceItems (`line` is the line number). */
export async function* readNdjson(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceItem> {
  for await (const raw of ndjsonLines(stream)) yield* parseLine(raw) ?? [];
}
