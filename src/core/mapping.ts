import type { z } from 'zod';
import type { LossCode } from './issues.js';
import { isPlainObject, type Path } from './path.js';
import type { DecodeScope, EncodeScope } from './engine.js';

/**
 * A two-way value conversion. `decode` answers `undefined` for a raw value it does not recognise;
 * the raw value then travels as platform data instead of being guessed.
 */
export interface ValueCodec<Raw = unknown, Value = unknown> {
  readonly name: string;
  readonly note: string;
  decode(raw: Raw): Value | undefined;
  encode(value: Value): Raw;
}

/** `record[key]` <-> `canonical[...path]`, optionally through a value codec. */
export interface FieldRule {
  readonly kind: 'field';
  readonly key: string;
  readonly canonical: Path;
  readonly value?: ValueCodec<any, any>;
  /** The platform rejects `null` here: a null is kept as platform data, a canonical null is not written. */
  readonly nonNull?: boolean;
  /** How to report this value when a target cannot hold it (default `not_representable`). */
  readonly loss?: LossCode;
  readonly note?: string;
}

/** A field with no canonical concept: it travels verbatim as `platformData[platform][key]`. */
export interface KeepRule {
  readonly kind: 'keep';
  readonly key: string;
  readonly loss: LossCode;
  /** Why it has no canonical place; printed in the docs and in loss messages. */
  readonly note: string;
}

/** A named step with a forward and a backward half (street arrays, default-address pointers...). */
export interface CustomRule {
  readonly kind: 'custom';
  readonly name: string;
  readonly keys: readonly string[];
  readonly canonical: readonly Path[];
  readonly note: string;
  /** How its values are reported where a target cannot hold them, when the step has one code for them (request declarations read it). */
  readonly loss?: LossCode;
  decode(scope: DecodeScope): void;
  encode(scope: EncodeScope): void;
}

export type Rule = FieldRule | KeepRule | CustomRule;

/** The mapping of one object level of a platform record (customer, address, group...). */
export interface Table {
  readonly name: string;
  /** The zod object schema of this level: the completeness check compares its keys with the rules. */
  readonly schema: z.ZodObject<any>;
  readonly rules: readonly Rule[];
}

export const field = (
  key: string,
  canonical: Path,
  options: Omit<FieldRule, 'kind' | 'key' | 'canonical'> = {},
): FieldRule => ({ kind: 'field', key, canonical, ...options });

export const keep = (key: string, loss: LossCode, note: string): KeepRule => ({ kind: 'keep', key, loss, note });

export const custom = (rule: Omit<CustomRule, 'kind'>): CustomRule => ({ kind: 'custom', ...rule });

export const defineTable = (name: string, schema: z.ZodObject<any>, rules: readonly Rule[]): Table => ({ name, schema, rules });

/** Every record key a rule of `table` reads. */
export const ruleKeys = (rule: Rule): readonly string[] => (rule.kind === 'custom' ? rule.keys : [rule.key]);

/** The rule of `table` that reads `key`. */
export const ruleOf = (table: Table, key: string): Rule | undefined => table.rules.find((r) => ruleKeys(r).includes(key));

/**
 * What the table says the value of `key` is, as a loss code: its `keep` rule's code, or the `loss` of
 * its field or step. `undefined` when the rule declares none (a field reported `not_representable`).
 */
export const declaredLoss = (table: Table, key: string): LossCode | undefined => ruleOf(table, key)?.loss;

interface NestedOptions {
  readonly note: string;
  /** The canonical slot cannot be null: a null is kept as platform data. */
  readonly nonNull?: boolean;
}

/** `record[key]` is an object mapped by its own table onto `canonical[...path]`. */
export const nestedObject = (key: string, canonical: Path, table: Table, options: NestedOptions): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: options.note,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (v === null && !options.nonNull) return s.set(canonical, null, [key]);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return s.keep(key, v, 'platform_data');
      s.set(canonical, s.nested(table, v, canonical, [key]), [key]);
    },
    encode(s) {
      const v = s.peek(canonical);
      if (v === undefined) return;
      if (v === null) {
        s.take(canonical);
        if (!options.nonNull) s.put(key, null);
        return;
      }
      s.put(key, s.nested(table, v, canonical));
    },
  });

/** Decodes `record[key]`, a list of objects, item by item with `table` onto `canonical[...path][i]`; anything else is kept as platform data. */
const decodeList =
  (key: string, canonical: Path, table: Table) =>
  (s: DecodeScope): void => {
    const v = s.src[key];
    if (v === undefined) return;
    if (!Array.isArray(v)) return s.keep(key, v, 'platform_data');
    s.set(canonical, v.map((item, i) => s.nested(table, item, [...canonical, i], [key, i])), [key]);
  };

/** `record[key]` is an array whose items are mapped by `table` onto `canonical[...path][i]`, in order. */
export const nestedList = (key: string, canonical: Path, table: Table, options: NestedOptions): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: options.note,
    decode: decodeList(key, canonical, table),
    encode(s) {
      const v = s.peek(canonical);
      if (!Array.isArray(v)) return;
      s.put(key, v.map((item, i) => s.nested(table, item, [...canonical, i])));
    },
  });

interface LinkedListOptions {
  readonly note: string;
  /** Why an element without this platform's id is not written (its loss message, code `unreferenceable`). */
  readonly unlinked: string;
}

/**
 * `record[key]` is a list of objects the platform links by its own id (customer groups written as
 * `{ id, … }`), each mapped by `table` onto `canonical[...path][i]`: an element with no id of this
 * platform (`ids[platform]`) cannot be referenced and is left out with an `unreferenceable` loss. An
 * empty list is written as one (on an update, leaving it out would keep the old links); a list whose
 * every element was left out is not written at all (writing `[]` would clear them).
 */
export const linkedList = (key: string, canonical: Path, table: Table, options: LinkedListOptions): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: options.note,
    decode: decodeList(key, canonical, table),
    encode(s) {
      const v = s.peek(canonical);
      if (!Array.isArray(v)) return;
      const out: Record<string, unknown>[] = [];
      v.forEach((item, i) => {
        const id = isPlainObject(item) && isPlainObject(item.ids) ? item.ids[s.state.platform] : undefined;
        if (id === undefined) return s.lose([...canonical, i], 'unreferenceable', options.unlinked);
        out.push(s.nested(table, item, [...canonical, i]));
      });
      if (v.length === 0) s.take(canonical);
      if (out.length > 0 || v.length === 0) s.put(key, out);
    },
  });
