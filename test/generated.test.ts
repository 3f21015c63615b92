import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMappingDocs, renderSchemas } from '../scripts/render.js';

const root = join(import.meta.dirname, '..');
const read = (dir: string, name: string): string | undefined => {
  try {
    return readFileSync(join(root, dir, name), 'utf8');
  } catch {
    return undefined;
  }
};

describe('generated artefacts are up to date with their source', () => {
  it.each([...renderSchemas()])('schemas/%s (run `npm run schemas`)', (name, content) => {
    expect(read('schemas', name)).toBe(content);
  });
  it.each([...renderMappingDocs()])('docs/mappings/%s (run `npm run docs:mappings`)', (name, content) => {
    expect(read('docs/mappings', name)).toBe(content);
  });
});
