import { DEFAULT_LIMITS, type Limits } from './inspect.js';
import type { LossCode } from './issues.js';
import type { Rule, Table } from './mapping.js';
import { ruleKeys } from './mapping.js';
import { getAt, hasKey, isPlainObject, setAt, type Path } from './path.js';
import { PathTrie } from './trie.js';
import { copyJson } from './objects.js';

/** Where a canonical value came from, and how to report it if a target cannot hold it. */
export interface Origin {
  readonly canonical: Path;
  readonly source: Path;
  readonly code?: LossCode;
  readonly note?: string;
}

/** A loss found while encoding, still addressed by canonical path. */
export interface PendingLoss {
  readonly canonical: Path;
  readonly code: LossCode;
  readonly message: string;
}

/** What a conversion was asked to do, beyond the data: the platform's own options (validated). */
export interface RunOptions {
  /** This platform's options (lookup tables, limits), already validated against its schema. */
  readonly platform: Readonly<Record<string, unknown>>;
  /** Whether values a target cannot hold may travel in its metadata bag (default true). */
  readonly residue: boolean;
  /** Reject the customer when the target cannot hold one of its addresses, instead of leaving the address out (default false). */
  readonly strictAddresses: boolean;
  /** The bounds an input must keep before anything walks it (see core/inspect). */
  readonly limits: Limits;
  /** Phones carried as written (absent: `'as-written'`) or read and written in E.164 (see core/steps `phoneField`). */
  readonly phones?: 'as-written' | 'e164';
}

export const NO_OPTIONS: RunOptions = { platform: {}, residue: true, strictAddresses: false, limits: DEFAULT_LIMITS };

export class DecodeState {
  /** Where each canonical location came from, by canonical path. */
  readonly origins = new PathTrie<Origin>();
  /** Source subtrees that hold the same data as another (one canonical value read from two places). */
  readonly aliases: { source: Path; also: Path }[] = [];
  /**
   * Source leaves that restate a canonical value in another form and hold nothing else (a directory
   * id equal to the one the directory gives that region): they are written again from the value.
   */
  readonly derived: { source: Path; canonical: Path }[] = [];
  /** Source leaves that hold no data (an empty street line): left out of the canonical form, never a loss. */
  readonly blanks: Path[] = [];
  constructor(
    readonly platform: string,
    readonly options: RunOptions = NO_OPTIONS,
  ) {}
  alias(source: Path, also: Path): void {
    this.aliases.push({ source, also });
  }
  origin(o: Origin): void {
    this.origins.set(o.canonical, o);
  }
}

export class EncodeState {
  /** The canonical paths the target took (a path taken takes everything below it). */
  readonly consumed = new PathTrie<true>();
  /** Each nested object the encode wrote (an address, a group), and the canonical path it was made from. */
  readonly made = new WeakMap<object, Path>();
  readonly losses: PendingLoss[] = [];
  constructor(
    readonly platform: string,
    readonly options: RunOptions = NO_OPTIONS,
  ) {}
}

/** A step's value with no loss code or note of its own (shared: never written to). */
const NO_HOW: { code?: LossCode; note?: string } = Object.freeze({});

/** What a decode step sees: its source object, and where to write canonical values. */
export class DecodeScope {
  readonly platformData: Record<string, unknown> = {};
  /** Whether anything is kept in `platformData` (a key or a hint; steps may also write it directly). */
  get hasPlatformData(): boolean {
    for (const _ in this.platformData) return true;
    return false;
  }
  constructor(
    readonly state: DecodeState,
    readonly src: Record<string, unknown>,
    readonly out: Record<string, unknown>,
    readonly canonicalPrefix: Path,
    readonly sourcePrefix: Path,
  ) {}

  /** Writes a canonical value (skipped when undefined) and remembers its source path. */
  set(canonical: Path, value: unknown, source: Path, how: { code?: LossCode; note?: string } = NO_HOW): void {
    if (value === undefined) return;
    setAt(this.out, canonical, value);
    this.state.origin(originOf(join(this.canonicalPrefix, canonical), join(this.sourcePrefix, source), how));
  }

  /** Records where a canonical location came from, without writing a value. */
  trace(canonical: Path, source: Path, how: { code?: LossCode; note?: string } = NO_HOW): void {
    this.state.origin(originOf(join(this.canonicalPrefix, canonical), join(this.sourcePrefix, source), how));
  }

  /** Marks a source leaf as derivable from a canonical value (see `DecodeState.derived`): not data of its own. */
  derive(source: Path, canonical: Path): void {
    this.state.derived.push({ source: [...this.sourcePrefix, ...source], canonical: [...this.canonicalPrefix, ...canonical] });
  }

