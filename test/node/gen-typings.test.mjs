// scripts/gen-typings.mjs: the React and Vue typings are what custom-elements.json generates, the
// check (`npm run check:typings`) fails on a typings file that drifted, and an element added to the
// manifest later gets typings by regenerating alone. (Node, `npm run test:server`.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REACT_FILE, VUE_FILE, generate, stale } from '../../scripts/gen-typings.mjs';

const repo = resolve(import.meta.dirname, '../..');
const SCRIPT = join(repo, 'scripts/gen-typings.mjs');
const INPUTS = ['custom-elements.json', 'src/events/index.ts', REACT_FILE, VUE_FILE];

describe('gen-typings', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'libgo-typings-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the files the generator reads and writes, in a fresh folder. */
  function copy(name) {
    const root = join(dir, name);
    for (const file of INPUTS) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      cpSync(join(repo, file), join(root, file));
    }
    return root;
  }
  const check = (cwd) => spawnSync(process.execPath, [SCRIPT, '--check'], { cwd, encoding: 'utf8' });

  it('the committed typings are what the committed manifest generates', () => {
    assert.deepEqual(stale(repo), []);
    const result = check(repo);
    assert.equal(result.status, 0, result.stderr);
  });

  it('the check fails on a typings file that drifted, and names the line', () => {
    const root = copy('drifted');
    const file = join(root, REACT_FILE);
    const text = readFileSync(file, 'utf8');
    // What happened to the hand-written typings: an attribute added to an element, not to them.
    const drifted = text.replace(/^\s*'screen-reader'\?: .*\n/m, '');
    assert.notEqual(drifted, text, 'the React typings type screen-reader');
    writeFileSync(file, drifted);
    const result = check(root);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /src\/react\/jsx\.ts differs from the manifest at line \d+/);
    assert.match(result.stderr, /generated: +'screen-reader'\?: VmConsole\['screenReader'\];/);
    assert.match(result.stderr, /npm run gen:typings/);
    // Regenerating mends it.
    const regen = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
    assert.equal(regen.status, 0, regen.stderr);
    assert.equal(check(root).status, 0);
  });

  it('an element added to the manifest gets React and Vue typings by regenerating', () => {
    const root = copy('new-element');
    const manifestFile = join(root, 'custom-elements.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.modules.push({
      kind: 'javascript-module',
      path: 'src/elements/vm-list/vm-list.ts',
      declarations: [
        {
          kind: 'class',
          name: 'VmList',
          tagName: 'vm-list',
          customElement: true,
          attributes: [{ name: 'page-size', fieldName: 'pageSize', type: { text: 'number' } }],
          members: [
            { kind: 'field', name: 'pageSize', attribute: 'page-size', type: { text: 'number' } },
            { kind: 'field', name: 'filter', type: { text: '(vm: VmInfo) => boolean' }, description: 'Which VMs to list.' },
            { kind: 'field', name: 'rows', readonly: true },
            { kind: 'field', name: 'cache', privacy: 'private' },
          ],
          events: [{ name: 'vm-error', type: { text: 'CustomEvent<VmErrorDetail>' } }],
        },
      ],
    });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    assert.equal(check(root).status, 1, 'the committed typings lack the new element');
    const files = generate(root);
    const react = files.get(REACT_FILE);
    assert.match(react, /import type \{ VmList \} from '\.\.\/elements\/vm-list\/vm-list\.js';/);
    assert.match(react, /interface VmListProps \{\n\s+'page-size'\?: VmList\['pageSize'\];\n\s+\/\*\* Which VMs to list\. \*\/\n\s+filter\?: VmList\['filter'\];\n\s+'onvm-error'\?: \(event: CustomEvent<VmErrorDetail>\) => void;\n\}/);
    assert.match(react, /'vm-list': Omit<Base, keyof VmListProps> & VmListProps;/);
    const vue = files.get(VUE_FILE);
    assert.match(vue, /'vm-list': Tag<\{\n\s+pageSize\?: VmList\['pageSize'\];\n[\s\S]*?filter\?: VmList\['filter'\];\n\s+onVmError\?: \(event: CustomEvent<VmErrorDetail>\) => void;\n\s+\}>;/);
    assert.doesNotMatch(react + vue, /\brows\b|\bcache\b/, 'read-only and private members are not props');
  });

  it('refuses an event typed unlike VmEventMap, or not typed at all', () => {
    const root = copy('bad-event');
    const manifestFile = join(root, 'custom-elements.json');
    const original = readFileSync(manifestFile, 'utf8');
    const withType = (type) => {
      const manifest = JSON.parse(original);
      const detail = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'vm-detail');
      const event = detail.events.find((e) => e.name === 'vm-action-result');
      if (type) event.type = { text: type };
      else delete event.type;
      writeFileSync(manifestFile, JSON.stringify(manifest));
    };
    withType('CustomEvent<VmActionDetail>');
    assert.throws(() => generate(root), /vm-action-result" is CustomEvent<VmActionDetail> in its @fires tag but CustomEvent<VmActionResultDetail> in VmEventMap/);
    withType(null);
    assert.throws(() => generate(root), /vm-action-result" has no type; write it as @fires \{CustomEvent<Detail>\} vm-action-result/);
    const result = check(root);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /check-typings: .*has no type/);
  });
});
