import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { fieldTokens } from './search';

// The sidebar is written with the generated pages (scripts/site.ts, `npm run docs:gen`) from the
// platform registry, so a platform added there appears here with no change to this file.
const generated = fileURLToPath(new URL('./generated/sidebar.json', import.meta.url));
if (!existsSync(generated)) throw new Error('docs/.vitepress/generated/sidebar.json is missing: run `npm run docs:gen` (docs:dev and docs:build run it)');
const sidebar = JSON.parse(readFileSync(generated, 'utf8')) as DefaultTheme.SidebarItem[];

/** The base path the site is served under (`/customer-codecs/` on GitHub Pages; `DOCS_BASE=/` for a local build). */
const base = process.env.DOCS_BASE ?? '/customer-codecs/';

export default defineConfig({
  title: 'customer-codecs',
  description: 'Convert e-commerce customer and address records between platforms, and see exactly what each conversion loses.',
  base,
  cleanUrls: true,
  lastUpdated: false,
  // docs/performance.md is shown as reference/performance (generated from it, with its text made literal);
  // docs/mappings/ are the platform pages.
  srcExclude: ['**/README.md', 'performance.md'],
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/guide/getting-started' },
      { text: 'Playground', link: '/playground' },
      { text: 'Codes', link: '/reference/codes' },
      { text: 'Coverage', link: '/reference/coverage' },
    ],
    sidebar,
    // Excerpts shown with each result, so a field name is seen where it was found; field names indexed
    // whole and by parts (./search.ts; the theme reads queries the same way).
    search: { provider: 'local', options: { detailedView: true, miniSearch: { options: { tokenize: fieldTokens } } } },
    outline: { level: [2, 3] },
  },
  vite: {
    // The library's own sources (src/) are imported by the playground; they hold no Node built-in.
    server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
    build: { chunkSizeWarningLimit: 2000 },
  },
});