  /** Marks a source leaf as holding no data (see `DecodeState.blanks`): left out, never reported lost. */
  blank(source: Path): void {
    this.state.blanks.push([...this.sourcePrefix, ...source]);
  }

  /** Keeps a source key verbatim as this platform's data. */
  keep(key: string, value: unknown, code: LossCode, note?: string): void {
    const stored = escapeKey(key);
    this.platformData[stored] = value;
    this.state.origin({
      canonical: [...this.canonicalPrefix, 'platformData', this.state.platform, stored],
      source: [...this.sourcePrefix, key],
      code,
      ...(note === undefined ? {} : { note }),
    });
  }

  /** Remembers structure the canonical form cannot express (not data: never reported as a loss). */
  hint(name: string, value: unknown): void {
    this.platformData[`$${name}`] = value;
  }

  /** Decodes a nested object (an address, a group) with its own table. */
  nested(table: Table, src: unknown, canonical: Path, source: Path): Record<string, unknown> {
    const c = [...this.canonicalPrefix, ...canonical];
    const s = [...this.sourcePrefix, ...source];
    this.state.origin({ canonical: c, source: s });
    return decodeObject(table, src as Record<string, unknown>, this.state, c, s);
  }
}

/** What an encode step sees: the canonical object, and where to write record keys. */
export class EncodeScope {
  readonly out: Record<string, unknown> = {};
  constructor(
    readonly state: EncodeState,
    readonly value: Record<string, unknown>,
    readonly canonicalPrefix: Path,
  ) {}

  private ownData: Record<string, unknown> | undefined;

  /** This platform's data at this level (raw keys and `$` hints); read once, as encoding never changes the value. */
  get platformData(): Record<string, unknown> {
    if (this.ownData === undefined) {
      const all = this.value.platformData;
      const pd = isPlainObject(all) ? all[this.state.platform] : undefined;
      this.ownData = isPlainObject(pd) ? pd : {};
    }
    return this.ownData;
  }

  /** Reads a canonical value without claiming it. */
  peek(canonical: Path): unknown {
    return getAt(this.value, canonical);
  }

  /** Reads a canonical value and claims it as carried. */
  take(canonical: Path): unknown {
    const v = getAt(this.value, canonical);
    if (v !== undefined) this.state.consumed.set([...this.canonicalPrefix, ...canonical], true);
    return v;
  }

  put(key: string, value: unknown): void {
    if (value !== undefined) this.out[key] = value;
  }

  /** Reports a loss without claiming the value: the rest of it is still checked as usual. */
  report(canonical: Path, code: LossCode, message: string): void {
    this.state.losses.push({ canonical: [...this.canonicalPrefix, ...canonical], code, message });
  }

  /** Reports a canonical value as not carried, with a reason. */
  lose(canonical: Path, code: LossCode, message: string): void {
    this.state.losses.push({ canonical: [...this.canonicalPrefix, ...canonical], code, message });
  }

  nested(table: Table, value: unknown, canonical: Path): Record<string, unknown> {
    const path = [...this.canonicalPrefix, ...canonical];
    const out = encodeObject(table, value as Record<string, unknown>, this.state, path);
    this.state.made.set(out, path);
    return out;
  }

  /** A copy of an object this encode made (one address written in two places), made from the same canonical path. */
  copy(made: Record<string, unknown>): Record<string, unknown> {
    const out = copyJson(made);
    const from = this.state.made.get(made);
    if (from) this.state.made.set(out, from);
    return out;
  }
}

/** `prefix` followed by `path` (paths are never mutated, so an empty prefix shares `path`). */
const join = (prefix: Path, path: Path): Path => (prefix.length === 0 ? path : path.length === 0 ? prefix : [...prefix, ...path]);

const originOf = (canonical: Path, source: Path, how: { code?: LossCode; note?: string }): Origin =>
  how.code === undefined && how.note === undefined
    ? { canonical, source }
    : how.note === undefined
      ? { canonical, source, code: how.code! }
      : how.code === undefined
        ? { canonical, source, note: how.note }
        : { canonical, source, code: how.code, note: how.note };

// Platform data holds source keys verbatim and codec hints as `$name`; a source key that itself
// starts with `$` is stored as `$$key` so the two never mix.
const escapeKey = (key: string): string => (key.startsWith('$') ? `$${key}` : key);
const unescapeKey = (key: string): string => (key.startsWith('$$') ? key.slice(1) : key);
/** Whether a platform-data key is a codec hint (structure, not data). */
export const isHint = (key: string): boolean => key.startsWith('$') && !key.startsWith('$$');

/**
 * A table compiled once (cached per table): each rule turned into a decode and an encode step with
 * everything that does not depend on the record worked out before any record arrives (the keys the
 * table reads, its documented key order, each field's loss code), so per-record work is reading and
 * writing fields. The rule kinds are dispatched here, once, not per record.
 */
