import type { z } from 'zod';

/**
 * A zod schema's accepting path, compiled once into plain closures.
 *
 * zod stays the definition of every schema users see and the only source of issues: the compiled
 * form answers "valid, and here is exactly what `safeParse` would give" for the records that are
 * valid (nearly all of an export), and hands everything else to zod. It reads each schema's public
 * definition (`_zod.def`, the introspection zod documents for library authors) and knows a few node
 * kinds (objects, lists, records, strings, numbers, booleans, unions, literals and enums, optional,
 * nullable, unknown) and two length checks; any other node, and every other check (refinements, the
 * credential-key walk, formats), runs through zod's own code for that node or check. So it is sound
 * by construction where it defers, and test/compiled-schema.test.ts holds the rest to it: for
 * generated valid and broken records of every registered platform, whenever the compiled form
 * accepts, `safeParse` accepts with the same data, key order included.
 *
 * Why: zod walks a record with a payload object and an issues array per node; for a customer record
 * that costs about twice `JSON.parse` + `JSON.stringify` of it, once for the source and once for the
 * target (docs/performance.md).
 */

/** What a compiled node answers for a value it does not accept: zod then says why. */
const FAIL: unique symbol = Symbol('fail');
type Node = (value: unknown) => unknown;

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, any>;
type Check = z.core.$ZodCheck<any>;

let compiledNodes = new WeakMap<AnySchema, Node>();

const defOf = (s: AnySchema): Def => s._zod.def as Def;

/** zod's own parse of one node: its output, or FAIL. Sound for any node; the slow path. */
const viaZod =
  (s: AnySchema): Node =>
  (v) => {
    const r = (s as unknown as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(v);
    return r.success ? r.data : FAIL;
  };

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A node's checks as one step on its (already accepted) value: lengths compared here, every other
 * check run by zod's own code (`_zod.check`) on a payload, as zod's `runChecks` does.
 */
function checksOf(s: AnySchema): ((value: unknown) => unknown) | undefined {
  // A schema that is itself a check (a string format: email, datetime) runs first, as zod runs it.
  const own = (defOf(s).checks ?? []) as unknown as readonly Check[];
  const checks = (s._zod.traits as Set<string>).has('$ZodCheck') ? [s as unknown as Check, ...own] : own;
  if (checks.length === 0) return undefined;
  const steps = checks.map((ch): ((value: unknown) => unknown) => {
    const d = ch._zod.def as Record<string, any>;
    if (d.check === 'max_length' && typeof d.maximum === 'number' && !d.abort) {
      const max = d.maximum as number;
      return (v) => ((v as { length: number }).length <= max ? v : FAIL);
    }
    if (d.check === 'min_length' && typeof d.minimum === 'number' && !d.abort) {
      const min = d.minimum as number;
      return (v) => ((v as { length: number }).length >= min ? v : FAIL);
    }
    return (v) => {
      const payload = { value: v, issues: [] as unknown[] } as unknown as z.core.ParsePayload;
      if (d.when && !d.when(payload)) return v;
      const r = ch._zod.check(payload) as unknown;
      if (r instanceof Promise) return FAIL; // an async check: zod answers
      return payload.issues.length === 0 ? payload.value : FAIL;
    };
  });
  return (v) => {
    let out = v;
    for (let i = 0; i < steps.length; i++) {
      out = steps[i]!(out);
      if (out === FAIL) return FAIL;
    }
    return out;
  };
}

const withChecks = (node: Node, checks: ((value: unknown) => unknown) | undefined): Node =>
  checks
    ? (v) => {
        const out = node(v);
        return out === FAIL ? FAIL : checks(out);
      }
    : node;

/** The compiled form of `s` (cached per schema object). */
function compile(s: AnySchema): Node {
  const cached = compiledNodes.get(s);
  if (cached) return cached;
  // A recursive schema reaches itself through this forwarding node.
  let inner: Node = viaZod(s);
  compiledNodes.set(s, (v) => inner(v));
  inner = build(s);
  compiledNodes.set(s, inner);
  return inner;
}

function build(s: AnySchema): Node {
  const d = defOf(s);
  const traits = s._zod.traits as Set<string>;
  if (d.coerce) return viaZod(s);
  const checks = checksOf(s);
  switch (d.type) {
    case 'string':
      return withChecks((v) => (typeof v === 'string' ? v : FAIL), checks);
    case 'number':
      return withChecks((v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL), checks);
    case 'boolean':
      return withChecks((v) => (typeof v === 'boolean' ? v : FAIL), checks);
    case 'unknown':
    case 'any':
      return withChecks((v) => v, checks);
    case 'null':
      return withChecks((v) => (v === null ? v : FAIL), checks);
    case 'literal':
    case 'enum': {
      const values = s._zod.values as ReadonlySet<unknown> | undefined;
      if (!values) return viaZod(s);
      return withChecks((v) => (values.has(v) ? v : FAIL), checks);
    }
    case 'optional': {
      // An inner schema that substitutes a value for absence (a default, a prefault) is zod's to run.
      if (traits.has('$ZodExactOptional') || d.innerType._zod.optin === 'defaulted' || checks) return viaZod(s);
      const innerNode = compile(d.innerType);
      return (v) => (v === undefined ? undefined : innerNode(v));
    }
    case 'nullable': {
      if (checks) return viaZod(s);
      const innerNode = compile(d.innerType);
      return (v) => (v === null ? null : innerNode(v));
    }
    case 'array': {
      const element = compile(d.element);
      return withChecks((v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === FAIL) return FAIL;
          out[i] = item;
        }
        return out;
      }, checks);
    }
    case 'union': {
      if (d.discriminator !== undefined || d.inclusive === false) return viaZod(s);
      const options = (d.options as AnySchema[]).map(compile);
      return withChecks((v) => {
        for (let i = 0; i < options.length; i++) {
          const out = options[i]!(v);
          if (out !== FAIL) return out;
        }
        return FAIL;
      }, checks);
    }
    case 'record': {
      const key = defOf(d.keyType);
      // Only string keys with no checks of their own (enumerated or refined keys: zod answers).
      if (key.type !== 'string' || (key.checks ?? []).length > 0 || d.keyType._zod.values || d.mode === 'loose') return viaZod(s);
      const value = compile(d.valueType);
      return withChecks((v) => {
        if (!isPlain(v) || Object.getOwnPropertySymbols(v).length > 0) return FAIL;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          if (k === '__proto__') return FAIL;
          const item = value(v[k]);
          if (item === FAIL) return FAIL;
          out[k] = item;
        }
        return out;
      }, checks);
    }
    case 'object':
      return withChecks(objectNode(s, d), checks);
    default:
      return viaZod(s);
  }
}

