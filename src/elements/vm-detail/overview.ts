/**
 * The Overview tab's details (CPU, memory, created, UUID, description, disks, networks), loaded
 * right after the element's first paint, in parallel with the REST request: the first paint shows
 * the skeleton, which stays until both the VM and this module are here. Its styles come with it;
 * Lit and the formatter come from the element (`Kit`).
 */
import type { TemplateResult } from 'lit';
import type { VmInfo } from '../../hub/index.js';
import type { Kit } from '../../internal/deferred-kit.js';
import { formatBytes as bytes } from '../../metrics/format.js';

// Plain text, made a stylesheet by the element: with no runtime imports this module stays one
// small file, and the code the first paint needs stays in as few files as before.
export const styles = `
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
  .card, .net { background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 2px); }
  .card { padding: 10px 12px; min-width: 0; }
  .uuid-card { grid-column: span 2; }
  h3 { margin: 0 0 4px; font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--_muted); font-weight: 600; }
  .card p, .block > p, dl, dd { margin: 0; }
  .big { font-size: 1.35em; font-weight: 600; }
  .big.small { font-size: 1em; }
  .unit, .sub, .muted, .count, th, dt { color: var(--_muted); }
  .unit { font-size: 0.7em; font-weight: 500; }
  .sub, .net-head .muted, dt { font-size: 0.85em; }
  .sub, .uuid code, td.path, dd { overflow-wrap: anywhere; }
  .count { font-weight: 500; margin-inline-start: 4px; }
  .uuid { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
  .mono { font-family: var(--_mono); font-size: 0.88em; }
  .btn.small { min-height: 24px; padding: 0 8px; font-size: 0.8em; }
  .block { margin-top: 16px; }
  .stale { margin: 0 0 10px; color: var(--_warn); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
  th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--_border); vertical-align: top; }
  th { font-weight: 600; font-size: 0.9em; }
  td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
  .nets { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
  .net { padding: 8px 12px; }
  .net-head { font-weight: 600; display: block; margin-bottom: 4px; }
  .net-head .muted { font-weight: 400; }
  dl { display: grid; gap: 2px; }
  dl > div { display: flex; gap: 8px; }
  dt { width: 3em; flex: none; }
  @container vm-detail (max-width: 420px) {
    .cards { grid-template-columns: 1fr 1fr; }
    .uuid-card { grid-column: 1 / -1; }
    /* On a narrow widget bus and path give way; the path stays in the device cell's tooltip. */
    th:nth-child(4), td:nth-child(4), th:nth-child(5), td:nth-child(5) { display: none; }
  }
`;

export interface OverviewView {
  vm: VmInfo;
  vmName: string;
  loading: boolean;
  /** Why the shown details may be stale (a reload failed), in words; empty when they are fresh. */
  stale: string;
  copied: boolean;
  retry(): void;
  copy(): void;
}

/** "2 sockets × 4 cores × 1 thread" (a count the server left out reads as 1). */
function topologyText({ sockets, cores, threads }: VmInfo['cpu'], { msg, str }: Kit): string {
  const [s, c, t] = [sockets || 1, cores || 1, threads || 1];
  const a = sockets === 1 ? msg('1 socket', { id: 'overview.socket.one' }) : msg(str`${s} sockets`, { id: 'overview.socket.other' });
  const b = cores === 1 ? msg('1 core', { id: 'overview.core.one' }) : msg(str`${c} cores`, { id: 'overview.core.other' });
  const d = threads === 1 ? msg('1 thread', { id: 'overview.thread.one' }) : msg(str`${t} threads`, { id: 'overview.thread.other' });
  return `${a} × ${b} × ${d}`;
}

