// `npm run test:package`: the package as published. Builds dist/ if stale, `npm pack`s it, installs
// the tarball into a fresh temp project (offline, from the npm cache) and checks:
//   a. the tarball's contents (dist/, custom-elements.json, README, package.json; no tests, stories,
//      server, sources, source maps or node_modules);
//   b. every `exports` entry resolves in Node and has its .d.ts; the DOM-free entries import in Node;
//   c. esbuild bundles an app importing the main entries from the installed package;
//   d. tsc typechecks host code against the installed types (tag map, typed events, React props);
//   e. vue-tsc typechecks the Vue example against them too.
//   f. `npm pack` in a clean copy of the sources (no dist/) builds first (`prepack`) and ships dist/.
// React (c), Vue and vue-tsc (e) are the example apps' own (npm workspaces under examples/).
// One line per check, then exactly "N passed, N failed"; exit 1 if anything failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from '../test/embedding/harness.mjs';
import { checkReport } from './check-report.mjs';

const checks = checkReport();
async function check(name, fn) {
  try {
    checks.report(name, true, await fn());
  } catch (error) {
    checks.report(name, false, String(error.message ?? error).trim().split('\n').slice(0, 12).join('\n     '));
  }
}

/** `npm pack --json`'s answer; lifecycle scripts (prepack) may print before it. */
const packJson = (stdout) => JSON.parse(stdout.slice(stdout.search(/^\[/m)));

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'libgo-package-'));
const project = join(scratch, 'host-app');
const installed = join(project, 'node_modules', pkg.name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** The directory of `name` as the example app `app` (an npm workspace, examples/<app>) installs it. */
const exampleDep = (app, name) => dirname(createRequire(join(repoRoot, 'examples', app, 'package.json')).resolve(`${name}/package.json`));

try {
  ensureBuilt();

  let tarball, files;
  await check('npm pack', () => {
    const out = packJson(run('npm', ['pack', '--json', '--pack-destination', scratch], repoRoot));
    tarball = join(scratch, out[0].filename);
    files = out[0].files.map((f) => f.path);
    return `${out[0].filename}, ${files.length} files, ${(out[0].size / 1024).toFixed(0)} KiB packed`;
  });

  await check('a. tarball has dist/, custom-elements.json, README.md, package.json', () => {
    const missing = ['package.json', 'README.md', 'custom-elements.json', 'dist/index.js', 'dist/index.d.ts', 'dist/browser/libgo-vm-elements.js'].filter((f) => !files.includes(f));
    if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  });

  await check('a. tarball has no tests, stories, server, sources, maps or node_modules', () => {
    const bad = files.filter(
      (f) =>
        /^(test|tests|stories|server|src|bench|demo|scripts|examples|\.storybook)\//.test(f) ||
        /(^|\/)node_modules\//.test(f) ||
        /\.(test|spec|stories)\.[cm]?[jt]sx?$/.test(f) ||
        /\.map$/.test(f) ||
        (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)),
    );
    if (bad.length) throw new Error(`should not be packed: ${bad.slice(0, 20).join(', ')}${bad.length > 20 ? ', …' : ''}`);
  });

  await check('a. no sourceMappingURL pointing outside the package', () => {
    const offenders = [];
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(repoRoot, f), 'utf8');
      const m = /\/\/# sourceMappingURL=(\S+)/.exec(text);
      if (m && !m[1].startsWith('data:')) offenders.push(`${f} → ${m[1]}`);
    }
    if (offenders.length) throw new Error(offenders.slice(0, 10).join(', '));
  });

  await check('install the tarball into a fresh project (offline)', () => {
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host-app', private: true, type: 'module' }, null, 2));
    const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
    let r = spawnSync('npm', [...args, '--offline'], { cwd: project, encoding: 'utf8' });
    let mode = '--offline';
    if (r.status !== 0) {
      mode = '--prefer-offline (offline failed)';
      r = spawnSync('npm', [...args, '--prefer-offline'], { cwd: project, encoding: 'utf8' });
    }
    if (r.status !== 0) throw new Error(r.stderr);
    if (!existsSync(join(installed, 'package.json'))) throw new Error('not installed');
    return mode;
  });

  const entries = Object.entries(pkg.exports);
  const nodeImportable = new Set(['./hub', './transport', './localize', './package.json', './custom-elements.json']);
  const req = createRequire(join(project, 'index.js'));
  for (const [subpath, target] of entries) {
    const specifier = `${pkg.name}${subpath.slice(1)}`;
    await check(`b. ${specifier} resolves${typeof target === 'object' ? ' and has its .d.ts' : ''}`, async () => {
      // ESM resolution from inside the host project (the "default" condition), in a child Node.
      const resolved = run(process.execPath, ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`], project).trim();
      if (!resolved.startsWith(pathToFileURL(installed).href + '/')) throw new Error(`resolved to ${resolved}, not the installed package`);
      if (!existsSync(new URL(resolved))) throw new Error(`${resolved} does not exist`);
      if (typeof target === 'object') {
        const types = join(installed, target.types);
        if (!existsSync(types)) throw new Error(`types ${target.types} missing`);
      }
      if (subpath.endsWith('.json')) req(specifier);
      return resolved.slice(resolved.indexOf('node_modules/') + 'node_modules/'.length);
    });
  }

  for (const subpath of [...nodeImportable].filter((s) => s in pkg.exports && !s.endsWith('.json'))) {
    const specifier = `${pkg.name}${subpath.slice(1)}`;
    await check(`b. import('${specifier}') in Node (no DOM at import time)`, () => {
      const code = `const m = await import(${JSON.stringify(specifier)}); if (!Object.keys(m).length) throw new Error('no exports'); console.log(Object.keys(m).length);`;
      const count = run(process.execPath, ['--input-type=module', '-e', code], project).trim();
      return `${count} exports`;
    });
  }

  await check('c. esbuild bundles a host app importing the package entries', async () => {
    const { build } = await import('esbuild');
    writeFileSync(
      join(project, 'app.js'),
      [
        `import { VmHub, VERSION } from '${pkg.name}';`,
        `import { VmConsole } from '${pkg.name}/vm-console';`,
        `import { VmDetail } from '${pkg.name}/react';`,
        `import { VmHub as HubOnly } from '${pkg.name}/hub';`,
        `import { createInPagePeer } from '${pkg.name}/testing';`,
        `console.log(VmHub === HubOnly, VERSION, VmConsole, VmDetail, createInPagePeer);`,
      ].join('\n'),
    );
    // React is an optional peer dependency: the host app brings it (here the React example's).
    const result = await build({
      entryPoints: [join(project, 'app.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: join(project, 'out'),
      platform: 'browser',
      nodePaths: [dirname(exampleDep('react', 'react'))],
      logLevel: 'silent',
      metafile: true,
    });
    const warnings = result.warnings.map((w) => `${w.id ?? ''} ${w.text}`);
    const inputs = Object.keys(result.metafile.inputs);
    if (!inputs.some((i) => i.includes(`node_modules/${pkg.name}/dist/`))) throw new Error('the installed package was not bundled');
    if (inputs.some((i) => !i.includes('node_modules') && i !== 'app.js' && !i.endsWith('/app.js'))) throw new Error(`bundled files outside node_modules: ${inputs.filter((i) => !i.includes('node_modules')).join(', ')}`);
    return `${Object.keys(result.metafile.outputs).length} output files${warnings.length ? `; ${warnings.length} warnings, e.g. ${warnings[0]}` : ', no warnings'}`;
  });

  await check('d. tsc typechecks host code against the installed types', () => {
    writeFileSync(
      join(project, 'host.ts'),
      `import '${pkg.name}';
import { VmDetail as VmDetailReact } from '${pkg.name}/react';
import type { VmDetail } from '${pkg.name}';
import { registerLocale, setLocale, type ShippedLocale } from '${pkg.name}/localize';
import { createElement } from 'react';

const el: VmDetail = document.createElement('vm-detail');
el.vmName = 'web-01';
el.addEventListener('vm-action-result', (e) => {
  const ok: boolean = e.detail.success;
  console.log(ok, e.detail.action);
});
document.querySelector('vm-console')?.getTranscript();
const shipped: ShippedLocale = 'de';
void setLocale(shipped);
registerLocale('fr', async () => ({ templates: { 'status.running': 'En marche' } }));
// @ts-expect-error the pseudo-locale is for the package's own tests, not shipped
const pseudo: ShippedLocale = 'en-XA';
createElement(VmDetailReact, { vmName: 'web-01', onActionResult: (e) => console.log(e.detail.success) });
// @ts-expect-error vmName is a string
createElement(VmDetailReact, { vmName: 42 });
`,
    );
    // React 19 with the tags themselves: the react entry brings their JSX types.
    writeFileSync(
      join(project, 'tags.tsx'),
      `import type {} from '${pkg.name}/react';
export const view = (
  <vm-connection server="https://libgo.example" console-worker>
    <vm-detail vm-name="web-01" onvm-action-result={(e) => console.log(e.detail.success, e.detail.via)} />
    <vm-metrics vm-name="web-01" compact series="cpu memory" />
  </vm-connection>
);
// @ts-expect-error vm-name is required on vm-detail
export const bad = <vm-detail />;
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true, noEmit: true, skipLibCheck: false, types: [], jsx: 'react-jsx',
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          paths: { react: [join(repoRoot, 'node_modules/@types/react')], 'react/jsx-runtime': [join(repoRoot, 'node_modules/@types/react/jsx-runtime')] },
        },
        files: ['host.ts', 'tags.tsx'],
      }),
    );
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  });

  await check('e. vue-tsc typechecks the Vue example (script and vm-* tags) against the installed types', () => {
    copyFileSync(join(repoRoot, 'examples/vue/src/App.vue'), join(project, 'App.vue'));
    // The same with a mistake, which must fail: proof that the check reads the package's types.
    const app = readFileSync(join(project, 'App.vue'), 'utf8');
    const broken = app.replace('const d = event.detail;', 'const d = event.detail;\nconst wrong: number = d.success;');
    // And in the template: a tab that does not exist (the tags are typed by `libgo-vm-elements/vue`).
    const brokenTemplate = app.replace('confirm-actions="stop restart"', 'confirm-actions="stop restart" tab="graphs"');
    if (broken === app || brokenTemplate === app) throw new Error('examples/vue/src/App.vue changed: update the mutations in this check');
    writeFileSync(join(project, 'Broken.vue'), broken);
    writeFileSync(join(project, 'BrokenTemplate.vue'), brokenTemplate);
    const tsconfig = (files) =>
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true, noEmit: true, skipLibCheck: true, types: [],
          paths: { vue: [exampleDep('vue', 'vue')] },
        },
        files,
      });
    const vueTsc = (config) => {
      writeFileSync(join(project, 'tsconfig.vue.json'), config);
      return spawnSync(process.execPath, [join(exampleDep('vue', 'vue-tsc'), 'bin/vue-tsc.js'), '-p', 'tsconfig.vue.json'], { cwd: project, encoding: 'utf8' });
    };
    const ok = vueTsc(tsconfig(['App.vue']));
    if (ok.status !== 0) throw new Error(ok.stdout + ok.stderr);
    const bad = vueTsc(tsconfig(['Broken.vue']));
    if (bad.status === 0 || !/boolean.*number|number.*boolean/i.test(bad.stdout + bad.stderr)) {
      throw new Error(`a type error in a .vue file went unnoticed: ${bad.stdout}${bad.stderr}`);
    }
    const badTemplate = vueTsc(tsconfig(['BrokenTemplate.vue']));
    if (badTemplate.status === 0 || !/"graphs"/.test(badTemplate.stdout + badTemplate.stderr)) {
      throw new Error(`a wrong attribute value on a vm-* tag went unnoticed: ${badTemplate.stdout}${badTemplate.stderr}`);
    }
    return 'App.vue clean; a wrong type in its script and a wrong tab in its template are caught';
  });

  await check('f. npm pack in a clean copy without dist/ builds and ships dist/', () => {
    // What a fresh clone holds: tracked and untracked-but-not-ignored files, so no dist/.
    const clean = join(scratch, 'clean-copy');
    const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot).split('\0').filter(Boolean);
    for (const f of listed) {
      const from = join(repoRoot, f);
      if (!existsSync(from)) continue; // deleted in the working tree
      mkdirSync(dirname(join(clean, f)), { recursive: true });
      copyFileSync(from, join(clean, f));
    }
    if (existsSync(join(clean, 'dist'))) throw new Error('the clean copy has a dist/ already');
    symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(clean, 'node_modules'), 'dir');
    const out = packJson(run('npm', ['pack', '--json', '--pack-destination', scratch], clean));
    const packed = out[0].files.map((f) => f.path);
    const missing = ['dist/index.js', 'dist/index.d.ts', 'dist/browser/libgo-vm-elements.js', 'dist/elements/vm-detail/vm-detail.define.js'].filter((f) => !packed.includes(f));
    if (missing.length) throw new Error(`the tarball packed from a clean copy lacks ${missing.join(', ')} (${packed.length} files)`);
    return `${packed.length} files, dist/ built by prepack`;
  });
} catch (error) {
  checks.report('setup', false, String(error.stack ?? error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

checks.finish();
