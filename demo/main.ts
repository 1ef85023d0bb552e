/**
 * Placeholder demo: plain DOM and a raw WebSocket per VM, so `npm start` shows that the server
 * works before the elements exist. Frames are split on newlines because the server batches.
 */
interface VmRow {
  name: string;
  status: string;
  description: string;
}

const stateEl = document.getElementById('state')!;
const tbody = document.getElementById('vms')!;

async function main(): Promise<void> {
  const login = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'admin123' }),
  });
  if (!login.ok) throw new Error(`login failed: HTTP ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const list = await fetch('/api/v1/vms', { headers: { Authorization: `Bearer ${token}` } });
  const { vms } = (await list.json()) as { vms: VmRow[] };
  stateEl.textContent = `Logged in as admin; ${vms.length} VMs.`;
  for (const vm of vms) watch(vm, token);
}

function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

function watch(vm: VmRow, token: string): void {
  const row = tbody.appendChild(document.createElement('tr'));
  cell(row, vm.name);
  const status = cell(row, vm.status);
  status.dataset.status = vm.status;
  const uptime = cell(row, '—');
  const cpu = cell(row, '—');
  cell(row, vm.description);

  const url = new URL(`/ws/vms/${encodeURIComponent(vm.name)}`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  const ws = new WebSocket(url);
  ws.onmessage = (ev) => {
    for (const line of String(ev.data).split('\n')) {
      if (!line) continue;
      const msg = JSON.parse(line) as { type: string; data: Record<string, unknown> };
      if (msg.type === 'status') {
        status.textContent = String(msg.data.status);
        status.dataset.status = String(msg.data.status);
        uptime.textContent = String(msg.data.uptime);
      } else if (msg.type === 'metrics') {
        cpu.textContent = String((msg.data.cpu as { utilization: number }).utilization);
      }
    }
  };
  ws.onclose = (ev) => {
    status.textContent = `disconnected (${ev.code})`;
  };
}

main().catch((error: unknown) => {
  stateEl.textContent = `Error: ${String(error)}`;
});
