/**
 * A spelling-insensitive key for names: accents and marks dropped, letter case folded, `&` read as
 * "and", apostrophes and dots removed, any other punctuation or run of spaces read as one space.
 * `Côte-d’Or`, `cote d'or` and `COTE D OR` share one key.
 */
export function fold(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/&/g, ' and ').replace(/['’‘`´.]/g, '').replace(NOT_WORD, ' ').trim();
    // Names repeat (a directory is folded once, the same regions come in record after record): bounded.
    if (folded.size >= 10_000) folded.clear();
    folded.set(text, key);
  }
  return key;
}

// Built once: the bundler turns Unicode property escapes into `new RegExp` where they stand.
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const folded = new Map<string, string>();

/** A string that says something: not empty (whitespace counts as text). */
export const hasText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
