// @custom-elements-manifest/analyzer: `npm run analyze` writes ./custom-elements.json from the
// JSDoc headers of the elements (@slot, @csspart, @cssproperty, @fires, @event). Nobody edits it
// by hand; scripts/check-manifest.mjs fails the tests when the committed file is stale.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'test/**', 'stories/**'],
  outdir: '.',
  litelement: true,
  // Describe only this package's elements, not those of its dependencies.
  dependencies: false,
  // package.json already names the manifest ("customElements"); the analyzer must not rewrite it
  // (with another --outdir, as check-manifest uses, it would point it at a temp dir).
  packagejson: false,
};
