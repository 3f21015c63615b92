/**
 * A spelling-insensitive key for names: accents and marks dropped, letter case folded, `&` read as
 * "and", apostrophes and dots removed, any other punctuation or run of spaces read as one space.
 * `Côte-d’Or`, `cote d'or` and `COTE D OR` share one key.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A string that says something: not empty (whitespace counts as text). */
export const hasText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
