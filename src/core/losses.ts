import { FREE_FORM_BRANCHES } from '../canonical/customer.js';
import { holdsSecret, secretAt, secretReason, type AttributeCredential } from './credentials.js';
import { isHint, type Origin, type PendingLoss } from './engine.js';
import type { Loss, LossCode } from './issues.js';
import { carriesData } from './objects.js';
import { eachChild, formatPath, getAt, isPlainObject, startsWith, type Path } from './path.js';
import { PathTrie } from './trie.js';

/** The origin of `path` or of its closest ancestor (the root excepted), and the source path it points to. */
function locate(path: Path, origins: PathTrie<Origin> | undefined): { source: Path; origin?: Origin } {
  let found: Origin | undefined;
  let depth = 0;
  let node = origins;
  for (let n = 0; n < path.length && node; n++) {
    node = node.child(path[n] as string | number);
    if (node?.holds) {
      found = node.value;
      depth = n + 1;
    }
  }
  return found ? { source: [...found.source, ...path.slice(depth)], origin: found } : { source: path };
}

export interface LossContext {
  readonly canonical: Record<string, unknown>;
  /** The canonical paths the target took. */
  readonly consumed: PathTrie<true>;
  readonly pending: readonly PendingLoss[];
  readonly target: string;
  /** Origins from decoding the source record; absent when the source is a canonical customer. */
  readonly origins?: PathTrie<Origin>;
  /** The platform the record was decoded from; absent when the source is a canonical customer. */
  readonly source?: string;
  /** Source subtrees holding the same data as another: a loss under `source` is also a loss under `also`. */
  readonly aliases?: readonly { source: Path; also: Path }[];
  /**
   * Whether the customer holds a secret anywhere (`holdsSecret`, asked once per conversion at the
   * boundary): when it holds none, the walk asks no node whether it is one. Default `true`.
   */
  readonly secrets?: boolean;
}

/** A loss and the canonical path it was found at. */
export type LocatedLoss = Loss & { readonly canonical: Path };

/**
 * Every canonical value the target did not consume, reported once at the highest level that was
 * dropped whole, with its path in the source. Nulls and empty containers carry no data.
 */
export function collectLosses(context: LossContext): LocatedLoss[] {
  return withAliases(collectOwn(context), context.aliases ?? []);
}

/**
 * `losses` and, for each under an aliased source subtree, the same loss under its alias (see
 * `LossContext.aliases`), unless a loss of that code is already there (an address left out is also
 * reported at the value designating it, which may be its alias: Medusa's `billing_address`).
 */
export function withAliases<L extends Loss>(losses: L[], aliases: readonly { source: Path; also: Path }[]): L[] {
  for (const { source, also } of aliases) {
    for (const l of [...losses]) {
      if (!startsWith(l.path, source)) continue;
      const path = [...also, ...l.path.slice(source.length)];
      if (!losses.some((o) => o.code === l.code && o.path.length === path.length && startsWith(o.path, path))) losses.push({ ...l, path });
    }
  }
  return losses;
}

type Node<V> = PathTrie<V> | undefined;

