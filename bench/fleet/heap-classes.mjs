// What a page's JS heap holds, by kind: a CDP heap snapshot summed by node type and name (the
// constructor for objects), so two moments can be compared to see what grew. For bench:fleet's
// heap-hour part (`--heap-classes`). Blink's own objects (type "native") are listed apart: they
// are not in Runtime.getHeapUsage's usedSize, and neither are ArrayBuffer backing stores
// ("native system / JSArrayBufferData").

/** Takes a heap snapshot over `cdp` (HeapProfiler enabled); Map "type name" → { count, bytes }. */
export async function heapClasses(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[fields.indexOf('type')];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T]];
    // Strings are summed by type: their names are their contents.
    const name = /string/.test(type) ? '' : snap.strings[snap.nodes[i + N]];
    const key = `${type === 'native' ? '' : 'JS '}${type} ${name}`.trim();
    const c = out.get(key) ?? { count: 0, bytes: 0 };
    c.count++;
    c.bytes += snap.nodes[i + S];
    out.set(key, c);
  }
  return out;
}

/** The `top` kinds (of the JS heap, or of blink's) whose bytes grew most from `a` to `b`, as printable lines. */
export function grownClasses(a, b, { native = false, top = 10 } = {}) {
  const zero = { count: 0, bytes: 0 };
  return [...b.keys()]
    .filter((k) => k.startsWith('native') === native)
    .map((k) => ({ k, db: b.get(k).bytes - (a.get(k) ?? zero).bytes, dc: b.get(k).count - (a.get(k) ?? zero).count }))
    .sort((x, y) => y.db - x.db)
    .slice(0, top)
    .map(({ k, db, dc }) => `  ${(db / 1024).toFixed(1).padStart(9)} KiB  ${String(dc).padStart(7)} objects  ${k.slice(0, 80)}`);
}
