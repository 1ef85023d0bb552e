/**
 * A fleet of any size for the in-page peer and the reference server (stories, tests, benchmarks):
 * the default VMs' shapes repeated under numbered names, with a deterministic mix of states and
 * loads, so a 10,000-VM list looks like a real one and the same on every run.
 */
import { DEFAULT_VMS, type VmSpec } from './sim/vm-fixtures.js';

const ROLES = ['web', 'db', 'cache', 'build', 'batch', 'mail', 'proxy', 'search'] as const;
const PURPOSE: Readonly<Record<(typeof ROLES)[number], string>> = {
  web: 'Public web frontend',
  db: 'PostgreSQL primary',
  cache: 'Redis cache',
  build: 'CI build runner',
  batch: 'Nightly batch jobs',
  mail: 'Outbound mail relay',
  proxy: 'Edge proxy',
  search: 'Search index node',
};
/** Of every 20 VMs: 15 running, 3 stopped, 1 paused, 1 crashed. */
const STATES: readonly VmSpec['initialStatus'][] = [
  ...Array<VmSpec['initialStatus']>(15).fill('running'),
  'stopped',
  'stopped',
  'shutdown',
  'paused',
  'crashed',
];

/** `count` VMs named `<role>-<nnnnn>` (e.g. `web-00042`); `allRunning` for load benchmarks. */
export function fleetOfVms(count: number, options: { allRunning?: boolean } = {}): VmSpec[] {
  const template = DEFAULT_VMS.find((v) => v.initialStatus === 'running')!;
  const width = Math.max(5, String(count - 1).length);
  return Array.from({ length: count }, (_, i) => {
    const role = ROLES[i % ROLES.length]!;
    const status = options.allRunning ? 'running' : STATES[(i * 7) % STATES.length]!;
    const name = `${role}-${String(i).padStart(width, '0')}`;
    return {
      ...template,
      name,
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      description: `${PURPOSE[role]} #${Math.floor(i / ROLES.length) + 1}`,
      initialStatus: status,
      initialUptimeSeconds: 600 + ((i * 7919) % 2_000_000),
      disks: template.disks.map((d) => ({ ...d, path: d.path.replace(template.name, name) })),
      networks: template.networks.map((n, k) => ({ ...n, macAddress: macFor(i, k) })),
      load: template.load && { ...template.load, cpu: 5 + ((i * 37) % 85), memory: 0.2 + ((i * 13) % 70) / 100 },
    };
  });
}

function macFor(i: number, k: number): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `52:54:${hex(k)}:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}`;
}
