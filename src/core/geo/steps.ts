import type { DecodeScope, EncodeScope } from '../engine.js';
import { custom, type CustomRule, type Table } from '../mapping.js';
import { sameJson } from '../objects.js';
import { hasKey, isPlainObject, type Path } from '../path.js';
import { countryFromAlpha2, countryFromCode, countryFromName, countryName, isAlpha2 } from './countries.js';
import type { CountryDirectory, RegionDirectory } from './directories.js';
import { areaHasText, normaliseArea, sameArea, subdivisionOf, type AreaText, type NormalArea } from './regions.js';
import { hasText } from './text.js';

/**
 * Mapping steps for countries and administrative areas. Each decodes a platform's spelling to the
 * canonical form (alpha-2 upper case; `{code, name}` of the ISO subdivision) and keeps the exact
 * original as a `$` hint when it differs from what the platform would be written as, so a record
 * returning to its own platform comes back exactly; any other target gets the platform's own form.
 */

type Options = Readonly<Record<string, unknown>>;
const COUNTRY: Path = ['countryCode'];
const AREA: Path = ['administrativeArea'];

const pdOf = (value: unknown, platform: string): Record<string, unknown> => {
  const pd = isPlainObject(value) && isPlainObject(value.platformData) ? value.platformData[platform] : undefined;
  return isPlainObject(pd) ? pd : {};
};

/** Sets `$name` hints on a canonical object's own platform data (the area), creating it as needed. */
function hintOn(target: Record<string, unknown>, platform: string, name: string, value: unknown): void {
  const all = isPlainObject(target.platformData) ? target.platformData : {};
  const own = isPlainObject(all[platform]) ? all[platform] : {};
  target.platformData = { ...all, [platform]: { ...own, [`$${name}`]: value } };
}

/** Drops a member from a canonical object's own platform data, and the data object when it empties. */
function dropData(target: Record<string, unknown>, platform: string, member: string): void {
  const all = target.platformData;
  if (!isPlainObject(all) || !isPlainObject(all[platform])) return;
  const { [member]: _dropped, ...own } = all[platform];
  const { [platform]: _old, ...others } = all;
  const next = Object.keys(own).length > 0 ? { ...others, [platform]: own } : others;
  if (Object.keys(next).length > 0) target.platformData = next;
  else delete target.platformData;
}

const notKnownMessage = (country: unknown): string =>
  typeof country === 'string' ? `kept as written, not a known subdivision of ${country}` : 'kept as written: the address has no country to check it against';

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/**
 * A country field holding alpha-2 (Magento `country_id`, Medusa `country_code`): any letter case is
 * read; the platform's case is written, and another spelling comes back only to its own platform.
 */
export const alpha2Country = (key: string, letterCase: 'upper' | 'lower', platformLabel: string): CustomRule => {
  const write = (code: string): string => (letterCase === 'upper' ? code : code.toLowerCase());
  return custom({
    name: key,
    keys: [key],
    canonical: [COUNTRY],
    note: `ISO 3166-1 alpha-2 in any letter case <-> countryCode; written in ${letterCase} case (another case comes back only to ${platformLabel})`,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (v === null) return s.set(COUNTRY, null, [key]);
      const code = typeof v === 'string' ? countryFromAlpha2(v) : undefined;
      if (code === undefined) return s.keep(key, v, 'platform_data', 'not an ISO 3166-1 alpha-2 country code');
      s.set(COUNTRY, code, [key]);
      if (v !== write(code)) s.hint(key, v);
    },
    encode(s) {
      const c = s.take(COUNTRY);
      if (c === undefined) return;
      if (typeof c !== 'string') return s.put(key, c);
      const hint = s.platformData[`$${key}`];
      s.put(key, typeof hint === 'string' && countryFromAlpha2(hint) === c ? hint : write(c));
    },
  });
};

/**
 * The country a `{code, name, id?}` object names: its code in any ISO form, else (no code) its English
 * name or an alias, else (neither) its id in the platform's country lookup.
 */
