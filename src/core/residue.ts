import { CREDENTIAL_BRANCHES } from '../canonical/customer.js';
import { holdsSecret, secretAt, throughResetTokenKey, withoutSecrets } from './credentials.js';
import { isHint, type DecodeState } from './engine.js';
import type { Loss } from './issues.js';
import { carriesData, copyJson } from './objects.js';
import { eachChild, getAt, hasKey, isPlainObject, setAt, type Path } from './path.js';
import { PathTrie } from './trie.js';

export { carriesData };

/** The metadata key residue travels under. */
export const RESIDUE_KEY = 'customer_codecs';

/** Where, in the canonical customer, a platform keeps free metadata bags the target writes verbatim. */
export interface ResidueBags {
  /** The customer-level bag (canonical path), e.g. `['metadata']`. */
  readonly customer: Path;
  /**
   * A canonical list whose elements each own a bag (`list`, e.g. `'addresses'`), and that bag relative
   * to the element (`bag`, e.g. `['platformData', 'medusa', 'metadata']`): what is carried for one
   * element goes in its own bag, so it follows the element wherever the target puts it.
   */
  readonly item?: { readonly list: string; readonly bag: Path };
}

/**
 * One carried value: its canonical path (relative to its bag's owner), the value, and `1` when it
 * replaces what the target holds in a changed form (a joined street line) instead of filling a gap.
 */
export type Entry = [path: (string | number)[], value: unknown] | [path: (string | number)[], value: unknown, replace: 1];

interface Residue {
  /** Format version. */
  readonly v: 1;
  readonly values: Entry[];
  /** The bag before the residue went in: absent or null (an object bag just loses the key). */
  readonly was?: 'absent' | 'null';
}

/**
 * The largest canonical subtrees the encode did not take, hints, nulls and empty lists included (an
 * exact return needs them): what residue must carry for the record to come back as it was.
 */
export function untaken(canonical: Record<string, unknown>, consumed: PathTrie<true>, target: string, secrets = true): Entry[] {
  const out: Entry[] = [];
  const path: (string | number)[] = [];
  // Nulls and empty lists are no loss, but an exact return needs them: they travel too.
  const walk = (node: unknown, taken: PathTrie<true> | undefined): void => {
    // Credentials never travel in metadata (the target refuses hash keys in records anyway), nor do
    // other secrets (a reset token, as an attribute entry or a key: see core/credentials); and the
    // target's own platform data (its hints) is the target's to use, never to carry to itself.
    if (node === undefined || CREDENTIAL_BRANCHES.has(path[0] as string) || taken?.holds || (secrets && secretAt(path[path.length - 1], node) !== undefined)) return;
    if (path.length >= 2 && path[path.length - 2] === 'platformData' && path[path.length - 1] === target) return;
    // Another platform's hints (structure, no data) beside the target's own data on the same object:
    // the object came from the target before, so its record comes back from the target's data, and
    // the other platform derives its hints again from what it is written (a residue of hints alone
    // would make a record that went there and back differ from the one that left).
    if (path.length >= 2 && path[path.length - 2] === 'platformData' && onlyHints(node)) {
      const siblings = getAt(canonical, path.slice(0, -1));
      if (isPlainObject(siblings) && hasKey(siblings, target)) return;
    }
    const intoPlatformData = path[path.length - 1] === 'platformData' && isPlainObject(node);
    if (!intoPlatformData && (!(taken?.holdsBelow ?? false) || !(Array.isArray(node) || isPlainObject(node)))) {
      out.push([[...path], secrets ? withoutSecrets(node) : node]);
      return;
    }
    eachChild(node, path, (child, k) => walk(child, taken?.child(k)));
  };
  walk(canonical, consumed);
  return out;
}

/** Whether `value` is an object of codec hints only (`$name` keys: structure, not data). */
const onlyHints = (value: unknown): boolean => isPlainObject(value) && Object.keys(value).every(isHint);

/** What a bag held before its slot went in: absent or null (an object bag just gains a key). */
type Was = Residue['was'];

/**
 * Empty residue slots, one in each bag (the customer's and every address's), placed before the one
 * encode: the target writes its bags verbatim, so each slot lands where a residue for that bag must
 * go. Once the encode has shown what it did not take, `fillSlots` fills the slots or takes them out.
 */
export interface Slots {
  readonly bags: ResidueBags;
  /** Each slot by its mark: whose bag it is (the customer's, or an address index's) and what the bag held. */
  readonly owners: Map<string, { readonly address?: number; readonly was: Was; readonly before: unknown }>;
}

// A slot is found again by its mark, not by identity: a target may copy an address (Medusa's billing copy).
const SLOT = '\u0000customer-codecs slot';
let slotRun = 0;

