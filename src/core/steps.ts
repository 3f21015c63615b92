import type { EncodeScope } from './engine.js';
import type { LossCode } from './issues.js';
import { custom, type CustomRule } from './mapping.js';
import { hasKey, isPlainObject, type Path } from './path.js';
import { normalisePhone, toE164 } from './phones.js';

/**
 * No password hash has a place in this platform's records or requests: a canonical hash is reported
 * `not_migratable` (the customer sets a new password there). The loss message never holds the value.
 */
export const noPasswordHash = (platformLabel: string): CustomRule =>
  custom({
    name: 'password hash',
    keys: [],
    canonical: [['credentials', 'passwordHash']],
    note: `${platformLabel} takes no password hash: a canonical one is reported \`not_migratable\` (its value never shown); the customer sets a new password there`,
    decode() {},
    encode(s) {
      const hash = s.peek(['credentials', 'passwordHash']);
      if (hash === undefined) return;
      if (hash === null) return; // "no hash": nothing secret, nothing lost (a residue may carry the null)
      s.lose(['credentials', 'passwordHash'], 'not_migratable', `${platformLabel} cannot take a password hash; the customer has to set a new password there`);
    },
  });

/**
 * An object one member of which is a canonical value (`country.code`, `extension_attributes.is_subscribed`).
 * The other members stay platform data one by one, so a loss names `country.name`, not the carried
 * country, and they are written back around the member.
 */
export const objectMember = (options: {
  readonly key: string;
  readonly member: string;
  readonly canonical: Path;
  readonly platformLabel: string;
  /** The documented other members and why they have no canonical place. */
  readonly others: Readonly<Record<string, string>>;
}): CustomRule => {
  const { key, member, canonical, platformLabel, others } = options;
  const listed = Object.keys(others).map((m) => `\`${m}\``).join(', ');
  return custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: `\`${key}.${member}\` <-> ${canonical.join('.')}; ${listed ? `the other members (${listed})` : 'any other member'} stay ${platformLabel} data`,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (!isPlainObject(v) || (!hasKey(v, member) && Object.keys(v).length === 0)) return s.keep(key, v, 'platform_data');
      const { [member]: value, ...rest } = v;
      if (hasKey(v, member)) s.set(canonical, value, [key, member]);
      if (Object.keys(rest).length === 0) return;
      s.platformData[key] = rest;
      for (const m of Object.keys(rest)) {
        const note = others[m];
        s.trace(['platformData', s.state.platform, key, m], [key, m], {
          code: note ? 'platform_data' : 'unknown_field',
          note: note ?? `a member not in the documented ${key} shape (its path names it)`,
        });
      }
    },
    encode(s) {
      const value = s.take(canonical);
      if (value === undefined) return; // the other members are written back by the platform-data merge
      const rest = s.platformData[key];
      s.put(key, { ...(isPlainObject(rest) ? rest : {}), [member]: value });
    },
  });
};

/**
 * A text field some payloads print as a bare number (Medusa's OpenAPI example: `"postal_code": 72093`).
 * The canonical value is the text; a hint brings the number back when the record returns to its platform.
 */
export const textOrNumber = (key: string, canonical: Path): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: 'text; a bare number is read as its digits and written back as a number only to its own platform',
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (typeof v === 'number') {
        s.set(canonical, String(v), [key]);
        return s.hint(`${key}:number`, true);
      }
      s.set(canonical, v, [key]);
    },
    encode(s) {
      const v = s.take(canonical);
      if (v === undefined) return;
      const asNumber = typeof v === 'string' && s.platformData[`$${key}:number`] === true ? Number(v) : Number.NaN;
      s.put(key, String(asNumber) === v ? asNumber : v);
    },
  });

/**
 * How a normalised field reads and writes its value: a two-way conversion like a `ValueCodec`, with a
 * context (an address's country, a customer's time zone) and a loss when the written form differs.
 */
export interface Normaliser<Ctx> {
  readonly name: string;
  /** One line for the docs: what is accepted, what the canonical form is, what comes back. */
  readonly note: string;
  /**
   * The context at this level, read from the canonical object (while decoding: what the rules before
   * this one produced, so a rule that needs the country comes after the country rule) and this
   * platform's data at this level.
   */
  context(canonical: Record<string, unknown>, platformData: Record<string, unknown>): Ctx;
  /** Record value -> canonical value; `undefined` when not recognised (it then travels as platform data). */
  decode(raw: unknown, ctx: Ctx): unknown;
  /** Canonical value -> record value for a record that did not come from this platform (or changed since). */
  encode(value: unknown, ctx: Ctx): { readonly raw: unknown; readonly loss?: { readonly code: LossCode; readonly message: string } };
}