export function countryOfObject(v: unknown, ids?: CountryDirectory, idMember = 'id'): { country: string; by: string } | undefined {
  if (!isPlainObject(v)) return undefined;
  if (hasText(v.code)) {
    const country = countryFromCode(v.code);
    return country === undefined ? undefined : { country, by: 'code' };
  }
  const byName = hasText(v.name) ? countryFromName(v.name) : undefined;
  if (byName !== undefined) return { country: byName, by: 'name' };
  const id = v[idMember];
  const byId = ids && typeof id === 'number' ? ids.country(id) : undefined;
  return byId === undefined ? undefined : { country: byId, by: idMember };
}

export interface CountryObjectOptions {
  readonly key: string;
  readonly platformLabel: string;
  /** The documented members other than `code` and `name`, and why they have no canonical place. */
  readonly others: Readonly<Record<string, string>>;
  /** The platform's country ids (v4), from its options; the id member is then filled and checked. */
  readonly ids?: (options: Options) => CountryDirectory | undefined;
  readonly idMember?: string;
  /** Why an id the target needs could not be found (reported `unreferenceable` when converting). */
  readonly missingId?: string;
}

/**
 * A country object `{code, name, ...}` (v4, Open Food Network) <-> countryCode. Read: the code in any
 * ISO form, or the English name (or alias) when there is no code. Written: `{code, name}` with the
 * alpha-2 code and the English name (and the id from the lookup when there is one); a record returning
 * to its own platform gets its own members back exactly. A name other than the one this library writes
 * next to a code stays the platform's data.
 */
export const countryObject = (o: CountryObjectOptions): CustomRule => {
  const { key, platformLabel, others, idMember = 'id' } = o;
  const form = (country: string, ids: CountryDirectory | undefined): Record<string, unknown> => {
    const id = ids?.id(country);
    return { code: country, name: countryName(country), ...(id === undefined ? {} : { [idMember]: id }) };
  };
  return custom({
    name: key,
    keys: [key],
    canonical: [COUNTRY],
    note:
      `\`${key}.code\` (alpha-2, alpha-3 or numeric, any case), else \`${key}.name\` (English name or alias)${o.ids ? `, else \`${key}.${idMember}\` through the lookup` : ''} <-> countryCode; ` +
      `written as \`{code, name}\` (alpha-2, English name${o.ids ? `, ${idMember} from \`platformOptions\`` : ''}); ${platformLabel}'s own spelling comes back only to ${platformLabel}`,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (!isPlainObject(v) || Object.keys(v).length === 0) return s.keep(key, v, 'platform_data');
      const ids = o.ids?.(s.state.options.platform);
      const found = countryOfObject(v, ids, idMember);
      const consumed: Record<string, unknown> = {};
      if (found) {
        const { country, by } = found;
        if (hasKey(v, 'code')) consumed.code = v.code;
        // The name this library writes next to an alpha-2 code carries nothing of its own.
        const nameIsForm = v.name === countryName(country) && (by !== 'code' || isAlpha2(String(v.code)));
        if (by === 'name' || nameIsForm) consumed.name = v.name;
        const idIsForm = by !== idMember && ids !== undefined && hasKey(v, idMember) && v[idMember] === ids.id(country);
        if (by === idMember || idIsForm) consumed[idMember] = v[idMember];
        s.set(COUNTRY, country, [key, by]);
        // The other consumed members only restate the country (its English name, an empty code, its id).
        for (const m of Object.keys(consumed)) if (m !== by) s.derive([key, m], COUNTRY);
        // Exact members back to this platform: kept when they are not what a conversion writes, and
        // always when the target needs an id no lookup gives (a conversion reports it, a return does not).
        const written = form(country, ids);
        if (!sameJson(consumed, written) || (o.missingId !== undefined && !hasKey(written, idMember))) s.hint(key, consumed);
      } else if (hasKey(v, 'code') && v.code === null) {
        s.set(COUNTRY, null, [key, 'code']);
        consumed.code = v.code;
      }
      const rest = Object.fromEntries(Object.entries(v).filter(([m]) => !hasKey(consumed, m)));
      if (Object.keys(rest).length === 0) return;
      s.platformData[key] = rest;
      for (const m of Object.keys(rest)) {
        const note = m === 'name' ? `the country name as ${platformLabel} spells it (the country travels as its code)` : others[m];
        s.trace(['platformData', s.state.platform, key, m], [key, m], {
          code: note ? (m === idMember ? 'server_assigned' : 'platform_data') : 'unknown_field',
          note: note ?? `a member not in the documented ${key} shape (its path names it)`,
        });
      }
    },
    encode(s) {
      const c = s.take(COUNTRY);
      if (c === undefined) return; // the other members are written back by the platform-data merge
      const rest = isPlainObject(s.platformData[key]) ? s.platformData[key] : {};
      if (typeof c !== 'string') return s.put(key, { ...rest, code: c });
      const ids = o.ids?.(s.state.options.platform);
      const hint = s.platformData[`$${key}`];
      const own = isPlainObject(hint) && countryOfObject(hint, ids, idMember)?.country === c;
      const members = own ? hint : form(c, ids);
      const out = { ...rest, ...members };
      s.put(key, out);
      if (o.missingId !== undefined && !own && !hasKey(out, idMember)) s.report(COUNTRY, 'unreferenceable', o.missingId);
    },
  });
};

