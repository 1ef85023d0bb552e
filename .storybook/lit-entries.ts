import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Lit entry points that @storybook/web-components itself imports. */
const RENDERER_ENTRIES = ['lit', 'lit/directive-helpers.js'];

const BARE_LIT_IMPORT = /\bfrom\s+['"]((?:lit|@lit|@lit-labs)(?:\/[^'"]*)?)['"]/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/**
 * Every Lit-family module the stories can reach (read from the sources, so a new import is covered
 * the day it is written). Vite must pre-bundle all of them in its first pass: an entry found later
 * is optimised in a second pass with its own copy of Lit, and a page that already holds the first
 * copy then logs "Multiple versions of Lit loaded".
 */
export function litEntries(root: string): string[] {
  const found = new Set(RENDERER_ENTRIES);
  for (const dir of ['src', 'stories']) {
    for (const file of sourceFiles(resolve(root, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(BARE_LIT_IMPORT)) found.add(match[1]!);
    }
  }
  // @lit/react is for React hosts: nothing in Storybook's web-components renderer loads it.
  found.delete('@lit/react');
  return [...found].sort();
}
