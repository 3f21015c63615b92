import type { ValueCodec } from '../../core/mapping.js';
import { isCountryCode } from '../../canonical/primitives.js';

/** Medusa lower-case alpha-2 `country_code` <-> canonical upper-case alpha-2. */
export const lowerCaseCountry: ValueCodec<string, string> = {
  name: 'lower-case ISO 3166-1 alpha-2',
  note: '`au` <-> `AU`; other forms travel as Medusa data',
  decode: (raw) => (typeof raw === 'string' && raw === raw.toLowerCase() && isCountryCode(raw) ? raw.toUpperCase() : undefined),
  encode: (code) => code.toLowerCase(),
};

