import { z } from 'zod';
import { Address } from './address.js';
import { CalendarDate, Email, Ids, PersonName, PlatformData, Text, Timestamp } from './primitives.js';

export const Gender = z.enum(['male', 'female', 'not_specified']);
export type Gender = z.infer<typeof Gender>;

/** A customer group or segment a platform assigns (Magento group, Medusa customer group). */
export const CustomerGroup = z.object({
  ids: Ids.optional(),
  name: Text.optional(),
  platformData: PlatformData.optional(),
});
export type CustomerGroup = z.infer<typeof CustomerGroup>;

/** Tax and business registration numbers, by scheme. */
export const TaxIds = z.object({
  /** Magento `taxvat`: a Tax/VAT number of any country. */
  vat: Text.optional(),
  /** Australian Business Number (WebCommander `abn`). */
  abn: Text.optional(),
  /** ABN branch number (WebCommander `abn_branch`). */
  abnBranch: Text.optional(),
});
export type TaxIds = z.infer<typeof TaxIds>;

/**
 * A password hash as an opaque value tagged with the scheme that can verify it. The value is never
 * parsed, shown in a message or sent anywhere but the platform of its scheme.
 *
 * Schemes: `magento` — Magento's `Encryptor` forms `hash:salt:version`: Argon2id
 * `<64 hex>:<32-char salt>:3_32_2_67108864` (2.4 default), SHA-256 `<64 hex>:<salt>:1`, legacy MD5
 * `<32 hex>:<salt>` (Magento re-hashes the older forms at the next login).
 */
export const PasswordHash = z.strictObject({
  scheme: z.string().min(1),
  value: z.string().min(1),
});
export type PasswordHash = z.infer<typeof PasswordHash>;

/** Credentials other than plain-text passwords (those exist only in request bodies: `toRequest`). */
export const Credentials = z.strictObject({
  /** `null`: the source said "no hash". */
  passwordHash: PasswordHash.nullable().optional(),
});
export type Credentials = z.infer<typeof Credentials>;

/**
 * The canonical customer every platform shape decodes to and encodes from.
 * Absent = the source said nothing; `null` = the source said "empty".
 */
export const Customer = z.object({
  ids: Ids.optional(),
  email: Email.nullable().optional(),
  name: PersonName.optional(),
  gender: Gender.nullable().optional(),
  birthDate: CalendarDate.nullable().optional(),
  phone: Text.optional(),
  mobile: Text.optional(),
  companyName: Text.optional(),
  isBusiness: z.boolean().nullable().optional(),
  taxIds: TaxIds.optional(),
  /** A shop-assigned customer reference (Open Food Network `code`). */
  reference: Text.optional(),
  groups: z.array(CustomerGroup).optional(),
  tags: z.array(z.string()).optional(),
  newsletterSubscribed: z.boolean().nullable().optional(),
  /** Registered account (true) or guest record (false). */
  hasAccount: z.boolean().nullable().optional(),
  createdAt: Timestamp.nullable().optional(),
  updatedAt: Timestamp.nullable().optional(),
  deletedAt: Timestamp.nullable().optional(),
  /** Free key/value metadata (Medusa `metadata`). */
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  /** A password hash only its scheme's platform can take; other targets report it `not_migratable`. */
  credentials: Credentials.optional(),
  addresses: z.array(Address).optional(),
  platformData: PlatformData.optional(),
});
export type Customer = z.infer<typeof Customer>;

/**
 * The canonical branches that hold credentials: never carried to another platform's metadata (the
 * residue), whatever the target, and reported `not_migratable` when the target cannot take them.
 */
export const CREDENTIAL_BRANCHES: ReadonlySet<string> = new Set(['credentials'] satisfies (keyof Customer)[]);

/** The canonical keys whose values are free key/value data (their keys are record text, never quoted in a message). */
export const FREE_FORM_BRANCHES: ReadonlySet<string> = new Set(['metadata'] satisfies (keyof Customer)[]);

/** The key of the customer's address book: an address a target cannot hold is left out of it, not the customer. */
export const ADDRESSES = 'addresses' satisfies keyof Customer;
