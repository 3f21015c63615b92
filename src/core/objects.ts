import { hasKey, isPlainObject } from './path.js';

/** The listed keys of `rec` that are present (undefined-valued keys are left out). */
export function pick(rec: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (hasKey(rec, k) && rec[k] !== undefined) out[k] = rec[k];
  return out;
}

/** Structural equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => hasKey(b, k) && sameJson(a[k], b[k]));
}

/** Whether a value holds anything but nulls, empty lists and empty objects. */
export const carriesData = (v: unknown): boolean => {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.some(carriesData);
  if (isPlainObject(v)) return Object.values(v).some(carriesData);
  return true;
};

/** Sets an own enumerable property whatever the key (`__proto__` included): for tables keyed by input. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // Assignment makes the same own property for every key but `__proto__` (the one setter a plain
  // object inherits), and costs far less than defining it.
  if (key !== '__proto__') target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of a JSON value: its objects and lists are new, so changing the copy never changes the original. */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) setOwn(out, k, copyJson(value[k]));
  return out as T;
}
