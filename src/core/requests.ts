import type { z } from 'zod';
import { attributeCredential, holdsSecret, isSecretAttribute, secretAt, withoutSecrets } from './credentials.js';
import type { Loss, LossCode } from './issues.js';
import { declaredLoss, ruleOf, type Table } from './mapping.js';
import { carriesData } from './objects.js';
import { eachChild, hasKey, isPlainObject, type Path } from './path.js';
import { PathTrie } from './trie.js';

// A request body is declared as data: each part says which record keys fill which body key, or why
// a record key is left out. `buildBody` reads the parts to build the body; `bodyLosses` reads the same
// parts to name every record value the body does not hold, so the two can never disagree.
// A credential attribute entry (`{attribute_code: 'rp_token', value}`, see credentials.ts) is never
// sent, wherever it sits in a value a part sends as it is; `bodyLosses` names each one.

type Level = Record<string, unknown>;

/** Options of `toRequest`. A password exists only in request bodies, never in records. */
export interface RequestOptions {
  /** Plain-text password for platforms whose create/update body takes one. */
  readonly password?: string;
}

/** Why a record value is not in a body: a loss code and a short reason (never a value). */
export interface LeftOut {
  readonly code: LossCode;
  readonly why: string;
}

/** `body[key]` from record keys of this level; a value of `undefined` leaves the key out. */
export interface SendPart {
  readonly kind: 'send';
  readonly key: string;
  readonly from: readonly string[];
  readonly value: (values: readonly unknown[], level: Level, record: Level) => unknown;
  /** Whether the key is sent at all for this record (e.g. Medusa sends no `email` once `has_account`). */
  readonly when?: (level: Level, record: Level) => boolean;
  /** Why the record value is lost when it is not sent. */
  readonly lost: LeftOut;
  /** The `from` indices whose value the body holds in another form, and why (`value_changed`). */
  readonly changed?: { readonly at: (values: readonly unknown[]) => readonly number[]; readonly why: string };
}

/** `body[key]` is an object built by `parts` from this same record level (an envelope such as `{customer}`). */
export interface NestPart {
  readonly kind: 'nest';
  readonly key: string;
  readonly parts: readonly Part[];
}

/** `body[key]` is the record object `level[from]` built by `parts` (a non-object value is sent as it is). */
export interface ObjectPart {
  readonly kind: 'object';
  readonly key: string;
  readonly from: string;
  readonly parts: readonly Part[];
  /** Leave the key out when no part filled anything. */
  readonly dropEmpty: boolean;
}

/** `body[key]` is the record list `level[from]`, each object element built by `parts`. */
export interface ListPart {
  readonly kind: 'list';
  readonly key: string;
  readonly from: string;
  readonly parts: readonly Part[];
}

/** The keys of one element of the record list `level[from]`, chosen per record, written at this body level. */
export interface PickPart {
  readonly kind: 'pick';
  readonly from: string;
  readonly choose: (items: readonly unknown[], level: Level) => number | undefined;
  readonly parts: readonly Part[];
}

/** `body[key]` from the request options (a password), never from the record. */
export interface OptionPart {
  readonly kind: 'option';
  readonly key: string;
  readonly option: keyof RequestOptions;
}

/** Record keys the body leaves out, and why; `unless` names values the body holds all the same (derivable ones). */
export interface OmitPart {
  readonly kind: 'omit';
  readonly keys: readonly string[];
  readonly lost: LeftOut;
  readonly unless?: (value: unknown, level: Level, record: Level, key: string) => boolean;
  /** The mapping table the loss code was read from (`omitAs`): the code says what the values are, as the table does. */
  readonly table?: string;
}

export type Part = SendPart | NestPart | ObjectPart | ListPart | PickPart | OptionPart | OmitPart;

type SendOptions = {
  /** The record key (default: the body key). */
  readonly from?: string;
  /** The body value (default: the record value as it is); `undefined` leaves the key out. */
  readonly as?: (value: unknown, level: Level, record: Level) => unknown;
  readonly when?: (level: Level, record: Level) => boolean;
  readonly lost?: LeftOut;
  /** Whether the body holds this record value in another form (reported `value_changed`, with `why`). */
  readonly changed?: { readonly when: (value: unknown) => boolean; readonly why: string };
};

const NO_FORM: LeftOut = { code: 'not_representable', why: 'the body has no form for this value' };

