import { custom, type CustomRule } from './mapping.js';
import { hasKey, isPlainObject, type Path } from './path.js';

/**
 * Two street-line keys <-> `lines[0]`, `lines[1]`. A null line stays platform data; a second line
 * without a first comes back to the second key (hint); a third canonical line has no place.
 */
export const twoStreetLines = (first: string, second: string, platformLabel: string): CustomRule =>
  custom({
    name: 'street lines',
    keys: [first, second],
    canonical: [['lines']],
    note: `\`${first}\`, \`${second}\` <-> lines[0], lines[1]; a null line stays ${platformLabel} data; a third canonical line has no place`,
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
      const keys = lines.length === 1 && s.platformData.$secondLineOnly === true ? [second] : [first, second];
      keys.forEach((key, i) => {
        if (i < lines.length) s.put(key, s.take(['lines', i]));
      });
      for (let i = keys.length; i < lines.length; i++) s.lose(['lines', i], 'not_representable', `${platformLabel} holds two street lines`);
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
