import { credentialKeys, maskHashes } from './credentials.js';
import type { Issue } from './issues.js';
import { isPlainObject } from './path.js';
import type { Platform } from './platform.js';
import { withArticle } from './words.js';

/** How many characters of the API's own message text an `error_response` issue quotes. */
export const ERROR_TEXT_LIMIT = 300;

/** The API's messages as one line: whitespace collapsed, hash-shaped words hidden, then cut to the limit. */
function apiText(messages: readonly string[]): string {
  const lines = messages.map((m) => m.replace(/\s+/g, ' ').trim()).filter((m) => m !== '');
  // Sentences follow each other; other messages are separated by "; ".
  const joined = maskHashes(lines.reduce((all, m) => (all === '' ? m : `${all}${/[.!?]$/.test(all) ? ' ' : '; '}${m}`), ''));
  if (joined.length <= ERROR_TEXT_LIMIT) return joined;
  // Masked before cutting, so half a hash is never left to quote; never split a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(joined.charAt(ERROR_TEXT_LIMIT - 1)) ? ERROR_TEXT_LIMIT - 1 : ERROR_TEXT_LIMIT;
  return `${joined.slice(0, end)}…`;
}

/**
 * The `error_response` issue when `input` is the platform API's error body (given where a record or
 * read payload was expected); `undefined` for anything else. Only called on input that failed as a
 * record or payload; the error schemas never accept a valid one (test/responses.test.ts). A body
 * holding a credential key is not taken for one: it fails as a record, with the credential issue.
 */
export function errorResponseIssue(p: Platform, input: unknown): Issue | undefined {
  if (!p.errorBody || !isPlainObject(input)) return undefined;
  const parsed = p.errorBody.schema.safeParse(input);
  if (!parsed.success || credentialKeys(input, p.label, () => false).length > 0) return undefined;
  const text = apiText(p.errorBody.messages(parsed.data));
  return {
    code: 'error_response',
    path: [],
    message: `${withArticle(p.id, 'A')} API error response, not a record${text === '' ? ' (it gives no message)' : `: ${text}`}`,
  };
}
