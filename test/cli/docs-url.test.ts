// --docs-url: the summary links each loss and issue code the run met to its docs page; the report
// always holds the links (the published site unless --docs-url says otherwise).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS_URL } from '../../src/cli/report.js';
import { cli, read, root, scratch, write } from './run.js';

const { dir, remove } = scratch();
afterAll(remove);

interface Report {
  losses: { byCode: Record<string, number> };
  rejects: { byCode: Record<string, number> };
  docs: Record<string, string>;
}

// The bundled Magento export and one line that is no record: losses and a reject with an issue code.
const input = write(dir, 'in.ndjson', `${readFileSync(join(root, 'examples/export/magento-customers.ndjson'), 'utf8')}{"email": 5}\n`);

describe('--docs-url', () => {
  it('prints a link for every loss and issue code of the run, at BASE/reference/codes#code', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', input, '-o', 'a.ndjson', '--report', 'a.json', '--docs-url', 'https://docs.example.test/cc'], dir);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(read(dir, 'a.json')) as Report;
    const codes = [...new Set([...Object.keys(report.losses.byCode), ...Object.keys(report.rejects.byCode)])].sort();
    expect(codes.length).toBeGreaterThan(2);
    expect(Object.keys(report.rejects.byCode).length).toBeGreaterThan(0);
    const printed = run.stderr.split('\n').filter((l) => l.startsWith('  docs: '));
    expect(printed).toEqual(codes.map((c) => `  docs: ${c} https://docs.example.test/cc/reference/codes#${c}`));
    expect(report.docs).toEqual(Object.fromEntries(codes.map((c) => [c, `https://docs.example.test/cc/reference/codes#${c}`])));
  });

  it('without it, the summary prints no links and the report links to the published site', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', input, '-o', 'b.ndjson', '--report', 'b.json'], dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('docs: ');
    const report = JSON.parse(read(dir, 'b.json')) as Report;
    expect(Object.values(report.docs).length).toBeGreaterThan(2);
    for (const [code, url] of Object.entries(report.docs)) expect(url).toBe(`${DOCS_URL}reference/codes#${code}`);
  });

  it('an empty BASE is a usage error', async () => {
    const run = await cli(['convert', '--from', 'magento', '--to', 'v4', input, '--dry-run', '--docs-url', ''], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--docs-url');
  });
});
