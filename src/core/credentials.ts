import type { z } from 'zod';
import { eachChild, type Path } from './path.js';

/**
 * Credentials in records. A plain-text password never belongs in a record (it exists only in the
 * request bodies `toRequest` builds), and a password hash only where a platform documents one
 * (Magento `password_hash` on the customer). Any other such key is refused with an issue at its
 * path, so it can neither travel as platform data nor reach another platform's metadata.
 * Messages name the key, never its value.
 */

const normal = (key: string): string => key.toLowerCase().replace(/[-_ ]/g, '');

const PLAIN = new Set(
  ['password', 'new_password', 'old_password', 'current_password', 'retype_new_password', 'password_confirmation', 'confirm_password'].map(normal),
);
const HASH = new Set(['password_hash', 'passwordhash'].map(normal));

// Every credential key spells "pass" (separators allowed between the letters, as `normal` drops
// them): the cheap test that spares normalising every other key of every record.
const mayBeCredential = (key: string): boolean => key.length >= 8 && /p[-_ ]*a[-_ ]*s[-_ ]*s/i.test(key);

/** Whether a record key holds a plain-text password (`password`, `new_password`, `passwordConfirmation`...). */
export const isPlainPasswordKey = (key: string): boolean => mayBeCredential(key) && PLAIN.has(normal(key));
/** Whether a record key holds a password hash (`password_hash`, `passwordHash`). */
export const isPasswordHashKey = (key: string): boolean => mayBeCredential(key) && HASH.has(normal(key));

export interface CredentialIssue {
  readonly path: Path;
  readonly message: string;
}

/**
 * Every credential key of `value` (at any depth) that is not allowed: plain passwords always, hashes
 * unless `hashAllowed(path)` says this is the platform's documented hash field.
 */
export function credentialKeys(value: unknown, platformLabel: string, hashAllowed: (path: Path) => boolean, path: Path = []): CredentialIssue[] {
  const out: CredentialIssue[] = [];
  // One path stack for the whole walk (every record is walked): copied only for an issue.
  const at = [...path];
  const walk = (node: unknown): void =>
    eachChild(node, at, (child, key) => {
      const candidate = typeof key === 'string' && mayBeCredential(key);
      const folded = candidate ? normal(key) : '';
      if (candidate && PLAIN.has(folded)) {
        out.push({ path: [...at], message: 'A plain-text password cannot be held in a record: pass it to `toRequest(platform, operation, record, { password })`' });
      } else if (candidate && HASH.has(folded) && !hashAllowed([...at])) {
        out.push({ path: [...at], message: `A ${platformLabel} record has no place for a password hash here` });
      } else walk(child);
    });
  walk(value);
  return out;
}

/** A `superRefine` for a record schema that refuses credential keys (see `credentialKeys`). */
export const refuseCredentialKeys =
  (platformLabel: string, hashAllowed: (path: Path) => boolean = () => false) =>
  (record: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    for (const issue of credentialKeys(record, platformLabel, hashAllowed)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { code: 'invalid_input' } });
    }
  };

// A run of 32+ hex digits (Magento's MD5, SHA-256 and Argon2id hashes) or a modular-crypt prefix
// (`$2y$`, `$argon2id$`, `$6$`...): the word is hash-shaped.
const HASH_SHAPED = /[0-9a-f]{32}|\$(?:2[abxy]?|argon2(?:id|i|d)|[156]|scrypt|pbkdf2[\w-]*)\$/i;

/**
 * Free text (an API's error message) with every hash-shaped word replaced by `[hidden]`, for the
 * few messages that quote text from outside the library. A plain-text password has no shape to
 * recognise: such text is only ever taken from fields that hold the API's own messages.
 */
export const maskHashes = (text: string): string => text.replace(/\S+/g, (word) => (HASH_SHAPED.test(word) ? '[hidden]' : word));
