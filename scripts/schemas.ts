import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemas } from './render.js';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, content] of renderSchemas()) writeFileSync(join(dir, name), content);
console.log(`wrote ${renderSchemas().size} JSON Schema files to schemas/`);
