import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * The E.164 form (`+61391234567`) of a phone number as people write it (`03 9123 4567`, `+1 310-555-0142`),
 * or `undefined` when libphonenumber-js (full "max" metadata) does not read the whole text as one valid
 * number. `country` (ISO 3166-1 alpha-2) is the country a number without a leading `+` is dialled in;
 * a number with a leading `+` needs none. Text around the number (`call 03 9123 4567`) and extensions
 * (`ext. 12`, which E.164 cannot hold) make it not normalisable: nothing is guessed or dropped.
 */
export function toE164(written: string, country?: string | null): string | undefined {
  // Surrounding white space (a spreadsheet's leading space, a no-break space) is no part of the number.
  const text = written.trim();
  if (!memo) return readE164(text, country);
  // A leading + is read without the country.
  const key = text.startsWith('+') ? text : `${country ?? ''}\u0000${text}`;
  if (memo.has(key)) return memo.get(key);
  const e164 = readE164(text, country);
  memo.set(key, e164);
  // A valid E.164 number reads as itself: the encode that follows the decode will ask.
  if (e164 !== undefined) memo.set(e164, e164);
  return e164;
}

function readE164(written: string, country?: string | null): string | undefined {
  // White space around a number (a CSV cell's leading space) is no part of it.
  const text = written.trim();
  // No digit in any script (libphonenumber-js reads Arabic-Indic or full-width digits too): no number.
  if (!DIGIT.test(text)) return undefined;
  const defaultCountry = typeof country === 'string' && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(text, { ...(defaultCountry ? { defaultCountry } : {}), extract: false });
  } catch {
    return undefined;
  }
  if (!parsed || !parsed.isValid() || parsed.ext !== undefined) return undefined;
  return parsed.number;
}

const DIGIT = /\p{Nd}/u;

// Phones read during one conversion (see `rememberingPhones`); undefined outside one.
let memo: Map<string, string | undefined> | undefined;

/**
 * Runs `convert` with each phone reading remembered until it returns. A conversion reads one phone
 * several times (decoding it, encoding it, the residue's encode), and libphonenumber-js with full
 * metadata is one of the costliest steps. Nothing is remembered across conversions.
 */
export function rememberingPhones<T>(convert: () => T): T {
  if (memo) return convert();
  memo = new Map();
  try {
    return convert();
  } finally {
    memo = undefined;
  }
}

/** The canonical form of a phone: E.164 when `toE164` reads it, else the text as written. Idempotent. */
export const normalisePhone = (text: string, country?: string | null): string => toE164(text, country) ?? text;

/** Whether `value` is a valid phone number written in E.164 (it normalises to itself in any country). */
export const isE164 = (value: string): boolean => /^\+[1-9]\d{1,14}$/.test(value) && toE164(value) === value;
