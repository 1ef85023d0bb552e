// What a host page built with a code-splitting bundler (esbuild: splitting, esm, minify) must load
// before an element can paint: the static import closure of the page's entry. Dynamic imports
// (xterm, Chart.js, the socket and REST code, lazy panels) are not in it. Shared by the size gate
// (scripts/check-size.mjs) and the first-paint benchmark (bench/detail).
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('../', import.meta.url));
const src = (path) => JSON.stringify(join(root, 'src', path));

/** The Overview tab of one `<vm-detail>`, with a hub whose REST answers from memory. */
export const detailPageEntry = `
import { VmHub } from ${src('hub/index.ts')};
import ${src('elements/vm-detail/vm-detail.define.ts')};
const vm = { name: 'web-01', uuid: '4f7c9a2e-1b3d-4e5f-8a6b-9c0d1e2f3a4b', status: 'running', description: 'bench',
  createdAt: '2026-03-14T09:26:00Z', cpu: { count: 4, model: 'host', sockets: 1, cores: 2, threads: 2 },
  memory: { sizeBytes: 8589934592, sizeMB: 8192 }, disks: [], networks: [] };
const hub = new VmHub({
  serverUrl: 'http://bench.invalid',
  tokenProvider: () => 'x.y.z',
  fetch: async () => new Response(JSON.stringify({ vm }), { status: 200, headers: { 'content-type': 'application/json' } }),
  socketFactory: () => { throw new Error('no sockets in this page'); },
});
const el = document.createElement('vm-detail');
el.hub = hub;
el.vmName = 'web-01';
document.body.append(el);
await el.updateComplete;
requestAnimationFrame(() => { performance.mark('painted'); globalThis.__painted = performance.now(); });
`;

/** A page with one element of `tag` configured through the page-wide hub, as a host would write it. */
export const elementPageEntry = (tag) => `
import { configureDefaultHub } from ${src('hub/index.ts')};
import ${src(`elements/${tag}/${tag}.define.ts`)};
configureDefaultHub({ serverUrl: 'http://bench.invalid', tokenProvider: () => 'x.y.z' });
document.body.append(Object.assign(document.createElement(${JSON.stringify(tag)}), { vmName: 'web-01' }));
`;

export async function bundlePage(name, contents) {
  const r = await build({
    stdin: { contents, resolveDir: root, sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    outdir: `/${name}`,
    entryNames: 'entry',
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const files = new Map(r.outputFiles.map((f) => [f.path, f.contents]));
  return { files, metafile: r.metafile };
}

/** Output paths (as served, `/<name>/…`) the entry imports statically, directly or not. */
export function staticClosure({ metafile }) {
  const seen = new Set();
  const queue = [Object.keys(metafile.outputs).find((k) => k.endsWith('/entry.js'))];
  while (queue.length) {
    const o = queue.pop();
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of metafile.outputs[o].imports) if (i.kind === 'import-statement') queue.push(i.path);
  }
  return [...seen].map((o) => o.replace(/^(\.\.\/)+/, '/'));
}

/** Source modules inside the given output files (from the metafile). */
export function inputsOf({ metafile }, paths) {
  const outputs = Object.entries(metafile.outputs);
  return paths.flatMap((p) => Object.keys(outputs.find(([k]) => k.endsWith(p))?.[1].inputs ?? {}));
}

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** gzip and minified bytes of the static closure, and the modules in it. */
export function firstPaintSize(page) {
  const paths = staticClosure(page);
  let gzip = 0;
  let min = 0;
  for (const p of paths) {
    const body = page.files.get(p);
    gzip += gzipSize(body);
    min += body.length;
  }
  return { gzip, min, paths, inputs: inputsOf(page, paths) };
}
