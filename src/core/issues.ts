import { match, P } from 'ts-pattern';
import type { z } from 'zod';
import { getAt, type Path } from './path.js';

/** Why a value could not be read or written. Stable, snake_case. */
export type IssueCode =
  /** A value the record or the target needs is missing (absent, null, or an empty text or list). */
  | 'required'
  /** A value of the wrong type (a text where a number belongs, an object where a list belongs). */
  | 'invalid_type'
  /** Not an e-mail address. */
  | 'invalid_email'
  /** Not an ISO 3166-1 country code the library knows. */
  | 'invalid_country'
  /** A text not in the form its field takes (a date, a timestamp), or an input line that is not JSON. */
  | 'invalid_format'
  /** A value outside the ones its field allows (an enumeration, a lookup). */
  | 'invalid_value'
  /** A text or number over the limit of its field. */
  | 'too_long'
  /** A text or number under the minimum of its field. */
  | 'too_short'
  /** More elements than the field allows (street lines, addresses). */
  | 'too_many'
  /** Input no other code describes. */
  | 'invalid_input'
  /** The input is the platform API's error body (what it answers with a 4xx/5xx status), not a record or payload. */
  | 'error_response'
  /** A record that repeats one read before it (e.g. a Magento customer's e-mail and website). */
  | 'duplicate'
  /** Nested deeper than the `limits.depth` option allows (or cyclic): not read at all. */
  | 'too_deep'
  /** Holds more text than the `limits.size` option allows: not read at all. */
  | 'too_large';

/** A reason a record is invalid. `path` points into the input, or into the target record for a required value. */
export interface Issue {
  readonly code: IssueCode;
  readonly path: (string | number)[];
  readonly message: string;
}

/** Why a source value did not reach the target record. Stable, snake_case. */
export type LossCode =
  /** The target has no field for this concept. */
  | 'not_representable'
  /** Platform-specific data the canonical model does not name; only its own platform can hold it. */
  | 'platform_data'
  /** An id, pointer or timestamp the target's server assigns for itself. */
  | 'server_assigned'
  /** A computed or read-only value the target never accepts. */
  | 'read_only'
  /** A key the platform schema does not document; carried only back to its own platform. */
  | 'unknown_field'
  /** The target holds a different form of the value (precision, format), so it changed on the way. */
  | 'value_changed'
  /** The target refers to this by a server-assigned id that the data does not carry. */
  | 'unreferenceable'
  /** Carried as written because it could not be normalised (a phone not parseable to E.164, an unknown region). */
  | 'not_normalised'
  /** A credential (password hash) the target cannot take. Its value is never shown. */
  | 'not_migratable'
  /** Not in the target's fields, but carried in its metadata bag (residue), so it comes back. */
  | 'carried'
  /**
   * Carried, and also used for a target value the source did not give, by a documented rule: names
   * taken from the customer's address, the first address filling slots no address is designated for.
   * `path` is the source value used; `target`, where it is available, the target field it fills.
   */
  | 'derived';

/** A source value the target record cannot hold. `path` points into the source record. */
export interface Loss {
  readonly code: LossCode;
  readonly path: (string | number)[];
  readonly message: string;
  /** For `derived`: the path in the target record of the value derived from `path`. */
  readonly target?: (string | number)[];
}

/**
 * Error classes recognised across copies of the library: the ESM and CJS builds (and each entry of
 * the package) hold their own class objects, so plain `instanceof` would fail for an error thrown by
 * the other build. Each class marks its prototype with a registered symbol
 * (`Symbol.for('customer-codecs.<ClassName>')`, the same in every copy) and answers `instanceof` by
 * it. A subclass of one of these classes answers `instanceof` as usual (by its prototype chain).
 */
function brand(cls: abstract new (...args: never[]) => Error, name: string): void {
  const mark = Symbol.for(`customer-codecs.${name}`);
  Object.defineProperty(cls.prototype, mark, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      if (this !== cls) return typeof this === 'function' && Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[mark] === true;
    },
  });
}

/** Thrown by `decode`, `encode` and `convert` when the input is invalid; `.issues` says why. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
  static {
    brand(this, 'ConversionError');
  }
  constructor(readonly issues: Issue[]) {
    super(
      `Invalid input (${issues.length} issue${issues.length === 1 ? '' : 's'}): ` +
        issues
          .slice(0, 3)
          .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
          .join('; ') +
        (issues.length > 3 ? '; …' : ''),
    );
  }
}

/** Thrown for an id that is not one of `platforms`: misuse of the API, not bad data. */
export class UnknownPlatformError extends Error {
  override readonly name = 'UnknownPlatformError';
  static {
    brand(this, 'UnknownPlatformError');
  }
  constructor(readonly platform: unknown, known: readonly string[]) {
    super(`Unknown platform ${JSON.stringify(String(platform))}; expected one of: ${known.join(', ')}`);
  }
}

/** Thrown for a malformed option (bad `defaults`, unknown operation...): misuse of the API. */
export class InvalidOptionError extends Error {
  override readonly name = 'InvalidOptionError';
  static {
    brand(this, 'InvalidOptionError');
  }
  constructor(readonly option: string, detail: string) {
    super(`Invalid option "${option}": ${detail}`);
  }
}

const mapZodCode = (issue: z.core.$ZodIssue, value: unknown): IssueCode =>
  match<z.core.$ZodIssue, IssueCode>(issue)
    .with({ code: 'invalid_type' }, () => (value === undefined || value === null ? 'required' : 'invalid_type'))
    .with({ code: 'invalid_format', format: 'email' }, () => 'invalid_email')
    .with({ code: 'invalid_format' }, () => 'invalid_format')
    .with({ code: 'too_big', origin: 'array' }, () => 'too_many')
    .with({ code: 'too_big' }, () => 'too_long')
    // An empty required string or list is a missing value, not a short one.
    .with({ code: 'too_small', origin: P.union('string', 'array') }, (i) => (Number(i.minimum) === 1 ? 'required' : 'too_short'))
    .with({ code: 'too_small' }, () => 'too_short')
    .with({ code: 'invalid_value' }, () => 'invalid_value')
    .with({ code: 'custom' }, (i) => (i.params as { code?: IssueCode } | undefined)?.code ?? 'invalid_value')
    .otherwise(() => 'invalid_input');

/**
 * Zod issues as library issues. Messages never quote the input value, so a password or a hash
 * that ends up in the wrong field is never echoed back.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: Path = []): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest: the one with the fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return fromZodIssues(best, input, [...prefix, ...(issue.path as (string | number)[])]);
    }
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const code = mapZodCode(issue, getAt(input, path));
    return [{ code, path, message: code === 'required' ? 'Required' : issue.message }];
  });
}
