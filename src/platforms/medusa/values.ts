import type { ValueCodec } from '../../core/mapping.js';
import { isCountryCode } from '../../canonical/primitives.js';

/** Medusa lower-case alpha-2 `country_code` <-> canonical upper-case alpha-2. */
export const lowerCaseCountry: ValueCodec<string, string> = {
  name: 'lower-case ISO 3166-1 alpha-2',
  note: '`au` <-> `AU`; other forms travel as Medusa data',
  decode: (raw) => (typeof raw === 'string' && raw === raw.toLowerCase() && isCountryCode(raw) ? raw.toUpperCase() : undefined),
  encode: (code) => code.toLowerCase(),
};

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
