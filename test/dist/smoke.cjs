// Requires the built package by name as CommonJS (run by .ci/run after `npm run build`): every entry
// and export path package.json promises, and its error classes recognised across the builds.
const assert = require('node:assert/strict');
const { decode, encode, convert, ConversionError, InvalidOptionError } = require('customer-codecs');
const { createMagentoCsvWriter, magentoCsvLosses, readMagentoCsv, readMagentoCompositeCsv } = require('customer-codecs/magento-csv');

const record = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };
assert.deepEqual(encode('magento', decode('magento', record).data).data, record);
for (const f of [createMagentoCsvWriter, magentoCsvLosses, readMagentoCsv, readMagentoCompositeCsv]) assert.equal(typeof f, 'function');
assert.deepEqual(magentoCsvLosses({ ...record, id: 7 }).map((l) => l.path), [['id']]);
assert.equal(require('customer-codecs/schemas/customer.json').type, 'object');

(async () => {
  const esm = await import('customer-codecs');
  assert.notEqual(esm.ConversionError, ConversionError, 'two builds, two class objects');
  assert.throws(() => esm.convert({}, { from: 'magento', to: 'medusa' }), ConversionError);
  assert.throws(() => convert({}, { from: 'magento', to: 'medusa' }), esm.ConversionError);
  assert.throws(() => esm.convert({}, { to: 'medusa' }), InvalidOptionError);
  console.log('CJS require ok');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
