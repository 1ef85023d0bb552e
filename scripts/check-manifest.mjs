// Fails when custom-elements.json is not what `npm run analyze` would write from src/ now.
// (In CI, on a fresh clone, the working-tree file is the committed one.)
// Passes, with a note, while no element exists yet.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const MANIFEST = 'custom-elements.json';

/** Element modules: src/elements/<tag>/<tag>.ts */
export function elementModules(root = 'src/elements') {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, `${d.name}.ts`)))
    .map((d) => join(root, d.name, `${d.name}.ts`));
}

/**
 * The manifest with its modules in path order: the analyzer lists them in the order its file glob
 * returns them, which is not guaranteed to be the same from one run or checkout to the next.
 */
function normalized(text) {
  try {
    const manifest = JSON.parse(text);
    if (Array.isArray(manifest.modules)) manifest.modules.sort((a, b) => String(a.path).localeCompare(String(b.path)));
    return JSON.stringify(manifest);
  } catch {
    return text; // not JSON: compared as it is, and reported as out of date
  }
}

function main() {
  const elements = elementModules();
  if (elements.length === 0) {
    console.log('check-manifest: no elements in src/elements yet; nothing to check.');
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'libgo-cem-'));
  try {
    // The analyzer joins --outdir onto the working directory, so pass it relative.
    const result = spawnSync(
      process.execPath,
      ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(process.cwd(), dir), '--quiet'],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) {
      console.error('check-manifest: the analyzer failed.');
      return 1;
    }
    const fresh = readFileSync(join(dir, MANIFEST), 'utf8');
    if (!existsSync(MANIFEST)) {
      console.error(`check-manifest: ${MANIFEST} is missing. Run \`npm run analyze\` and commit it.`);
      return 1;
    }
    if (normalized(readFileSync(MANIFEST, 'utf8')) !== normalized(fresh)) {
      console.error(`check-manifest: ${MANIFEST} is out of date with src/elements. Run \`npm run analyze\` and commit it.`);
      return 1;
    }
    console.log(`check-manifest: ${MANIFEST} is up to date (${elements.length} element module(s)).`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
