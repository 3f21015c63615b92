import type { Path } from './path.js';

/**
 * Values addressed by path, stored as the tree the paths come from. The loss walk and the residue walk
 * go down a record and this tree side by side, so "is this path or one above it taken?", "is anything
 * below it taken?" and "where did this come from?" cost one step per level and build no string keys.
 * Keys are compared as they are: the index `0` and the key `"0"` are different, as they are in a record.
 */
export class PathTrie<V> {
  private kids: Map<string | number, PathTrie<V>> | undefined;
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
    return this.kids?.get(key);
  }

  /** The node at `path`, if any stored path goes through it. */
  node(path: Path): PathTrie<V> | undefined {
    let n: PathTrie<V> | undefined = this;
    for (let i = 0; i < path.length && n; i++) n = n.kids?.get(path[i] as string | number);
    return n;
  }

  /** How many keys of `path` lead to the shallowest node on it (the root's 0 included) that holds a value; `undefined` when none does. */
  heldAlong(path: Path): number | undefined {
    let n: PathTrie<V> | undefined = this;
    for (let depth = 0; n; depth++) {
      if (n.present) return depth;
      if (depth === path.length) return undefined;
      n = n.kids?.get(path[depth] as string | number);
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
      n.kids ??= new Map();
      let next = n.kids.get(k);
      if (!next) n.kids.set(k, (next = new PathTrie<V>()));
      n = next;
    }
    if (!n.present) {
      // A new path: one more value in each subtree on the way (a second walk, no list of nodes).
      let m: PathTrie<V> = this;
      m.count += 1;
      for (const k of path) {
        m = m.kids!.get(k)!;
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
      n = n.kids?.get(k);
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
    if (this.kids) for (const kid of this.kids.values()) yield* kid.values();
  }
}
