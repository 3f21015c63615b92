/**
 * `word` after its indefinite article, chosen by its first letter (enough for platform ids):
 * `withArticle('enterprise-v1')` is `an enterprise-v1`, `withArticle('magento', 'A')` is `A magento`.
 */
export function withArticle(word: string, capital: 'a' | 'A' = 'a'): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return `${capital === 'A' ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${word}`;
}

/** A list in words: `inWords(['1', '2', '3'], 'and')` is `1, 2 and 3`. */
export const inWords = (items: readonly string[], last: 'and' | 'or'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
