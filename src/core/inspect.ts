import type { Issue } from './issues.js';

/**
 * The bounds a value must keep before any recursive walk (zod's, the engine's) reads it. A record
 * as a shop holds it is a few levels deep and a few kilobytes; these bounds are far above that and
 * keep hostile or broken input (a record nested thousands of levels, a cycle, a 16 MB field) from
 * exhausting the stack or taking seconds. Configurable per call (`limits` option).
 */
export interface Limits {
  /** The deepest nesting of objects and lists (the record itself is level 0). Default 64. */
  readonly depth: number;
  /** The most text a value may hold: characters of every string and key, plus one per value. Default 8,388,608 (8 Mi). */
  readonly size: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({ depth: 64, size: 8_388_608 });

/** What inspecting an input found: issues that stop it before anything else reads it, and own `__proto__` keys. */
export interface Inspection {
  /**
   * Too deep, too large, unreadable (a getter or proxy that throws) or no JSON value inside (a
   * function, a symbol, a bigint, a Symbol-keyed property): nothing else may read the value.
   */
  readonly fatal: Issue[];
  /**
   * Own `__proto__` keys (JSON.parse makes them): zod and plain assignment would turn them into a
   * prototype and drop the data in silence, so they are refused too, after the schema has spoken.
   */
  readonly protoKeys: Issue[];
}

const NONE: Inspection = Object.freeze({ fatal: [], protoKeys: [] }) as Inspection;

type Key = string | number;

/**
 * One walk over `value` with an explicit stack (no recursion, so no depth can overflow it), in time
 * linear in what it reads and never more than `limits.size` steps. A cycle is found as a value
 * deeper than `limits.depth`. Only messages this library writes are returned: never a key or value.
 */
export function inspect(value: unknown, limits: Limits = DEFAULT_LIMITS): Inspection {
  if (typeof value === 'string') return value.length > limits.size ? tooLarge([], limits) : NONE;
  if (value === null || typeof value !== 'object') return NONE;
  const protoKeys: Issue[] = [];
  // Each entry: a container and its path. Paths are built only for containers, and shared by prefix.
  const stack: { node: object; path: Key[] }[] = [{ node: value, path: [] }];
  let size = 0;
  try {
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (path.length > limits.depth) {
        return fatal([{ code: 'too_deep', path, message: `Nested deeper than ${limits.depth} levels (or cyclic): not read (the \`limits.depth\` option)` }]);
      }
      if (Object.getOwnPropertySymbols(node).length > 0) {
        return fatal([{ code: 'invalid_input', path, message: 'A Symbol-keyed property cannot be carried: records are JSON values' }]);
      }
      const list = Array.isArray(node);
      const keys: readonly Key[] = list ? indices((node as unknown[]).length) : Object.keys(node);
      size += keys.length + 1;
      for (const key of keys) {
        if (!list) {
          size += (key as string).length;
          if (key === '__proto__') {
            protoKeys.push({ code: 'invalid_input', path: [...path, key], message: 'A "__proto__" key cannot be carried safely' });
          }
        }
        const child = (node as Record<Key, unknown>)[key];
        const type = typeof child;
        if (type === 'string') size += (child as string).length;
        else if (child !== null && type === 'object') stack.push({ node: child as object, path: [...path, key] });
        else if (type === 'function' || type === 'symbol' || type === 'bigint') {
          return fatal([{ code: 'invalid_input', path: [...path, key], message: `A ${type} is no JSON value: records are JSON values` }]);
        }
        if (size > limits.size) return tooLarge(path, limits);
      }
    }
  } catch {
    // A getter or a proxy trap that throws: the value cannot be read as data.
    return fatal([{ code: 'invalid_input', path: [], message: 'The value could not be read (a property getter or proxy threw): records are JSON values' }]);
  }
  return protoKeys.length === 0 ? NONE : { fatal: [], protoKeys };
}

const fatal = (issues: Issue[]): Inspection => ({ fatal: issues, protoKeys: [] });

const tooLarge = (path: Key[], limits: Limits): Inspection =>
  fatal([{ code: 'too_large', path, message: `Holds more than ${limits.size} characters: not read (the \`limits.size\` option)` }]);

const indices = (n: number): number[] => {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
};
