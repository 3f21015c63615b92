// Vitest global setup: the CLI tests run the built command (dist/cli.js), so build once when dist is
// missing or older than the sources; `npm test` then works on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const outputs = ['dist/index.js', 'dist/index.cjs', 'dist/magento-csv.js', 'dist/magento-csv.cjs', 'dist/cli.js', 'dist/cli-worker.js'];
const inputs = ['src', 'package.json', 'tsup.config.ts'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function setup(): void {
  const built = Math.min(...outputs.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : -Infinity)));
  const changed = Math.max(...inputs.map((f) => newest(join(root, f))));
  if (built >= changed) return;
  try {
    execSync('npm run build', { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}
