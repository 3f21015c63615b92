// Names from the customer's own address (issue 10, item 4): where the target requires names the
// customer record lacks (a Medusa or Open Food Network guest to Magento), they are taken from the
// default billing address, else the first address that has them, and reported `derived` with both
// paths. Nothing is invented: with no name on any address, the target's issue stands.
// Knows no platform: the target fields are found from the target's own issues.
import { ADDRESSES, type Customer } from '../canonical/customer.js';
import type { Origin } from './engine.js';
import type { Issue, Loss } from './issues.js';
import type { FieldRule, Table } from './mapping.js';
import type { Path } from './path.js';
import type { PathTrie } from './trie.js';

type Part = 'given' | 'family';
const PARTS: readonly Part[] = ['given', 'family'];

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

/** A name taken from an address: the part, its value, and the canonical path it was read from. */
export interface DerivedName {
  readonly part: Part;
  readonly value: string;
  readonly from: Path;
  /** Whether the customer held a blank text there (`""`), which the name replaces. */
  readonly replaces: boolean;
}

/**
 * The customer with the name parts it lacks taken from an address: the default billing address when
 * it holds them, else the first address that does (an address holding both parts before one holding
 * only the part). `undefined` when the customer lacks no part or no address holds a part it lacks.
 */
export function namesFromAddresses(customer: Customer): { customer: Customer; names: DerivedName[] } | undefined {
  const missing = PARTS.filter((p) => blank(customer.name?.[p]));
  const addresses = customer[ADDRESSES] ?? [];
  if (missing.length === 0 || addresses.length === 0) return undefined;
  const billing = addresses.findIndex((a) => a.defaultBilling === true);
  const order = [...(billing >= 0 ? [billing] : []), ...addresses.map((_, i) => i).filter((i) => i !== billing)];
  const holds = (i: number, parts: readonly Part[]) => parts.every((p) => !blank(addresses[i]?.recipient?.[p]));
  const whole = order.find((i) => holds(i, missing));
  const names: DerivedName[] = [];
  for (const part of missing) {
    const i = whole ?? order.find((j) => holds(j, [part]));
    if (i === undefined) continue;
    names.push({ part, value: addresses[i]!.recipient![part]!, from: [ADDRESSES, i, 'recipient', part], replaces: typeof customer.name?.[part] === 'string' });
  }
  if (names.length === 0) return undefined;
  const name = { ...customer.name, ...Object.fromEntries(names.map((n) => [n.part, n.value])) };
  return { customer: { ...customer, name }, names };
}

/** The record key a root table maps to the name part (`field(key, ['name', part])`), if it declares one. */
const declaredField = (table: Table, part: Part): string | undefined =>
  table.rules.find((r): r is FieldRule => r.kind === 'field' && r.canonical.length === 2 && r.canonical[0] === 'name' && r.canonical[1] === part)?.key;

/**
 * One `derived` loss per name taken: at its source path (through `origins` when the customer was
 * decoded), with `target` the field of the target record holding it: a top-level field the first
 * encode's issues named and the second one fills with that value; the one the target's root `table`
 * maps to that name part where it declares one (two parts may hold the same text), else the first
 * such field not already taken by another part.
 */
export function derivedNameLosses(
  names: readonly DerivedName[],
  refused: readonly Issue[],
  record: Record<string, unknown>,
  target: string,
  table: Table,
  origins?: PathTrie<Origin>,
): Loss[] {
  const taken = new Set<string>();
  return names.flatMap((n): Loss[] => {
    const holds = (i: Issue) => i.path.length === 1 && record[i.path[0] as string] === n.value && !taken.has(String(i.path[0]));
    const declared = declaredField(table, n.part);
    const field = (refused.find((i) => holds(i) && i.path[0] === declared) ?? refused.find(holds))?.path;
    if (field) taken.add(String(field[0]));
    const path = origins?.get(n.from)?.source ?? n.from;
    const where = field ? `\`${field.join('.')}\`` : `the ${n.part} name`;
    const derived: Loss = {
      code: 'derived',
      path: [...path],
      ...(field ? { target: [...field] } : {}),
      message: `Also written as the customer's ${where}: ${target} requires a ${n.part} name the customer record lacks, so it is taken from the customer's address (\`deriveNames: false\` leaves it an issue)`,
    };
    // The blank text the customer held there (an Open Food Network "" name) is replaced: said so.
    const own = [...(origins?.get(['name', n.part])?.source ?? ['name', n.part])];
    const replaced: Loss = { code: 'value_changed', path: own, message: `Blank: replaced by the ${n.part} name on the customer's address (see the derived loss)` };
    return n.replaces ? [derived, replaced] : [derived];
  });
}
