import { resolve } from 'node:path';
import { defineConfig } from 'tsup';

const library = resolve('src/index.ts');

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'magento-csv': 'src/magento-csv.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // The CLI build below writes into dist/ at the same time: its files are not this build's to clean.
    clean: ['!cli.js', '!cli.js.map', '!cli-worker.js', '!cli-worker.js.map'],
    sourcemap: true,
    target: 'node20',
    // iso-3166 ships only ESM: bundle its data so the CJS build can require the package.
    noExternal: ['iso-3166'],
  },
  {
    // The `customer-codecs` command (package `bin`) and its worker-thread entry: ESM only, not in
    // `exports`. They use the library through its public API, imported from the built package itself
    // (`import … from 'customer-codecs'`, a self-reference), so dist holds one copy of the library.
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
    format: ['esm'],
    clean: false,
    splitting: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: ['iso-3166'],
    esbuildPlugins: [
      {
        name: 'library-as-package',
        setup(build) {
          build.onResolve({ filter: /(^|\/)index\.js$/ }, (args) =>
            resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === library ? { path: 'customer-codecs', external: true } : undefined,
          );
        },
      },
    ],
  },
]);