export const send = (key: string, o: SendOptions = {}): SendPart => {
  const as = o.as;
  return {
    kind: 'send',
    key,
    from: [o.from ?? key],
    value: as ? (values, level, record) => as(values[0], level, record) : (values) => values[0],
    lost: o.lost ?? NO_FORM,
    ...(o.when ? { when: o.when } : {}),
    ...(o.changed ? { changed: { at: (values: readonly unknown[]) => (o.changed!.when(values[0]) ? [0] : []), why: o.changed.why } } : {}),
  };
};

/** One body key from several record keys (v4's one street line from two). */
export const combine = (
  key: string,
  from: readonly string[],
  value: (values: readonly unknown[]) => unknown,
  changed: SendPart['changed'],
): SendPart => ({ kind: 'send', key, from, value: (values) => value(values), lost: NO_FORM, ...(changed ? { changed } : {}) });

export const nest = (key: string, parts: readonly Part[]): NestPart => ({ kind: 'nest', key, parts });

export const object = (key: string, parts: readonly Part[], o: { from?: string; dropEmpty?: boolean } = {}): ObjectPart => ({
  kind: 'object',
  key,
  from: o.from ?? key,
  parts,
  dropEmpty: o.dropEmpty ?? false,
});

export const list = (key: string, parts: readonly Part[], o: { from?: string } = {}): ListPart => ({ kind: 'list', key, from: o.from ?? key, parts });

export const pick = (from: string, choose: PickPart['choose'], parts: readonly Part[]): PickPart => ({ kind: 'pick', from, choose, parts });

export const option = (key: string, name: keyof RequestOptions = key as keyof RequestOptions): OptionPart => ({ kind: 'option', key, option: name });

export const omit = (keys: string | readonly string[], code: LossCode, why: string, unless?: OmitPart['unless']): OmitPart => ({
  kind: 'omit',
  keys: typeof keys === 'string' ? [keys] : keys,
  lost: { code, why },
  ...(unless ? { unless } : {}),
});

/**
 * Record keys the body leaves out because of what their values are (ids and times the server assigns,
 * read-only values): the loss code is the one the mapping `table` declares for them (a `keep` rule's,
 * or the `loss` of a field or step), so a request and a conversion never call one value two things.
 * `why` says why the body leaves them out (default: the rule's note). Throws when a key has no
 * declared code, or the keys have different ones: a declaration error, found when the platform loads.
 */
export function omitAs(table: Table, keys: string | readonly string[], why?: string, unless?: OmitPart['unless']): OmitPart {
  const list = typeof keys === 'string' ? [keys] : keys;
  const codes = [...new Set(list.map((k) => declaredLoss(table, k)))];
  const code = codes[0];
  if (codes.length !== 1 || code === undefined) {
    throw new Error(`omitAs(${table.name}, ${list.join(', ')}): ${codes.length > 1 ? `the keys have different loss codes (${codes.join(', ')})` : 'the table declares no loss code for it'}`);
  }
  const rule = ruleOf(table, list[0]!);
  const reason = why ?? (rule?.kind === 'keep' ? rule.note : undefined);
  if (reason === undefined) throw new Error(`omitAs(${table.name}, ${list.join(', ')}): say why the body leaves it out`);
  return { ...omit(list, code, reason, unless), table: table.name };
}

/** The record's own id, which an update request takes in its URL (`route`), not in the body (its code from `table`). */
export const inUrl = (table: Table, key: string, route: string): OmitPart =>
  omitAs(table, key, `the id goes in the request URL (\`${route}\`), not the body`);

const own = (level: Level, key: string): unknown => (hasKey(level, key) ? level[key] : undefined);

/** Record paths the body holds: `true`, or why it holds the value in another form. */
type Taken = PathTrie<true | string>;

/** Marks `value` at `path` held, all but the secrets in it (credential attribute entries, reset-token keys: the body never holds those). */
function hold(value: unknown, path: (string | number)[], taken: Taken, how: true | string): void {
  if (!holdsSecret(value)) {
    taken.set(path, how);
    return;
  }
  if (isSecretAttribute(value)) return;
  const at = [...path];
  eachChild(value, at, (child, key) => {
    if (secretAt(key, child) === undefined) hold(child, [...at], taken, how);
  });
}

/** `value` sent as it is (but for its secrets), marked held at `path`. */
function asIs(value: unknown, path: (string | number)[], taken: Taken): unknown {
  hold(value, path, taken, true);
  return withoutSecrets(value);
}

