import { hasKey } from './path.js';

/** The listed keys of `rec` that are present (undefined-valued keys are left out). */
export function pick(rec: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (hasKey(rec, k) && rec[k] !== undefined) out[k] = rec[k];
  return out;
}
