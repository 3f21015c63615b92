// NDJSON / JSON Lines input: one record (or one read payload) per line. A line that is not JSON is a
// SourceItem with issues, never an exception; blank lines are skipped but keep the line numbers true.
import type { Issue } from '../index.js';
import type { SourceItem } from './items.js';

/** One line as read, before JSON parsing (what the CLI sends to worker threads). */
export interface RawLine {
  readonly line: number;
  readonly text: string;
  /** The last line of the input, without a line break after it (a cut-off export ends this way). */
  readonly unterminated: boolean;
}

/** The non-blank lines of a byte or text stream, numbered from 1 (a leading byte-order mark is dropped). */
export async function* ndjsonLines(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let line = 0;
  const emit = (text: string, unterminated: boolean): RawLine | undefined => {
    line += 1;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    return trimmed.trim() === '' ? undefined : { line, text: trimmed, unterminated };
  };
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const item = emit(text.slice(start, end), false);
      start = end + 1;
      if (item) yield item;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') {
    const item = emit(rest, true);
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

/** One line as a SourceItem: the parsed value, or the text as read with an `invalid_format` issue. */
export function parseLine({ line, text, unterminated }: RawLine): SourceItem {
  try {
    const value: unknown = JSON.parse(text);
    return { line, input: value, record: value };
  } catch {
    return { line, input: text, issues: damaged(unterminated) };
  }
}

/** The records of an NDJSON stream as SourceItems (`line` is the line number). */
export async function* readNdjson(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<SourceItem> {
  for await (const raw of ndjsonLines(stream)) yield parseLine(raw);
}
