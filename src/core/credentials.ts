import type { z } from 'zod';
import { setOwn } from './objects.js';
import { eachChild, isPlainObject, type Path } from './path.js';

/**
 * Credentials in records. A plain-text password never belongs in a record (it exists only in the
 * request bodies `toRequest` builds), and a password hash only where a platform documents one (its
 * record schema says where, through `refuseCredentialKeys`). Any other such key is refused with an
 * issue at its path, so it can neither travel as platform data nor reach another platform's metadata.
 * Messages name the key, never its value.
 *
 * Keys are judged by a generic rule (below), plus the names each platform declares
 * (`PlatformSpec.credentialNames`, recorded here by `declareCredentialNames`): its own password-reset
 * keys, and the attribute lists whose entries name a key (`[{ code, value }]`). An entry is judged by
 * its code: a plain-password code is refused like a password key; a hash or password-reset code is a
 * secret of its platform. So is the value of a password-reset key anywhere in a record, whichever
 * platform declared it: it returns to its platform in its platform data, but never travels to another
 * (see `withoutSecrets`, the residue, which never carries one, and the loss walk, which reports it
 * `not_migratable`).
 */

const normal = (key: string): string => key.toLowerCase().replace(/[-_ ]/g, '');

const PLAIN = new Set(
  ['password', 'new_password', 'old_password', 'current_password', 'retype_new_password', 'password_confirmation', 'confirm_password'].map(normal),
);
const HASH = new Set(['password_hash', 'passwordhash'].map(normal));

// Names seen in exports beyond the exact ones above: `customer_password`, `passwd`, `user_pwd` (a
// plain password when the value is text), `legacy_password_hash`, `pwd_hash` (a hash), Devise's
// `reset_password_token` and `reset_password_sent_at` (a reset token and its time).
const PASSWORD_WORD = /password|passwd|pwd/;
const ENDS_PLAIN = /(?:password|passwd|pwd)$/;

// Every password or hash key spells "pass" or "pwd" (separators allowed between the letters, as
// `normal` drops them): the cheap test that spares normalising every other key of every record.
// `MAY_BE_CREDENTIAL` says it; `mayBeCredential` is the same test written as a scan, as every key of
// every record is asked (test/credentials.test.ts holds the two to the same answers).
export const MAY_BE_CREDENTIAL = /p[-_ ]*(?:a[-_ ]*s[-_ ]*s|w[-_ ]*d)/i;

/** The position after the separators (`-`, `_`, space) from `i` on. */
const skipSeparators = (key: string, i: number): number => {
  let c = key.charCodeAt(i);
  while (c === 45 || c === 95 || c === 32) c = key.charCodeAt(++i);
  return i;
};

/** Whether the letter at `i` is `lower` (a char code) in either case. */
const letterAt = (key: string, i: number, lower: number): boolean => (key.charCodeAt(i) | 32) === lower;

export const mayBeCredential = (key: string): boolean => {
  if (key.length < 3) return false;
  for (let i = key.length - 3; i >= 0; i--) {
    if (!letterAt(key, i, 112 /* p */)) continue;
    const j = skipSeparators(key, i + 1);
    if (letterAt(key, j, 119 /* w */) && letterAt(key, skipSeparators(key, j + 1), 100 /* d */)) return true;
    if (letterAt(key, j, 97 /* a */)) {
      const k = skipSeparators(key, j + 1);
      if (letterAt(key, k, 115 /* s */) && letterAt(key, skipSeparators(key, k + 1), 115 /* s */)) return true;
    }
  }
  return false;
};

/**
 * Whether a record key holds a plain-text password: the exact names (`password`, `new_password`,
 * `passwordConfirmation`...) whatever the value, and any other name ending in password / passwd / pwd
 * (`customer_password`) when the value is text (or not given): a flag such as `has_password` is none.
 */
export const isPlainPasswordKey = (key: string, value?: unknown): boolean => {
  if (!mayBeCredential(key)) return false;
  const folded = normal(key);
  return PLAIN.has(folded) || (ENDS_PLAIN.test(folded) && (value === undefined || typeof value === 'string'));
};
/** Whether a record key holds a password hash (`password_hash`, `passwordHash`, `legacy_password_hash`, `pwd_hash`). */
export const isPasswordHashKey = (key: string): boolean => {
  if (!mayBeCredential(key)) return false;
  const folded = normal(key);
  return HASH.has(folded) || (folded.endsWith('hash') && PASSWORD_WORD.test(folded));
};

/** What a password-reset key holds. */
type ResetKind = 'password reset token' | 'password reset time';