interface Compiled {
  readonly decode: readonly ((scope: DecodeScope) => void)[];
  readonly encode: readonly ((scope: EncodeScope) => void)[];
  /** Every record key a rule reads: any other key is an unknown field. */
  readonly known: ReadonlySet<string>;
  /** The platform's documented key order (the table schema's). */
  readonly order: readonly string[];
}

const compiledTables = new WeakMap<Table, Compiled>();

/** The compiled form of `table` (see `Compiled`), made on first use. */
export function compiled(table: Table): Compiled {
  let c = compiledTables.get(table);
  if (!c) {
    c = {
      decode: table.rules.map(decodeStep),
      encode: table.rules.map(encodeStep),
      known: new Set(table.rules.flatMap(ruleKeys)),
      order: Object.keys(table.schema.shape),
    };
    compiledTables.set(table, c);
  }
  return c;
}


function decodeStep(rule: Rule): (scope: DecodeScope) => void {
  switch (rule.kind) {
    case 'custom':
      return (scope) => rule.decode(scope);
    case 'keep': {
      const { key, loss, note } = rule;
      return (scope) => {
        if (hasKey(scope.src, key)) scope.keep(key, scope.src[key], loss, note);
      };
    }
    case 'field': {
      const { key, canonical, nonNull, value: codec } = rule;
      const source: Path = [key];
      // A field's note describes the mapping, not why a target lacks it: only the code travels.
      const how = rule.loss ? Object.freeze({ code: rule.loss }) : NO_HOW;
      const unrecognised = codec ? `value not recognised by ${codec.name}` : '';
      return (scope) => {
        const { src } = scope;
        if (!hasKey(src, key)) return;
        const raw = src[key];
        if (raw === null) {
          if (nonNull) scope.keep(key, null, 'platform_data');
          else scope.set(canonical, null, source, how);
          return;
        }
        if (raw === undefined) return;
        if (!codec) return scope.set(canonical, raw, source, how);
        const value = codec.decode(raw);
        if (value === undefined) scope.keep(key, raw, 'platform_data', unrecognised);
        else scope.set(canonical, value, source, how);
      };
    }
  }
}

function encodeStep(rule: Rule): (scope: EncodeScope) => void {
  switch (rule.kind) {
    case 'custom':
      return (scope) => rule.encode(scope);
    case 'keep':
      return () => {}; // written back from platform data
    case 'field': {
      const { key, canonical, nonNull, value: codec } = rule;
      const changed = codec ? `written as ${codec.name} form, which cannot hold it exactly` : '';
      return (scope) => {
        // A null the platform refuses is not written, so it is not claimed either.
        if (nonNull && scope.peek(canonical) === null) return;
        const v = scope.take(canonical);
        if (v === undefined) return;
        if (v === null) return scope.put(key, null);
        if (!codec) return scope.put(key, v);
        const raw = codec.encode(v);
        if (codec.decode(raw) !== v) scope.lose(canonical, 'value_changed', changed);
        scope.put(key, raw);
      };
    }
  }
}

export function decodeObject(
  table: Table,
  src: Record<string, unknown>,
  state: DecodeState,
  canonicalPrefix: Path = [],
  sourcePrefix: Path = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scope = new DecodeScope(state, src, out, canonicalPrefix, sourcePrefix);
  const { decode, known } = compiled(table);
  for (let i = 0; i < decode.length; i++) decode[i]!(scope);
  for (const k in src) {
    // The message never quotes the key: keys are record text (the loss's path names it).
    if (hasKey(src, k) && !known.has(k)) scope.keep(k, src[k], 'unknown_field', `a key not in the documented ${table.name} shape`);
  }
  if (scope.hasPlatformData) out.platformData = { [state.platform]: scope.platformData };
  return out;
}

export function encodeObject(
  table: Table,
  value: Record<string, unknown>,
  state: EncodeState,
  canonicalPrefix: Path = [],
): Record<string, unknown> {
  const scope = new EncodeScope(state, value, canonicalPrefix);
  const { encode, order } = compiled(table);
  for (let i = 0; i < encode.length; i++) encode[i]!(scope);
  const pd = scope.platformData;
  let any = false;
  for (const k in pd) {
    if (!hasKey(pd, k)) continue;
    any = true;
    if (isHint(k)) continue;
    const key = unescapeKey(k);
    if (!hasKey(scope.out, key)) scope.out[key] = pd[k];
  }
  if (any) state.consumed.set([...canonicalPrefix, 'platformData', state.platform], true);
  return orderKeys(scope.out, order);
}

/** Keys in the platform's documented order, undocumented ones last (readable output; equality ignores order). */
function orderKeys(rec: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (hasKey(rec, k)) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!hasKey(out, k)) out[k] = rec[k];
  return out;
}
