import { z } from 'zod';
import { ADDRESSES, CREDENTIAL_BRANCHES, Customer, FREE_FORM_BRANCHES } from './canonical/customer.js';
import { safeParseCompiled } from './core/compiled-schema.js';
import { NO_OPTIONS, type DecodeState, type Origin, type RunOptions } from './core/engine.js';
import { ConversionError, InvalidOptionError, UnknownPlatformError, fromZodIssues, type Issue, type Loss } from './core/issues.js';
import { DEFAULT_LIMITS, inspect, type Limits } from './core/inspect.js';
import { errorResponseIssue } from './core/responses.js';
import { holdsSecret, throughResetTokenKey, withoutCredentialScan, withoutSecrets } from './core/credentials.js';
import { rememberingPhones } from './core/phones.js';
import { collectLosses, secretLossesIn, withAliases } from './core/losses.js';
import { carriedBy, carriesData, fillSlots, holdsResidue, restore, RESIDUE_KEY, untaken, withSlots, type Entry } from './core/residue.js';
import { getAt, hasKey, isPlainObject, startsWith, type Path } from './core/path.js';
import { PathTrie } from './core/trie.js';
import { bodyLosses, buildBody, buildCalls, type RequestCall } from './core/requests.js';
import type { Operation, Platform, RequestOptions } from './core/platform.js';
import { registry } from './platforms/index.js';
import { withArticle } from './core/words.js';
import { derivedNameLosses, namesFromAddresses } from './core/names.js';
import { addressDefaultField, addressObjects, fillAddressDefaults, missingAddressFields } from './core/address-fields.js';

/** The platform ids: `'magento' | 'medusa' | 'v4' | 'enterprise-v1'`. */
export type PlatformId = keyof typeof registry;

/**
 * The record type of a platform: its customer object as its read API returns it, unwrapped, typed by
 * its documented fields (a typo such as `data.firstname` on a Medusa record does not type-check).
 * Records keep keys the shape does not document at run time; reach them with a cast.
 */
export type RecordOf<P extends PlatformId> = z.output<z.ZodObject<(typeof registry)[P]['record']['shape'], z.core.$strip>>;

/**
 * The body `toRequest(platform, operation, …)` returns: the input type of the request schema the
 * platform declares for that operation (`requests[operation].schema` in `src/platforms/<id>/`), so a
 * platform whose API takes another shape of body types it by declaring that schema. A platform whose
 * API takes the operation as several calls (its declaration lists `calls`) gets `RequestCall[]`.
 * @example const body: RequestOf<'magento', 'create'> = toRequest('magento', 'create', record); body.customer.email
 */
export type RequestOf<P extends PlatformId, O extends Operation> = (typeof registry)[P]['requests'][O] extends { readonly schema: infer S extends z.ZodType }
  ? z.input<S>
  : RequestCall[];

/** Every platform id, in a stable order. */
export const platforms = Object.freeze(Object.keys(registry)) as readonly PlatformId[];

/** A conversion's output and every source value it could not carry. */
export interface Result<T> {
  readonly data: T;
  readonly losses: Loss[];
}

/** The never-throwing form of a result. */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T; readonly losses: Loss[] }
  | { readonly success: false; readonly error: ConversionError };

/** Each platform's own options (lookup tables, limits), keyed by platform id. */
export type PlatformOptions = { readonly [P in PlatformId]?: z.input<(typeof registry)[P]['options']> };

/**
 * How phones travel: `'as-written'` (the default) carries each phone exactly as the source wrote it,
 * with no parsing; `'e164'` reads and writes them in E.164 with libphonenumber-js (see `DecodeOptions.phones`).
 */
export type PhoneMode = 'as-written' | 'e164';

/** The values of `PhoneMode`. */
export const phoneModes: readonly PhoneMode[] = Object.freeze(['as-written', 'e164']);

export interface DecodeOptions {
  /**
   * Options of the platforms involved, e.g. `{ magento: { regions } }`. Each platform's section is
   * checked once per object and remembered (a migration passes the same tables with every record):
   * pass a new object rather than changing one already used.
   */
  readonly platformOptions?: PlatformOptions;
  /**
   * Bounds every input must keep before anything walks it: `depth` (nesting levels, default 64) and
   * `size` (characters of all strings and keys plus one per value, default 8,388,608). A value beyond
   * them is an issue `too_deep` / `too_large`, found in time linear in what was read.
   */
  readonly limits?: Partial<Limits>;
  /**
   * Phones (`telephone`, `fax`, `phone`, `mobile`). `'as-written'` (default): carried exactly as the
   * source wrote it, white space and punctuation included, never parsed and never reported.
   * `'e164'`: normalised to E.164 (`+61391234567`) with libphonenumber-js, read in the address's (or
   * the customer's) country. `decode` gives canonical phones in E.164, keeping the record's own text
   * to give back to its platform; `encode` and `convert` write E.164 and report each phone they change
   * `value_changed` (at its source path), and each phone that is no valid number `not_normalised`
   * (written as it was). Parsing costs about 18 µs a phone.
   * @example convert(record, { from: 'magento', to: 'medusa', phones: 'e164' })
   */
  readonly phones?: PhoneMode;
}