/** A copy of `customer` with an empty slot in each of its bags; only the objects on the way are copied. */
export function withSlots(customer: Record<string, unknown>, bags: ResidueBags): { customer: Record<string, unknown>; slots: Slots } {
  const owners: Slots['owners'] = new Map();
  const run = (slotRun = (slotRun + 1) % Number.MAX_SAFE_INTEGER);
  const put = (owner: Record<string, unknown>, bag: Path, address?: number): Record<string, unknown> => {
    const current = getAt(owner, bag);
    const mark = `${run}:${owners.size}`;
    owners.set(mark, {
      ...(address === undefined ? {} : { address }),
      was: current === undefined ? 'absent' : current === null ? 'null' : undefined,
      before: isPlainObject(current) ? current[RESIDUE_KEY] : undefined,
    });
    return withAt(owner, bag, { ...(isPlainObject(current) ? current : {}), [RESIDUE_KEY]: { [SLOT]: mark } });
  };
  let copy = put(customer, bags.customer);
  const { item } = bags;
  const list = item ? copy[item.list] : undefined;
  if (item && Array.isArray(list)) {
    copy = { ...copy, [item.list]: list.map((a: unknown, i) => (isPlainObject(a) ? put(a, item.bag, i) : a)) };
  }
  return { customer: copy, slots: { bags, owners } };
}

/**
 * Puts the carried `entries` into the slots the encode wrote into `record`: address-level entries in
 * their address's own bag (so they follow the address wherever the target put it), the rest in the
 * customer's. A slot with nothing to carry is taken out (what the bag held under the key before comes
 * back), and a bag made only for it goes too, so the record is what encoding without slots gives.
 */
export function fillSlots(record: Record<string, unknown>, slots: Slots, entries: readonly Entry[]): void {
  const byAddress = new Map<number, Entry[]>();
  const top: Entry[] = [];
  for (const [path, value, replace] of entries) {
    const i = path[1];
    const entry = (p: (string | number)[]): Entry => (replace ? [p, value, replace] : [p, value]);
    if (slots.bags.item && path[0] === slots.bags.item.list && typeof i === 'number' && path.length > 2) {
      const own = byAddress.get(i);
      if (own) own.push(entry(path.slice(2)));
      else byAddress.set(i, [entry(path.slice(2))]);
    } else top.push(entry(path));
  }
  const walk = (node: unknown, parent: Record<string, unknown> | unknown[] | undefined, key: string | number): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, node, i));
    if (!isPlainObject(node)) return;
    const slot = node[RESIDUE_KEY];
    const owner = isPlainObject(slot) && typeof slot[SLOT] === 'string' ? slots.owners.get(slot[SLOT]) : undefined;
    if (!owner) {
      for (const k of Object.keys(node)) walk(node[k], node, k);
      return;
    }
    const own = owner.address === undefined ? top : byAddress.get(owner.address);
    if (own && own.length > 0) {
      // What the bag held under the key before (metadata this library did not write, kept as it was
      // read: another platform's bag may hold one) travels too, so the residue never replaces it.
      const bag = owner.address === undefined ? slots.bags.customer : (slots.bags.item?.bag ?? []);
      const values: Entry[] = owner.before === undefined ? own : [...own, [[...bag, RESIDUE_KEY], owner.before]];
      node[RESIDUE_KEY] = { v: 1, values, ...(owner.was ? { was: owner.was } : {}) } satisfies Residue;
    } else if (owner.before !== undefined) node[RESIDUE_KEY] = owner.before;
    else {
      delete node[RESIDUE_KEY];
      if (Object.keys(node).length > 0 || owner.was === undefined || !parent || Array.isArray(parent)) return;
      if (owner.was === 'null') parent[key] = null;
      else delete parent[key];
    }
  };
  walk(record, undefined, '');
}

/** A copy of `owner` with `value` at `path` (object keys): the objects on the way are copied, the rest shared. */
function withAt(owner: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const [key, ...rest] = path as string[];
  if (key === undefined) return owner;
  const next = owner[key];
  return { ...owner, [key]: rest.length === 0 ? value : withAt(isPlainObject(next) ? next : {}, rest, value) };
}

const isEntry = (e: unknown): e is Entry =>
  Array.isArray(e) &&
  (e.length === 2 || (e.length === 3 && e[2] === 1)) &&
  Array.isArray(e[0]) &&
  e[0].length > 0 &&
  e[0].every((k) => typeof k === 'string' || typeof k === 'number');

const isResidue = (r: unknown): r is Residue =>
  isPlainObject(r) && r.v === 1 && Array.isArray(r.values) && r.values.every(isEntry) && (r.was === undefined || r.was === 'absent' || r.was === 'null');

