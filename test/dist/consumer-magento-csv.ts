// Type-checks the built declarations of `customer-codecs/magento-csv` as a consumer sees them (run by
// .ci/run after `npm run build`; its own tsconfig, since this entry's API takes Node streams).
import { Readable } from 'node:stream';
import { ConversionError } from 'customer-codecs';
import { createMagentoCsvWriter, magentoCsvLosses, readMagentoCsv, type MagentoCsvItem, type MagentoCsvWriter } from 'customer-codecs/magento-csv';

async function firstLine(csv: string, addresses: string): Promise<number | undefined> {
  for await (const item of readMagentoCsv(Readable.from([csv]), { addresses: Readable.from([addresses]) })) {
    const it: MagentoCsvItem = item;
    return it.line;
  }
  return undefined;
}
const writer: MagentoCsvWriter = createMagentoCsvWriter(process.stdout, process.stderr, { attributes: { customer: ['loyalty_tier'] } });
const paths: (string | number)[][] = magentoCsvLosses({ email: 'a@b.co' }).map((l) => l.path);
// @ts-expect-error: website codes map to ids (numbers)
readMagentoCsv(Readable.from(['']), { websites: { base: 'one' } });
void [firstLine, writer, paths, ConversionError];
