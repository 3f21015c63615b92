// Imports the built package by name as ESM (run by .ci/run after `npm run build`).
import assert from 'node:assert/strict';
import { convert, platforms, ConversionError } from 'customer-codecs';

assert.deepEqual(platforms, ['magento', 'medusa', 'v4', 'enterprise-v1']);
const record = { email: 'tom.baker@example.org', firstname: 'Tom', lastname: 'Baker', website_id: 1 };
const { data, losses } = convert(record, { from: 'magento', to: 'medusa' });
assert.equal(data.email, 'tom.baker@example.org');
assert.ok(losses.some((l) => l.path[0] === 'website_id'));
assert.throws(() => convert({}, { from: 'magento', to: 'medusa' }), ConversionError);
console.log('ESM import ok');