/** The hint that keeps a normalised field's value as its own platform wrote it. */
export const originalHint = (key: string): string => `${key}:original`;

/**
 * `record[key]` <-> `canonical[...path]` through a normaliser. The value as the record wrote it is kept
 * as the hint `$<key>:original` whenever writing the canonical value would not give it back exactly and
 * silently; encoding to the same platform writes the original back when it still decodes to the
 * canonical value, so a record returns to its own platform unchanged. Any other write goes through
 * `encode`, whose loss is reported (the value is still written).
 */
export const normalisedField = <Ctx>(
  key: string,
  canonical: Path,
  normaliser: Normaliser<Ctx>,
  options: { readonly nonNull?: boolean; readonly loss?: LossCode; readonly note?: string } = {},
): CustomRule => {
  const hint = originalHint(key);
  const how = options.loss ? { code: options.loss } : {};
  return custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: [normaliser.note, options.note, options.nonNull ? 'null kept as platform data' : undefined].filter(Boolean).join('; '),
    ...(options.loss ? { loss: options.loss } : {}),
    decode(s) {
      const raw = s.src[key];
      if (raw === undefined) return;
      if (raw === null) {
        if (options.nonNull) s.keep(key, null, 'platform_data');
        else s.set(canonical, null, [key], how);
        return;
      }
      const ctx = normaliser.context(s.out, s.platformData);
      const value = normaliser.decode(raw, ctx);
      if (value === undefined) return s.keep(key, raw, 'platform_data', `value not recognised as ${normaliser.name}`);
      s.set(canonical, value, [key], how);
      const plain = normaliser.encode(value, ctx);
      if (plain.loss !== undefined || plain.raw !== raw) s.hint(hint, raw);
    },
    encode(s) {
      const value = s.peek(canonical);
      if (value === undefined) return;
      s.take(canonical);
      if (value === null) {
        if (!options.nonNull) s.put(key, null);
        return;
      }
      const ctx = normaliser.context(s.value, s.platformData);
      const original = s.platformData[`$${hint}`];
      if (original !== undefined && original !== null && normaliser.decode(original, ctx) === value) return s.put(key, original);
      const { raw, loss } = normaliser.encode(value, ctx);
      if (loss) s.report(canonical, loss.code, loss.message);
      else if (normaliser.decode(raw, ctx) !== value) s.report(canonical, 'value_changed', `written as ${normaliser.name}, which reads back differently`);
      s.put(key, raw);
    },
  });
};

/** The phone decision every platform shares, for its `decisions` list. */
export const PHONES =
  'carried exactly as the source wrote them (spaces, punctuation and surrounding white space included; nothing is parsed), ' +
  'so a conversion never changes a phone unasked. E.164 on request (option `phones: \'e164\'`, CLI `--phones e164`): ' +
  'E.164 (`+61391234567`) when libphonenumber-js (full metadata) reads the whole text as one valid number (a leading + needs no country); ' +
  'otherwise (not valid in that country, text around the number, an extension, no country and no leading +) the text is kept as written ' +
  'and reported `not_normalised` when written, in a message that never quotes it. `decode` gives the canonical phone in E.164; ' +
  '`encode` and `convert` write E.164 and report each phone they change `value_changed` (in `convert`, at its source path). ' +
  'A record decoded with the option gets its original text back from its own platform (hint `$<key>:original`) while it still normalises to the canonical phone.';

/** Where a phone's country comes from: its own address, or the customer's addresses. */
export type PhoneCountry = 'address' | 'customer';

const countryOf = (a: unknown): string | undefined =>
  isPlainObject(a) && typeof a.countryCode === 'string' ? a.countryCode : undefined;

/**
 * The country a customer-level phone is read in: the default billing address's country, else the
 * first address's (the first of the two that has a country).
 */
export function customerCountry(customer: Record<string, unknown>): string | undefined {
  const list = Array.isArray(customer.addresses) ? customer.addresses : [];
  const billing = list.find((a) => isPlainObject(a) && a.defaultBilling === true);
  return countryOf(billing) ?? countryOf(list[0]);
}

const PHONE_WHERE: Record<PhoneCountry, string> = {
  address: "the address's country",
  customer: "the customer's country (default billing address, else first address)",
};

