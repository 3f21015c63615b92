// Writes the generated pages of the docs site (see scripts/site.ts) and the platform pages (docs/mappings/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderMappingDocs } from './render.js';
import { renderSite } from './site.js';

const docs = join(import.meta.dirname, '..', 'docs');
const files = new Map([...[...renderMappingDocs()].map(([name, content]) => [`mappings/${name}`, content] as const), ...renderSite()]);
for (const [name, content] of files) {
  mkdirSync(dirname(join(docs, name)), { recursive: true });
  writeFileSync(join(docs, name), content);
}
console.log(`wrote ${files.size} generated pages to docs/`);