// ---------------------------------------------------------------------------------------------
// Administrative areas
// ---------------------------------------------------------------------------------------------

export interface AreaObjectOptions {
  /** The record key of the area object (`region`, `state`). */
  readonly key: string;
  /** The area object's table: maps the code and name members, keeps the others. */
  readonly table: Table;
  readonly members: { readonly code: string; readonly name: string; readonly id?: string };
  readonly platformLabel: string;
  /** The address's country, read from the source address. */
  readonly country: (src: Record<string, unknown>, options: Options) => string | undefined;
  /** The platform's region directory (ids and its own spellings), from its options. */
  readonly directory?: (options: Options) => { readonly directory: RegionDirectory; readonly ownSpelling: boolean } | undefined;
  /** A top-level copy of the id next to the object (Magento's address `region_id`). */
  readonly topLevelId?: string;
  /** Why an id the target needs could not be found (reported `unreferenceable` when converting). */
  readonly missingId?: string;
  readonly note: string;
}

/**
 * An area object `{code, name, id?}` (Magento `region`, v4 `state`, Open Food Network `region`) <->
 * administrativeArea. A known subdivision (by code, name or alias, case and accents ignored) becomes
 * its ISO code and name; unknown text stays as written, with a `not_normalised` notice when converted.
 * Written: both members (a member the source lacked is derivable, so never reported lost) and the
 * directory id when the directory knows the region; never a guessed id.
 */
