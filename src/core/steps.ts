import { custom, type CustomRule } from './mapping.js';
import { hasKey, isPlainObject } from './path.js';

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
 * A country object (`{code, name, id…}`) whose `code` is the canonical `countryCode`. The other members
 * stay platform data one by one (so a loss names `country.name`, not the carried country), and are
 * written back around the code.
 */
export const countryObject = (key: string, platformLabel: string, members: Readonly<Record<string, string>>): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [['countryCode']],
    note: `\`${key}.code\` <-> countryCode; the other members (${Object.keys(members).map((m) => `\`${m}\``).join(', ')}) stay ${platformLabel} data`,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (!isPlainObject(v) || (!hasKey(v, 'code') && Object.keys(v).length === 0)) return s.keep(key, v, 'platform_data');
      const { code, ...rest } = v;
      if (hasKey(v, 'code')) s.set(['countryCode'], code, [key, 'code']);
      if (Object.keys(rest).length === 0) return;
      s.platformData[key] = rest;
      for (const member of Object.keys(rest)) {
        const note = members[member];
        s.trace(['platformData', s.state.platform, key, member], [key, member], {
          code: note ? 'platform_data' : 'unknown_field',
          note: note ?? `"${member}" is not in the documented ${key} shape`,
        });
      }
    },
    encode(s) {
      const code = s.take(['countryCode']);
      if (code === undefined) return; // any other members are written back by the platform-data merge
      const rest = s.platformData[key];
      s.put(key, { ...(isPlainObject(rest) ? rest : {}), code });
    },
  });
