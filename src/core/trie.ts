import type { Path } from './path.js';

/**
 * Values addressed by path, stored as the tree the paths come from. The loss walk and the residue walk
 * go down a record and this tree side by side, so "is this path or one above it taken?", "is anything
 * below it taken?" and "where did this come from?" cost one step per level and build no string keys.
 * Keys are compared as they are: the index `0` and the key `"0"` are different, as they are in a record.
 */
export class PathTrie<V> {
  // Children as two parallel lists, searched in order: a node has few children, and a list costs far
  // less to make than a Map (a conversion builds these tries for every record). `indexOf` compares
  // with ===, so the index 0 and the key "0" stay apart.
  private keys: (string | number)[] | undefined;
  private kids: PathTrie<V>[] | undefined;
  private stored: V | undefined;
  private present = false;
  /** Values stored in this subtree, this node's own included. */
  private count = 0;

  /** The value stored at this node, if any. */
  get value(): V | undefined {
    return this.stored;
  }

  /** Whether a value is stored at this node. */
  get holds(): boolean {
    return this.present;
  }

  /** Whether a value is stored anywhere strictly below this node. */
  get holdsBelow(): boolean {
    return this.count > (this.present ? 1 : 0);
  }

  /** The node one key down, if any path goes through it. */
  child(key: string | number): PathTrie<V> | undefined {
    const keys = this.keys;
    if (keys === undefined) return undefined;
    const i = keys.indexOf(key);
    return i < 0 ? undefined : this.kids![i];
  }

  /** The node at `path`, if any stored path goes through it. */
  node(path: Path): PathTrie<V> | undefined {
    let n: PathTrie<V> | undefined = this;
    for (let i = 0; i < path.length && n; i++) n = n.child(path[i] as string | number);
    return n;
  }

  /** How many keys of `path` lead to the shallowest node on it (the root's 0 included) that holds a value; `undefined` when none does. */
  heldAlong(path: Path): number | undefined {
    let n: PathTrie<V> | undefined = this;
    for (let depth = 0; n; depth++) {
      if (n.present) return depth;
      if (depth === path.length) return undefined;
      n = n.child(path[depth] as string | number);
    }
    return undefined;
  }

  get(path: Path): V | undefined {
    return this.node(path)?.stored;
  }

  has(path: Path): boolean {
    return this.node(path)?.present ?? false;
  }

  set(path: Path, value: V): this {
    let n: PathTrie<V> = this;
    for (const k of path) {
      let next = n.child(k);
      if (!next) {
        next = new PathTrie<V>();
        (n.keys ??= []).push(k);
        (n.kids ??= []).push(next);
      }
      n = next;
    }
    if (!n.present) {
      // A new path: one more value in each subtree on the way (a second walk, no list of nodes).
      let m: PathTrie<V> = this;
      m.count += 1;
      for (const k of path) {
        m = m.child(k)!;
        m.count += 1;
      }
    }
    n.present = true;
    n.stored = value;
    return this;
  }

  delete(path: Path): boolean {
    const nodes: PathTrie<V>[] = [this];
    let n: PathTrie<V> | undefined = this;
    for (const k of path) {
      n = n.child(k);
      if (!n) return false;
      nodes.push(n);
    }
    if (!n.present) return false;
    n.present = false;
    n.stored = undefined;
    for (const m of nodes) m.count -= 1;
    return true;
  }

  /** Every stored value, parents before children. */
  *values(): Generator<V> {
    if (this.present) yield this.stored as V;
    if (this.kids) for (const kid of this.kids) yield* kid.values();
  }
}
