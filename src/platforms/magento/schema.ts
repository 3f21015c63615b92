import { z } from 'zod';
import { Email } from '../../canonical/primitives.js';
import { refuseCredentialKeys } from '../../core/credentials.js';
import { isAlpha2 } from '../../core/geo/countries.js';
import { MagentoCountryEntry, MagentoGroupEntry } from './directory.js';
import { GENDER_CELL_WORDS, genderId } from './values.js';

// Magento omits null fields from responses and treats missing and null alike (magento.md §0),
// so optional fields are `nullish`. Lengths are the DB column sizes (magento.md §1, §2).
const text = (max: number) => z.string().max(max);
const requiredText = (max: number) => z.string().min(1, { error: 'Required' }).max(max);

export const MagentoAttribute = z.looseObject({
  attribute_code: z.string(),
  value: z.unknown(),
});

export const MagentoRegion = z.looseObject({
  region_code: z.string().nullish(),
  region: z.string().nullish(),
  region_id: z.number().int().nullish(),
  extension_attributes: z.record(z.string(), z.unknown()).nullish(),
});

/** Street lines a shop can configure (`customer/address/street_lines`: 1 to 4, default 2). */
export const MAX_STREET_LINES = 4;
export const DEFAULT_STREET_LINES = 2;

/** Address fields a Magento shop configures as required or optional (`customer/address/{company,fax,telephone}_show`). */
export const CONFIGURABLE_ADDRESS_FIELDS = ['company', 'fax', 'telephone'] as const;
/** The address fields a standard install requires among those (magento.md §4: `telephone`). */
export const DEFAULT_REQUIRED_ADDRESS_FIELDS: readonly (typeof CONFIGURABLE_ADDRESS_FIELDS)[number][] = ['telephone'];

/** `platformOptions.magento`: the shop's street-line setting, its required address fields and its lookup tables. */

export const MagentoOptions = z.strictObject({
  /** The target shop's `customer/address/street_lines` (1 to 4); lines beyond it are joined into the last. */
  streetLines: z
    .number()
    .int()
    .min(1)
    .max(MAX_STREET_LINES)
    .optional()
    .describe('the shop\'s `customer/address/street_lines` (1 to 4, default 2): further lines are joined into the last one and reported'),
  regions: z
    .array(MagentoCountryEntry)
    .optional()
    .describe('the shop\'s region directory as `GET /V1/directory/countries` returns it (default: the ids of a standard install)'),
  groups: z.array(MagentoGroupEntry).optional().describe('the shop\'s customer groups, `[{id, name}]`: `group_id` <-> group name (no public table exists)'),
  requiredAddressFields: z
    .array(z.enum(CONFIGURABLE_ADDRESS_FIELDS))
    .optional()
    .describe(
      'the address fields the target shop\'s customer configuration makes required (Stores > Configuration > Customers > Name and Address Options, "Show Telephone" / "Show Company" / "Show Fax": `company`, `fax`, `telephone`): writing to Magento, an address lacking one is left out and reported (default `["telephone"]`, as a standard install; `[]` for a shop where all three are optional). Reading Magento records is not affected: an address without them is read',
    ),
});

/** Postcode may be left out only for these countries (`general/country/optional_zip_countries` default). */
export const OPTIONAL_ZIP_COUNTRIES: ReadonlySet<string> = new Set(['HK', 'IE', 'MO', 'PA', 'GB']);

export const MagentoAddress = z
  .looseObject({
    id: z.number().int().nullish(),
    customer_id: z.number().int().nullish(),
    region: MagentoRegion.nullish(),
    region_id: z.number().int().nullish(),
    // Magento stores alpha-2 (a 2-character column); any letter case is read, upper case is written.
    country_id: z.string().refine((c) => isAlpha2(c), {
      error: 'Not an ISO 3166-1 alpha-2 country code',
      params: { code: 'invalid_country' },
    }),
    // Shops configure 1 to 4 lines (`customer/address/street_lines`, default 2): records hold up to 4;
    // encoding fits the lines to `platformOptions.magento.streetLines` (see the street step).
    // Magento stores the lines joined with "\n" and splits them on reading (magento.md §2.2), and its
    // street validator refuses control characters: a line holding a line break is no Magento line.
    street: z
      .array(
        text(255).refine((line) => !/[\r\n]/.test(line), {
          error: 'A Magento street line cannot hold a line break (Magento stores the lines joined with line breaks)',
          params: { code: 'invalid_value' },
        }),
      )
      .min(1, { error: 'Street line 1 is required' })
      .max(MAX_STREET_LINES, { error: `Magento holds at most ${MAX_STREET_LINES} street lines` }),
    company: text(255).nullish(),
    // Required on a standard install, optional where the shop says so ("Show Telephone"): a record may
    // lack it. Writing to Magento requires it unless `requiredAddressFields` leaves it out (index.ts).
    telephone: text(255).nullish(),
    fax: text(255).nullish(),
    postcode: text(255).nullish(),
    city: requiredText(255),
    firstname: requiredText(255),
    lastname: requiredText(255),
    middlename: text(255).nullish(),
    prefix: text(40).nullish(),
    suffix: text(40).nullish(),
    vat_id: text(255).nullish(),
    default_shipping: z.boolean().nullish(),
    default_billing: z.boolean().nullish(),
    extension_attributes: z.record(z.string(), z.unknown()).nullish(),
    custom_attributes: z.array(MagentoAttribute).nullish(),
  })
  .superRefine((a, ctx) => {
    if (!a.street[0]) ctx.addIssue({ code: 'custom', path: ['street', 0], message: 'Street line 1 is required', params: { code: 'required' } });
    if ((a.postcode == null || a.postcode === '') && !OPTIONAL_ZIP_COUNTRIES.has(a.country_id.toUpperCase())) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Required for this country', params: { code: 'required' } });
    }
  });
