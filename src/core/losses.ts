import { isHint, type Origin, type PendingLoss } from './engine.js';
import type { Loss, LossCode } from './issues.js';
import { carriesData } from './objects.js';
import { formatPath, isPlainObject, startsWith, type Path } from './path.js';

const key = (p: Path): string => JSON.stringify(p);

/** The origin of `path` or of its closest ancestor, and the source path it points to. */
function locate(path: Path, origins: ReadonlyMap<string, Origin> | undefined): { source: Path; origin?: Origin } {
  if (origins) {
    for (let n = path.length; n > 0; n--) {
      const origin = origins.get(key(path.slice(0, n)));
      if (origin) return { source: [...origin.source, ...path.slice(n)], origin };
    }
  }
  return { source: path };
}

/** Keys of every proper prefix of the given paths: "is there a path below this one?" in O(1). */
function properPrefixes(paths: readonly Path[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) for (let n = 0; n < p.length; n++) out.add(key(p.slice(0, n)));
  return out;
}


export interface LossContext {
  readonly canonical: Record<string, unknown>;
  readonly consumed: readonly Path[];
  readonly pending: readonly PendingLoss[];
  readonly target: string;
  /** Origins from decoding the source record; absent when the source is a canonical customer. */
  readonly origins?: ReadonlyMap<string, Origin>;
  /** Source subtrees holding the same data as another: a loss under `source` is also a loss under `also`. */
  readonly aliases?: readonly { source: Path; also: Path }[];
}

/**
 * Every canonical value the target did not consume, reported once at the highest level that was
 * dropped whole, with its path in the source. Nulls and empty containers carry no data.
 */
/** A loss and the canonical path it was found at. */
export type LocatedLoss = Loss & { readonly canonical: Path };

export function collectLosses(context: LossContext): LocatedLoss[] {
  const losses = collectOwn(context);
  for (const { source, also } of context.aliases ?? []) {
    for (const l of [...losses]) if (startsWith(l.path, source)) losses.push({ ...l, path: [...also, ...l.path.slice(source.length)] });
  }
  return losses;
}

function collectOwn({ canonical, consumed, pending, target, origins }: LossContext): LocatedLoss[] {
  // A value encoded twice (one address filling two slots) is reported once.
  const once = new Map(pending.map((p) => [key(p.canonical), p]));
  const losses: LocatedLoss[] = [...once.values()].map((p) => {
    const { source } = locate(p.canonical, origins);
    return { code: p.code, path: [...source], message: p.message, canonical: p.canonical };
  });
  // An explicitly reported value is not reported again by the walk.
  const handled = [...consumed, ...pending.map((p) => p.canonical)];
  const consumedKeys = new Set(handled.map(key));
  const isConsumed = (path: Path): boolean => {
    for (let n = path.length; n >= 0; n--) if (consumedKeys.has(key(path.slice(0, n)))) return true;
    return false;
  };
  const consumedAbove = properPrefixes(handled);
  const originsAbove = properPrefixes(origins ? [...origins.values()].map((o) => o.canonical) : []);
  const consumedBelow = (path: Path): boolean => consumedAbove.has(key(path));
  const originsBelow = (path: Path): boolean => originsAbove.has(key(path));

  const report = (path: Path): void => {
    const { source, origin } = locate(path, origins);
    const code: LossCode = origin && key(origin.canonical) === key(path) && origin.code ? origin.code : defaultCode(path);
    const why = origin?.note ?? defaultReason(code, path, target);
    losses.push({ code, path: [...source], message: `Not carried to ${target}: ${why}`, canonical: path });
  };

  const walk = (node: unknown, path: Path): void => {
    if (!carriesData(node) || isConsumed(path)) return;
    const last = path[path.length - 1];
    if (path[path.length - 3] === 'platformData' && typeof last === 'string' && isHint(last)) return;
    const container = Array.isArray(node) || isPlainObject(node);
    const inPlatformData = path[path.length - 1] === 'platformData' || path[path.length - 2] === 'platformData';
    const exact = origins?.has(key(path)) ?? false;
    const descend =
      container && (consumedBelow(path) || inPlatformData || (!exact && (originsBelow(path) || path.length === 0)));
    if (!descend) return report(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else for (const [k, child] of Object.entries(node as Record<string, unknown>)) walk(child, [...path, k]);
  };
  walk(canonical, []);
  return losses;
}

const defaultReason = (code: LossCode, path: Path, target: string): string =>
  code === 'server_assigned'
    ? `an id or timestamp the source's server assigned; ${target} assigns its own`
    : `${target} has no field for canonical ${formatPath(path)}`;

const defaultCode = (path: Path): LossCode => (path.includes('platformData') ? 'platform_data' : 'not_representable');