function fill(parts: readonly Part[], level: Level, at: (string | number)[], out: Level, record: Level, options: RequestOptions, taken: Taken): Level {
  for (const part of parts) {
    switch (part.kind) {
      case 'send': {
        if (part.when && !part.when(level, record)) break;
        const raw = part.from.map((k) => own(level, k));
        const value = part.value(raw.map(withoutSecrets), level, record);
        if (value === undefined) break;
        out[part.key] = value;
        const changed = part.changed?.at(raw) ?? [];
        part.from.forEach((k, i) => hold(raw[i], [...at, k], taken, changed.includes(i) && part.changed ? part.changed.why : true));
        break;
      }
      case 'nest':
        out[part.key] = fill(part.parts, level, at, {}, record, options, taken);
        break;
      case 'object': {
        const v = own(level, part.from);
        if (isPlainObject(v)) {
          const sub = fill(part.parts, v, [...at, part.from], {}, record, options, taken);
          if (!part.dropEmpty || Object.keys(sub).length > 0) out[part.key] = sub;
        } else if (v !== undefined) out[part.key] = asIs(v, [...at, part.from], taken);
        break;
      }
      case 'list': {
        const v = own(level, part.from);
        if (Array.isArray(v)) {
          out[part.key] = v.flatMap((item, i) => {
            if (isSecretAttribute(item)) return [];
            if (isPlainObject(item)) return [fill(part.parts, item, [...at, part.from, i], {}, record, options, taken)];
            return [asIs(item, [...at, part.from, i], taken)];
          });
        } else if (v !== undefined) out[part.key] = asIs(v, [...at, part.from], taken);
        break;
      }
      case 'pick': {
        const items = own(level, part.from);
        if (!Array.isArray(items)) break;
        const i = part.choose(items, level);
        const item = i === undefined ? undefined : items[i];
        if (i !== undefined && isPlainObject(item)) fill(part.parts, item, [...at, part.from, i], out, record, options, taken);
        break;
      }
      case 'option': {
        const v = options[part.option];
        if (v !== undefined) out[part.key] = v;
        break;
      }
      case 'omit':
        if (part.unless) for (const k of part.keys) if (hasKey(level, k) && part.unless(level[k], level, record, k)) taken.set([...at, k], true);
        break;
    }
  }
  return out;
}

/** The body `parts` build from a (validated) record, and the record paths it holds. */
export function buildBody(parts: readonly Part[], record: Level, options: RequestOptions): { body: Level; taken: Taken } {
  const taken: Taken = new PathTrie();
  return { body: fill(parts, record, [], {}, record, options, taken), taken };
}

/** What `parts` declare per record path pattern (`*` for any element of a list): a reason, and whether it is an object level they read. */
type Declared = PathTrie<{ lost?: LeftOut; level?: true }>;

const declaredOf = new WeakMap<readonly Part[], Declared>();

function declare(parts: readonly Part[], at: (string | number)[], into: Declared): Declared {
  const mark = (path: (string | number)[], what: { lost?: LeftOut; level?: true }) => into.set(path, { ...into.get(path), ...what });
  mark(at, { level: true });
  for (const part of parts) {
    switch (part.kind) {
      case 'send':
        for (const k of part.from) mark([...at, k], { lost: part.lost });
        break;
      case 'omit':
        for (const k of part.keys) mark([...at, k], { lost: part.lost });
        break;
      case 'nest':
        declare(part.parts, at, into);
        break;
      case 'object':
        declare(part.parts, [...at, part.from], into);
        break;
      case 'list':
      case 'pick':
        declare(part.parts, [...at, part.from, '*'], into);
        break;
      case 'option':
        break;
    }
  }
  return into;
}

function declared(parts: readonly Part[]): Declared {
  let d = declaredOf.get(parts);
  if (!d) declaredOf.set(parts, (d = declare(parts, [], new PathTrie())));
  return d;
}

/** Why the value at `path` is not in the body: its own declaration, else an undocumented key of a level the parts read, else the nearest declaration above it. */
function reasonAt(d: Declared, path: Path): LeftOut {
  let node: Declared | undefined = d;
  let above: LeftOut | undefined;
  let parentIsLevel = false;
  for (const k of path) {
    parentIsLevel = node?.value?.level ?? false;
    node = node?.child(typeof k === 'number' ? '*' : k);
    if (node?.value?.lost) above = node.value.lost;
  }
  const own = node?.value?.lost;
  if (own) return own;
  const last = path[path.length - 1];
  if (parentIsLevel && typeof last === 'string') return { code: 'unknown_field', why: `"${last}" is not a documented key of the record` };
  return above ?? NO_FORM;
}

/**
 * Every record value the body does not hold, at the highest path dropped whole, with the reason its
 * parts declare; values the body holds in another form are `value_changed`. Nulls and empty
 * containers carry no data and are never reported.
 */