export type MagentoAddress = z.infer<typeof MagentoAddress>;

/**
 * `CustomerInterface` as `GET /V1/customers/{id}` returns it, plus `password_hash` (customer exports
 * and the import/export CSV carry it; `customer_entity.password_hash` is varchar 128). Server-assigned
 * fields are optional.
 */
const MagentoCustomerShape = z.looseObject({
  id: z.number().int().nullish(),
  group_id: z.number().int().nullish(),
  default_billing: z.string().nullish(),
  default_shipping: z.string().nullish(),
  confirmation: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  created_in: z.string().nullish(),
  dob: z.string().nullish(),
  email: Email.max(255),
  firstname: requiredText(255),
  lastname: requiredText(255),
  middlename: text(255).nullish(),
  prefix: text(40).nullish(),
  suffix: text(40).nullish(),
  // An option id (REST); a Magento CSV file's gender cell as written (a label in any case, an id in
  // digits: values.ts `genderId`) is read too, so that it goes back to the file as it was.
  gender: z
    .union([
      z.number().int(),
      z.string().refine((cell) => genderId(cell) !== undefined, { error: `Not a gender option: a number (the option id), or text as Magento's CSV files hold it: ${GENDER_CELL_WORDS}`, params: { code: 'invalid_value' } }),
    ])
    .nullish(),
  store_id: z.number().int().nullish(),
  taxvat: text(50).nullish(),
  website_id: z.number().int(),
  addresses: z.array(MagentoAddress).nullish(),
  disable_auto_group_change: z.number().int().nullish(),
  extension_attributes: z.record(z.string(), z.unknown()).nullish(),
  custom_attributes: z.array(MagentoAttribute).nullish(),
  password_hash: z.string().max(128).nullish(),
});

/** Only the customer's own `password_hash` may hold a hash; no record key may hold a plain password. */
export const MagentoCustomer = MagentoCustomerShape.superRefine(
  refuseCredentialKeys('Magento', (path) => path.length === 1 && path[0] === 'password_hash'),
);
export type MagentoCustomer = z.infer<typeof MagentoCustomer>;

/** `GET /V1/customers/search` result. */
export const MagentoSearchResult = z.looseObject({
  items: z.array(z.unknown()),
  search_criteria: z.record(z.string(), z.unknown()).optional(),
  total_count: z.number().int().optional(),
});

/**
 * REST error body (magento.md §0): `{message, parameters?, errors?: [{message, parameters}], trace?}`;
 * `message` holds placeholders (`%fieldName`, `%1`) that `parameters` fill. Strict: a customer has
 * `email`, a search result `items`, so neither is one.
 */
export const MagentoErrorBody = z.strictObject({
  message: z.string(),
  parameters: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  errors: z.array(z.looseObject({ message: z.string() })).optional(),
  trace: z.string().optional(),
});
export type MagentoErrorBody = z.infer<typeof MagentoErrorBody>;

/** REST takes `gender` as an option id only (a record may hold a CSV cell's text: the bodies send its id). */
const RequestGender = { gender: z.number().int().nullish() };

/** `POST /V1/customers` body: `{customer, password?}`; the server assigns ids and timestamps; no hash. */
export const MagentoCreateRequest = z.strictObject({
  customer: MagentoCustomerShape.omit({ id: true, password_hash: true }).extend(RequestGender).superRefine(refuseCredentialKeys('Magento create request')),
  password: z.string().optional(),
  redirectUrl: z.string().optional(),
});
/** `PUT /V1/customers/{id}` body: `{customer, passwordHash?}`; `website_id` is required; the hash sits beside `customer`. */
export const MagentoUpdateRequest = z.strictObject({
  customer: MagentoCustomerShape.omit({ password_hash: true }).extend(RequestGender).superRefine(refuseCredentialKeys('Magento customer object')),
  passwordHash: z.string().min(1).max(128).optional(),
});

/**
 * `platformOptions.magento`: the shop's directories. `regions` is the output of
 * `GET /V1/directory/countries` (`[{id: 'US', available_regions: [{id: '12', code: 'CA', name: 'California'}]}]`);
 * without it the ids of a standard install are used. `groups` maps customer group ids to names.
 */

