// @custom-elements-manifest/analyzer: `npm run analyze` writes ./custom-elements.json from the
// JSDoc headers of the elements (@slot, @csspart, @cssproperty, @fires, @event). Nobody edits it
// by hand; scripts/check-manifest.mjs fails the tests when the committed file is stale, and
// scripts/gen-typings.mjs writes the React and Vue typings from it.

/**
 * `@required` on a property: the element shows nothing useful without it (`vm-name` on a console).
 * The manifest schema has no word for that, so it is recorded as `"required": true` on the field
 * and its attribute, where the typings generator makes it a required prop.
 */
function requiredMembers() {
  const marked = new Set(); // "module path#class#member"
  return {
    name: 'libgo-required-members',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const tags = ts.getJSDocTags(member);
        if (member.name && tags.some((tag) => tag.tagName.getText() === 'required')) {
          marked.add(`${moduleDoc.path}#${node.name.getText()}#${member.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          for (const field of decl.members ?? []) {
            if (!marked.has(`${mod.path}#${decl.name}#${field.name}`)) continue;
            field.required = true;
            for (const attr of decl.attributes ?? []) if (attr.fieldName === field.name) attr.required = true;
          }
        }
      }
    },
  };
}

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
  plugins: [requiredMembers()],
};