/** Phones in E.164 (the `phones: 'e164'` option): E.164 when libphonenumber-js reads the text as a valid number, else the text as written. */
export const phoneNormaliser = (countryFrom: PhoneCountry, numbers = false): Normaliser<string | undefined> => ({
  name: 'phone number',
  note:
    `E.164 (\`+61391234567\`) when libphonenumber-js reads it as a valid number in ${PHONE_WHERE[countryFrom]} (a leading + needs none), ` +
    'else the text as written (reported `not_normalised` when written); ' +
    'the original comes back to its own platform, E.164 goes everywhere else',
  context: (canonical) => (countryFrom === 'address' ? countryOf(canonical) : customerCountry(canonical)),
  decode(raw, country) {
    const text = typeof raw === 'string' ? raw : numbers && typeof raw === 'number' ? String(raw) : undefined;
    return text === undefined ? undefined : normalisePhone(text, country);
  },
  encode(value, country) {
    const text = String(value);
    if (text === '') return { raw: text };
    const e164 = toE164(text, country);
    if (e164 === undefined) {
      return {
        raw: text,
        loss: {
          code: 'not_normalised',
          message: `Written as the source wrote it: not a valid phone number (E.164) in ${country === undefined ? 'any country (no leading + and no country to read it in)' : PHONE_WHERE[countryFrom]}`,
        },
      };
    }
    if (e164 !== text) return { raw: e164, loss: { code: 'value_changed', message: 'Written in E.164 form' } };
    return { raw: text };
  },
});

/**
 * A phone field (`telephone`, `fax`, `phone`, `mobile`) <-> a canonical phone. By default the text is
 * carried exactly as written, with no parsing at all. With the run option `phones: 'e164'` it is read
 * and written in E.164 (`phoneNormaliser` through `normalisedField`) with the address's country
 * (`countryFrom: 'address'`) or the customer's (`'customer'`): while decoding the country is read from
 * the canonical values already decoded, so the rule must come after the country rule (addresses) or
 * the addresses rule (customer). `numbers` also reads a bare JSON number (Medusa's example) as its
 * digits, given back as the number to its own platform.
 */
export const phoneField = (
  key: string,
  canonical: Path,
  options: { readonly countryFrom: PhoneCountry; readonly numbers?: boolean; readonly nonNull?: boolean },
): CustomRule => {
  const numbers = options.numbers ?? false;
  const normaliser = phoneNormaliser(options.countryFrom, numbers);
  const e164 = normalisedField(key, canonical, normaliser, options.nonNull ? { nonNull: true } : {});
  const hint = `$${originalHint(key)}`;
  return custom({
    name: key,
    keys: [key],
    canonical: [canonical],
    note: [
      `the text as written${numbers ? ' (a bare JSON number is read as its digits and given back as the number to its own platform)' : ''}`,
      `with \`phones: 'e164'\`: ${normaliser.note}`,
      options.nonNull ? 'null kept as platform data' : undefined,
    ]
      .filter(Boolean)
      .join('; '),
    decode(s) {
      if (s.state.options.phones === 'e164') return e164.decode(s);
      const raw = s.src[key];
      if (raw === undefined) return;
      if (raw === null) {
        if (options.nonNull) s.keep(key, null, 'platform_data');
        else s.set(canonical, null, [key]);
        return;
      }
      const text = typeof raw === 'string' ? raw : numbers && typeof raw === 'number' ? String(raw) : undefined;
      if (text === undefined) return s.keep(key, raw, 'platform_data', `value not recognised as ${normaliser.name}`);
      s.set(canonical, text, [key]);
      if (text !== raw) s.hint(originalHint(key), raw);
    },
    encode(s) {
      if (s.state.options.phones === 'e164') return e164.encode(s);
      const value = s.peek(canonical);
      if (value === undefined) return;
      s.take(canonical);
      if (value === null) {
        if (!options.nonNull) s.put(key, null);
        return;
      }
      // The record's own writing: a number read as its digits, or (decoded with `phones: 'e164'`) the
      // text the canonical E.164 phone was read from, while it still reads as that phone. Only such a
      // record has a hint, so only it is parsed here.
      const original = s.platformData[hint];
      const own =
        original !== undefined &&
        original !== null &&
        (String(original) === value || normaliser.decode(original, normaliser.context(s.value, s.platformData)) === value);
      s.put(key, own ? original : value);
    },
  });
};
