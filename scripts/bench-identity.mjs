// The pipelines the CLI is measured against: the same NDJSON file streamed line by line through
// JSON.parse + JSON.stringify only (`identity`), or also through the source platform's record schema
// (`validate`: the zod validation every conversion starts with, no conversion), written to a file.
// Prints {records, seconds, maxRssMiB}.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output, mode = 'identity', platform = 'magento'] = process.argv.slice(2);
// The record schema, through the public API: the input side of the platform's zod codec.
const schema = mode === 'validate' ? (await import('../dist/index.js')).schemaOf(platform) : undefined;
const start = performance.now();
const out = createWriteStream(output);
let records = 0;
let invalid = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (line.length === 0) continue;
  const value = JSON.parse(line);
  if (schema && !schema.safeParse(value).success) invalid++;
  if (!out.write(`${JSON.stringify(value)}\n`)) await new Promise((r) => out.once('drain', r));
  records++;
}
await new Promise((r) => out.end(r));
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ records, invalid, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