export interface EncodeOptions<P extends PlatformId> extends DecodeOptions {
  /**
   * Target-record fields used where the source has no value, e.g. `{ website_id: 1 }` for Magento;
   * a key `addresses.<field>` is a field of the target's addresses, used in each address that has no
   * value (absent or null), e.g. `{ 'addresses.telephone': '000' }`. Defaults are not reported as losses.
   */
  readonly defaults?: Partial<RecordOf<P>> & { readonly [key: `addresses.${string}`]: unknown };
  /** Let values the target cannot hold travel in its metadata bag, where it has one (default `true`). */
  readonly residue?: boolean;
  /**
   * An address the target cannot hold (after defaults: a Magento address with no telephone, an
   * address with nothing in it) is left out and reported as one `not_representable` loss at that
   * address, carrying the target's issues; the customer converts. `true` rejects the customer instead.
   * Default `false`.
   */
  readonly strictAddresses?: boolean;
  /**
   * Where the target requires names the customer record lacks (a guest's Medusa or Open Food Network
   * record to Magento), take them from the customer's default billing address, else the first address
   * that has them, each reported `derived` at the address's name (with `target`, the field written).
   * Nothing is invented: with no name on any address the target's issue stands. Default `true`;
   * `false` leaves the missing names an issue.
   */
  readonly deriveNames?: boolean;
}

export interface ConvertOptions<F extends PlatformId, T extends PlatformId> extends EncodeOptions<T> {
  readonly from: F;
  readonly to: T;
}

type Outcome<T> = { ok: true; data: T; losses: Loss[] } | { ok: false; issues: Issue[] };

function platformOf(id: unknown): Platform {
  if (typeof id === 'string' && hasKey(registry, id)) return registry[id as PlatformId] as unknown as Platform;
  throw new UnknownPlatformError(id, platforms);
}

function checkDefaults(target: Platform, defaults: unknown): Record<string, unknown> {
  if (defaults === undefined) return {};
  if (!isPlainObject(defaults)) throw new InvalidOptionError('defaults', 'expected an object of target-record fields');
  const fields = target.record.shape as Record<string, z.ZodType>;
  // `addresses.<field>`: a field of the target's addresses (its address table), for each address that lacks it.
  const addressFields = (target.tables.find((t) => t.name === 'address')?.schema.shape ?? {}) as Record<string, z.ZodType>;
  for (const [k, v] of Object.entries(defaults)) {
    const inAddress = addressDefaultField(k);
    const field = inAddress === undefined ? fields[k] : Object.hasOwn(addressFields, inAddress) ? addressFields[inAddress] : undefined;
    const what = inAddress === undefined ? `${withArticle(target.id)} record's ${k}` : `${withArticle(target.id)} address's ${inAddress}`;
    if (!Object.hasOwn(fields, k) && inAddress === undefined) throw new InvalidOptionError('defaults', `"${k}" is not a field of ${withArticle(target.id)} record`);
    if (!field) throw new InvalidOptionError('defaults', `"${k}" names no field of ${withArticle(target.id)} address`);
    // A default the field cannot hold would reject every record that needs it: misuse, said once.
    const parsed = v === undefined ? undefined : field.safeParse(v);
    if (parsed && !parsed.success) {
      const [issue] = fromZodIssues(parsed.error.issues, v);
      const at = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      const why = v === null ? 'expected a value, received null' : (issue?.message ?? 'invalid');
      throw new InvalidOptionError(`defaults.${k}`, `${what} cannot hold this value: ${at}${why}`);
    }
  }
  return defaults;
}

const holdsAddressDefaults = (defaults: Record<string, unknown>): boolean => Object.keys(defaults).some((k) => addressDefaultField(k) !== undefined);

type Aliases = DecodeState['aliases'];

function checkLimits(limits: unknown): Limits {
  if (limits === undefined) return DEFAULT_LIMITS;
  if (!isPlainObject(limits)) throw new InvalidOptionError('limits', 'expected `{ depth?, size? }`');
  for (const k of Object.keys(limits)) {
    const v = limits[k];
    if (k !== 'depth' && k !== 'size') throw new InvalidOptionError('limits', `"${k}" is not a limit; expected depth or size`);
    if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) > 0)) throw new InvalidOptionError(`limits.${k}`, 'expected a positive whole number');
  }
  return { ...DEFAULT_LIMITS, ...(limits as Partial<Limits>) };
}

function runOptions(p: Platform, options: Record<string, unknown>): RunOptions {
  const residue = options.residue ?? true;
  if (typeof residue !== 'boolean') throw new InvalidOptionError('residue', 'expected a boolean');
  const limits = checkLimits(options.limits);
  const strictAddresses = options.strictAddresses ?? false;
  if (typeof strictAddresses !== 'boolean') throw new InvalidOptionError('strictAddresses', 'expected a boolean');
  const all = options.platformOptions ?? {};
  if (!isPlainObject(all)) throw new InvalidOptionError('platformOptions', 'expected an object keyed by platform id');
  for (const k of Object.keys(all)) platformOf(k);
  const phones = options.phones ?? 'as-written';
  if (!phoneModes.includes(phones as PhoneMode)) {
    throw new InvalidOptionError('phones', `expected 'as-written' or 'e164', got ${JSON.stringify(String(phones))}`);
  }
  return { platform: checkedOptions(p, all[p.id]), residue, strictAddresses, limits, phones: phones as PhoneMode };
}

const checked = new WeakMap<object, Map<string, Readonly<Record<string, unknown>>>>();

/** A platform's section of `platformOptions`, validated (once per object and platform: see `DecodeOptions`). */
function checkedOptions(p: Platform, section: unknown): Readonly<Record<string, unknown>> {
  const byPlatform = typeof section === 'object' && section !== null ? checked.get(section) : undefined;
  const known = byPlatform?.get(p.id);
  if (known) return known;
  const parsed = p.options.safeParse(section ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InvalidOptionError(`platformOptions.${[p.id, ...(first?.path ?? [])].join('.')}`, first?.message ?? 'invalid');
  }
  if (typeof section === 'object' && section !== null) {
    if (byPlatform) byPlatform.set(p.id, parsed.data);
    else checked.set(section, new Map([[p.id, parsed.data]]));
  }
  return parsed.data;
}

