// Requires the built package by name as CommonJS (run by .ci/run after `npm run build`).
const assert = require('node:assert/strict');
const { decode, encode } = require('customer-codecs');

const record = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };
assert.deepEqual(encode('magento', decode('magento', record).data).data, record);
console.log('CJS require ok');
