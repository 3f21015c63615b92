// The docs site in a real browser: builds it once (npm run docs:build, base /customer-codecs/ as
// published), serves docs/.vitepress/dist on a free localhost port, and drives Debian's Chromium with
// playwright-core through the home page, a pair page's table, the playground and the local search.
// Screenshots of each go to .tmp/screenshots/ (printed). Chromium missing is a failure, never a skip.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platforms, safeConvert } from '../src/index.js';
import { pairPage } from '../docs/.vitepress/anchors.js';
import { shopDefaults, unionMembers } from '../scripts/site.js';
import { codeUrl } from '../src/cli/report.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'docs', '.vitepress', 'dist');
const shots = join(root, '.tmp', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = '/customer-codecs/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** A static server for the built site under BASE, with VitePress's clean URLs (`/x` serves `x.html`). */
function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(BASE.length))).replace(/^(\.\.[/\\])+/, '');
    const candidates = [rel, `${rel}.html`, join(rel, 'index.html')].map((c) => join(dist, c));
    const file = candidates.find((c) => c.startsWith(dist) && existsSync(c) && statSync(c).isFile());
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
let browser: Browser;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the docs site test drives a real browser. Install Debian's package ` +
        '(`apt-get update && apt-get install -y chromium`, as root) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  // One build of the site, exactly as `npm run docs:build` makes it (generated pages included).
  await promisify(execFile)('npm', ['run', 'docs:build'], { cwd: root, env: { ...process.env, DOCS_BASE: BASE }, maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(shots, { recursive: true });
  console.log(`docs site screenshots: ${shots}`);
  server = await serve();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}${BASE}${path}`, { waitUntil: 'networkidle' });
  expect(errors).toEqual([]);
  return page;
}

describe('docs site (built, served, in Chromium)', () => {
  it('has a page for every platform and every pair of the registry, and an anchor for every code', () => {
    for (const p of platforms) expect(existsSync(join(dist, 'mappings', `${p}.html`)), p).toBe(true);
    for (const a of platforms) for (const b of platforms) if (a !== b) expect(existsSync(join(dist, `${pairPage(a, b)}.html`)), `${a} -> ${b}`).toBe(true);
    const codes = readFileSync(join(dist, 'reference', 'codes.html'), 'utf8');
    const all = [...unionMembers('src/core/issues.ts', 'LossCode'), ...unionMembers('src/core/issues.ts', 'IssueCode')];
    expect(all.length).toBeGreaterThan(20);
    for (const { code, doc } of all) {
      expect(codes, code).toContain(`id="${code}"`);
      expect(doc, `${code} has a doc comment`).not.toBe('');
    }
    for (const page of ['index', 'guide/getting-started', 'playground', 'reference/coverage', 'reference/cli', 'reference/api', 'reference/performance'])
      expect(existsSync(join(dist, `${page}.html`)), page).toBe(true);
    expect(readFileSync(join(dist, 'reference', 'cli.html'), 'utf8')).toContain('--platform-options');
    expect(readFileSync(join(dist, 'reference', 'api.html'), 'utf8')).toContain('safeConvert');
    expect(readdirSync(join(dist, 'pairs')).length).toBe(platforms.length * (platforms.length - 1));
  });

  it('every loss the library reports on an example record is on its pair page, in the row of its field, with its code', () => {
    let checked = 0;
    for (const from of platforms) {
      const file = join(root, 'examples', `${from}.json`);
      if (!existsSync(file)) continue;
      for (const to of platforms.filter((p) => p !== from)) {
        const html = readFileSync(join(dist, `${pairPage(from, to)}.html`), 'utf8');
        const rows = html.split('<tr>').slice(1);
        for (const record of JSON.parse(readFileSync(file, 'utf8')) as unknown[]) {
          const result = safeConvert(record, { from, to, defaults: shopDefaults(to) });
          if (!result.success) continue;
          for (const loss of result.losses) {
            const general = loss.path.map((k) => (typeof k === 'number' ? '*' : k)).join('.');
            const row = rows.find((r) => r.includes(`<code>${general}</code></td>`));
            expect(row, `${from} -> ${to}: a row for ${general}`).toBeDefined();
            expect(row, `${from} -> ${to}: ${general} is ${loss.code}`).toContain(`#${loss.code}"`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('home page', async () => {
    const page = await open('');
    await expect(page.locator('.VPHero .name').textContent()).resolves.toContain('customer-codecs');
    expect(await page.locator('.VPSidebar, .VPNav').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '1-home.png') });
    await page.close();
  });

  it('a pair page: the Magento to Medusa table', async () => {
    const page = await open(pairPage('magento', 'medusa'));
    const rows = page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(20);
    const email = page.locator('tr', { has: page.locator('#f-email') });
    await expect(email.textContent()).resolves.toMatch(/email.*email.*carried/);
    await page.locator('#f-addresses-n-telephone').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '2-pair-magento-to-medusa.png') });
    await page.close();
    // The link the CLI prints for a code (--docs-url) lands on that code's entry.
    const codes = await open(codeUrl(BASE, 'not_representable').slice(BASE.length));
    await expect(codes.locator('h3#not_representable').isVisible()).resolves.toBe(true);
    await codes.close();
  });

  it('the playground converts a Magento example to Medusa and shows its losses', async () => {
    const example = (JSON.parse(readFileSync(join(root, 'examples', 'magento.json'), 'utf8')) as unknown[])[0];
    const expected = safeConvert(example, { from: 'magento', to: 'medusa', defaults: shopDefaults('medusa') });
    if (!expected.success) throw new Error('the first Magento example does not convert to Medusa');
    const before = requests.length;
    const page = await open('playground');
    await page.locator('[data-testid=from]').selectOption('v4');
    await page.locator('[data-testid=from]').selectOption('magento');
    await page.locator('[data-testid=to]').selectOption('medusa');
    await page.locator('[data-testid=example]').selectOption('0');
    const losses = page.locator('[data-testid=losses] li');
    await expect.poll(() => losses.count()).toBe(expected.losses.length);
    expect(expected.losses.length).toBeGreaterThan(0);
    const target = JSON.parse((await page.locator('[data-testid=target]').first().textContent()) ?? '') as unknown;
    expect(target).toEqual(expected.data);
    const first = expected.losses[0];
    await expect(losses.first().textContent()).resolves.toContain(first?.code);
    const href = await losses.first().locator('a').nth(1).getAttribute('href');
    expect(href).toContain(`${BASE}${pairPage('magento', 'medusa')}#f-`);
    await expect(page.locator('[data-testid=private]').textContent()).resolves.toContain('Nothing leaves this page');
    await page.screenshot({ path: join(shots, '3-playground-magento-to-medusa.png'), fullPage: true });
    // A pasted record that is not valid shows its issues, not a target record.
    await page.locator('[data-testid=input]').fill('{"email": 5}');
    await expect.poll(() => page.locator('[data-testid=issues] li').count()).toBeGreaterThan(0);
    // Nothing left the page: every request went to the site itself.
    expect(requests.slice(before).filter((u) => !u.startsWith(origin))).toEqual([]);
    await page.close();
  });

  it('local search finds a field name: region_id', async () => {
    const page = await open('');
    await page.locator('.VPNavBarSearch button').first().click();
    await page.locator('.VPLocalSearchBox input').fill('region_id');
    const results = page.locator('.VPLocalSearchBox .results li');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    // The first result's excerpt holds the field name whole (VitePress marks the match).
    await expect.poll(async () => page.locator('.VPLocalSearchBox .results li').first().locator('mark').allTextContents()).toContain('region_id');
    await page.screenshot({ path: join(shots, '4-search-region_id.png') });
    await page.close();
  });
});
