import fc from 'fast-check';
import { expect } from 'vitest';
import { decode, encode, safeConvert, safeEncode, type Customer, type Loss, type PhoneMode, type PlatformId } from '../src/index.js';
import { carriesData } from '../src/core/objects.js';
import { getAt, isPlainObject, startsWith, type Path } from '../src/core/path.js';
import { registry } from '../src/platforms/index.js';

/** Target fields no other platform can supply (install or shop ids): what a caller passes as `defaults`, as each platform declares them (`shopValues`). */
export const requiredDefaults: Partial<Record<PlatformId, Record<string, unknown>>> = Object.fromEntries(
  Object.values(registry)
    .filter((p) => (p.shopValues ?? []).length > 0)
    .map((p) => [p.id, Object.fromEntries((p.shopValues ?? []).map((v) => [v.key, v.example]))]),
);

/** The library options a law runs with (default: none, so phones are carried as written). */
export interface LawOptions {
  readonly phones?: PhoneMode;
}

/** Law 1: a record decoded and encoded again is the same record, and nothing is reported lost. */
export function assertRecordRoundTrip(platform: PlatformId, record: Record<string, unknown>, options: LawOptions = {}): void {
  const decoded = decode(platform, record, options);
  const encoded = encode(platform, decoded.data, options);
  expect(encoded.data).toStrictEqual(record);
  expect(encoded.losses).toEqual([]);
}

/** Deletes each lost path (deepest and highest index first), so what remains is what the platform holds. */
export function without(value: Customer, losses: readonly Loss[]): Customer {
  const copy = structuredClone(value) as Record<string, unknown>;
  const paths = [...losses.map((l) => l.path)].sort((a, b) => b.length - a.length || compareDesc(a, b));
  for (const path of paths) {
    const parent = getAt(copy, path.slice(0, -1));
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (isPlainObject(parent) && typeof last === 'string') delete parent[last];
  }
  return copy as Customer;
}
const compareDesc = (a: Path, b: Path): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(y).localeCompare(String(x));
  }
  return 0;
};

/**
 * Law 2: a canonical customer, cut down to what `platform` holds (the losses `encode` reports),
 * encodes without losses and decodes back to itself.
 */
export function assertCanonicalRoundTrip(platform: PlatformId, customer: Customer, options: LawOptions = {}): boolean {
  const required = requiredDefaults[platform];
  const input = required ? { ...customer, platformData: { [platform]: required } } : customer;
  // Strict: an address the platform cannot hold rejects the customer, as the law is about what it
  // holds (leaving such an address out has its own property in test/addresses.test.ts).
  const first = safeEncode(platform, input, { ...options, strictAddresses: true });
  if (!first.success) return false; // the platform requires a value this customer lacks
  const representable = without(input, first.losses);
  const cut = safeEncode(platform, representable, { ...options, strictAddresses: true });
  if (!cut.success) {
    // Cutting took a value the target requires (a Magento first street line holding a line break is
    // written as two lines, so it is reported, and cut): only then may the cut customer fail, and only
    // for a missing value.
    expect(first.losses.length).toBeGreaterThan(0);
    expect(cut.error.issues.map((i) => i.code).filter((c) => c !== 'required')).toStrictEqual([]);
    return false;
  }
  const again = cut;
  expect(again.losses).toEqual([]);
  // Address order is not data: slot platforms (Open Food Network) read billing before shipping.
  const decoded = sortAddresses(decode(platform, again.data, options).data);
  expect(decoded).toStrictEqual(withoutEmptyNotHeld(sortAddresses(representable), decoded));
  return true;
}

