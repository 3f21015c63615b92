import { describe, expect, it } from 'vitest';
import { PathTrie } from '../src/core/trie.js';

describe('PathTrie', () => {
  it('answers "held here", "held below" and lookups by path, keeping index 0 apart from key "0"', () => {
    const t = new PathTrie<string>().set(['addresses', 0, 'city'], 'a').set(['addresses', '0'], 'b');
    expect(t.get(['addresses', 0, 'city'])).toBe('a');
    expect(t.get(['addresses', '0'])).toBe('b');
    expect(t.has(['addresses', 0])).toBe(false);
    expect(t.node(['addresses', 0])?.holdsBelow).toBe(true);
    expect(t.node(['addresses', '0'])?.holdsBelow).toBe(false);
    expect(t.node(['addresses'])?.child(0)?.child('city')?.holds).toBe(true);
    expect(t.node(['nowhere', 1])).toBeUndefined();
    expect([...t.values()].sort()).toStrictEqual(['a', 'b']);
  });

  it('a node with many children (a customer root) finds each, 0 apart from "0", in the order set', () => {
    const keys: (string | number)[] = [];
    for (let i = 0; i < 12; i++) keys.push(i, String(i));
    const t = new PathTrie<string>();
    keys.forEach((k) => t.set(['list', k, 'x'], `${typeof k}:${k}`));
    for (const k of keys) expect(t.get(['list', k, 'x'])).toBe(`${typeof k}:${k}`);
    expect(t.get(['list', 12, 'x'])).toBeUndefined();
    expect([...t.values()]).toStrictEqual(keys.map((k) => `${typeof k}:${k}`));
    // Set again after the node indexes its children: still one value a path.
    t.set(['list', '3', 'x'], 'again');
    expect(t.get(['list', '3', 'x'])).toBe('again');
    expect(t.get(['list', 3, 'x'])).toBe('number:3');
    expect([...t.values()]).toHaveLength(keys.length);
  });

  it('counts a path once however often it is set, and forgets it when deleted', () => {
    const t = new PathTrie<number>().set(['a', 'b'], 1).set(['a', 'b'], 2);
    expect(t.get(['a', 'b'])).toBe(2);
    expect(t.delete(['a', 'b'])).toBe(true);
    expect(t.delete(['a', 'b'])).toBe(false);
    expect(t.delete(['a', 'x'])).toBe(false);
    expect(t.node(['a'])?.holdsBelow).toBe(false);
    expect(t.holdsBelow).toBe(false);
    expect([...t.values()]).toStrictEqual([]);
  });

  it('finds the shallowest node holding a value along a path', () => {
    const t = new PathTrie<true>().set(['addresses', 0], true).set(['addresses', 0, 'lines'], true);
    expect(t.heldAlong(['addresses', 0, 'lines', 1])).toBe(2);
    expect(t.heldAlong(['addresses', 0])).toBe(2);
    expect(t.heldAlong(['addresses'])).toBeUndefined();
    expect(t.heldAlong(['addresses', 1, 'lines'])).toBeUndefined();
    expect(t.set([], true).heldAlong(['anything'])).toBe(0);
  });

  it('holds a value at the root path', () => {
    const t = new PathTrie<true>().set([], true);
    expect(t.holds).toBe(true);
    expect(t.holdsBelow).toBe(false);
  });
});
