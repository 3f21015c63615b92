// The identity pipeline the CLI is measured against: the same NDJSON file streamed line by line
// through JSON.parse + JSON.stringify only, written to a file. Prints {records, seconds, maxRssMiB}.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output] = process.argv.slice(2);
const start = performance.now();
const out = createWriteStream(output);
let records = 0;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (line.length === 0) continue;
  if (!out.write(`${JSON.stringify(JSON.parse(line))}\n`)) await new Promise((r) => out.once('drain', r));
  records++;
}
await new Promise((r) => out.end(r));
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ records, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
