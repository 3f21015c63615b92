// Type-checks the built declarations as a consumer sees them (run by .ci/run after `npm run build`).
import { convert, type Customer, type RecordOf } from 'customer-codecs';

const out: RecordOf<'medusa'> = convert({}, { from: 'magento', to: 'medusa' }).data;
const email: string = out.email;
const c: Customer = { email };
// @ts-expect-error: unknown platform ids do not compile
convert(c, { from: 'shopify', to: 'medusa' });