/**
 * A record whose keys are all undocumented that is the API's error body (a platform whose record
 * keys are all optional, Medusa v2, takes `{type, message}` for a record): the error, not a record.
 */
const errorBodyRecord = (p: Platform, input: unknown): Issue | undefined =>
  isPlainObject(input) && !Object.keys(input).some((k) => Object.hasOwn(p.record.shape, k)) ? errorResponseIssue(p, input) : undefined;

/** Why `input` is no valid record: it is the API's error body, or the schema's issues. */
const invalidRecord = (p: Platform, input: unknown, issues: readonly z.core.$ZodIssue[]): Issue[] => {
  const response = errorResponseIssue(p, input);
  return response ? [response] : fromZodIssues(issues, input);
};

type Decoded = { ok: true; customer: Customer; origins: PathTrie<Origin>; aliases: Aliases; notices: Loss[]; source: string };

function decodeWith(p: Platform, input: unknown, options: RunOptions = NO_OPTIONS): Decoded | { ok: false; issues: Issue[] } {
  const seen = inspect(input, options.limits);
  if (seen.fatal.length > 0) return { ok: false, issues: seen.fatal };
  const parsed = safeParseCompiled(p.record, input);
  if (!parsed.success) return { ok: false, issues: invalidRecord(p, input, parsed.error.issues) };
  const response = errorBodyRecord(p, input);
  if (response) return { ok: false, issues: [response] };
  const record = parsed.data;
  if (seen.protoKeys.length > 0) return { ok: false, issues: seen.protoKeys };
  const { customer, state } = p.decodeRecord(record, options);
  const result = { ok: true as const, customer, origins: state.origins, aliases: state.aliases, notices: [] as Loss[], source: p.id };
  if (!p.residue || !holdsResidue(customer, p.residue)) return result;
  // Residue comes from metadata anyone can edit: restored into the customer just decoded (restore
  // copies what it takes from the record), kept only if the customer is still valid, else decoded
  // again without it (rare: a residue this library did not write).
  const notices = restore(customer as Record<string, unknown>, p.residue, state);
  const valid = safeParseCompiled(Customer, customer);
  if (valid.success) return { ...result, customer: valid.data, notices };
  const again = p.decodeRecord(record, options);
  return {
    ...result,
    customer: again.customer,
    origins: again.state.origins,
    aliases: again.state.aliases,
    notices: [{ code: 'not_normalised', path: [], message: `The ${RESIDUE_KEY} residue does not describe a valid customer: kept as ordinary metadata` }],
  };
}

function encodeWith(
  p: Platform,
  input: unknown,
  defaults: Record<string, unknown>,
  options: RunOptions,
  decoded?: { origins: PathTrie<Origin>; aliases: Aliases; source: string },
): Outcome<Record<string, unknown>> {
  let customer: Customer;
  if (decoded) {
    // What `decode` made is a valid canonical customer: the record round-trip law (test/laws.ts)
    // encodes every decoded record through the validating `encode`. It is not validated again.
    customer = input as Customer;
  } else {
    const seen = inspect(input, options.limits);
    if (seen.fatal.length > 0) return { ok: false, issues: seen.fatal };
    const parsed = safeParseCompiled(Customer, input);
    if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
    if (seen.protoKeys.length > 0) return { ok: false, issues: seen.protoKeys };
    customer = parsed.data;
  }
  // The secret rules (see core/credentials) apply once, here: most customers hold no secret at all,
  // and then no walk below asks any value whether it is one.
  const secrets = holdsSecret(customer);
  let origins = decoded?.origins;
  // An address the target cannot hold is left out and the customer converts without it (unless
  // `strictAddresses`): each round drops the addresses the target's schema refused.
  const left: { source: Path; issues: Issue[] }[] = [];
  // The secrets inside an address left out, each still reported not_migratable (as the loss walk does).
  const secretsLeft: Loss[] = [];
  // Each address's index in the customer as given (indices shift as addresses are left out).
  let given = (customer[ADDRESSES] ?? []).map((_, i) => i);
  for (;;) {
    const attempt = encodeOnce(p, customer, defaults, options, secrets, { ...decoded, origins });
    if (attempt.ok) {
      const dropped = left.map(({ source, issues }): Loss => ({ code: 'not_representable', path: [...source], message: leftOut(p.id, issues) }));
      return { ok: true, data: attempt.data, losses: [...attempt.losses, ...withAliases([...dropped, ...secretsLeft], decoded?.aliases ?? [])] };
    }
    const byAddress = options.strictAddresses ? undefined : addressesRefused(attempt.issues, attempt.record, attempt.made);
    if (!byAddress) return { ok: false, issues: attempt.issues };
    const list = customer[ADDRESSES] ?? [];
    for (const [i, issues] of byAddress) {
      const source = origins?.get([ADDRESSES, i])?.source ?? [ADDRESSES, given[i]!];
      left.push({ source, issues });
      if (secrets) secretsLeft.push(...secretLossesIn(customer, [ADDRESSES, i], origins ?? asGiven(given), p.id, decoded?.source));
      // Values read from elsewhere in the record for this address (a pointer such as v4's
      // `active_shipping_address` that designates it) are left out with it.
      for (const o of origins?.node([ADDRESSES, i])?.values() ?? []) {
        if (!startsWith(o.source, source) && !left.some((l) => startsWith(o.source, l.source))) left.push({ source: o.source, issues });
      }
    }
    const kept = list.flatMap((_, i) => (byAddress.has(i) ? [] : [i]));
    customer = { ...customer, [ADDRESSES]: kept.map((i) => list[i]!) };
    // Without origins (a canonical customer), each kept address still reports at its index as given.
    origins = origins ? reindexed(origins, kept) : asGiven(kept.map((i) => given[i]!));
    given = kept.map((i) => given[i]!);
  }
}