export function bodyLosses(parts: readonly Part[], record: Level, taken: Taken, label: string): Loss[] {
  const d = declared(parts);
  const losses: Loss[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown, t: Taken | undefined): void => {
    if (t?.holds) {
      if (typeof t.value === 'string') losses.push({ code: 'value_changed', path: [...path], message: `Sent in another form in the ${label} request: ${t.value}` });
      return;
    }
    if (!carriesData(value)) return;
    if ((Array.isArray(value) || isPlainObject(value)) && t?.holdsBelow) {
      eachChild(value, path, (child, k) => walk(child, t.child(k)));
      return;
    }
    const attribute = attributeCredential(value);
    const credential = attribute ?? secretAt(path[path.length - 1], value);
    if (credential !== undefined) {
      const what = attribute === undefined ? `a ${credential}` : `a ${credential} attribute`;
      losses.push({ code: 'not_migratable', path: [...path], message: `Not in the ${label} request: ${what} is a credential a request body never carries` });
      return;
    }
    const { code, why } = reasonAt(d, path);
    losses.push({ code, path: [...path], message: `Not in the ${label} request: ${why}` });
  };
  walk(record, taken);
  return losses;
}

/**
 * One API call of a request that takes several (a customer on one route, then each of its addresses
 * on another): its route, the schema its body must pass, and the parts that build the body.
 */
export interface CallSpec {
  readonly method: string;
  /** The route, or the route for one element (`each`); `{…}` placeholders are the client's to fill (an id an earlier call's response gives). */
  readonly path: string | ((item: Level, record: Level) => string);
  readonly schema: z.ZodType;
  readonly body: readonly Part[];
  /** One call for each object element of this record list, its parts reading the element; absent: one call, its parts reading the record. */
  readonly each?: string;
}

/** One call of a request, as a client sends it, in order: `{ method, path, body }`. */
export interface RequestCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * The parts of every call read as one declaration (a call for each element of a list reads as a
 * `list` part of its parts): what `bodyLosses`, `takesOption` and the docs read.
 */
export const callParts = (calls: readonly CallSpec[]): Part[] => calls.flatMap((c) => (c.each === undefined ? c.body : [list(c.each, c.body)]));

/** The calls `calls` declare for a (validated) record, in order, each with its spec, and the record paths their bodies hold. */
export function buildCalls(calls: readonly CallSpec[], record: Level, options: RequestOptions): { calls: { spec: CallSpec; call: RequestCall }[]; taken: Taken } {
  const taken: Taken = new PathTrie();
  const out: { spec: CallSpec; call: RequestCall }[] = [];
  const add = (spec: CallSpec, level: Level, at: (string | number)[]) => {
    const path = typeof spec.path === 'string' ? spec.path : spec.path(level, record);
    out.push({ spec, call: { method: spec.method, path, body: fill(spec.body, level, at, {}, record, options, taken) } });
  };
  for (const spec of calls) {
    if (spec.each === undefined) {
      add(spec, record, []);
      continue;
    }
    const items = own(record, spec.each);
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (isPlainObject(item) && !isSecretAttribute(item)) add(spec, item, [spec.each!, i]);
    });
  }
  return { calls: out, taken };
}

/** Whether the body takes this request option (a part fills a key from it). */
export function takesOption(parts: readonly Part[], name: keyof RequestOptions): boolean {
  return parts.some((p) =>
    p.kind === 'option' ? p.option === name : p.kind === 'nest' || p.kind === 'object' || p.kind === 'list' || p.kind === 'pick' ? takesOption(p.parts, name) : false,
  );
}

/**
 * The record keys the parts leave out, by path pattern, with their reasons: for the docs. `sometimes`:
 * left out only for some values (derivable ones are not reported; a sent key whose value has no body form is).
 */
export function leftOut(parts: readonly Part[], at: (string | number)[] = []): { path: (string | number)[]; lost: LeftOut; sometimes: boolean }[] {
  return parts.flatMap((p) => {
    switch (p.kind) {
      case 'omit':
        return p.keys.map((k) => ({ path: [...at, k], lost: p.lost, sometimes: p.unless !== undefined }));
      case 'send':
        return p.lost === NO_FORM ? [] : p.from.map((k) => ({ path: [...at, k], lost: p.lost, sometimes: true }));
      case 'nest':
        return leftOut(p.parts, at);
      case 'object':
        return leftOut(p.parts, [...at, p.from]);
      case 'list':
      case 'pick':
        return leftOut(p.parts, [...at, p.from, '*']);
      default:
        return [];
    }
  });
}
