/** The simulated inventory: enough variety (states, disks, dual-stack networks) to exercise the UI. */
import type { VmDisk, VmNetwork } from '../../protocol/types.js';

/** A VM as the REST API puts it on the wire (`GET /api/v1/vms/{name}` → `{vm}`). */
export interface VmWire {
  name: string;
  uuid: string;
  description: string;
  status: string;
  createdAt: string;
  cpu: { count: number; model: string; sockets: number; cores: number; threads: number };
  memory: { sizeBytes: number; sizeMB: number };
  // Disks and networks are the same on the wire as after validation.
  disks: VmDisk[];
  networks: VmNetwork[];
}

/** Everything about a VM that does not change while it runs, plus how it starts out. */
export interface VmSpec extends Omit<VmWire, 'status'> {
  initialStatus: 'running' | 'stopped' | 'paused' | 'crashed' | 'shutdown';
  /** For VMs that start out running or paused: seconds since boot when the simulation starts. */
  initialUptimeSeconds?: number;
  /** Typical load, so each VM's charts look different. */
  load?: { cpu: number; memory: number; rxBps: number; txBps: number; readBps: number; writeBps: number };
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function memory(mb: number) {
  return { sizeBytes: mb * MiB, sizeMB: mb };
}

function disk(vm: string, device: string, sizeGiB: number, extra: Partial<VmWire['disks'][number]> = {}) {
  return {
    path: `/var/lib/libvirt/images/${vm}-${device}.qcow2`,
    format: 'qcow2',
    sizeBytes: sizeGiB * GiB,
    bus: 'virtio',
    readOnly: false,
    bootable: device === 'vda',
    shareable: false,
    serial: `${vm}-${device}`.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20),
    storagePool: 'default',
    device,
    ...extra,
  };
}

export const DEFAULT_VMS: readonly VmSpec[] = [
  {
    name: 'web-01',
    uuid: '4f7c9a2e-1b3d-4e5f-8a6b-9c0d1e2f3a4b',
    description: 'Public web frontend (nginx + node)',
    createdAt: '2026-03-14T09:26:53.589793238Z',
    cpu: { count: 4, model: 'host-passthrough', sockets: 1, cores: 2, threads: 2 },
    memory: memory(8192),
    disks: [disk('web-01', 'vda', 40), disk('web-01', 'vdb', 100, { bootable: false })],
    networks: [
      { type: 'bridge', source: 'br0', model: 'virtio', macAddress: '52:54:00:3a:7f:01', ipAddress: '192.168.122.11', ipAddressV6: 'fd00:122::11' },
      { type: 'network', source: 'default', model: 'virtio', macAddress: '52:54:00:3a:7f:02', ipAddress: '10.0.0.11', ipAddressV6: '' },
    ],
    initialStatus: 'running',
    initialUptimeSeconds: 3 * 86400 + 4 * 3600 + 17 * 60,
    load: { cpu: 35, memory: 0.55, rxBps: 850_000, txBps: 2_400_000, readBps: 120_000, writeBps: 300_000 },
  },
  {
    name: 'db-01',
    uuid: '8b2d4f6a-3c5e-4a7b-9d1f-2e4a6c8b0d1e',
    description: 'PostgreSQL 16 primary',
    createdAt: '2026-01-07T17:02:11.000000001Z',
    cpu: { count: 8, model: 'EPYC-Milan', sockets: 2, cores: 4, threads: 1 },
    memory: memory(32768),
    disks: [
      disk('db-01', 'vda', 30),
      disk('db-01', 'vdb', 500, { bootable: false, format: 'raw', path: '/dev/vg0/db-01-data', storagePool: 'lvm-fast' }),
      { ...disk('db-01', 'sda', 1), bus: 'sata', format: 'raw', readOnly: true, bootable: false, path: '/var/lib/libvirt/images/cloud-init-db-01.iso' },
    ],
    networks: [
      { type: 'bridge', source: 'br-storage', model: 'virtio', macAddress: '52:54:00:9c:21:10', ipAddress: '10.10.0.21', ipAddressV6: 'fd00:10::21' },
    ],
    initialStatus: 'stopped',
    load: { cpu: 20, memory: 0.8, rxBps: 400_000, txBps: 300_000, readBps: 6_000_000, writeBps: 3_500_000 },
  },
  {
    name: 'build-01',
    uuid: 'c1e3a5b7-9d2f-4c6e-8a0b-3d5f7a9c1e2b',
    description: 'CI runner (paused between jobs)',
    createdAt: '2026-06-30T22:45:00.250000000Z',
    cpu: { count: 16, model: 'host-model', sockets: 1, cores: 8, threads: 2 },
    memory: memory(16384),
    disks: [disk('build-01', 'vda', 120)],
    networks: [
      { type: 'network', source: 'default', model: 'e1000', macAddress: '52:54:00:b1:0c:33', ipAddress: '192.168.122.33', ipAddressV6: '' },
    ],
    initialStatus: 'paused',
    initialUptimeSeconds: 5 * 3600 + 12,
    load: { cpu: 80, memory: 0.65, rxBps: 3_000_000, txBps: 200_000, readBps: 9_000_000, writeBps: 12_000_000 },
  },
  {
    name: 'legacy-02',
    uuid: 'e9f1a3c5-7b2d-4f6a-8c0e-5a7c9e1b3d4f',
    description: 'Old CentOS box, kernel panics now and then',
    createdAt: '2025-09-02T06:15:42.987654321Z',
    cpu: { count: 2, model: 'qemu64', sockets: 2, cores: 1, threads: 1 },
    memory: memory(2048),
    disks: [{ ...disk('legacy-02', 'hda', 20), bus: 'ide' }],
    networks: [
      { type: 'network', source: 'legacy', model: 'rtl8139', macAddress: '52:54:00:1e:9a:42', ipAddress: '172.16.5.42', ipAddressV6: '' },
    ],
    initialStatus: 'crashed',
    load: { cpu: 10, memory: 0.4, rxBps: 20_000, txBps: 10_000, readBps: 50_000, writeBps: 20_000 },
  },
];