export const areaObject = (o: AreaObjectOptions): CustomRule => {
  const { key, table, members, platformLabel, topLevelId } = o;
  const P = (s: DecodeScope | EncodeScope): string => s.state.platform;
  const lookup = (options: Options) => o.directory?.(options);

  /** What a conversion writes for an area (platform members, id when the directory has one). */
  const formOf = (country: string | undefined, area: NormalArea, options: Options): Record<string, unknown> => {
    const dir = lookup(options);
    const entry = dir?.directory.find(country, area);
    const out: Record<string, unknown> = {};
    const own = area.sub && entry && dir?.ownSpelling;
    if (area.code !== undefined) out[members.code] = own && entry.code ? entry.code : area.code;
    if (area.name !== undefined) out[members.name] = own && entry.name ? entry.name : area.name;
    if (members.id && entry) out[members.id] = entry.id;
    return out;
  };
  const textOf = (v: Record<string, unknown>): AreaText => ({
    ...(hasKey(v, members.code) ? { code: v[members.code] as string | null } : {}),
    ...(hasKey(v, members.name) ? { name: v[members.name] as string | null } : {}),
  });

  return custom({
    name: key,
    keys: topLevelId ? [key, topLevelId] : [key],
    canonical: [AREA],
    note: o.note,
    decode(s) {
      const v = s.src[key];
      const options = s.state.options.platform;
      let writtenId: unknown;
      if (v === null) s.set(AREA, null, [key]);
      else if (v !== undefined && !isPlainObject(v)) s.keep(key, v, 'platform_data');
      else if (v !== undefined) {
        const country = o.country(s.src, options);
        const dir = lookup(options);
        const area = s.nested(table, v, AREA, [key]);
        const raw = textOf(v);
        const normal = normaliseArea(country, raw, dir?.directory.aliases(country));
        const codeKey = hasText(raw.code) ? members.code : members.name;
        const nameKey = hasText(raw.name) ? members.name : members.code;
        if (normal.sub) {
          area.code = normal.code;
          area.name = normal.name;
          s.trace([...AREA, 'code'], [key, codeKey]);
          s.trace([...AREA, 'name'], [key, nameKey]);
          // An empty member of a known region is filled from the other one: it restates it.
          if (hasKey(v, members.code) && !hasText(raw.code)) s.derive([key, members.code], [...AREA, 'code']);
          if (hasKey(v, members.name) && !hasText(raw.name)) s.derive([key, members.name], [...AREA, 'name']);
        } else if (areaHasText(raw)) hintOn(area, P(s), 'notNormalised', true);
        const form = formOf(country, normal, options);
        const written: Record<string, unknown> = {};
        if (hasKey(v, members.code)) written[members.code] = v[members.code];
        if (hasKey(v, members.name)) written[members.name] = v[members.name];
        if (members.id && hasKey(form, members.id) && v[members.id] === form[members.id]) {
          // The id the directory gives this region: derivable, written again from the region.
          written[members.id] = v[members.id];
          dropData(area, P(s), members.id);
          s.state.origins.delete([...s.canonicalPrefix, ...AREA, 'platformData', P(s), members.id]);
          s.derive([key, members.id], [...AREA, hasText(area.code) ? 'code' : 'name']);
        }
        const unreferenced = o.missingId !== undefined && members.id !== undefined && !hasKey(form, members.id) && areaHasText(raw);
        if (!sameJson(written, form) || unreferenced) hintOn(area, P(s), 'written', written);
        if (members.id) writtenId = written[members.id];
        s.set(AREA, area, [key]);
      }
      if (!topLevelId || !hasKey(s.src, topLevelId)) {
        if (topLevelId && writtenId !== undefined) s.hint(`${topLevelId}:absent`, true);
        return;
      }
      const top = s.src[topLevelId];
      if (top !== undefined && writtenId !== undefined && top === writtenId) s.derive([topLevelId], [...AREA, 'code']);
      else if (top !== undefined) s.keep(topLevelId, top, 'server_assigned', `top-level copy of \`${key}.${members.id}\` (install-specific directory id)`);
    },
    encode(s) {
      const area = s.peek(AREA);
      if (area === undefined) return;
      if (area === null || !isPlainObject(area)) {
        s.take(AREA);
        return s.put(key, area);
      }
      const options = s.state.options.platform;
      const country = typeof s.peek(COUNTRY) === 'string' ? (s.peek(COUNTRY) as string) : undefined;
      const dir = lookup(options);
      const extra = dir?.directory.aliases(country);
      const given = textOf({ [members.code]: area.code, [members.name]: area.name });
      const normal = normaliseArea(country, given, extra);
      const pd = pdOf(area, P(s));
      const hint = pd.$written;
      const own = isPlainObject(hint) && sameArea(normaliseArea(country, textOf(hint), extra), normal);
      const write = own ? hint : formOf(country, normal, options);
      const value: Record<string, unknown> = { ...area };
      delete value.code;
      delete value.name;
      if (hasKey(write, members.code)) value.code = write[members.code];
      if (hasKey(write, members.name)) value.name = write[members.name];
      const out = s.nested(table, value, AREA);
      // Derivable members are carried even where the written form leaves them out.
      if (normal.sub) {
        s.take([...AREA, 'code']);
        s.take([...AREA, 'name']);
      }
      const id = members.id ? write[members.id] : undefined;
      if (members.id && id !== undefined) out[members.id] = id;
      s.put(key, out);
      if (topLevelId && id !== undefined && s.platformData[`$${topLevelId}:absent`] !== true && !hasKey(s.platformData, topLevelId)) {
        s.put(topLevelId, id);
      }
      if (!sameArea(normal, given)) {
        return s.lose(AREA, 'value_changed', `written as the subdivision ${platformLabel} reads it back (its ISO code and name), not as given`);
      }
      const unknown = !normal.sub && areaHasText(given) && pd.$notNormalised !== true;
      const unreferenced = o.missingId !== undefined && !own && areaHasText(given) && members.id !== undefined && !hasKey(out, members.id);
      if (unknown) s.report(AREA, 'not_normalised', `${notKnownMessage(country)}${unreferenced ? `; ${o.missingId}` : ''}`);
      else if (unreferenced) s.report(AREA, 'unreferenceable', o.missingId!);
    },
  });
};

