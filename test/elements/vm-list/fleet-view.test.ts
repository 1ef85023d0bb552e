// The list's rules without a DOM: filter, stable locale-aware sort, counts, and the grid keys.
import { expect } from '@open-wc/testing';
import { buildView, parseStatuses, type SeenValues, type ViewQuery } from '../../../src/elements/vm-list/fleet-view.js';
import { moveInGrid } from '../../../src/elements/vm-list/grid-keys.js';
import type { VmInfo, VmStatus } from '../../../src/protocol/types.js';

const vm = (name: string, status: VmStatus, description = ''): VmInfo => ({
  name,
  uuid: name,
  description,
  status,
  rawStatus: status,
  createdAt: null,
  cpu: { count: 1, model: '', sockets: 1, cores: 1, threads: 1 },
  memory: { sizeBytes: 0, sizeMB: 0 },
  disks: [],
  networks: [],
});

const FLEET = [
  vm('vm-10', 'running', 'Café frontend'),
  vm('vm-9', 'stopped', 'database'),
  vm('VM-1', 'running', ''),
  vm('vm-2', 'crashed', 'cache'),
  vm('vm-3', 'running', 'batch'),
];
const query = (q: Partial<ViewQuery>): ViewQuery => ({ text: '', statuses: new Set(), sort: 'name', direction: 'ascending', locale: 'en', ...q });
const seen = new Map<string, SeenValues>([
  ['vm-10', { cpu: 50, memory: 10, uptime: 100 }],
  ['vm-3', { cpu: 50, memory: 30, uptime: 5 }],
  ['VM-1', { cpu: 90, memory: 20, uptime: 7 }],
]);
const view = (q: Partial<ViewQuery>) => buildView({ vms: FLEET, statusOf: (v) => v.status, seen: (n) => seen.get(n) }, query(q));
const names = (q: Partial<ViewQuery>) => view(q).rows.map((r) => r.vm.name);

describe('<vm-list> fleet view', () => {
  it('sorts names as people read them: numbers as numbers, case ignored', () => {
    expect(names({})).to.deep.equal(['VM-1', 'vm-2', 'vm-3', 'vm-9', 'vm-10']);
    expect(names({ direction: 'descending' })).to.deep.equal(['vm-10', 'vm-9', 'vm-3', 'vm-2', 'VM-1']);
  });

  it('is stable: equal values keep the fleet order in both directions', () => {
    // vm-10 and vm-3 both at 50 % CPU: fleet order (vm-10 first) either way.
    expect(names({ sort: 'cpu', direction: 'descending' })).to.deep.equal(['VM-1', 'vm-10', 'vm-3', 'vm-9', 'vm-2']);
    expect(names({ sort: 'cpu', direction: 'ascending' })).to.deep.equal(['vm-10', 'vm-3', 'VM-1', 'vm-9', 'vm-2']);
  });

  it('puts VMs without a value last, whichever the direction', () => {
    expect(names({ sort: 'memory', direction: 'ascending' }).slice(-2)).to.deep.equal(['vm-9', 'vm-2']);
    expect(names({ sort: 'description', direction: 'ascending' })).to.deep.equal(['vm-3', 'vm-2', 'vm-10', 'vm-9', 'VM-1']);
  });

  it('sorts statuses in lifecycle order', () => {
    expect(view({ sort: 'status' }).rows.map((r) => r.status)).to.deep.equal(['running', 'running', 'running', 'stopped', 'crashed']);
  });

  it('filters by name or description, ignoring case and accents, and by status', () => {
    expect(names({ text: 'CAFE' })).to.deep.equal(['vm-10']);
    expect(names({ text: 'vm-1' })).to.deep.equal(['VM-1', 'vm-10']);
    expect(names({ statuses: new Set(['stopped', 'crashed']) })).to.deep.equal(['vm-2', 'vm-9']);
  });

  it('counts every VM per status, not only the filtered ones', () => {
    const v = view({ text: 'cache' });
    expect(v.rows.length).to.equal(1);
    expect(v.total).to.equal(5);
    expect(v.counts.running).to.equal(3);
    expect(v.counts.crashed).to.equal(1);
  });

  it('reads status-filter words and names the unknown ones', () => {
    const { statuses, unknown } = parseStatuses('Running, paused bogus');
    expect([...statuses]).to.deep.equal(['running', 'paused']);
    expect(unknown).to.deep.equal(['bogus']);
  });
});

describe('<vm-list> grid keys', () => {
  const size = { rows: 100, cols: 8, pageRows: 10 };
  it('moves by cell, row, page and to the ends', () => {
    expect(moveInGrid('ArrowDown', false, { row: 0, col: 1 }, size)).to.deep.equal({ row: 1, col: 1 });
    expect(moveInGrid('ArrowUp', false, { row: 0, col: 1 }, size)).to.deep.equal({ row: 0, col: 1 });
    expect(moveInGrid('ArrowRight', false, { row: 5, col: 7 }, size)).to.deep.equal({ row: 5, col: 7 });
    expect(moveInGrid('Home', false, { row: 5, col: 4 }, size)).to.deep.equal({ row: 5, col: 0 });
    expect(moveInGrid('End', false, { row: 5, col: 4 }, size)).to.deep.equal({ row: 5, col: 7 });
    expect(moveInGrid('End', true, { row: 5, col: 4 }, size)).to.deep.equal({ row: 100, col: 7 });
    expect(moveInGrid('Home', true, { row: 50, col: 4 }, size)).to.deep.equal({ row: 1, col: 0 });
    expect(moveInGrid('PageDown', false, { row: 95, col: 2 }, size)).to.deep.equal({ row: 100, col: 2 });
    expect(moveInGrid('PageUp', false, { row: 5, col: 2 }, size)).to.deep.equal({ row: 1, col: 2 });
    expect(moveInGrid('a', false, { row: 5, col: 2 }, size)).to.equal(null);
  });
});
