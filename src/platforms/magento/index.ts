import { pick } from '../../core/objects.js';
import { definePlatform } from '../../core/platform.js';
import { isPlainObject } from '../../core/path.js';
import { customerTable, tables } from './mapping.js';
import {
  ADDRESS_WRITE_KEYS,
  MagentoCreateRequest,
  MagentoCustomer,
  MagentoOptions,
  MagentoSearchResult,
  MagentoUpdateRequest,
  WRITE_KEYS,
} from './schema.js';

const body = (record: Record<string, unknown>, withIds: boolean): Record<string, unknown> => {
  const customer = pick(record, WRITE_KEYS.customer.filter((k) => withIds || k !== 'id'));
  if (Array.isArray(customer.addresses)) {
    customer.addresses = customer.addresses.map((a) =>
      isPlainObject(a) ? pick(a, ADDRESS_WRITE_KEYS.filter((k) => withIds || k !== 'id')) : a,
    );
  }
  return customer;
};

export const magento = definePlatform({
  id: 'magento',
  label: 'Magento 2 / Adobe Commerce',
  source: 'REST `CustomerInterface` / `AddressInterface` (`GET /V1/customers/{id}`)',
  record: MagentoCustomer,
  options: MagentoOptions,
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
  requests: {
    create: {
      schema: MagentoCreateRequest,
      build: (record, { password }) => ({ customer: body(record, false), ...(password === undefined ? {} : { password }) }),
      acceptsPassword: true,
      note: '`POST /V1/customers` `{customer}`: ids, timestamps, `created_in`, `confirmation` and the default-address id strings are server-side and left out',
    },
    update: {
      schema: MagentoUpdateRequest,
      build: (record) => ({ customer: body(record, true) }),
      acceptsPassword: false,
      note: '`PUT /V1/customers/{id}` `{customer}` with `id` in the body; address ids kept so existing addresses are updated, not replaced',
    },
  },
  decisions: [
    'Records follow a default install: address `telephone` is required, and `postcode` unless the country is HK, IE, MO, PA or GB.',
    'Gender ids 1/2/3 are male/female/not specified (standard install order; 3 is unverified): other ids travel as Magento data.',
    'Null and absent fields are kept apart so a Magento record comes back exactly, although Magento treats them alike.',
    '`website_id` is required in records (GET always returns it and PUT needs it): pass `defaults: { website_id }` when converting to Magento.',
    'Address `country_id` is read in any letter case and written in upper case; alpha-3, numeric codes and names are refused (`invalid_country`): the column holds two letters. Another letter case comes back only to Magento.',
    'Regions: `region_code` / `region` naming an ISO 3166-2 subdivision (its code, a Magento install code such as `BER`, `WI` or `1`, its name or an alias; any case or accents) become its ISO code and name; other text stays as written and is reported `not_normalised` when converted. Written with the ISO code and name, or with the shop\'s own code and name when `platformOptions.magento.regions` is given.',
    '`region_id` (in `region` and at the top level) comes from a directory: `platformOptions.magento.regions` (the output of `GET /V1/directory/countries`), else the ids of a standard install (InitializeDirectoryData order: US 1-65, CA 66-78, DE 79-94, AT 95-103, CH 104-129, ES 130-181, FR 182-277; verify with `GET /V1/directory/countries`). It is filled only when the directory knows the region (a code several rows share, US `AE`, gives no id without a name); an id equal to the directory\'s is derivable, any other is kept as server-assigned Magento data.',
    'Customer groups have no public id table: with `platformOptions.magento.groups` (`[{id, name}]`) `group_id` reads as a group with that name, and a group without a Magento id is written by its name\'s id; otherwise such a group is reported `unreferenceable`.',
  ],
});
