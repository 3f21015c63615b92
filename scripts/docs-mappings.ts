import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMappingDocs } from './render.js';

const dir = join(import.meta.dirname, '..', 'docs', 'mappings');
mkdirSync(dir, { recursive: true });
const files = renderMappingDocs();
for (const [name, content] of files) writeFileSync(join(dir, name), content);
console.log(`wrote ${files.size} mapping tables to docs/mappings/`);