/**
 * One free-text field for the area (Medusa `province`: a name or a code). A known subdivision is read
 * as its code and name; written as its name (the code is derivable from it), or as the record's own
 * spelling when it returns to its platform. Unknown text is kept as the name.
 */
export const provinceText = (key: string, countryOf: (src: Record<string, unknown>) => string | undefined, platformLabel: string): CustomRule =>
  custom({
    name: key,
    keys: [key],
    canonical: [AREA],
    note:
      `free text, a name or a code: a known subdivision (ISO code, name or alias, any case) <-> administrativeArea {code, name}, written as its name; ` +
      `other text <-> administrativeArea.name as written (${platformLabel}'s own spelling comes back only to ${platformLabel})`,
    decode(s) {
      const v = s.src[key];
      if (v === undefined) return;
      if (v === null || typeof v !== 'string') return s.set([...AREA, 'name'], v, [key]);
      const country = countryOf(s.src);
      const sub = hasText(v) ? subdivisionOf(country, v, 'code') : undefined;
      const area: Record<string, unknown> = sub ? { code: sub.code, name: sub.name } : { name: v };
      if (sub && v !== sub.name) hintOn(area, s.state.platform, key, v);
      if (!sub && hasText(v)) hintOn(area, s.state.platform, 'notNormalised', true);
      s.set(AREA, area, [key]);
      s.trace([...AREA, 'name'], [key]);
      if (sub) s.trace([...AREA, 'code'], [key]);
    },
    encode(s) {
      const area = s.peek(AREA);
      if (!isPlainObject(area)) return; // a null area says nothing a free-text field could hold
      const country = typeof s.peek(COUNTRY) === 'string' ? (s.peek(COUNTRY) as string) : undefined;
      const given: AreaText = {
        ...(hasKey(area, 'code') ? { code: area.code as string | null } : {}),
        ...(hasKey(area, 'name') ? { name: area.name as string | null } : {}),
      };
      const normal = normaliseArea(country, given);
      const pd = pdOf(area, s.state.platform);
      if (normal.sub) {
        const hint = pd[`$${key}`];
        const readsBack = (text: unknown): text is string => typeof text === 'string' && subdivisionOf(country, text, 'code') === normal.sub;
        // The name, unless another subdivision has that name too (then the code, which reads back as this one).
        const written = readsBack(hint) ? hint : readsBack(normal.name) ? normal.name : readsBack(normal.code) ? normal.code : normal.name;
        s.put(key, written);
        s.take([...AREA, 'code']);
        s.take([...AREA, 'name']);
        if (!sameArea(normal, given) || !readsBack(written)) {
          s.lose(AREA, 'value_changed', `written as the subdivision's name, which ${platformLabel} reads back as its ISO code and name`);
        }
        return;
      }
      if (hasKey(area, 'name')) {
        s.put(key, s.take([...AREA, 'name']));
        if (hasText(area.code)) s.lose([...AREA, 'code'], 'not_representable', `${platformLabel} has one \`${key}\` field, which holds the name`);
      } else if (hasText(area.code)) {
        s.put(key, s.take([...AREA, 'code']));
        s.report([...AREA, 'code'], 'value_changed', `written to \`${key}\`, which ${platformLabel} reads back as a name`);
      }
      if (areaHasText(given) && pd.$notNormalised !== true) s.report(AREA, 'not_normalised', notKnownMessage(country));
    },
  });
