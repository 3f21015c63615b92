// Converts each bundled example record (examples/<platform>.json) to every other shape and prints
// the result summary with every loss. Run with `npm run example` (add `-- --json` for full output).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platforms, safeConvert, type PlatformId } from '../src/index.js';
import { registry } from '../src/platforms/index.js';

// Shop-specific ids no other platform can supply, as each platform declares them (`shopValues`):
// what a migration passes as `defaults`.
const defaults = (to: PlatformId): Record<string, unknown> =>
  Object.fromEntries((registry[to].shopValues ?? []).map((v) => [v.key, v.example]));

const full = process.argv.includes('--json');
const fmtPath = (path: (string | number)[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').slice(1) || '(root)';

for (const from of platforms) {
  const file = join(import.meta.dirname, '..', 'examples', `${from}.json`);
  if (!existsSync(file)) continue;
  const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  records.forEach((record, i) => {
    console.log(`\n${from} example ${i + 1} (${String(record.email ?? 'no email')})`);
    for (const to of platforms.filter((p) => p !== from)) {
      const result = safeConvert(record, { from, to, defaults: defaults(to) });
      if (!result.success) {
        console.log(`  -> ${to}: not converted`);
        for (const issue of result.error.issues) console.log(`       ${issue.code.padEnd(18)} ${fmtPath(issue.path)}: ${issue.message}`);
        continue;
      }
      const carried = result.losses.filter((l) => l.code === 'carried').length;
      const lost = result.losses.length - carried;
      console.log(`  -> ${to}: converted; ${lost} value(s) not in the target${carried ? `, ${carried} carried in its metadata` : ''}`);
      for (const loss of result.losses) console.log(`       ${loss.code.padEnd(18)} ${fmtPath(loss.path)}: ${loss.message}`);
      if (full) console.log(JSON.stringify(result.data, null, 2).replace(/^/gm, '       '));
    }
  });
}
