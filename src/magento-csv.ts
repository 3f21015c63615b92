/**
 * `customer-codecs/magento-csv`: Magento's own customer CSV files as streams of Magento records (the
 * shape of `GET /V1/customers/{id}`): the readers of the Customers Main File (joined with its
 * Customer Addresses file) and of the single-file composite format, the writer of the two import
 * files, and what those files cannot hold of a record. A separate entry so that the main entry does
 * not load csv-parse and csv-stringify. See the README, "Magento CSV".
 */
export { readMagentoCsv, readMagentoCompositeCsv, createMagentoCsvWriter, magentoCsvLosses } from './csv/magento.js';
export type { MagentoCsvReadOptions, MagentoCsvWriteOptions, MagentoCsvWriter } from './csv/magento.js';
export type { SourceItem as MagentoCsvItem, SourceFile as MagentoCsvFile } from './io/items.js';
