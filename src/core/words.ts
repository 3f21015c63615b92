/**
 * `word` after its indefinite article, chosen by its first letter (enough for platform ids):
 * `withArticle('enterprise-v1')` is `an enterprise-v1`, `withArticle('magento', 'A')` is `A magento`.
 */
export function withArticle(word: string, capital: 'a' | 'A' = 'a'): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return `${capital === 'A' ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${word}`;
}