export function render(v: OverviewView, kit: Kit): TemplateResult {
  const { html, nothing, msg, str } = kit;
  const locale = kit.locale();
  const formatBytes = (n: number) => bytes(n, locale);
  const { vm } = v;
  const cpu = vm.cpu;
  const topology = cpu.sockets || cpu.cores || cpu.threads ? topologyText(cpu, kit) : '—';
  const dash = (s: string | null | undefined) => s || '—';
  const flags = (d: VmInfo['disks'][number]) =>
    [d.bootable && msg('boot', { id: 'overview.disk.boot' }), d.readOnly && msg('read-only', { id: 'overview.disk.readOnly' }), d.shareable && msg('shared', { id: 'overview.disk.shared' })]
      .filter(Boolean)
      .join(', ');
  const stale = v.stale;
  return html`<div class="overview" aria-busy=${v.loading ? 'true' : 'false'}>
    ${v.stale ? html`<p class="stale">${msg(str`Showing the last loaded details: ${stale}`, { id: 'overview.stale' })} <button class="link" @click=${v.retry}>${msg('Retry', { id: 'overview.retry' })}</button></p>` : nothing}
    <div class="cards">
      <section class="card" aria-labelledby="h-cpu">
        <h3 id="h-cpu">${msg('CPU', { id: 'metrics.cpu' })}</h3>
        <p class="big">${cpu.count || '—'} <span class="unit">${msg('vCPU', { id: 'overview.vcpu' })}</span></p>
        <p class="sub">${cpu.model || msg('model not reported', { id: 'overview.cpu.noModel' })}</p>
        <p class="sub">${msg(str`Topology: ${topology}`, { id: 'overview.cpu.topology' })}</p>
      </section>
      <section class="card" aria-labelledby="h-mem">
        <h3 id="h-mem">${msg('Memory', { id: 'overview.memory' })}</h3>
        <p class="big"><bdi>${formatBytes(vm.memory.sizeBytes || vm.memory.sizeMB * 1048576)}</bdi></p>
      </section>
      <section class="card" aria-labelledby="h-created">
        <h3 id="h-created">${msg('Created', { id: 'overview.created' })}</h3>
        <p class="big small">${vm.createdAt === null ? '—' : html`<time datetime=${new Date(vm.createdAt).toISOString()}><bdi>${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(vm.createdAt)}</bdi></time>`}</p>
      </section>
      <section class="card uuid-card" aria-labelledby="h-uuid">
        <h3 id="h-uuid">${msg('UUID', { id: 'overview.uuid' })}</h3>
        <p class="uuid"><code>${dash(vm.uuid)}</code>
          ${vm.uuid ? html`<button class="btn small" @click=${v.copy} aria-label=${msg('Copy UUID', { id: 'overview.uuid.copy' })}>${v.copied ? msg('Copied', { id: 'overview.copied' }) : msg('Copy', { id: 'overview.copy' })}</button>` : nothing}
        </p>
      </section>
    </div>
    <section class="block" aria-labelledby="h-desc">
      <h3 id="h-desc">${msg('Description', { id: 'overview.description' })}</h3>
      <p class="description">${vm.description || html`<span class="muted">${msg('No description.', { id: 'overview.noDescription' })}</span>`}</p>
    </section>
    <section class="block" aria-labelledby="h-disks">
      <h3 id="h-disks">${msg('Disks', { id: 'overview.disks' })} <span class="count">${vm.disks.length}</span></h3>
      ${vm.disks.length === 0
        ? html`<p class="muted">${msg('No disks.', { id: 'overview.noDisks' })}</p>`
        : html`<div class="table-wrap"><table>
            <thead>
              <tr>
                <th scope="col">${msg('Device', { id: 'overview.disk.device' })}</th>
                <th scope="col">${msg('Size', { id: 'overview.disk.size' })}</th>
                <th scope="col">${msg('Format', { id: 'overview.disk.format' })}</th>
                <th scope="col">${msg('Bus', { id: 'overview.disk.bus' })}</th>
                <th scope="col">${msg('Path', { id: 'overview.disk.path' })}</th>
                <th scope="col">${msg('Flags', { id: 'overview.disk.flags' })}</th>
              </tr>
            </thead>
            <tbody>
              ${vm.disks.map(
                (d) => html`<tr>
                  <td title=${d.path || nothing}><bdi>${dash(d.device)}</bdi></td>
                  <td class="num"><bdi>${formatBytes(d.sizeBytes)}</bdi></td>
                  <td>${dash(d.format)}</td>
                  <td>${dash(d.bus)}</td>
                  <td class="mono path"><bdi>${dash(d.path)}</bdi></td>
                  <td>${dash(flags(d))}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>
    <section class="block" aria-labelledby="h-nets">
      <h3 id="h-nets">${msg('Networks', { id: 'overview.networks' })} <span class="count">${vm.networks.length}</span></h3>
      ${vm.networks.length === 0
        ? html`<p class="muted">${msg('No network interfaces.', { id: 'overview.noNetworks' })}</p>`
        : html`<ul class="nets">
            ${vm.networks.map(
              (n) => html`<li class="net">
                <span class="net-head">${n.source || n.type || msg('interface', { id: 'overview.interface' })} <span class="muted">${[n.type, n.model].filter(Boolean).join(' · ')}</span></span>
                <dl>
                  <div><dt>${msg('MAC', { id: 'overview.mac' })}</dt><dd class="mono"><bdi>${dash(n.macAddress)}</bdi></dd></div>
                  <div><dt>${msg('IPv4', { id: 'overview.ipv4' })}</dt><dd class="mono"><bdi>${dash(n.ipAddress)}</bdi></dd></div>
                  <div><dt>${msg('IPv6', { id: 'overview.ipv6' })}</dt><dd class="mono"><bdi>${dash(n.ipAddressV6)}</bdi></dd></div>
                </dl>
              </li>`,
            )}
          </ul>`}
    </section>
  </div>`;
}

/** What the live region says after a copy. */
export function copiedText(copied: boolean, { msg }: Kit): string {
  return copied
    ? msg('UUID copied to the clipboard.', { id: 'detail.uuid.copied' })
    : msg('Copying was not allowed; the UUID is selected, press Ctrl+C to copy it.', { id: 'detail.uuid.notCopied' });
}

/**
 * Copies the UUID; when the clipboard refuses (permissions, insecure context) the text is selected
 * so Ctrl+C works. Resolves with whether it was copied.
 */
export async function copy(uuid: string, root: ParentNode): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(uuid);
    return true;
  } catch {
    const code = root.querySelector('.uuid code');
    if (code) getSelection()?.selectAllChildren(code);
    return false;
  }
}
