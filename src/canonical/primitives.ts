import { z } from 'zod';

/** Text as the source gave it; `null` means the source said "empty", absence means it said nothing. */
export const Text = z.string().nullable();

/** Email syntax as platforms check it: one @, no spaces, a dot in the domain. */
export const Email = z.email({ pattern: z.regexes.unicodeEmail, error: 'Invalid email address' });

/** ISO 3166-1 alpha-2 codes (officially assigned). Kept inline so the core has no data dependency. */
const ISO_ALPHA2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_ALPHA2.split(' '));

/** Whether `code` is an ISO 3166-1 alpha-2 code in any letter case. */
export const isCountryCode = (code: string): boolean => COUNTRY_CODES.has(code.toUpperCase());

/** ISO 3166-1 alpha-2, upper case: the canonical country form. */
export const CountryCode = z
  .string()
  .refine((c) => COUNTRY_CODES.has(c), { error: 'Not an upper-case ISO 3166-1 alpha-2 country code', params: { code: 'invalid_country' } });

/** An instant as ISO 8601 with a zone (`Z` or an offset), kept exactly as the source wrote it. */
export const Timestamp = z.iso.datetime({ offset: true, local: false, error: 'Not an ISO 8601 date-time with zone' });

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date({ error: 'Not a YYYY-MM-DD date' });

/** An id a platform assigned: numbers for Magento, v4 and Open Food Network, strings for Medusa. */
export const Id = z.union([z.string(), z.number()]);

/** Ids keyed by platform id, so an id never leaks into another platform's id field. */
export const Ids = z.record(z.string(), Id);

/**
 * Data the canonical model does not name, keyed by platform id, each value the platform's own keys
 * verbatim. Keys starting with `$` are codec hints (structure, not data).
 */
export const PlatformData = z.record(z.string(), z.record(z.string(), z.unknown()));

/** A person's name parts, as on a customer or an address. */
export const PersonName = z.object({
  prefix: Text.optional(),
  given: Text.optional(),
  middle: Text.optional(),
  family: Text.optional(),
  suffix: Text.optional(),
});
export type PersonName = z.infer<typeof PersonName>;
