#!/usr/bin/env node
/**
 * The elements' translations: `xliff/<locale>.xlf` are what translators edit, `src/locales/*.ts`
 * are built from them by lit-localize (runtime mode) and loaded lazily by `registerLocale`.
 *
 *   node scripts/localize.mjs          extract new messages into the XLIFF files, write the
 *                                      pseudo-locale, build src/locales/
 *   node scripts/localize.mjs --check  fail if a message has no German translation, a German
 *                                      translation has no message, or src/locales/ is stale
 *
 * The pseudo-locale en-XA is for tests only (the package registers it nowhere): every message
 * bracketed, accented and about 40 % longer, so a hard-coded English word and a box too small for
 * a longer language both show.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', 'lit-localize');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const PSEUDO = 'en-XA';
const SHIPPED = config.targetLocales.filter((l) => l !== PSEUDO);

function litLocalize(command, cwd = root) {
  execFileSync(bin, [command, '--config', 'lit-localize.json'], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The trans-units of an XLIFF file: id → { source, target } (inner XML, placeholders kept). */
export function readUnits(xml) {
  const units = new Map();
  for (const m of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
    units.set(m[1], { source, target });
  }
  return units;
}

const ACCENTS = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/**
 * A message in the pseudo-locale: text accented, placeholders and XML entities untouched, about
 * 40 % longer, in brackets ("[Ŝţóþ ·····]") so a clipped end shows.
 */
export function pseudo(sourceXml) {
  const parts = sourceXml.split(/(<[^>]+>|&[a-z#0-9]+;)/g);
  let letters = 0;
  const out = parts
    .map((p, i) => {
      if (i % 2 === 1) return p;
      letters += p.length;
      return p.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c);
    })
    .join('');
  const pad = letters === 0 ? '' : ' ' + '·'.repeat(Math.max(1, Math.round(letters * 0.4) - 1));
  return `[${out}${pad}]`;
}

function writePseudo(dir) {
  const file = join(dir, 'xliff', `${PSEUDO}.xlf`);
  const xml = readFileSync(file, 'utf8');
  const filled = xml.replace(/(<trans-unit id="[^"]+"[^>]*>\s*<source>([\s\S]*?)<\/source>)(\s*<target>[\s\S]*?<\/target>)?/g, (_, head, source) => `${head}\n  <target>${pseudo(source)}</target>`);
  writeFileSync(file, filled);
}

/**
 * The built modules import `str` from @lit/localize: its whole runtime, and a module the first
 * paint shares, so a bundler splits chunks differently and the first paint grows (0.6 KB gzip
 * measured). The tag is three lines: written into each module, which then imports nothing. (For
 * the same reason messages hold no html`` template: see src/internal/rich-text.ts.)
 */
const STR_TAG = 'const str = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strTag: true as const, strings, values });';
function slimImports(dir) {
  const out = join(dir, 'src', 'locales');
  for (const f of readdirSync(out)) {
    const file = join(out, f);
    const text = readFileSync(file, 'utf8');
    if (/import \{html\} from 'lit'/.test(text)) throw new Error(`${f}: a message is an html\`\` template; use str\`\` and richText (src/internal/rich-text.ts)`);
    // lit-localize leaves XML entities in plain-text messages: "&lt;" would be shown as such.
    if (/&(lt|gt|amp|quot|apos);/.test(text)) throw new Error(`${f}: a message holds <, > or &, which lit-localize shows escaped; word it without them`);
    const slim = text.replace("import {str} from '@lit/localize';", STR_TAG);
    if (slim !== text) writeFileSync(file, slim);
  }
}

/** Runs extract and build in `dir`; returns nothing, leaves xliff/ and src/locales/ there. */
function generate(dir) {
  litLocalize('extract', dir);
  writePseudo(dir);
  litLocalize('build', dir);
  slimImports(dir);
}

function check() {
  // A scratch copy, so a check never rewrites what a developer is editing.
  const dir = mkdtempSync(join(tmpdir(), 'localize-check-'));
  try {
    for (const f of ['lit-localize.json', 'tsconfig.json', 'package.json']) cpSync(join(root, f), join(dir, f));
    for (const d of ['src', 'xliff']) if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    generate(dir);
    const problems = [];
    for (const locale of SHIPPED) {
      const units = readUnits(readFileSync(join(dir, 'xliff', `${locale}.xlf`), 'utf8'));
      const before = readUnits(readFileSync(join(root, 'xliff', `${locale}.xlf`), 'utf8'));
      for (const [id, u] of units) if (u.target === undefined || u.target.trim() === '') problems.push(`${locale}: message "${id}" ("${u.source}") has no translation`);
      for (const id of before.keys()) if (!units.has(id)) problems.push(`${locale}: "${id}" is translated but no message has that id any more`);
    }
    for (const f of readdirSync(join(dir, 'src', 'locales'))) {
      const mine = join(root, 'src', 'locales', f);
      if (!existsSync(mine) || readFileSync(mine, 'utf8') !== readFileSync(join(dir, 'src', 'locales', f), 'utf8')) {
        problems.push(`src/locales/${f} is not what the XLIFF files build: run node scripts/localize.mjs`);
      }
    }
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      console.error(`check:localize: ${problems.length} problem(s)`);
      process.exit(1);
    }
    console.log(`check:localize: ${SHIPPED.join(', ')} complete`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--check')) check();
else {
  generate(root);
  console.log(`xliff/ and src/locales/ written (${config.targetLocales.join(', ')})`);
}