function objectNode(s: AnySchema, d: Def): Node {
  const shape = d.shape as Record<string, AnySchema>;
  if (Object.getOwnPropertySymbols(shape).length > 0) return viaZod(s);
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return viaZod(s);
  const known = new Set(keys);
  const nodes = keys.map((k) => compile(shape[k]!));
  // A key may be absent only where zod's object lets it be (optional in and out): else zod answers.
  const mayBeAbsent = keys.map((k) => shape[k]!._zod.optin === 'optional' && shape[k]!._zod.optout === 'optional');
  const catchall = d.catchall as AnySchema | undefined;
  const rest = catchall === undefined ? 'strip' : defOf(catchall).type === 'unknown' ? 'loose' : defOf(catchall).type === 'never' ? 'strict' : undefined;
  if (rest === undefined) return viaZod(s);
  if (generate) return generatedObject(keys, nodes, mayBeAbsent, known, rest);
  return (v) => {
    if (!isPlain(v)) return FAIL;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const present = k in v;
      if (!present) {
        if (mayBeAbsent[i]) continue;
        return FAIL;
      }
      const item = nodes[i]!(v[k]);
      if (item === FAIL) return FAIL;
      out[k] = item;
    }
    if (rest === 'strip') return out;
    for (const k in v) {
      if (known.has(k)) continue;
      // An undeclared `__proto__` key: zod's own handling (it strips it) decides.
      if (k === '__proto__' || rest === 'strict') return FAIL;
      out[k] = v[k];
    }
    return out;
  };
}

/** Whether this runtime lets code be generated (a page's Content-Security-Policy may forbid it): else closures. */
const CAN_GENERATE = ((): boolean => {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
})();
let generate = CAN_GENERATE;

/** Tests: compile with generated code (where the runtime allows it) or with closures only; compiled forms are made anew. */
export function useGeneratedCode(enabled: boolean): void {
  generate = enabled && CAN_GENERATE;
  compiledNodes = new WeakMap();
}

/**
 * The object node as generated code: one straight-line read per declared key, with the key written
 * into the code, so each read is a named property access the engine can cache (a loop over the keys
 * is a lookup by a different name each time). The same steps as the closure above; keys enter the
 * code only as JSON string literals.
 */
function generatedObject(keys: readonly string[], nodes: readonly Node[], mayBeAbsent: readonly boolean[], known: ReadonlySet<string>, rest: 'strip' | 'loose' | 'strict'): Node {
  const lines: string[] = ['if (!isPlain(v)) return FAIL;', 'const out = {};', 'let x;'];
  keys.forEach((k, i) => {
    const key = JSON.stringify(k);
    lines.push(
      `if (${key} in v) { x = n[${i}](v[${key}]); if (x === FAIL) return FAIL; out[${key}] = x; }` + (mayBeAbsent[i] ? '' : ' else return FAIL;'),
    );
  });
  if (rest !== 'strip') {
    lines.push(
      'for (const k in v) {',
      '  if (known.has(k)) continue;',
      rest === 'strict' ? '  return FAIL;' : "  if (k === '__proto__') return FAIL;\n  out[k] = v[k];",
      '}',
    );
  }
  lines.push('return out;');
  const make = new Function('FAIL', 'isPlain', 'n', 'known', `return function compiledObject(v) {\n${lines.join('\n')}\n};`);
  return make(FAIL, isPlain, nodes, known) as Node;
}

/**
 * `schema.safeParse(value)`, compiled: a valid value is checked and copied by the compiled form
 * (the same data zod would give), anything else goes to zod, which reports why.
 */
export function safeParseCompiled<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const out = compile(schema)(value);
  if (out !== FAIL) return { success: true, data: out as z.output<S> } as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(value);
}

/** What the compiled form alone makes of `value`: `{ data }` when it accepts, `undefined` when it leaves it to zod (tests). */
export function compiledAccepts(schema: z.ZodType, value: unknown): { data: unknown } | undefined {
  const out = compile(schema)(value);
  return out === FAIL ? undefined : { data: out };
}
