// Imports the built package by name as ESM (run by .ci/run after `npm run build`): every entry and
// export path package.json promises, and its error classes recognised across the ESM and CJS builds.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { convert, platforms, ConversionError, InvalidOptionError, UnknownPlatformError } from 'customer-codecs';
import { createMagentoCsvWriter, magentoCsvLosses, readMagentoCompositeCsv, readMagentoCsv } from 'customer-codecs/magento-csv';

assert.deepEqual(platforms, ['magento', 'medusa', 'v4', 'enterprise-v1', 'medusa-v2']);
const record = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };
const { data, losses } = convert(record, { from: 'magento', to: 'medusa' });
assert.equal(data.email, 'tom.baker@example.org');
assert.ok(losses.some((l) => l.path[0] === 'website_id'));
assert.throws(() => convert({}, { from: 'magento', to: 'medusa' }), ConversionError);

// The errors of the CJS build are instances of the ESM classes, and the other way round.
const require = createRequire(import.meta.url);
const cjs = require('customer-codecs');
assert.notEqual(cjs.ConversionError, ConversionError, 'two builds, two class objects');
const caught = (call) => {
  try {
    call();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
};
const fromCjs = caught(() => cjs.convert({}, { from: 'magento', to: 'medusa' }));
assert.ok(fromCjs instanceof ConversionError && fromCjs instanceof cjs.ConversionError && fromCjs instanceof Error);
assert.ok(!(fromCjs instanceof InvalidOptionError));
assert.ok(caught(() => convert({}, { from: 'magento', to: 'medusa' })) instanceof cjs.ConversionError);
assert.ok(caught(() => cjs.decode('shopify', {})) instanceof UnknownPlatformError);
assert.ok(caught(() => cjs.convert({}, { from: 'magento' })) instanceof InvalidOptionError);
assert.ok(caught(() => convert({}, { from: 'magento' })) instanceof cjs.InvalidOptionError);

// customer-codecs/magento-csv: write a record as Magento's two import files, read them back.
const main = new PassThrough();
const addresses = new PassThrough();
const [mainText, addressText] = [text(main), text(addresses)];
const withAddress = {
  ...record,
  addresses: [{ firstname: 'Tom', lastname: 'Baker', street: ['1 Main St'], city: 'Sydney', postcode: '2000', country_id: 'AU', telephone: '0298765432', default_billing: true }],
};
const writer = createMagentoCsvWriter(main, addresses);
writer.write(withAddress);
await writer.end();
const files = [await mainText, await addressText];
assert.match(files[0], /^email,/);
const items = [];
for await (const item of readMagentoCsv(Readable.from([files[0]]), { addresses: Readable.from([files[1]]) })) items.push(item);
assert.equal(items.length, 1);
assert.equal(items[0].record.email, record.email);
assert.equal(items[0].record.addresses[0].city, 'Sydney');
assert.equal(typeof readMagentoCompositeCsv, 'function');
assert.ok(Array.isArray(magentoCsvLosses(withAddress)));
assert.deepEqual(require('customer-codecs/magento-csv').magentoCsvLosses(withAddress), magentoCsvLosses(withAddress));

// customer-codecs/schemas/*.json
const schema = require('customer-codecs/schemas/magento.record.json');
assert.equal(typeof schema, 'object');
assert.ok(import.meta.resolve('customer-codecs/schemas/customer.json').endsWith('/schemas/customer.json'));
console.log('ESM import ok');
