import { describe, expect, it } from 'vitest';
import { withArticle } from '../src/core/words.js';
import { ConversionError, unwrap } from '../src/index.js';

describe('withArticle', () => {
  it.each([
    ['enterprise-v1', 'a', 'an enterprise-v1'],
    ['magento', 'a', 'a magento'],
    ['v4', 'A', 'A v4'],
    ['enterprise-v1', 'A', 'An enterprise-v1'],
  ] as const)('%s (%s)', (word, capital, expected) => {
    expect(withArticle(word, capital)).toBe(expected);
  });

  it('messages naming a platform use it', () => {
    let error: unknown;
    try {
      unwrap('enterprise-v1', 42);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConversionError);
    expect((error as ConversionError).issues[0]?.message).toBe('Expected an enterprise-v1 read payload (an object)');
  });
});
