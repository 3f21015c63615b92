import { z } from 'zod';
import { CountryCode, Ids, PersonName, PlatformData, Text } from './primitives.js';

/** State, province or other first-level subdivision: a code (e.g. `CA`, `VIC`) and/or a name. */
export const AdministrativeArea = z.object({
  code: Text.optional(),
  name: Text.optional(),
  platformData: PlatformData.optional(),
});
export type AdministrativeArea = z.infer<typeof AdministrativeArea>;

/**
 * A postal address, modelled on `google.type.PostalAddress`: `countryCode` is its `regionCode`,
 * `lines` its `addressLines`, `organization` and `recipient` its `organization`/`recipients`.
 */
export const Address = z.object({
  ids: Ids.optional(),
  label: Text.optional(),
  recipient: PersonName.optional(),
  organization: Text.optional(),
  lines: z.array(z.string()).optional(),
  locality: Text.optional(),
  administrativeArea: AdministrativeArea.nullable().optional(),
  postalCode: Text.optional(),
  countryCode: CountryCode.nullable().optional(),
  phone: Text.optional(),
  mobile: Text.optional(),
  fax: Text.optional(),
  email: Text.optional(),
  vatId: Text.optional(),
  defaultBilling: z.boolean().nullable().optional(),
  defaultShipping: z.boolean().nullable().optional(),
  platformData: PlatformData.optional(),
});
export type Address = z.infer<typeof Address>;
