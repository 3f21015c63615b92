import { definePlatform } from '../../core/platform.js';
import { list, nest, omitAs, option, send, type Part } from '../../core/requests.js';
import { PHONES } from '../../core/steps.js';
import { STREET_LINES } from '../../core/street.js';
import { addressTable, customerTable, tables } from './mapping.js';
import {
  DEFAULT_REQUIRED_ADDRESS_FIELDS,
  MagentoAddress,
  MagentoCreateRequest,
  MagentoCustomer,
  MagentoErrorBody,
  MagentoOptions,
  MagentoSearchResult,
  MagentoUpdateRequest,
} from './schema.js';
import { genderId } from './values.js';

const ASSIGNED = 'set by Magento when the customer is saved';

/** Every key of a record level but those the parts leave out (or `also`), sent as it is: the body takes the record's own keys. */
const sendTheRest = (keys: readonly string[], leftOut: readonly Part[], also: readonly string[] = [], as: (key: string) => Part = (k) => send(k)): Part[] => {
  const out = new Set([...leftOut.flatMap((p) => (p.kind === 'omit' ? p.keys : [])), ...also]);
  return keys.filter((k) => !out.has(k)).map(as);
};

const address = (withIds: boolean): Part[] => {
  const leftOut = [
    ...(withIds ? [] : [omitAs(addressTable, 'id', 'Magento assigns address ids')]),
    omitAs(addressTable, 'customer_id', 'Magento links the address to the customer itself'),
  ];
  return [...sendTheRest(Object.keys(MagentoAddress.shape), leftOut), ...leftOut];
};

/**
 * `gender` as REST takes it, an option id (magento.md §5): a Magento CSV cell a record holds as written
 * (`Male`, `female`, `2`) is sent as its id, reported `value_changed` (the cell's text is not sent).
 */
const gender = send('gender', {
  as: (v) => (typeof v === 'string' ? genderId(v) : v),
  changed: { when: (v) => typeof v === 'string', why: 'Magento REST takes the gender option id: the CSV cell text is sent as its id' },
  lost: { code: 'not_representable', why: 'no gender option has this text: Magento REST takes an option id' },
});

/**
 * The `customer` object of both bodies: the record's keys but the server's own (ids only in updates:
 * create gets them from the server). `password_hash` never goes inside `customer` (see the bodies).
 */
const customer = (withIds: boolean): Part[] => {
  const leftOut = [
    ...(withIds ? [] : [omitAs(customerTable, 'id', 'Magento assigns the customer id')]),
    omitAs(customerTable, ['default_billing', 'default_shipping'], "address ids: Magento sets them from the addresses' default_billing / default_shipping flags"),
    omitAs(customerTable, 'confirmation', 'the confirmation key Magento issues'),
    omitAs(customerTable, ['created_at', 'updated_at', 'created_in'], ASSIGNED),
  ];
  const body = sendTheRest(Object.keys(MagentoCustomer.shape), leftOut, ['password_hash'], (k) => (k === 'addresses' ? list(k, address(withIds)) : k === 'gender' ? gender : send(k)));
  return [...body, ...leftOut];
};

