import type { DecodeScope, EncodeScope } from './engine.js';
import { custom, type CustomRule } from './mapping.js';
import { isPlainObject, type Path } from './path.js';

/** The street-line rules every platform shares, for its `decisions` list (one text, read by every platform's docs). */
export const STREET_LINES =
  'An empty street line ("") holds no text, so it is not a canonical line: reading leaves it out (the other lines keep their order) and remembers where it stood ' +
  '(hint `$blankLines`), and writing never writes one, so no target gets an empty line and leaving one out is no loss. ' +
  'The empty lines come back only to the platform that wrote them, when the other lines are still as many as it was read with and all fit. ' +
  'Lines beyond what the target holds are joined into its last line with ", " and each changed line is reported `value_changed`.';

/** The part of `STREET_LINES` each street step's note repeats. */
export const EMPTY_LINE_NOTE = 'an empty line ("") is left out of lines and comes back only to its own platform';

/** Where a record's empty street lines stood: positions among its `of` lines. Structure, never data. */
interface BlankLines {
  readonly at: readonly number[];
  readonly of: number;
}
const BLANK_HINT = 'blankLines';

const isIndex = (n: unknown, below: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < below;

/** A well-formed `$blankLines` hint (platform data can come from anywhere), else undefined. */
function blankLinesOf(hint: unknown): BlankLines | undefined {
  if (!isPlainObject(hint) || !Number.isInteger(hint.of) || !Array.isArray(hint.at)) return undefined;
  const of = hint.of as number;
  const at = hint.at as unknown[];
  return at.every((i, n) => isIndex(i, of) && (n === 0 || (i as number) > (at[n - 1] as number))) ? { at: at as number[], of } : undefined;
}

/**
 * Canonical street lines as a record holding `limit` lines writes them. Empty lines are left out (see
 * `STREET_LINES`); the record's own empty lines (`blanks`, its `$blankLines` hint) are put back when
 * the other lines are as many as it was read with and all of them fit. Otherwise the lines beyond the
 * limit are joined into the last allowed line with ", ". `changed` lists the canonical indices that no
 * longer stand as they were: the last allowed line when its text changed, and every joined line;
 * `count` is the number of lines with text.
 */
export function fitStreetLines(lines: readonly string[], limit: number, blanks?: unknown): { lines: string[]; changed: number[]; count: number } {
  const kept: number[] = [];
  lines.forEach((l, i) => {
    if (l !== '') kept.push(i);
  });
  const texts = kept.map((i) => lines[i]!);
  const own = blankLinesOf(blanks);
  if (own && texts.length + own.at.length === own.of && own.of <= limit) {
    let next = 0;
    const out = Array.from({ length: own.of }, (_, i) => (own.at.includes(i) ? '' : texts[next++]!));
    return { lines: out, changed: [], count: texts.length };
  }
  if (texts.length <= limit) return { lines: texts, changed: [], count: texts.length };
  const last = limit - 1;
  const joined = texts.slice(last).join(', ');
  const changed: number[] = joined === texts[last] ? [] : [kept[last]!];
  for (let i = limit; i < texts.length; i++) changed.push(kept[i]!);
  return { lines: [...texts.slice(0, last), joined], changed, count: texts.length };
}

/**
 * Reads a record's street lines (each with its source path) into canonical `lines`, whose origin as a
 * whole is `whole`: empty lines are left out, remembered by the `$blankLines` hint and marked as holding
 * no data (never a loss). No line with text: no `lines`.
 */
export function readStreetLines(s: DecodeScope, read: readonly { readonly text: string; readonly source: Path }[], whole: Path): void {
  const kept = read.filter((l) => l.text !== '');
  if (kept.length < read.length) {
    s.hint(BLANK_HINT, { at: read.flatMap((l, i) => (l.text === '' ? [i] : [])), of: read.length } satisfies BlankLines);
    for (const l of read) if (l.text === '') s.blank(l.source);
  }
  if (kept.length === 0) return;
  s.set(['lines'], kept.map((l) => l.text), whole);
  kept.forEach((l, i) => s.trace(['lines', i], l.source));
}

/** A line break in any convention (CR LF, LF, CR). */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Canonical lines cut at their line breaks, for a platform that stores a street as its lines joined
 * with line breaks (Magento): there a break inside a line reads back as a new line. `from` gives each
 * piece's canonical index; `split` lists the canonical lines that held a break.
 */
export function splitLineBreaks(lines: readonly string[]): { pieces: string[]; from: number[]; split: number[] } {
  const pieces: string[] = [];
  const from: number[] = [];
  const split: number[] = [];
  lines.forEach((line, i) => {
    const parts = line.split(LINE_BREAK);
    if (parts.length > 1) split.push(i);
    for (const part of parts) {
      pieces.push(part);
      from.push(i);
    }
  });
  return { pieces, from, split };
}

/**
 * Takes canonical `lines` and returns them as a record holding `limit` lines writes them
 * (`fitStreetLines`), reporting each changed line (`value_changed`, never quoting the text).
 * With `splitBreaks` (a platform storing the lines joined with line breaks), a line holding a line
 * break is first cut into lines there, and reported. Undefined when there is nothing to write: no
 * lines and no empty lines of this platform's own.
 */
export function writeStreetLines(s: EncodeScope, limit: number, platformLabel: string, splitBreaks = false): string[] | undefined {
  const value = s.peek(['lines']);
  const blanks = s.platformData[`$${BLANK_HINT}`];
  if (!Array.isArray(value) && blanks === undefined) return undefined;
  if (Array.isArray(value)) s.take(['lines']);
  const canonical = Array.isArray(value) ? (value as string[]) : [];
  const { pieces, from, split } = splitBreaks ? splitLineBreaks(canonical) : { pieces: canonical, from: canonical.map((_, i) => i), split: [] };
  const fitted = fitStreetLines(pieces, limit, blanks);
  if (split.length === 0 && fitted.changed.length === 0) return fitted.lines;
  const held = limit === 1 ? 'one street line' : `${limit} street lines`;
  const why = new Map<number, string[]>();
  const add = (i: number, text: string) => {
    const all = why.get(i) ?? [];
    if (!all.includes(text)) all.push(text);
    why.set(i, all);
  };
  for (const i of split) add(i, `${platformLabel} stores a street as its lines joined with line breaks: each line break in this line starts a new street line`);
  for (const piece of fitted.changed) add(from[piece]!, `${platformLabel} holds ${held}: lines ${limit}–${fitted.count} are written as line ${limit}, joined with ", "`);
  for (const [i, texts] of [...why].sort(([a], [b]) => a - b)) s.report(['lines', i], 'value_changed', texts.join('; '));
  return fitted.lines;
}

/**
 * Two street-line keys <-> `lines[0]`, `lines[1]`. A null line stays platform data; a second line
 * without a first comes back to the second key (hint); a third and later canonical lines are joined
 * into the second key with ", " and the join is reported (`value_changed`); empty lines as `STREET_LINES` says.
 */
export const twoStreetLines = (first: string, second: string, platformLabel: string): CustomRule =>
  custom({
    name: 'street lines',
    keys: [first, second],
    canonical: [['lines']],
    note:
      `\`${first}\`, \`${second}\` <-> lines[0], lines[1]; a null line stays ${platformLabel} data; ${EMPTY_LINE_NOTE}; ` +
      `a third and later canonical lines are joined into \`${second}\` with ", " (reported \`value_changed\`)`,
    decode(s) {
      const read: { text: string; source: Path }[] = [];
      for (const key of [first, second]) {
        const v = s.src[key];
        if (typeof v === 'string') read.push({ text: v, source: [key] });
        else if (v !== undefined) s.keep(key, v, 'platform_data');
      }
      if (read.length === 0) return;
      readStreetLines(s, read, read.find((l) => l.text !== '')?.source ?? read[0]!.source);
      if (read.length === 1 && read[0]!.source[0] === second) s.hint('secondLineOnly', true);
    },
    encode(s) {
      const lines = writeStreetLines(s, 2, platformLabel);
      if (lines === undefined || lines.length === 0) return;
      if (lines.length === 1 && s.platformData.$secondLineOnly === true) return s.put(second, lines[0]);
      lines.forEach((line, i) => s.put(i === 0 ? first : second, line));
    },
  });
