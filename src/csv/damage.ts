import type { CsvRecord } from './records.js';

/**
 * Damaged records of a Magento CSV file, and what may be inside them. A quote opened and never
 * closed (or closed records later) makes csv-parse read the rows after it as part of one cell, so a
 * damaged record may hold other customers' rows. Which ones cannot be told from cell positions (the
 * rows inside are cut anywhere), but each such row holds its customer's e-mail as a cell: the
 * e-mails in a damaged record's text are exactly the customers it may hold, and a few more.
 */

/**
 * The e-mail addresses `text` may hold: its words between commas, quotes and white space (line
 * breaks included) that contain `@`, lower-cased (the join key's form). A row's `_email` cell is one
 * such word whatever the damage around it; an e-mail holding any of those is no valid customer e-mail.
 */
export function emailsIn(text: string): Set<string> {
  const found = new Set<string>();
  if (!text.includes('@')) return found;
  for (const word of text.split(/[\s,"]+/)) if (word.includes('@')) found.add(word.toLowerCase());
  return found;
}

/**
 * Why a data record is damaged, or `undefined`: it is not valid CSV, it has the wrong number of
 * cells, or a cell of it spanning lines holds an e-mail other than its own (`own`, its e-mail cell):
 * rows inside a cell whose quote was closed records later, the cell count right by chance (a stray
 * quote in the same column of a later row). A multi-line street holding an e-mail is read so too.
 */
export function damageOf(record: CsvRecord, columns: number, own: string): string | undefined {
  if (record.kind === 'broken') return `${record.problem} (detected at file line ${record.fileLine})`;
  if (record.cells.length !== columns) return `it has ${record.cells.length} cells, the header ${columns}`;
  const self = own.toLowerCase();
  for (const cell of record.cells) {
    if (!/[\r\n]/.test(cell)) continue;
    for (const email of emailsIn(cell)) {
      if (email !== self) return 'a cell spanning lines holds an e-mail, as rows inside a quoted cell closed records later would';
    }
  }
  return undefined;
}

/** A piece of a damaged record's text, and the line of that text it starts on (1-based). */
export interface Piece {
  readonly text: string;
  readonly line: number;
}

/**
 * A damaged record's text cut where other rows may start: at each line after the first that holds
 * an e-mail. Each piece is a row a person would see, with the lines below it that hold no e-mail
 * (the rest of a multi-line cell, or address rows of the composite format).
 */
export function pieces(raw: string): Piece[] {
  // [line, break, line, break, …, line]
  const parts = raw.split(/(\r\n|\n|\r)/);
  const out: Piece[] = [];
  let piece = { text: parts[0] ?? '', line: 1 };
  for (let i = 2; i < parts.length; i += 2) {
    const line = parts[i] ?? '';
    if (emailsIn(line).size > 0) {
      out.push(piece);
      piece = { text: line, line: i / 2 + 1 };
    } else piece.text += (parts[i - 1] ?? '') + line;
  }
  out.push(piece);
  return out;
}