/** Origins saying that address `j` of the customer encoded is address `given[j]` of the customer as given. */
function asGiven(given: readonly number[]): PathTrie<Origin> {
  const origins = new PathTrie<Origin>();
  given.forEach((g, j) => origins.set([ADDRESSES, j], { canonical: [ADDRESSES, j], source: [ADDRESSES, g] }));
  return origins;
}

const leftOut = (target: string, issues: readonly Issue[]): string =>
  `Left out: ${target} cannot hold this address (${issues
    .slice(0, 3)
    .map((i) => `${i.code} at ${i.path.map(String).join('.')}`)
    .join('; ')}${issues.length > 3 ? '; …' : ''}); the customer converts without it (\`strictAddresses\` rejects it instead)`;

/**
 * The canonical addresses (by index) the target refused, each with its issues, when every issue lies
 * inside an encoded address (found through the objects the encode made); `undefined` when any does not.
 */
function addressesRefused(issues: readonly Issue[], record: Record<string, unknown>, made: WeakMap<object, Path>): Map<number, Issue[]> | undefined {
  const byAddress = new Map<number, Issue[]>();
  for (const issue of issues) {
    let node: unknown = record;
    let index: number | undefined;
    for (const key of issue.path) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<string | number, unknown>)[key];
      const from = node !== null && typeof node === 'object' ? made.get(node) : undefined;
      if (from && from[0] === ADDRESSES && typeof from[1] === 'number') {
        index = from[1];
        break;
      }
    }
    if (index === undefined) return undefined;
    byAddress.set(index, [...(byAddress.get(index) ?? []), issue]);
  }
  return byAddress.size > 0 ? byAddress : undefined;
}

/** `origins` with the addresses renumbered to those `kept` (old indices, in order); the others' origins dropped. */
function reindexed(origins: PathTrie<Origin>, kept: readonly number[]): PathTrie<Origin> {
  const next = new PathTrie<Origin>();
  for (const o of origins.values()) {
    const [head, i] = o.canonical;
    if (head !== ADDRESSES || typeof i !== 'number') {
      next.set(o.canonical, o);
      continue;
    }
    const at = kept.indexOf(i);
    if (at < 0) continue;
    const canonical = [ADDRESSES, at, ...o.canonical.slice(2)];
    next.set(canonical, { ...o, canonical });
  }
  return next;
}

/** The canonical keys of phones (customer `phone`, `mobile`; address `phone`, `mobile`, `fax`). */
const CANONICAL_PHONES: ReadonlySet<string> = new Set(['phone', 'mobile', 'fax']);

type Attempt = { ok: true; data: Record<string, unknown>; losses: Loss[] } | { ok: false; issues: Issue[]; record: Record<string, unknown>; made: WeakMap<object, Path> };

