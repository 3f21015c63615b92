/** A location inside a record: object keys and array indices, never a joined string. */
export type Path = readonly (string | number)[];

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const hasKey = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

export function getAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[k];
  }
  return node;
}

/** Writes `value` at `path`, creating plain objects on the way (indices create arrays). */
export function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const k = path[i] as string | number;
    const next = node[k];
    if (next === null || typeof next !== 'object') node[k] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  }
  if (last >= 0) node[path[last] as string | number] = value;
}

/**
 * Calls `visit` for each element of an array or member of a plain object, with its index or key on top
 * of `path` while it runs: the walks over whole records share one path stack and copy it only when
 * they keep a path.
 */
export function eachChild(node: unknown, path: (string | number)[], visit: (child: unknown, key: string | number) => void): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      visit(node[i], i);
      path.pop();
    }
  } else if (isPlainObject(node)) {
    for (const k of Object.keys(node)) {
      path.push(k);
      visit(node[k], k);
      path.pop();
    }
  }
}

export const startsWith = (path: Path, prefix: Path): boolean =>
  prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

export const formatPath = (path: Path): string =>
  path.length === 0 ? '(root)' : path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');