/** A content key that ignores key order, nulls and empty containers (which carry no data). */
const contentKey = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(contentKey).join(',')}]`;
  if (!isPlainObject(v)) return JSON.stringify(v);
  const entries = Object.entries(v)
    .filter(([, x]) => carriesData(x))
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${contentKey(x)}`).join(',')}}`;
};
const sortAddresses = (c: Customer): Customer =>
  c.addresses ? { ...c, addresses: [...c.addresses].sort((x, y) => contentKey(x).localeCompare(contentKey(y))) } : c;

/**
 * Nulls and empty containers carry no data, so they are never reported as lost: drop those of
 * `expected` that `actual` does not have at all. Any other difference still fails the law.
 */
function withoutEmptyNotHeld<T>(expected: T, actual: unknown): T {
  if (Array.isArray(expected)) return expected.map((v, i) => withoutEmptyNotHeld(v, Array.isArray(actual) ? actual[i] : undefined)) as T;
  if (!isPlainObject(expected)) return expected;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(expected)) {
    const other = isPlainObject(actual) ? actual[k] : undefined;
    const empty = !carriesData(v);
    if (empty && other === undefined) continue;
    out[k] = withoutEmptyNotHeld(v, other);
  }
  return out as T;
}

/** Every primitive, non-null value of a record with its path. */
export function leaves(value: unknown, path: Path = []): [Path, string | number | boolean][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [[path, value]] : [];
}

const norm = (v: unknown): string => {
  const s = String(v).trim().toLowerCase();
  const magentoTime = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(s);
  const iso = magentoTime ? `${magentoTime[1]}T${magentoTime[2]}Z` : s;
  return /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/.test(iso) && !Number.isNaN(Date.parse(iso.toUpperCase())) ? `@${Date.parse(iso.toUpperCase())}` : s;
};

/**
 * Law 4: every leaf of a source record reaches the target (its value, or its canonical form, is in
 * the target record or in the target's canonical form) or lies under a path named in `losses`.
 */
export function assertLossCompleteness(from: PlatformId, to: PlatformId, record: Record<string, unknown>, options: LawOptions = {}): boolean {
  const result = safeConvert(record, { from, to, defaults: requiredDefaults[to] ?? {}, ...options });
  if (!result.success) return false;
  const source = registry[from];
  // As `convert` decodes: phones as written (with `phones: 'e164'` the write normalises them).
  const { customer, state } = source.decodeRecord(source.record.parse(record) as never);
  const reached = new Set([...leaves(result.data), ...leaves(decode(to, result.data, options).data)].map(([, v]) => norm(v)));
  const canonicalOf = new Map([...state.origins.values()].map((o) => [JSON.stringify(o.source), o.canonical]));
  // A leaf that only restates a canonical value (a directory id) reaches the target with that value.
  for (const d of state.derived) canonicalOf.set(JSON.stringify(d.source), d.canonical);
  const blanks = new Set(state.blanks.map((p) => JSON.stringify(p)));
  // A subtree that holds the same data as another (one address read from two slots) maps like it.
  for (const { source: from, also } of state.aliases) {
    for (const [s, c] of [...canonicalOf]) {
      const p = JSON.parse(s) as Path;
      if (startsWith(p, from)) canonicalOf.set(JSON.stringify([...also, ...p.slice(from.length)]), c);
    }
  }
  for (const [path, value] of leaves(record)) {
    if (result.losses.some((l) => startsWith(path, l.path))) continue;
    if (reached.has(norm(value))) continue;
    // A source subtree read as an alias of another (Medusa's billing copy of a book entry, identical
    // Open Food Network slots) has its canonical value where the other one's is.
    const alias = state.aliases.find(({ also }) => startsWith(path, also));
    const sourcePath = alias ? [...alias.source, ...path.slice(alias.also.length)] : path;
    // An empty street line holds no data: it is left out of the canonical form, so it is no loss.
    if (value === '' && blanks.has(JSON.stringify(sourcePath))) continue;
    const canonicalPath = canonicalOf.get(JSON.stringify(sourcePath));
    const canonicalValue = canonicalPath ? getAt(customer, canonicalPath) : undefined;
    if (canonicalValue !== undefined && reached.has(norm(canonicalValue))) continue;
    expect.fail(`${from} -> ${to}: ${JSON.stringify(path)} = ${JSON.stringify(value)} neither reached the target nor is named in losses ${JSON.stringify(result.losses.map((l) => l.path))}`);
  }
  return true;
}

const CONTENT: readonly Path[] = [
  ['recipient', 'given'], ['recipient', 'family'], ['organization'], ['lines'], ['locality'],
  ['administrativeArea', 'code'], ['administrativeArea', 'name'], ['postalCode'], ['countryCode'], ['phone'], ['mobile'], ['fax'],
];
const CUSTOMER: readonly Path[] = [['email'], ['name', 'given'], ['name', 'family'], ['name', 'middle'], ['name', 'prefix'], ['name', 'suffix'], ['phone'], ['mobile']];

/**
 * Law 3: A -> B -> A brings back every value both A and B hold: names, email, phones, each
 * address's content (matched by content, not position) and which address is default billing / shipping.
 */
export function assertCrossRoundTrip(a: PlatformId, b: PlatformId, record: Record<string, unknown>, lawOptions: LawOptions = {}): boolean {
  // The law is about values both hold; names taken from an address (deriveNames) add a value by a
  // rule, which test/real-records.test.ts covers: not here.
  const options = { ...lawOptions, deriveNames: false };
  const there = safeConvert(record, { from: a, to: b, defaults: requiredDefaults[b] ?? {}, ...options });
  if (!there.success) return false;
  const ownDefaults = Object.fromEntries(Object.keys(requiredDefaults[a] ?? {}).map((k) => [k, record[k]]));
  const back = safeConvert(there.data, { from: b, to: a, defaults: ownDefaults, ...options });
  if (!back.success) return false;
  const before = decode(a, record, options).data;
  const after = decode(a, back.data, options).data;
  // What B holds of A's canonical customer: everything encode(B) does not report lost.
  const lostInB = safeEncode(b, before, { defaults: requiredDefaults[b] ?? {}, ...options });
  if (!lostInB.success) return false;
  const held = (path: Path) => !lostInB.losses.some((l) => startsWith(path, l.path));
  const pick = (value: unknown, paths: readonly Path[], prefix: Path) =>
    JSON.stringify(
      paths
        .filter((p) => held([...prefix, ...p]))
        .map((p) => {
          const v = getAt(value, p);
          // A list is compared up to its first element B does not hold: from there on the positions can
          // shift (a Magento street line holding a line break is written as two lines).
          const firstLost = Array.isArray(v) ? v.findIndex((_, i) => !held([...prefix, ...p, i])) : -1;
          const kept = Array.isArray(v) && firstLost !== -1 ? v.slice(0, firstLost) : v;
          // An empty list carries no data, like null.
          return [p, Array.isArray(kept) && kept.length === 0 ? null : (kept ?? null)];
        }),
    );

  expect(pick(after, CUSTOMER, []), `${a} -> ${b} -> ${a}: customer fields`).toBe(pick(before, CUSTOMER, []));
  // A flag can only come back where A can point at the address again (v4 points by server id, which B drops).
  const lostComingBack = safeEncode(a, decode(b, there.data, options).data, { defaults: ownDefaults, ...options });
  const backLosses = lostComingBack.success ? lostComingBack.losses : [];
  const afterAddresses = after.addresses ?? [];
  (before.addresses ?? []).forEach((addr, i) => {
    if (!held(['addresses', i])) return;
    const content = (x: unknown) => pick(x, CONTENT, ['addresses', i]);
    const match = afterAddresses.filter((x) => content(x) === content(addr));
    // Slot platforms hold only designated addresses; a designation B could not point at again is reported on the way back.
    if (match.length === 0 && backLosses.some((l) => l.path[0] === 'addresses' && l.path.length <= 2)) return;
    expect(match.length, `${a} -> ${b} -> ${a}: address ${i} came back`).toBeGreaterThan(0);
    for (const flag of ['defaultBilling', 'defaultShipping'] as const) {
      if (!held(['addresses', i, flag]) || addr[flag] !== true) continue;
      if (backLosses.some((l) => l.path.at(-1) === flag)) continue;
      expect(match.some((x) => x[flag] === true), `${a} -> ${b} -> ${a}: address ${i} ${flag}`).toBe(true);
    }
  });
  return true;
}

/** Runs `check` over `arb` and asserts it applied (returned true) to at least `minShare` of the runs. */
export function assertMostlyApplies<T>(arb: fc.Arbitrary<T>, check: (v: T) => boolean, numRuns: number, minShare: number): void {
  let applied = 0;
  fc.assert(
    fc.property(arb, (v) => {
      if (check(v)) applied++;
    }),
    { numRuns },
  );
  expect(applied / numRuns, `law applied to ${applied} of ${numRuns} generated values`).toBeGreaterThanOrEqual(minShare);
}
