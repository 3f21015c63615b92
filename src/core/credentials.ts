import type { z } from 'zod';
import { isPlainObject, type Path } from './path.js';

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

/** Whether a record key holds a plain-text password (`password`, `new_password`, `passwordConfirmation`...). */
export const isPlainPasswordKey = (key: string): boolean => PLAIN.has(normal(key));
/** Whether a record key holds a password hash (`password_hash`, `passwordHash`). */
export const isPasswordHashKey = (key: string): boolean => HASH.has(normal(key));

export interface CredentialIssue {
  readonly path: Path;
  readonly message: string;
}

/**
 * Every credential key of `value` (at any depth) that is not allowed: plain passwords always, hashes
 * unless `hashAllowed(path)` says this is the platform's documented hash field.
 */
export function credentialKeys(value: unknown, platformLabel: string, hashAllowed: (path: Path) => boolean, path: Path = []): CredentialIssue[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => credentialKeys(v, platformLabel, hashAllowed, [...path, i]));
  if (!isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key): CredentialIssue[] => {
    const at = [...path, key];
    if (isPlainPasswordKey(key)) {
      return [{ path: at, message: 'A plain-text password cannot be held in a record: pass it to `toRequest(platform, operation, record, { password })`' }];
    }
    if (isPasswordHashKey(key) && !hashAllowed(at)) {
      return [{ path: at, message: `A ${platformLabel} record has no place for a password hash here` }];
    }
    return credentialKeys(value[key], platformLabel, hashAllowed, at);
  });
}

/** A `superRefine` for a record schema that refuses credential keys (see `credentialKeys`). */
export const refuseCredentialKeys =
  (platformLabel: string, hashAllowed: (path: Path) => boolean = () => false) =>
  (record: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    for (const issue of credentialKeys(record, platformLabel, hashAllowed)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { code: 'invalid_input' } });
    }
  };
