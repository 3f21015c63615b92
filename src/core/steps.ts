import type { EncodeScope } from './engine.js';
import { custom, type CustomRule } from './mapping.js';
import { hasKey, isPlainObject, type Path } from './path.js';

/**
 * Canonical street lines fitted into `limit` lines: the lines beyond the limit are joined into the
 * last allowed line with ", " (empty lines skipped). `changed` lists the canonical indices that no
 * longer stand as they were: the last allowed line when its text changed, and every joined line.
 */
export function fitStreetLines(lines: readonly string[], limit: number): { lines: string[]; changed: number[] } {
  if (lines.length <= limit) return { lines: [...lines], changed: [] };
  const last = limit - 1;
  const joined = lines.slice(last).filter((l) => l !== '').join(', ');
  const changed: number[] = joined === lines[last] ? [] : [last];
  for (let i = limit; i < lines.length; i++) changed.push(i);
  return { lines: [...lines.slice(0, last), joined], changed };
}

/** Reports a street join: `value_changed` at each line `fitStreetLines` changed (never quoting the text). */
export function reportStreetJoin(s: EncodeScope, changed: readonly number[], limit: number, total: number, platformLabel: string): void {
  const held = limit === 1 ? 'one street line' : `${limit} street lines`;
  for (const i of changed) {
    s.report(['lines', i], 'value_changed', `${platformLabel} holds ${held}: lines ${limit}–${total} are written as line ${limit}, joined with ", "`);
  }
}

/**
 * Two street-line keys <-> `lines[0]`, `lines[1]`. A null line stays platform data; a second line
 * without a first comes back to the second key (hint); a third and later canonical lines are joined
 * into the second key with ", " and the join is reported (`value_changed`).
 */
export const twoStreetLines = (first: string, second: string, platformLabel: string): CustomRule =>
  custom({
    name: 'street lines',
    keys: [first, second],
    canonical: [['lines']],
    note: `\`${first}\`, \`${second}\` <-> lines[0], lines[1]; a null line stays ${platformLabel} data; a third and later canonical lines are joined into \`${second}\` with ", " (reported \`value_changed\`)`,
    decode(s) {
      const lines: { text: string; key: string }[] = [];
      for (const key of [first, second]) {
        const v = s.src[key];
        if (typeof v === 'string') lines.push({ text: v, key });
        else if (v !== undefined) s.keep(key, v, 'platform_data');
      }
      if (lines.length === 0) return;
      s.set(['lines'], lines.map((l) => l.text), [lines[0]!.key]);
      lines.forEach((l, i) => s.trace(['lines', i], [l.key]));
      if (lines.length === 1 && lines[0]!.key === second) s.hint('secondLineOnly', true);
    },
    encode(s) {
      const lines = s.peek(['lines']);
      if (!Array.isArray(lines)) return;
      if (lines.length === 0) return void s.take(['lines']); // no lines: nothing to write, nothing lost
      if (lines.length === 1 && s.platformData.$secondLineOnly === true) return s.put(second, s.take(['lines', 0]));
      const fitted = fitStreetLines(lines as string[], 2);
      s.take(['lines']);
      fitted.lines.forEach((line, i) => s.put(i === 0 ? first : second, line));
      reportStreetJoin(s, fitted.changed, 2, lines.length, platformLabel);
    },
  });

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
          note: note ?? `"${m}" is not in the documented ${key} shape`,
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
