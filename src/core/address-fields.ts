// Address fields of a target record (issue 10, item 2): `defaults` keyed `addresses.<field>` fill
// each address the target record holds that lacks the value, and a platform may say, from its
// options, which address fields the target shop requires beyond its schema. Knows no platform: the
// addresses of a record are the objects the encode made from canonical addresses.
import { ADDRESSES } from '../canonical/customer.js';
import type { Issue } from './issues.js';
import { isPlainObject, type Path } from './path.js';

/** The prefix of a `defaults` key for an address field: `addresses.telephone`. */
export const ADDRESS_DEFAULT_PREFIX = `${ADDRESSES}.`;

/** The address field a `defaults` key names (`addresses.telephone` -> `telephone`), or undefined for a record key. */
export const addressDefaultField = (key: string): string | undefined =>
  key.startsWith(ADDRESS_DEFAULT_PREFIX) && key.length > ADDRESS_DEFAULT_PREFIX.length ? key.slice(ADDRESS_DEFAULT_PREFIX.length) : undefined;

/**
 * Every address object of `record` (at any slot: a list element, a billing slot), with its path in
 * the record: the objects the encode made from a canonical address (`made`). Walks three levels.
 */
export function addressObjects(record: Record<string, unknown>, made: WeakMap<object, Path>): [Path, Record<string, unknown>][] {
  const found: [Path, Record<string, unknown>][] = [];
  const walk = (value: unknown, path: Path, depth: number): void => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    const from = made.get(value);
    if (from && from[0] === ADDRESSES && from.length === 2 && isPlainObject(value)) {
      found.push([path, value]);
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], depth + 1));
    else for (const [k, v] of Object.entries(value)) walk(v, [...path, k], depth + 1);
  };
  walk(record, [], 0);
  return found;
}

/** Fills each address's field named by an `addresses.<field>` default where the address has no value (absent or null). */
export function fillAddressDefaults(addresses: readonly [Path, Record<string, unknown>][], defaults: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(defaults)) {
    const field = addressDefaultField(key);
    if (field === undefined || value === undefined) continue;
    for (const [, address] of addresses) if (address[field] === undefined || address[field] === null) address[field] = value;
  }
}

// No value: absent, null or "". White space is a value, as for the platforms' own required checks
// (a required string of one character; PHP's `empty(' ')` is false).
const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * A `required` issue at each field of `fields` an address lacks (absent, null or ""), at its path in
 * the record; `why` says who requires it (the platform option, or the default it follows).
 */
export function missingAddressFields(addresses: readonly [Path, Record<string, unknown>][], fields: readonly string[], target: string, why: string): Issue[] {
  return addresses.flatMap(([path, address]) =>
    fields.filter((f) => missing(address[f])).map((f): Issue => ({ code: 'required', path: [...path, f], message: `Required: the ${target} shop requires ${f} in addresses (${why})` })),
  );
}
