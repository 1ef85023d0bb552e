/* global process */
// Resolves `libgo-vm-elements` and its subpaths for the example builds the way a host app's
// bundler would resolve the installed package: through the `exports` map of a package.json.
// By default that is the repository itself (its built dist/); the example test points
// LIBGO_PACKAGE_DIR at the `npm pack` tarball installed into a temp project instead, so the
// examples are built against the package exactly as published.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The directory of the package the examples build against. */
export function packageDir() {
  return resolve(process.env.LIBGO_PACKAGE_DIR || repoRoot);
}

/** `{ 'libgo-vm-elements': '/abs/dist/index.js', 'libgo-vm-elements/react': … }` from `exports`. */
export function packageEntries(dir = packageDir()) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = {};
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue; // package.json, custom-elements.json
    const abs = join(dir, file);
    if (!existsSync(abs)) {
      throw new Error(`${pkg.name}${subpath.slice(1)} → ${abs} does not exist: run \`npm run build\` first.`);
    }
    entries[`${pkg.name}${subpath.slice(1)}`] = abs;
  }
  return entries;
}

/** Vite `resolve.alias` entries: exact matches only, so `libgo-vm-elements/react` is not `…/index.js/react`. */
export function viteAliases(dir = packageDir()) {
  return Object.entries(packageEntries(dir))
    .sort(([a], [b]) => b.length - a.length)
    .map(([name, file]) => ({ find: new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}$`), replacement: file }));
}