export const magento = definePlatform({
  id: 'magento',
  label: 'Magento 2 / Adobe Commerce',
  source: 'REST `CustomerInterface` / `AddressInterface` (`GET /V1/customers/{id}`)',
  record: MagentoCustomer,
  options: MagentoOptions,
  // Telephone by default, as a standard install; the shop's own list when given (`[]`: none).
  requiredAddressFields: (options) =>
    Array.isArray(options.requiredAddressFields)
      ? { fields: options.requiredAddressFields as string[], why: '`platformOptions.magento.requiredAddressFields` says so' }
      : { fields: DEFAULT_REQUIRED_ADDRESS_FIELDS, why: 'as a standard install does; for a shop where it is optional, give `platformOptions.magento.requiredAddressFields` without it' },
  shopValues: [
    {
      key: 'website_id',
      note: 'the website the customer belongs to (required in records: GET always returns it and PUT needs it); `1` is the Main Website (`base`) of a standard install',
      example: 1,
    },
  ],
  // The password-reset token of `customer_entity` and its time (exports and the CSV carry them), and
  // `custom_attributes` entries, which name a key by their `attribute_code`.
  credentialNames: { resetToken: ['rp_token'], resetTime: ['rp_token_created_at'], attributeEntry: { code: 'attribute_code', value: 'value' } },
  customer: customerTable,
  tables,
  payloads: [
    {
      name: 'search result (`GET /V1/customers/search`)',
      schema: MagentoSearchResult,
      matches: (p) => Array.isArray(p.items),
      records: (p: { items: unknown[] }) => p.items,
    },
    { name: 'customer (`GET /V1/customers/{id}`)', schema: MagentoCustomer, matches: () => true, records: (p) => [p] },
  ],
  errorBody: {
    name: '`{message, parameters?, errors?: [{message, parameters}], trace?}` (only these keys): `message` and each `errors[].message`, placeholders such as `%fieldName` left unfilled (`parameters` can hold submitted values)',
    schema: MagentoErrorBody,
    messages: (b: MagentoErrorBody) => [b.message, ...(b.errors ?? []).map((e) => e.message)],
  },
  requests: {
    create: {
      schema: MagentoCreateRequest,
      body: [
        nest('customer', customer(false)),
        omitAs(
          customerTable,
          'password_hash',
          'a create request cannot carry a password hash: create the customer, then send the hash with an update request (`passwordHash`)',
        ),
        option('password'),
      ],
      note:
        '`POST /V1/customers` `{customer}`: ids, timestamps, `created_in`, `confirmation` and the default-address id strings are server-side and left out; ' +
        'a `password_hash` is left out too (create takes no hash: create, then send the hash with an update); `gender` goes as its option id (a CSV cell text such as `Male` as 1, reported `value_changed`)',
    },
    update: {
      schema: MagentoUpdateRequest,
      body: [
        nest('customer', customer(true)),
        send('passwordHash', {
          from: 'password_hash',
          as: (hash) => (typeof hash === 'string' && hash !== '' ? hash : undefined),
          lost: { code: 'not_migratable', why: 'an empty password hash is no hash: it is not sent' },
        }),
      ],
      note:
        '`PUT /V1/customers/{id}` `{customer, passwordHash?}` with `id` in the body; address ids kept so existing addresses are updated, not replaced; ' +
        'the record\'s `password_hash` goes to the top-level `passwordHash` (stored verbatim), never inside `customer`; `gender` goes as its option id (a CSV cell text such as `Male` as 1, reported `value_changed`)',
    },
  },
  decisions: [
    'Address `telephone` is required on a standard install, and a shop can make it optional (Stores > Configuration > Customers > Customer Configuration > Name and Address Options, "Show Telephone"; so can `company` and `fax` be made required): records may lack it (absent or null), so `decode` reads a shop\'s address without a telephone, whatever the options, and converting it elsewhere carries the address. Writing to Magento (`encode`, `convert`) requires it unless `platformOptions.magento.requiredAddressFields` (default `["telephone"]`) leaves it out: an address lacking a required field is left out and reported `not_representable` at it (with `strictAddresses`, a `required` issue), or filled from `defaults: { \'addresses.telephone\': … }`. `toRequest` sends a record as it is. `postcode` is required unless the country is HK, IE, MO, PA or GB.',
    'Gender ids 1/2/3 are male/female/not_specified (1 and 2 documented; 3 follows the install order, not verified): this is the whole decided set. Any other id (0 after a CSV import with an unknown label, merchant options) travels as Magento data and is reported `platform_data` when converting, never guessed; canonical not_specified is written as 3. A record may also hold a Magento CSV gender cell as written (`Female`, `female`, `2`, `0`: an option label in any case or an option id, as the CSV importer takes them), read through the same table and given back to Magento as written, so a CSV file round-trips; the CSV reader keeps the id itself where the cell is what the writer writes for it (`Female` -> 2).',
    `Address \`telephone\` and \`fax\`: ${PHONES} With \`phones: 'e164'\` they are read in the address's \`country_id\`.`,
    '`created_at` / `updated_at` are UTC `YYYY-MM-DD HH:MM:SS` <-> `YYYY-MM-DDTHH:MM:SSZ`; a spreadsheet-typed CSV cell `M/D/YYYY H:MM` (`5/6/2012 15:53`, seconds optional) is read month first, as the CSV importer (PHP `strtotime`) reads slashes, in UTC, and comes back to Magento as written (the Magento CSV reader reports it when converted elsewhere); a two-digit year or AM/PM is not read (a guess); surrounding white space does not prevent reading; a string that is no real time (30 February, hour 24) stays Magento data. Writing an instant Magento cannot hold exactly is reported `value_changed` whenever the written form would read back differently, because the canonical instant keeps the source\'s written form: a non-zero fraction of a second changes the instant; an offset (`+11:00`) gives the same instant in UTC but loses the wall-clock offset; `.000` and `+00:00` only change the writing. The message says which.',
    '`dob` `YYYY-MM-DD` (REST), `YYYY-MM-DD 00:00:00` (CSV imports, older payloads) and a spreadsheet-typed `M/D/YYYY` (CSV, read month first as the importer does; `5/6/2010` is 6 May) decode to the calendar date; the original form comes back to Magento, every other target and a canonical customer get `YYYY-MM-DD`. Any other text (a time other than midnight, an impossible date, a day-first form such as `19/04/1990`) stays Magento data.',
    'Null and absent fields are kept apart so a Magento record comes back exactly, although Magento treats them alike.',
    '`confirmation` (the pending e-mail confirmation key, magento.md §1) is server-assigned: Magento issues it when it saves a new account that needs confirmation, and no request sets one. It travels as Magento data, is reported `server_assigned` when converting elsewhere, and is left out of request bodies with the same code.',
    '`website_id` is required in records (GET always returns it and PUT needs it): pass `defaults: { website_id }` when converting to Magento.',
    'Street lines: records hold 1 to 4 lines (shops configure `customer/address/street_lines`, default 2), each at most 255 characters. Encoding writes at most `platformOptions.magento.streetLines` lines; without the option, an address keeps as many lines as it was read with from Magento (its shop holds them) and otherwise 2. ' +
      `${STREET_LINES} Magento stores the lines joined with a line break, so an empty line would be stored as a blank line or a trailing line break. ` +
      'The combined-length check of the newest 2.4-develop street validator is not applied.',
    'Lengths are the DB column sizes, checked on every record read or written (issues at the record path): names, street lines, city, telephone, company, postcode, vat_id 255; `prefix` / `suffix` 40; `taxvat` 50 (validated to 255 but stored in varchar(50)); `password_hash` 128.',
    '`password_hash` is read from exports as an opaque hash tagged `magento` (Argon2id `hash:salt:3_32_2_67108864`, SHA-256 `hash:salt:1`, MD5 `hash:salt`; the value is not checked). Update requests send it as the top-level `passwordHash` (Magento stores it verbatim); create requests cannot carry one. A plain-text password key (`password`, `new_password`...) anywhere in a record, or a hash key anywhere but the customer\'s `password_hash`, is refused with an issue; so is a `custom_attributes` entry whose `attribute_code` is a plain password. An entry coded `password_hash`, `rp_token` or `rp_token_created_at` (CSV exports carry the password-reset token) is written back to Magento only: converting to any other platform reports it `not_migratable` and never carries it. So is a password-reset key (`rp_token`, `rp_token_created_at`) anywhere in a record, of any platform.',
    'Address `country_id` is read in any letter case and written in upper case; alpha-3, numeric codes and names are refused (`invalid_country`): the column holds two letters. Another letter case comes back only to Magento.',
    'Regions: `region_code` / `region` naming an ISO 3166-2 subdivision (its code, a Magento install code such as `BER`, `WI` or `1`, its name or an alias; any case or accents) become its ISO code and name; other text stays as written and is reported `not_normalised` when converted. Written with the ISO code and name, or with the shop\'s own code and name when `platformOptions.magento.regions` is given.',
    '`region_id` (in `region` and at the top level) comes from a directory: `platformOptions.magento.regions` (the output of `GET /V1/directory/countries`), else the ids of a standard install (InitializeDirectoryData order: US 1-65, CA 66-78, DE 79-94, AT 95-103, CH 104-129, ES 130-181, FR 182-277; verify with `GET /V1/directory/countries`). It is filled only when the directory knows the region (a code several rows share, US `AE`, gives no id without a name); an id equal to the directory\'s is derivable, any other is kept as server-assigned Magento data.',
    'Customer groups have no public id table: with `platformOptions.magento.groups` (`[{id, name}]`) `group_id` reads as a group with that name, and a group without a Magento id is written by its name\'s id; otherwise such a group is reported `unreferenceable`.',
  ],
});