/** The credential an attribute-list entry holds, by its code. */
export type AttributeCredential = 'password' | 'password hash' | ResetKind;

/** Credential names a platform's records use beyond the generic rule, declared on the platform (`PlatformSpec.credentialNames`). */
export interface CredentialNames {
  /** Keys holding a password-reset token (any case and separators: `rp_token` also matches `rpToken`). */
  readonly resetToken?: readonly string[];
  /** Keys holding the time a password-reset token was issued (meaningless without the token). */
  readonly resetTime?: readonly string[];
  /** Attribute lists whose entries name a key: the entry's code member and its value member (`{ attribute_code, value }`). */
  readonly attributeEntry?: { readonly code: string; readonly value: string };
}

/** Every declared reset key (folded) and the declared attribute-entry shapes: read in every record, of any platform. */
const resetKeys = new Map<string, ResetKind>();
const entryShapes: { readonly code: string; readonly value: string }[] = [];
/** The cheap test a key passes before it is folded: a declared key's first two letters, or `reset`. */
let mayBeReset = /reset/i;
let shortest = 'resettoken'.length;

const letters = (folded: string): string => folded.slice(0, 2).split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[-_ ]*');

/** Records the credential names a platform declares (every platform's are recognised in every record). */
export function declareCredentialNames(names: CredentialNames | undefined): void {
  if (!names) return;
  for (const [list, kind] of [[names.resetToken, 'password reset token'], [names.resetTime, 'password reset time']] as const) {
    for (const key of list ?? []) resetKeys.set(normal(key), kind);
  }
  const shape = names.attributeEntry;
  if (shape && !entryShapes.some((e) => e.code === shape.code && e.value === shape.value)) entryShapes.push(shape);
  const prefixes = [...new Set([...resetKeys.keys()].map(letters))];
  mayBeReset = prefixes.length === 0 ? /reset/i : new RegExp(`^[-_ ]*(?:${prefixes.join('|')})|reset`, 'i');
  shortest = Math.min('resettoken'.length, ...[...resetKeys.keys()].map((k) => k.length));
}

/**
 * What a key names when it is a password-reset key (a declared one such as Magento's `rp_token`, in
 * any case or spelling: `rpToken`, `RP-TOKEN`; or by the generic rule, Devise's `reset_password_token`
 * and `reset_password_sent_at`), else `undefined`.
 */
export function resetTokenKey(key: PropertyKey): ResetKind | undefined {
  // Cheap test first: every record key of every record comes here.
  if (typeof key !== 'string' || key.length < shortest || key.length > 40 || !mayBeReset.test(key)) return undefined;
  const folded = normal(key);
  const declared = resetKeys.get(folded);
  if (declared !== undefined) return declared;
  if (!folded.includes('reset')) return undefined;
  if (folded.includes('token')) return 'password reset token';
  return PASSWORD_WORD.test(folded) && folded.endsWith('at') ? 'password reset time' : undefined;
}

/** Whether a path goes through a password-reset key (its value, or something inside it). */
export const throughResetTokenKey = (path: readonly PropertyKey[]): boolean => path.some((k) => resetTokenKey(k) !== undefined);

/** The code of an attribute-list entry (an object of a declared entry shape whose code is a text), with its value. */
function entryOf(node: unknown): { code: string; value: unknown } | undefined {
  if (entryShapes.length === 0 || !isPlainObject(node)) return undefined;
  for (const shape of entryShapes) {
    const code = node[shape.code];
    if (typeof code === 'string') return { code, value: node[shape.value] };
  }
  return undefined;
}

/**
 * What credential `node` holds when it is an attribute-list entry (an object of a declared entry
 * shape, its code a text), judged by the code with the same tests as keys; `undefined` for anything else.
 */
export function attributeCredential(node: unknown): AttributeCredential | undefined {
  const entry = entryOf(node);
  if (entry === undefined) return undefined;
  if (isPlainPasswordKey(entry.code, entry.value)) return 'password';
  if (isPasswordHashKey(entry.code)) return 'password hash';
  return resetTokenKey(entry.code);
}

/** Whether `node` is an attribute entry holding a secret its platform may keep but no other may get. */
export const isSecretAttribute = (node: unknown): boolean => {
  const kind = attributeCredential(node);
  return kind !== undefined && kind !== 'password';
};

/**
 * The secret `node` is, reached under `key` (an object key, or an array index): a secret attribute
 * entry, or any value under a password-reset key; `undefined` for anything else.
 */
