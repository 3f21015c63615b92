// The README's, the guide pages' (docs/guide/, where the reference text moved from the README) and
// package.json's promises about the package, checked against the sources (the built
// package is checked by test/dist/exports.test.ts and, in CI, test/dist/smoke.mjs / smoke.cjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as main from '../../src/index.js';
import * as magentoCsv from '../../src/magento-csv.js';
import tsup from '../../tsup.config.js';

const root = resolve(import.meta.dirname, '../..');
const guide = resolve(root, 'docs/guide');
/** The README and the guide pages: every code block a user copies from. */
const readme = [resolve(root, 'README.md'), ...readdirSync(guide).filter((f) => f.endsWith('.md')).map((f) => resolve(guide, f))]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const library = readFileSync(resolve(guide, 'library.md'), 'utf8');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
  repository?: { url: string };
  homepage?: string;
  bugs?: { url: string };
  allowScripts?: Record<string, boolean>;
  typesVersions?: Record<string, Record<string, string[]>>;
};
const entries: Record<string, Record<string, unknown>> = { 'customer-codecs': main, 'customer-codecs/magento-csv': magentoCsv };

/** Every `import { … } from '<specifier>'` in the README's code blocks, value imports only. */
function readmeImports(): [string, string][] {
  const found: [string, string][] = [];
  for (const m of readme.matchAll(/^import (type )?\{([^}]*)\} from '([^']+)';/gm)) {
    if (m[1]) continue;
    for (const name of m[2]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))) found.push([m[3]!, name]);
  }
  return found;
}

describe('the README and the guide import only what the package exports', () => {
  const imports = readmeImports();

  it('finds the imports (of both entries) in the README and the guide', () => {
    expect(new Set(imports.map(([from]) => from))).toEqual(new Set(Object.keys(entries)));
  });

  it.each(imports)('%s exports %s', (from, name) => {
    expect(entries[from], `${from} is not an entry of the package`).toBeDefined();
    expect(entries[from]![name], `${name} is not exported by ${from}`).toBeDefined();
  });

  it('every function the "Magento CSV" section of the library guide lists is exported by customer-codecs/magento-csv', () => {
    const section = library.slice(library.indexOf('## Magento CSV'));
    const listed = [...section.slice(0, section.indexOf('Readers yield')).matchAll(/^(\w+)\(/gm)].map((m) => m[1]!);
    expect(listed).toEqual(['readMagentoCsv', 'readMagentoCompositeCsv', 'createMagentoCsvWriter', 'magentoCsvLosses']);
    for (const name of listed) expect(typeof magentoCsv[name as keyof typeof magentoCsv]).toBe('function');
  });
});

describe('package.json', () => {
  const builds = (Array.isArray(tsup) ? tsup : [tsup]) as { entry?: Record<string, string>; format?: string[]; dts?: boolean }[];
  const library = builds.find((b) => b.dts)!;

  it('exports each library entry tsup builds, as ESM and CJS with types for each', () => {
    expect(library.format).toEqual(['esm', 'cjs']);
    for (const name of Object.keys(library.entry!)) {
      const key = name === 'index' ? '.' : `./${name}`;
      expect(pkg.exports[key]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    expect(Object.keys(library.entry!)).toEqual(['index', 'magento-csv']);
    // TypeScript's node10 resolution reads no `exports`: typesVersions gives it each subpath's types.
    const subpaths = Object.keys(library.entry!).filter((name) => name !== 'index');
    expect(pkg.typesVersions).toEqual({ '*': Object.fromEntries(subpaths.map((name) => [name, [`./dist/${name}.d.ts`]])) });
    expect(library.entry!['magento-csv']).toBe('src/magento-csv.ts');
  });

  it('exports the JSON Schemas, which it ships', () => {
    expect(pkg.exports['./schemas/*.json']).toBe('./schemas/*.json');
    expect(pkg.files).toContain('schemas');
    expect(readdirSync(resolve(root, 'schemas')).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0);
  });

  it('names the repository, so that the README links into docs/ resolve on the registry page', () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    const repo = pkg.repository!.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(pkg.homepage).toBe(`${repo}#readme`);
    expect(pkg.bugs?.url).toBe(`${repo}/issues`);
    for (const [, target] of readme.matchAll(/\]\(((?:docs|examples|schemas)\/[^)#]*)/g)) expect(existsSync(resolve(root, target!)), target).toBe(true);
  });
});

describe('npm ci prints no install-script warning', () => {
  it('every package of the lockfile with an install script is approved or denied in allowScripts (npm 11)', () => {
    const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 13));
    expect(withScripts).toContain('esbuild');
    for (const name of withScripts) expect(pkg.allowScripts?.[name], name).toBeTypeOf('boolean');
  });
});

describe('error classes are recognised across copies of the library (the ESM and CJS builds)', () => {
  async function otherCopy() {
    vi.resetModules();
    return (await import('../../src/index.js')) as typeof main;
  }
  const thrown = (call: () => unknown): unknown => {
    try {
      call();
    } catch (error) {
      return error;
    }
    throw new Error('expected a throw');
  };

  it('an error of another copy is instanceof this copy\'s class, and of no other error class of it', async () => {
    const other = await otherCopy();
    expect(other.ConversionError).not.toBe(main.ConversionError);
    const conversion = thrown(() => other.convert({}, { from: 'magento', to: 'medusa' }));
    const platform = thrown(() => other.decode('shopify' as never, {}));
    const option = thrown(() => other.convert({}, { from: 'magento' } as never));
    expect([conversion instanceof main.ConversionError, conversion instanceof main.InvalidOptionError, conversion instanceof main.UnknownPlatformError]).toEqual([true, false, false]);
    expect([platform instanceof main.UnknownPlatformError, platform instanceof main.ConversionError]).toEqual([true, false]);
    expect([option instanceof main.InvalidOptionError, option instanceof main.UnknownPlatformError]).toEqual([true, false]);
    expect(thrown(() => main.convert({}, { from: 'magento', to: 'medusa' })) instanceof other.ConversionError).toBe(true);
    expect(conversion instanceof Error).toBe(true);
  });

  it('nothing else passes for one: plain errors, look-alikes by name, primitives', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'ConversionError', issues: [] });
    for (const value of [lookAlike, new Error('x'), {}, null, undefined, 'ConversionError', 1]) {
      expect(value instanceof main.ConversionError).toBe(false);
    }
  });

  it('the brand is the registered symbol, not enumerable, so errors print and compare as before', () => {
    const error = thrown(() => main.convert({}, { from: 'magento', to: 'medusa' })) as main.ConversionError;
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect((main.ConversionError.prototype as unknown as Record<symbol, unknown>)[Symbol.for('customer-codecs.ConversionError')]).toBe(true);
    expect(Object.keys(error)).toEqual(['issues', 'name']);
  });

  it('a subclass answers instanceof by its own prototype chain', () => {
    class Mine extends main.ConversionError {}
    expect(new Mine([]) instanceof Mine).toBe(true);
    expect(new main.ConversionError([]) instanceof Mine).toBe(false);
    expect(new Mine([]) instanceof main.ConversionError).toBe(true);
  });
});