/** One encode of `customer`: the record with its residue and defaults, validated, and its losses. */
function encodeOnce(
  p: Platform,
  customer: Customer,
  defaults: Record<string, unknown>,
  options: RunOptions,
  secrets: boolean,
  decoded: { origins?: PathTrie<Origin> | undefined; aliases?: Aliases; source?: string },
): Attempt {
  const { origins, aliases, source } = decoded;
  const canonical = customer as Record<string, unknown>;
  // A password-reset key in a free-form branch (`metadata`) is a secret of the platform it was read
  // from (see core/credentials): another target that takes the branch whole gets it without them.
  const foreign = secrets && source !== undefined && source !== p.id ? [...FREE_FORM_BRANCHES].filter((b) => holdsSecret(canonical[b])) : [];
  const written = foreign.length > 0 ? { ...canonical, ...Object.fromEntries(foreign.map((b) => [b, withoutSecrets(canonical[b])])) } : canonical;
  // Where the target has metadata bags, one encode with an empty residue slot in each: filled below.
  const bags = options.residue ? p.residue : undefined;
  const slotted = bags ? withSlots(written, bags) : undefined;
  const { record, state } = p.encodeCustomer((slotted?.customer ?? written) as Customer, options);
  // The secrets of a branch the target took are each reported, as the loss walk reports those of a branch it did not.
  const stripped = foreign.filter((b) => state.consumed.heldAlong([b]) !== undefined).flatMap((b) => secretLossesIn(canonical, [b], origins, p.id, source));
  const losses = collectLosses({
    canonical,
    consumed: state.consumed,
    pending: state.losses,
    target: p.id,
    secrets,
    ...(origins ? { origins } : {}),
    ...(aliases ? { aliases } : {}),
    ...(source ? { source } : {}),
  });
  // What the target's fields could not hold travels in its metadata bags, so it comes back.
  const untakenValues = bags ? untaken(canonical, state.consumed, p.id, secrets) : [];
  // Values the target holds in a changed form (joined street lines) travel as they were, to replace it.
  // A phone written in E.164 because `phones: 'e164'` asked for it is the value wanted, not a changed
  // form to undo: its earlier text does not travel (restored, it would give a decoder with that option
  // a phone not in E.164, e.g. through two platforms with metadata bags).
  const asked = (l: { canonical: Path }) => options.phones === 'e164' && CANONICAL_PHONES.has(l.canonical[l.canonical.length - 1] as string);
  const changed = bags ? state.losses.filter((l) => l.code === 'value_changed' && !CREDENTIAL_BRANCHES.has(l.canonical[0] as string) && !asked(l)) : [];
  // Only data makes a residue worth writing; nulls and empty lists then ride along for an exact return.
  const carried: Entry[] =
    untakenValues.some(([, v]) => carriesData(v)) || changed.length > 0
      ? widen(canonical, [...untakenValues.map(([path]) => ({ path, replace: false })), ...changed.map((l) => ({ path: l.canonical, replace: true }))], secrets)
      : [];
  if (slotted) fillSlots(record, slotted.slots, carried);
  // Address defaults (`addresses.telephone`) and the fields the shop requires in addresses (platform options).
  const shop = p.requiredAddressFields?.(options.platform);
  const addresses = (shop?.fields.length ?? 0) > 0 || holdsAddressDefaults(defaults) ? addressObjects(record, state.made) : [];
  fillAddressDefaults(addresses, defaults);
  for (const [k, v] of Object.entries(defaults)) if (addressDefaultField(k) === undefined && (record[k] === undefined || record[k] === null)) record[k] = v;
  const shopIssues = shop ? missingAddressFields(addresses, shop.fields, p.id, shop.why) : [];
  // A record converted from a validated source is not walked for credentials again (see `withoutCredentialScan`).
  const checked = source === undefined ? safeParseCompiled(p.record, record) : withoutCredentialScan(() => safeParseCompiled(p.record, record));
  if (!checked.success || shopIssues.length > 0) {
    return { ok: false, issues: [...(checked.success ? [] : fromZodIssues(checked.error.issues, record)), ...shopIssues], record, made: state.made };
  }
  const isCarried = carriedBy(carried);
  const reported = losses.map(({ canonical: at, ...loss }): Loss =>
    loss.code !== 'value_changed' && loss.code !== 'not_migratable' && isCarried(at)
      ? { code: 'carried', path: loss.path, message: `Carried in ${p.id} metadata under "${RESIDUE_KEY}": it comes back when converted back` }
      : loss,
  );
  return { ok: true, data: record, losses: [...reported, ...stripped] };
}

/**
 * What travels in the residue. A value inside an ordinary canonical object (a region code, a middle
 * name, one street line) takes its whole container along, to replace what the target decodes there:
 * the target may derive parts of it (a region code from its name) that must not win. Array elements
 * (addresses, groups), platform data and the root are filled in instead, so the address book can be
 * reordered and the target's own data stays.
 */
function widen(canonical: Record<string, unknown>, found: readonly { path: Path; replace: boolean }[], secrets: boolean): Entry[] {
  const chosen = new PathTrie<{ replace: boolean }>();
  const order: Path[] = [];
  for (const { path, replace } of found) {
    // A password-reset key's value is never carried (see core/credentials).
    if (secrets && throughResetTokenKey(path)) continue;
    const parent = path.slice(0, -1);
    const last = parent[parent.length - 1];
    const widened = typeof last === 'string' && last !== 'platformData' ? { path: parent, replace: true } : { path, replace };
    const before = chosen.get(widened.path);
    if (!before) order.push(widened.path);
    chosen.set(widened.path, { replace: widened.replace || (before?.replace ?? false) });
  }
  // A path inside another chosen one travels with it.
  return order
    .filter((path) => chosen.heldAlong(path) === path.length)
    .map((path): Entry => {
      // Carried values never hold a secret (a reset token), wherever it sits.
      const value = secrets ? withoutSecrets(getAt(canonical, path)) : getAt(canonical, path);
      return chosen.get(path)?.replace ? [[...path], value, 1] : [[...path], value];
    });
}

/**
 * Runs the data part of a call: whatever the value does when read (a getter that throws only on a
 * second read, a proxy, a fault in this library), the answer is an outcome, never an exception.
 * Options are checked before: their errors are API misuse and are thrown.
 */
function guarded<T>(run: () => Outcome<T>): Outcome<T> {
  try {
    return run();
  } catch (e) {
    const name = e instanceof Error ? e.name : typeof e;
    return { ok: false, issues: [{ code: 'invalid_input', path: [], message: `The value could not be converted: reading it threw ${name} (a property getter, a proxy, or a fault in this library)` }] };
  }
}

const safe = <T>(o: Outcome<T>): SafeResult<T> =>
  o.ok ? { success: true, data: o.data, losses: o.losses } : { success: false, error: new ConversionError(o.issues) };

const unsafe = <T>(o: Outcome<T>): Result<T> => {
  if (!o.ok) throw new ConversionError(o.issues);
  return { data: o.data, losses: o.losses };
};

/** Runs a conversion; with E.164 phones, each phone is parsed once in it (`rememberingPhones`). */
const withPhones = <T>(run: RunOptions, conversion: () => T): T => (run.phones === 'e164' ? rememberingPhones(conversion) : conversion());