/** Writes a carried value back: a whole array element is inserted at its index, anything else set where nothing is. */
function restoreAt(owner: Record<string, unknown>, path: Path, value: unknown): boolean {
  const last = path[path.length - 1];
  const parent = getAt(owner, path.slice(0, -1));
  if (typeof last === 'number' && (Array.isArray(parent) || parent === undefined)) {
    if (parent === undefined) setAt(owner, path.slice(0, -1), []);
    const list = getAt(owner, path.slice(0, -1)) as unknown[];
    list.splice(Math.min(last, list.length), 0, value);
    return true;
  }
  const existing = getAt(owner, path);
  if (existing === undefined) {
    setAt(owner, path, value);
    return true;
  }
  // Both objects (platform data the target decoded beside the carried one): fill in what is missing.
  if (isPlainObject(existing) && isPlainObject(value)) {
    return Object.entries(value).every(([k, v]) => restoreAt(owner, [...path, k], v));
  }
  return false;
}

/** Removes an empty object at `path` and then its emptied parents within `owner`. */
function prune(owner: Record<string, unknown>, path: Path): void {
  for (let n = path.length; n > 0; n--) {
    const v = getAt(owner, path.slice(0, n));
    if (!isPlainObject(v) || Object.keys(v).length > 0) return;
    const parent = getAt(owner, path.slice(0, n - 1)) as Record<string, unknown>;
    delete parent[path[n - 1] as string];
  }
}

/**
 * The objects of a customer that own a bag, with their canonical path: each address (in order), then
 * the customer itself (its residue is put back last: it may hold whole addresses, placed among them).
 */
function bagOwners(customer: Record<string, unknown>, bags: ResidueBags): { owner: Record<string, unknown>; bag: Path; prefix: Path }[] {
  const { item } = bags;
  const elements = item ? customer[item.list] : undefined;
  const owners =
    item && Array.isArray(elements)
      ? elements.flatMap((a: unknown, i) => (isPlainObject(a) ? [{ owner: a, bag: item.bag, prefix: [item.list, i] }] : []))
      : [];
  return [...owners, { owner: customer, bag: bags.customer, prefix: [] }];
}

/** Whether any bag of the decoded customer holds a residue key (most records have none: nothing to restore). */
export function holdsResidue(customer: Record<string, unknown>, bags: ResidueBags): boolean {
  return bagOwners(customer, bags).some(({ owner, bag }) => {
    const current = getAt(owner, bag);
    return isPlainObject(current) && hasKey(current, RESIDUE_KEY);
  });
}

/**
 * Takes residue out of the decoded customer's bags and puts every carried value back, recording
 * the residue as its origin. A malformed residue stays in the bag as ordinary data, with a notice.
 */
export function restore(customer: Record<string, unknown>, bags: ResidueBags, state: DecodeState): Loss[] {
  const notices: Loss[] = [];
  const take = (owner: Record<string, unknown>, bag: Path, prefix: Path): void => {
    const current = getAt(owner, bag);
    if (!isPlainObject(current) || !hasKey(current, RESIDUE_KEY)) return;
    const bagSource = state.origins.get([...prefix, ...bag])?.source;
    const source = [...(bagSource ?? [...prefix, ...bag]), RESIDUE_KEY];
    const residue = current[RESIDUE_KEY];
    if (!isResidue(residue)) {
      notices.push({ code: 'not_normalised', path: source, message: `Not a ${RESIDUE_KEY} residue this library wrote: kept as ordinary metadata` });
      return;
    }
    // This library never carries a secret (a reset token): a residue holding one is not its own, and
    // restoring it would hand a record's token to another platform.
    if (residue.values.some(([path, value]) => throughResetTokenKey(path) || holdsSecret(value))) {
      notices.push({ code: 'not_normalised', path: source, message: `A ${RESIDUE_KEY} residue holding a credential, which this library never carries: kept as ordinary metadata` });
      return;
    }
    // The bag and the carried values may be the record's own objects: restored as copies, so the
    // record passed in is never changed.
    const rest = { ...current };
    delete rest[RESIDUE_KEY];
    setAt(owner, bag, rest);
    if (residue.was === 'null' && Object.keys(rest).length === 0) setAt(owner, bag, null);
    else if (residue.was === 'absent' && Object.keys(rest).length === 0) prune(owner, bag);
    for (const [path, carried, replace] of residue.values) {
      const value = copyJson(carried);
      if (replace) setAt(owner, path, value);
      if (replace || restoreAt(owner, path, value)) state.origin({ canonical: [...prefix, ...path], source });
      else notices.push({ code: 'not_normalised', path: source, message: 'A carried value conflicts with the record: the record wins' });
    }
  };
  for (const { owner, bag, prefix } of bagOwners(customer, bags)) take(owner, bag, prefix);
  return notices;
}


/** Whether a canonical loss path lies inside what the residue carried: `carriedBy(entries)(path)`. */
export function carriedBy(entries: readonly Entry[]): (path: Path) => boolean {
  const carried = new PathTrie<true>();
  for (const [p] of entries) carried.set(p, true);
  return (path) => carried.heldAlong(path) !== undefined;
}