function collectOwn({ canonical, consumed, pending, target, origins, source: sourcePlatform, secrets = true }: LossContext): LocatedLoss[] {
  // A value encoded twice (one address filling two slots) is reported once, with its last message;
  // an explicitly reported value is not reported again by the walk.
  const reported = new PathTrie<number>();
  const once: PendingLoss[] = [];
  for (const p of pending) {
    const at = reported.get(p.canonical);
    if (at === undefined) {
      reported.set(p.canonical, once.length);
      once.push(p);
    } else once[at] = p;
  }
  const losses: LocatedLoss[] = once.map((p) => {
    const { source } = locate(p.canonical, origins);
    return { code: p.code, path: [...source], message: p.message, canonical: p.canonical };
  });

  // The walk goes down the canonical customer and the three tries together; `path` is one stack.
  const path: (string | number)[] = [];
  let nearest: Origin | undefined;
  let nearestDepth = 0;
  const report = (): void => {
    const at = [...path];
    const origin = nearest;
    const source = origin ? [...origin.source, ...at.slice(nearestDepth)] : at;
    const code: LossCode = origin && nearestDepth === at.length && origin.code ? origin.code : defaultCode(at);
    const why = origin?.note ?? defaultReason(code, at, target);
    losses.push({ code, path: [...source], message: `Not carried to ${target}: ${why}`, canonical: at });
  };
  // A secret (a reset token or a hash in an attribute entry, a reset-token key: see core/credentials) is never carried, whatever the target holds.
  const reportSecret = (kind: Exclude<AttributeCredential, 'password'>): void => {
    const at = [...path];
    const source = nearest ? [...nearest.source, ...at.slice(nearestDepth)] : at;
    const owner = at.lastIndexOf('platformData');
    const platform = owner >= 0 ? at[owner + 1] : sourcePlatform;
    const why = secretReason(kind, typeof platform === 'string' ? platform : undefined);
    losses.push({ code: 'not_migratable', path: source, message: `Not carried to ${target}: ${why}`, canonical: at });
  };
  // `secretsOnly`: inside a value already reported (an unreferenceable region), only its secrets are.
  const walk = (value: unknown, taken: Node<true>, told: Node<number>, from: Node<Origin>, secretsOnly = false): void => {
    // Taken first: most of a customer is, and whether a value carries data is a walk of it.
    if (taken?.holds || !carriesData(value)) return;
    if (told?.holds && !secretsOnly) {
      if (!secrets || !holdsSecret(value)) return;
      secretsOnly = true;
    }
    const depth = path.length;
    const last = path[depth - 1];
    if (path[depth - 3] === 'platformData' && typeof last === 'string' && isHint(last)) return;
    const container = Array.isArray(value) || isPlainObject(value);
    const inPlatformData = last === 'platformData' || path[depth - 2] === 'platformData';
    const exact = from?.holds ?? false;
    const takenBelow = (taken?.holdsBelow ?? false) || (told?.holdsBelow ?? false);
    const secret = secrets ? secretAt(last, value) : undefined;
    // A container holding a secret is reported part by part, so the secret has a loss of its own.
    const descend =
      !secret &&
      container &&
      (takenBelow || inPlatformData || (!exact && ((from?.holdsBelow ?? false) || depth === 0)) || (secrets && holdsSecret(value)));
    const outer = nearest;
    const outerDepth = nearestDepth;
    if (depth > 0 && exact) {
      nearest = from?.value;
      nearestDepth = depth;
    }
    if (secret) reportSecret(secret);
    else if (secretsOnly ? container : descend) eachChild(value, path, (child, k) => walk(child, taken?.child(k), told?.child(k), from?.child(k), secretsOnly));
    else if (!secretsOnly) report();
    nearest = outer;
    nearestDepth = outerDepth;
  };
  walk(canonical, consumed, reported, origins);
  return losses;
}

const defaultReason = (code: LossCode, path: Path, target: string): string =>
  code === 'server_assigned'
    ? `an id or timestamp the source's server assigned; ${target} assigns its own`
    : `${target} has no field for canonical ${formatPath(modelPart(path).map((k) => (typeof k === 'number' ? '*' : k)))}`;

/**
 * The part of a canonical path the canonical model names: up to a platform's data
 * (`platformData.magento`) or a free metadata bag (`metadata`), whose keys are record text that a
 * message never quotes (the loss's own path locates the value).
 */
function modelPart(path: Path): Path {
  for (let i = 0; i < path.length; i++) {
    if (path[i] === 'platformData') return path.slice(0, i + 2);
    if (FREE_FORM_BRANCHES.has(path[i] as string)) return path.slice(0, i + 1);
  }
  return path;
}

const defaultCode = (path: Path): LossCode => (path.includes('platformData') ? 'platform_data' : 'not_representable');

/**
 * A not_migratable loss for each secret inside the canonical value at `at` (see core/credentials),
 * located in the source through `origins`: for a value left out whole (an address the target could
 * not hold), whose secrets are still each reported as never carried.
 */
export function secretLossesIn(canonical: Record<string, unknown>, at: Path, origins: PathTrie<Origin> | undefined, target: string, sourcePlatform?: string): Loss[] {
  const out: Loss[] = [];
  const path: (string | number)[] = [...at];
  const walk = (value: unknown): void => {
    const kind = secretAt(path[path.length - 1], value);
    if (kind !== undefined) {
      const owner = path.lastIndexOf('platformData');
      const platform = owner >= 0 ? path[owner + 1] : sourcePlatform;
      const why = secretReason(kind, typeof platform === 'string' ? platform : undefined);
      out.push({ code: 'not_migratable', path: [...locate(path, origins).source], message: `Not carried to ${target}: ${why}` });
      return;
    }
    eachChild(value, path, walk);
  };
  walk(getAt(canonical, at));
  return out;
}