export function secretAt(key: PropertyKey | undefined, node: unknown): Exclude<AttributeCredential, 'password'> | undefined {
  const kind = attributeCredential(node);
  if (kind !== undefined && kind !== 'password') return kind;
  return key === undefined ? undefined : resetTokenKey(key);
}

/** Why a secret (an attribute entry, a reset-token key's value) is not carried, for a loss message (never its value). */
export const secretReason = (kind: AttributeCredential, platform: string | undefined): string =>
  `${kind === 'password reset time' ? 'the time of a password reset token, meaningless without it' : `a ${kind}`}: ` +
  `a credential of ${platform ?? 'the source platform'}, never carried to another platform`;

const DROP = Symbol('drop');

/**
 * `value` without the secrets in it (see `secretAt`), at any depth: an entry in a list is removed, a
 * secret under an object key takes the key along; the same object when there are none, else a copy
 * of the objects and lists on the way. What a conversion carries to another platform passes through it.
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const kept = isSecretAttribute(item) ? DROP : withoutSecrets(item);
      if (copy === undefined && kept !== item) copy = value.slice(0, i);
      if (copy !== undefined && kept !== DROP) copy.push(kept);
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  keys.forEach((k, i) => {
    const item = value[k];
    const kept = secretAt(k, item) !== undefined ? DROP : withoutSecrets(item);
    if (copy === undefined && kept !== item) {
      copy = {};
      for (const before of keys.slice(0, i)) setOwn(copy, before, value[before]);
    }
    if (copy !== undefined && kept !== DROP) setOwn(copy, k, kept);
  });
  return copy ?? value;
}

/** Whether `value` holds a secret at any depth: itself a secret attribute entry, or one inside, or a password-reset key. */
export function holdsSecret(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isSecretAttribute(value)) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsSecret(value[i])) return true;
    return false;
  }
  if (!isPlainObject(value)) return false;
  // Asked of every customer converted: no list of entries is made.
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (resetTokenKey(k) !== undefined || holdsSecret(value[k])) return true;
  }
  return false;
}

export interface CredentialIssue {
  readonly path: Path;
  readonly message: string;
}

/**
 * Every credential key of `value` (at any depth) that is not allowed: plain passwords always, hashes
 * unless `hashAllowed(path)` says this is the platform's documented hash field; and every attribute
 * entry whose code is a plain password (the issue at the entry).
 */
export function credentialKeys(value: unknown, platformLabel: string, hashAllowed: (path: Path) => boolean, path: Path = []): CredentialIssue[] {
  const out: CredentialIssue[] = [];
  // One path stack for the whole walk (every record is walked): copied only for an issue.
  const at = [...path];
  const walk = (node: unknown): void =>
    eachChild(node, at, (child, key) => {
      // The cheap test once a key (nearly every key fails it), the full rules only for those that pass.
      const suspect = typeof key === 'string' && mayBeCredential(key);
      if (suspect && isPlainPasswordKey(key, child)) {
        out.push({ path: [...at], message: 'A plain-text password cannot be held in a record: pass it to `toRequest(platform, operation, record, { password })`' });
      } else if (suspect && isPasswordHashKey(key) && !hashAllowed([...at])) {
        out.push({ path: [...at], message: `A ${platformLabel} record has no place for a password hash here` });
      } else if (child !== null && typeof child === 'object') {
        // The entry is named by its position (the path): its code is record text, never quoted.
        if (attributeCredential(child) === 'password') {
          out.push({ path: [...at], message: 'A plain-text password (an attribute entry whose code names one) cannot be held in a record: pass it to `toRequest(platform, operation, record, { password })`' });
        } else walk(child);
      }
    });
  walk(value);
  return out;
}

/** Whether record schemas walk records for credential keys (off only inside `withoutCredentialScan`). */
let scanning = true;

/**
 * Runs `check` (a record schema's `safeParse`) without the credential-key walk. For the target record
 * of a conversion only: the secret rules apply once, at the boundary, when the source record is
 * validated (every key of it walked); what the conversion writes comes from that record through the
 * declarations, and the residue never carries a secret (`withoutSecrets`), so the walk would find
 * nothing new there (the secret-leak properties in test/credentials.test.ts hold it to that).
 */
export function withoutCredentialScan<T>(check: () => T): T {
  const was = scanning;
  scanning = false;
  try {
    return check();
  } finally {
    scanning = was;
  }
}

/** A `superRefine` for a record schema that refuses credential keys (see `credentialKeys`). */
export const refuseCredentialKeys =
  (platformLabel: string, hashAllowed: (path: Path) => boolean = () => false) =>
  (record: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    if (!scanning) return;
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