function decodeOutcome(platform: PlatformId, record: unknown, options: unknown): Outcome<Customer> {
  const p = platformOf(platform);
  if (options !== undefined && !isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  return decodeChecked(p, record, runOptions(p, options ?? {}));
}

/** What `decode` (and `codecOf`'s decode) runs once the options are checked. */
function decodeChecked(p: Platform, record: unknown, run: RunOptions): Outcome<Customer> {
  return guarded(() => {
    const d = withPhones(run, () => decodeWith(p, record, run));
    return d.ok ? { ok: true, data: d.customer, losses: d.notices } : d;
  });
}

/** The `deriveNames` option: `true` unless `false`. */
function deriveNamesOption(options: Record<string, unknown> | undefined): boolean {
  const v = options?.deriveNames ?? true;
  if (typeof v !== 'boolean') throw new InvalidOptionError('deriveNames', 'expected a boolean');
  return v;
}

/**
 * `encodeWith`, and where the target refused the customer for a top-level value it requires and the
 * customer lacks names an address holds, once more with those names (see core/names): kept when
 * it converts, or leaves fewer issues.
 */
function encodeDeriving(
  p: Platform,
  customer: Customer,
  defaults: Record<string, unknown>,
  options: RunOptions,
  derive: boolean,
  decoded?: { origins: PathTrie<Origin>; aliases: Aliases; source: string },
): Outcome<Record<string, unknown>> {
  return withNames(p, customer, encodeWith(p, customer, defaults, options, decoded), defaults, options, derive, decoded);
}

/** After a first encode `first` of `customer`: see `encodeDeriving`. */
function withNames(
  p: Platform,
  customer: Customer,
  first: Outcome<Record<string, unknown>>,
  defaults: Record<string, unknown>,
  options: RunOptions,
  derive: boolean,
  decoded?: { origins: PathTrie<Origin>; aliases: Aliases; source: string },
): Outcome<Record<string, unknown>> {
  if (first.ok || !derive || !first.issues.some((i) => i.code === 'required' && i.path.length === 1)) return first;
  const named = namesFromAddresses(customer);
  if (!named) return first;
  const again = encodeWith(p, named.customer, defaults, options, decoded);
  if (!again.ok) return again.issues.length < first.issues.length ? again : first;
  const derived = withAliases(derivedNameLosses(named.names, first.issues, again.data, p.id, p.customer, decoded?.origins), decoded?.aliases ?? []);
  return { ...again, losses: [...again.losses, ...derived] };
}

function encodeOutcome(platform: PlatformId, customer: unknown, options: unknown): Outcome<Record<string, unknown>> {
  const p = platformOf(platform);
  if (options !== undefined && !isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  const defaults = checkDefaults(p, options?.defaults);
  const run = runOptions(p, options ?? {});
  return encodeChecked(p, customer, defaults, run, deriveNamesOption(options));
}

/** What `encode` (and `codecOf`'s encode) runs once the options are checked. */
function encodeChecked(p: Platform, customer: unknown, defaults: Record<string, unknown>, run: RunOptions, derive: boolean): Outcome<Record<string, unknown>> {
  return guarded(() =>
    withPhones(run, () => {
      const plain = encodeWith(p, customer, defaults, run);
      // Names are derived from a valid canonical customer only (an invalid one fails as it is).
      if (plain.ok || !derive) return plain;
      const valid = safeParseCompiled(Customer, customer);
      return valid.success ? withNames(p, valid.data, plain, defaults, run, derive) : plain;
    }),
  );
}

function convertOutcome(input: unknown, options: unknown): Outcome<Record<string, unknown>> {
  if (!isPlainObject(options)) throw new InvalidOptionError('options', 'expected `{ from, to, defaults? }`');
  for (const side of ['from', 'to'] as const) {
    if (options[side] === undefined) {
      throw new InvalidOptionError(side, `missing: pass the ${side === 'from' ? 'source' : 'target'} platform id, one of ${platforms.join(', ')} (e.g. { from: 'magento', to: 'medusa' })`);
    }
  }
  const from = platformOf(options.from);
  const to = platformOf(options.to);
  const defaults = checkDefaults(to, options.defaults);
  const derive = deriveNamesOption(options);
  // E.164 is the write's: the source's phones are read as written, so the target's encode reports
  // each phone it changes (at its source path) and each it cannot read.
  const [decodeRun, encodeRun] = [{ ...runOptions(from, options), phones: 'as-written' as const }, runOptions(to, options)];
  return guarded(() => withPhones(encodeRun, () => {
    const d = decodeWith(from, input, decodeRun);
    if (!d.ok) return d;
    const encoded = encodeDeriving(to, d.customer, defaults, encodeRun, derive, d);
    return encoded.ok ? { ...encoded, losses: [...d.notices, ...encoded.losses] } : { ok: false, issues: namingDefaults(from, to, encoded.issues) };
  }));
}

/**
 * A platform record as a canonical customer. Throws `ConversionError` when the record is invalid.
 * @example decode('magento', { email: 'a@b.co', firstname: 'Ana', lastname: 'Lima', website_id: 1 }).data.name
 */
export const decode = (platform: PlatformId, record: unknown, options?: DecodeOptions): Result<Customer> =>
  unsafe(decodeOutcome(platform, record, options));

/** Like `decode`, but answers `{ success: false, error }` instead of throwing on invalid data. */
export const safeDecode = (platform: PlatformId, record: unknown, options?: DecodeOptions): SafeResult<Customer> =>
  safe(decodeOutcome(platform, record, options));

/**
 * A canonical customer as a platform record, with every canonical value the record cannot hold in `losses`.
 * @example encode('medusa', customer).data.email
 */
export const encode = <P extends PlatformId>(platform: P, customer: unknown, options?: EncodeOptions<P>): Result<RecordOf<P>> =>
  unsafe(encodeOutcome(platform, customer, options)) as Result<RecordOf<P>>;

/** Like `encode`, but never throws on invalid data. */
export const safeEncode = <P extends PlatformId>(platform: P, customer: unknown, options?: EncodeOptions<P>): SafeResult<RecordOf<P>> =>
  safe(encodeOutcome(platform, customer, options)) as SafeResult<RecordOf<P>>;

/**
 * One platform's record as another's; `losses` name every source value (by its source path) the target cannot hold.
 * @example convert(magentoRecord, { from: 'magento', to: 'enterprise-v1', defaults: { enterprise_id: 42 } })
 */
export const convert = <F extends PlatformId, T extends PlatformId>(input: unknown, options: ConvertOptions<F, T>): Result<RecordOf<T>> =>
  unsafe(convertOutcome(input, options)) as Result<RecordOf<T>>;

/** Like `convert`, but never throws on invalid data. */
export const safeConvert = <F extends PlatformId, T extends PlatformId>(input: unknown, options: ConvertOptions<F, T>): SafeResult<RecordOf<T>> =>
  safe(convertOutcome(input, options)) as SafeResult<RecordOf<T>>;

/** A value of the target shop that no record of the source platform holds: give it in `defaults` (see `requiredDefaults`). */
export interface RequiredDefault {
  /** The target-record key, e.g. `'enterprise_id'`. */
  readonly key: string;
  /** What the value is, in the target shop. */
  readonly note: string;
  /** A value of a standard install, e.g. `1` for Magento's `website_id`. */
  readonly example: unknown;
}

/**
 * The target-record values that no record of platform `from` holds and that `to` requires: the shop
 * ids each platform declares (`website_id`, `enterprise_id`). Converting without them in `defaults`
 * rejects every record, so ask before a migration starts. Empty when `from` is `to` (a record holds
 * its own) and for a target that needs none. A record of a platform with a metadata bag (Medusa) may
 * still hold one in a residue this library wrote; a default only fills a record that has none.
 * @example requiredDefaults('magento', 'enterprise-v1') // [{ key: 'enterprise_id', note: '…', example: 42 }]
 */
export function requiredDefaults(from: PlatformId, to: PlatformId): readonly RequiredDefault[] {
  const source = platformOf(from);
  const target = platformOf(to);
  if (source.id === target.id) return [];
  return Object.freeze((target.shopValues ?? []).map(({ key, note, example }) => Object.freeze({ key, note, example })));
}

/** `required` issues at a shop value the source never holds, naming the way out (give it in `defaults`). */
function namingDefaults(from: Platform, to: Platform, issues: Issue[]): Issue[] {
  const needed = requiredDefaults(from.id as PlatformId, to.id as PlatformId);
  if (needed.length === 0) return issues;
  return issues.map((issue) => {
    const value = issue.code === 'required' && issue.path.length === 1 ? needed.find((v) => v.key === issue.path[0]) : undefined;
    if (!value) return issue;
    const example = `defaults: { ${value.key}: ${JSON.stringify(value.example)} }`;
    return { ...issue, message: `Required: ${from.id} records never hold ${value.key} (${value.note}): give it in \`defaults\` (e.g. \`${example}\`)` };
  });
}

/** The levels a read payload's envelope adds above its records (`data.attributes`, `customers[i]`). */
const PAYLOAD_LEVELS = 4;

/**
 * The records inside any read payload of a platform (a single record, a list page, a search result,
 * a JSON:API document). Records are returned as found; `decode` validates each one.
 * Throws `ConversionError` when the payload is no read payload of that platform (issue `error_response`
 * when it is the API's error body).
 *
 * The result is `unknown[]` on purpose, not `RecordOf<P>[]`: `unwrap` checks the envelope (the page,
 * the search result, the JSON:API document), not the records inside it, which are returned as found;
 * typing them by platform would claim a validation only `decode` does. Give each one to `decode` or
 * `convert`.
 */
export function unwrap(platform: PlatformId, payload: unknown): unknown[] {
  const p = platformOf(platform);
  if (!isPlainObject(payload)) {
    throw new ConversionError([{ code: 'invalid_type', path: [], message: `Expected ${withArticle(p.id)} read payload (an object)` }]);
  }
  // A page holds many records: bounded in depth (its envelope adds a few levels), not in size.
  const seen = inspect(payload, { depth: DEFAULT_LIMITS.depth + PAYLOAD_LEVELS, size: Number.MAX_SAFE_INTEGER });
  if (seen.fatal.length > 0) throw new ConversionError(seen.fatal);
  const shape = p.payloads.find((s) => s.matches(payload));
  if (!shape) {
    throw new ConversionError([errorResponseIssue(p, payload) ?? { code: 'invalid_input', path: [], message: `Not ${withArticle(p.id)} read payload` }]);
  }
  const parsed = shape.schema.safeParse(payload);
  if (!parsed.success) throw new ConversionError(invalidRecord(p, payload, parsed.error.issues));
  return shape.records(parsed.data);
}

function requestOf(platform: unknown, operation: unknown, record: unknown, options: unknown) {
  const p = platformOf(platform);
  if (operation !== 'create' && operation !== 'update') {
    throw new InvalidOptionError('operation', `expected 'create' or 'update', got ${JSON.stringify(String(operation))}`);
  }
  if (!isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  const request = p.requests[operation];
  if (options.password !== undefined) {
    if (typeof options.password !== 'string') throw new InvalidOptionError('password', 'expected a string');
    if (!request.acceptsPassword) throw new InvalidOptionError('password', `${withArticle(p.id)} ${operation} request takes no password`);
  }
  const seen = inspect(record);
  if (seen.fatal.length > 0) throw new ConversionError(seen.fatal);
  const parsed = safeParseCompiled(p.record, record);
  if (!parsed.success) throw new ConversionError(invalidRecord(p, record, parsed.error.issues));
  const response = errorBodyRecord(p, record);
  if (response) throw new ConversionError([response]);
  const label = `${p.id} ${operation}`;
  if (request.calls) {
    // Several calls in order (a customer, then each address on its own route): each body passes its own schema.
    const { calls, taken } = buildCalls(request.calls, parsed.data, options);
    const sent = calls.map(({ call }) => call);
    const issues = calls.flatMap(({ spec, call }, i) => {
      const checked = spec.schema.safeParse(call.body);
      return checked.success ? [] : fromZodIssues(checked.error.issues, sent, [i, 'body']);
    });
    if (issues.length > 0) throw new ConversionError(issues);
    return { body: sent as unknown, losses: () => bodyLosses(request.body, parsed.data, taken, label) };
  }
  const { body, taken } = buildBody(request.body, parsed.data, options);
  const checked = request.schema.safeParse(body);
  if (!checked.success) throw new ConversionError(fromZodIssues(checked.error.issues, body));
  return { body: body as unknown, losses: () => bodyLosses(request.body, parsed.data, taken, label) };
}

/**
 * The request body a platform's API takes to create or update the customer in `record`: its envelope
 * with only the keys that operation permits (read-only and server-assigned fields left out; see
 * `requestLosses` for what that leaves out of a given record). A platform whose API takes the
 * operation as several calls (Medusa v2: the customer, then each address on its own route) gives
 * the calls in order, `RequestCall[]` (`{ method, path, body }`). Throws `ConversionError` when the
 * record is invalid or a body lacks or refuses a value (issue paths into the calls: `[0, 'body', 'email']`).
 * @example toRequest('magento', 'create', record, { password }) // { customer: {...}, password }
 * @example toRequest('medusa-v2', 'create', record) // [{ method: 'POST', path: '/admin/customers', body }, { method: 'POST', path: '/admin/customers/{id}/addresses', body }]
 */
export function toRequest<P extends PlatformId, O extends Operation>(platform: P, operation: O, record: unknown, options: RequestOptions = {}): RequestOf<P, O> {
  return requestOf(platform, operation, record, options).body as RequestOf<P, O>;
}

/**
 * Every value of `record` that the body `toRequest` builds from it does not hold, by its path in
 * `record`: server-assigned ids and timestamps (`server_assigned`), a password hash a create body
 * cannot carry (`not_migratable`), what the body has no key for... Values the body holds in another
 * form (WebCommander's two street lines sent as one) are `value_changed`. Throws as `toRequest` does.
 * @example requestLosses('magento', 'create', record) // [{ code: 'server_assigned', path: ['id'], message: '…' }, …]
 */
export function requestLosses<P extends PlatformId, O extends Operation>(platform: P, operation: O, record: unknown, options: RequestOptions = {}): Loss[] {
  return requestOf(platform, operation, record, options).losses();
}

/** A platform's record <-> canonical codec (see `codecOf`). */
export type CodecOf<P extends PlatformId> = z.ZodCodec<z.ZodCustom<RecordOf<P>, RecordOf<P>>, z.ZodCustom<Customer, Customer>>;

const codecs = new Map<string, CodecOf<PlatformId>>();

/**
 * The conversion itself as a zod 4 codec (record <-> canonical), for use inside other zod schemas:
 * `z.decode(codecOf(p, options), record)` runs exactly what `decode(p, record, options)` runs and gives
 * its `data`, and `z.encode(…)` what `encode` runs: validation of the value as given (own `__proto__`
 * keys included), residue restored and written, defaults and platform options applied, names the
 * target requires taken from the customer's address (`deriveNames`), addresses the target cannot hold left out. Its two sides
 * accept any value and leave the checking to the conversion, so each value is validated once. Issues
 * come back as zod issues with the library's `code` in `params`; losses are reported by `decode` /
 * `encode` / `convert` only. Without options the codec is made once per platform.
 * @example z.object({ customer: codecOf('medusa') })
 */
export function codecOf<P extends PlatformId>(platform: P, options?: EncodeOptions<P>): CodecOf<P> {
  const p = platformOf(platform);
  if (options !== undefined && !isPlainObject(options)) throw new InvalidOptionError('options', 'expected an object');
  const cached = options === undefined ? codecs.get(p.id) : undefined;
  if (cached) return cached as CodecOf<P>;
  const defaults = checkDefaults(p, options?.defaults);
  const run = runOptions(p, options ?? {});
  const derive = deriveNamesOption(options);
  const fail = (payload: { issues: unknown[] }, value: unknown, issues: readonly Issue[]): never => {
    for (const issue of issues) {
      payload.issues.push({ code: 'custom', message: issue.message, path: [...issue.path], input: value, params: { code: issue.code } });
    }
    return z.NEVER;
  };
  const codec: CodecOf<P> = z.codec(z.custom<RecordOf<P>>(), z.custom<Customer>(), {
    decode: (record, payload) => {
      const d = decodeChecked(p, record, run);
      return d.ok ? d.data : fail(payload, record, d.issues);
    },
    encode: (customer, payload) => {
      const e = encodeChecked(p, customer, defaults, run, derive);
      return e.ok ? (e.data as RecordOf<P>) : fail(payload, customer, e.issues);
    },
  });
  if (options === undefined) codecs.set(p.id, codec as CodecOf<PlatformId>);
  return codec;
}

/** The zod schema of a platform's record (what `decode` validates before converting), for validation alone. */
export const schemaOf = <P extends PlatformId>(platform: P): (typeof registry)[P]['record'] =>
  platformOf(platform).record as (typeof registry)[P]['record'];
