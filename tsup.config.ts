import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // iso-3166 ships only ESM: bundle its data so the CJS build can require the package.
  noExternal: ['iso-3166'],
});
