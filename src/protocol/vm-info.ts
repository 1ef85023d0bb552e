/** Validation of the REST bodies (`{vm}` and the login result), same rules as `decode`. */
import type { LoginResult, VmDisk, VmInfo, VmNetwork } from './types.js';
import { bool, isObject, nonNegative, normaliseStatus, parseRfc3339, str } from './validate.js';

const s = (v: unknown, max = 4096) => str(v ?? '', max) ?? '';
const n = (v: unknown) => nonNegative(v ?? 0) ?? 0;
const b = (v: unknown) => bool(v ?? false) ?? false;

function parseDisk(v: unknown): VmDisk | undefined {
  if (!isObject(v)) return undefined;
  return {
    path: s(v.path),
    format: s(v.format, 64),
    sizeBytes: n(v.sizeBytes),
    bus: s(v.bus, 64),
    readOnly: b(v.readOnly),
    bootable: b(v.bootable),
    shareable: b(v.shareable),
    serial: s(v.serial, 256),
    storagePool: s(v.storagePool, 256),
    device: s(v.device, 64),
  };
}

function parseNetwork(v: unknown): VmNetwork | undefined {
  if (!isObject(v)) return undefined;
  return {
    type: s(v.type, 64),
    source: s(v.source, 256),
    model: s(v.model, 64),
    macAddress: s(v.macAddress, 64),
    ipAddress: s(v.ipAddress, 64),
    ipAddressV6: s(v.ipAddressV6, 128),
  };
}

/**
 * Returns the VM or a reason. Optional parts default to empty so a partial VM still renders;
 * only a missing name makes the body unusable.
 */
export function parseVmInfo(v: unknown): VmInfo | string {
  if (!isObject(v)) return 'vm must be an object';
  const name = str(v.name, 1024);
  if (!name) return 'vm.name must be a non-empty string';
  const cpu = isObject(v.cpu) ? v.cpu : {};
  const memory = isObject(v.memory) ? v.memory : {};
  const rawStatus = s(v.status, 256);
  const disks = Array.isArray(v.disks) ? v.disks.slice(0, 256).map(parseDisk) : [];
  const networks = Array.isArray(v.networks) ? v.networks.slice(0, 256).map(parseNetwork) : [];
  const sizeBytes = n(memory.sizeBytes);
  return {
    name,
    uuid: s(v.uuid, 64),
    description: s(v.description),
    status: normaliseStatus(rawStatus),
    rawStatus,
    createdAt: parseRfc3339(v.createdAt) ?? null,
    cpu: {
      count: n(cpu.count),
      model: s(cpu.model, 256),
      sockets: n(cpu.sockets),
      cores: n(cpu.cores),
      threads: n(cpu.threads),
    },
    memory: { sizeBytes, sizeMB: n(memory.sizeMB) || Math.round(sizeBytes / 1048576) },
    disks: disks.filter((d): d is VmDisk => d !== undefined),
    networks: networks.filter((x): x is VmNetwork => x !== undefined),
  };
}

export function parseLoginResult(v: unknown): LoginResult | string {
  if (!isObject(v)) return 'login response must be an object';
  const token = str(v.token, 16384);
  if (!token) return 'login response has no token';
  const user = isObject(v.user) ? v.user : {};
  const roles = Array.isArray(user.roles) ? user.roles.filter((r): r is string => typeof r === 'string') : [];
  const expires = typeof v.expiresAt === 'number' ? v.expiresAt : parseRfc3339(v.expiresAt);
  return {
    token,
    expiresAt: expires ?? null,
    user: {
      id: typeof user.id === 'number' ? String(user.id) : s(user.id, 256),
      username: s(user.username, 256),
      email: s(user.email, 256),
      roles,
    },
  };
}
