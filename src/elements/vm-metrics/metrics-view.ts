/**
 * What `<vm-metrics>` shows instead of (or over) its charts, from the state of its data, its VM
 * and its connection: the badge's words (the shared vocabulary, internal/status-words.ts), the
 * cards' placeholder, and what the live region says. A pure function, so every state is testable.
 */
import type { ConnectionView } from '../../controllers/connection-view-controller.js';
import { CONNECTION_WORDS, VM_STATUS_LABEL, connectionLabel } from '../../internal/status-words.js';
import type { VmError } from '../../protocol/errors.js';
import type { VmStatus } from '../../protocol/types.js';
import type { SocketSnapshot } from '../../transport/vm-socket.js';

export type MetricsKind = 'live' | 'no-vm' | 'invalid-name' | 'connecting' | 'waiting' | 'disconnected' | 'unauthorized' | 'not-found' | 'stopped';

/** `label` is the badge's text (it counts down while reconnecting: `ticking`). */
export interface MetricsView extends ConnectionView<MetricsKind> {
  /** Placeholder text in each card; empty when the chart shows live data. */
  message: string;
}

export interface MetricsFacts {
  /** The host pushes samples (the `metrics` property): no VM, no connection. */
  hostMode: boolean;
  vmName: string;
  nameError: VmError | null;
  /** The hub's session for the VM, or null while there is none. */
  session: { vmName: string; connection: SocketSnapshot; status: VmStatus | null } | null;
  /** The history holds samples (maybe only kept from an earlier page). */
  hasData: boolean;
  /** A sample has arrived on this page. */
  hasLatest: boolean;
}

function view(kind: MetricsKind, label: string, tone: MetricsView['tone'], message: string, announce = message, ticking = false): MetricsView {
  return { kind, label, tone, message, announce, ticking };
}

const LIVE = view('live', CONNECTION_WORDS.live, 'ok', '', CONNECTION_WORDS.live);
const WAITING = 'Waiting for data';

export function describeMetrics({ hostMode, vmName, nameError, session, hasData, hasLatest }: MetricsFacts): MetricsView {
  if (hostMode) return hasData ? LIVE : view('waiting', WAITING, 'muted', 'Waiting for the first sample…', 'Waiting for the first sample');
  if (nameError) return view('invalid-name', CONNECTION_WORDS.invalidName, 'danger', nameError.message);
  if (!session) {
    return vmName.trim()
      ? view('connecting', CONNECTION_WORDS.connecting, 'muted', 'Connecting…')
      : view('no-vm', CONNECTION_WORDS.noVm, 'muted', 'No VM selected: set vm-name, or push samples to .metrics.');
  }
  const c = session.connection;
  // A repeated attempt is a reconnect: the user has seen the connection drop.
  if ((c.state === 'idle' || c.state === 'connecting') && c.attempt === 0) {
    return view('connecting', CONNECTION_WORDS.connecting, 'muted', CONNECTION_WORDS.connecting, 'Connecting');
  }
  switch (c.state) {
    case 'idle':
    case 'connecting':
    case 'reconnecting':
    case 'offline':
    case 'closed':
    case 'queued': {
      const label = connectionLabel(c);
      const announce = c.state === 'reconnecting' ? 'Connection lost, reconnecting' : label;
      return view('disconnected', label, 'warn', hasData ? label : `Connection lost. ${label}`, announce, c.nextRetryAt != null);
    }
    case 'unauthorized': {
      const m =
        c.lastError?.code === 'PERMISSION_DENIED'
          ? 'You do not have permission to see this VM’s metrics.'
          : 'Not signed in: sign in again to see live metrics.';
      return view('unauthorized', connectionLabel(c), 'danger', m);
    }
    case 'not-found':
      return view('not-found', CONNECTION_WORDS.notFound, 'danger', `VM “${session.vmName}” was not found on the server.`);
    case 'open':
      break;
  }
  const status = session.status;
  if (status && status !== 'running') {
    const m =
      status === 'stopped' || status === 'shutdown'
        ? 'VM is stopped — no live metrics'
        : status === 'crashed'
          ? 'VM has crashed — no live metrics'
          : `VM is ${status} — no live metrics`;
    // The badge words the status as vm-detail's and vm-list's do, beside the VM's name.
    return view('stopped', VM_STATUS_LABEL[status], 'muted', m);
  }
  // No sample yet, or only a history kept from an earlier page (drawn dimmed under this).
  if (!hasData || !hasLatest) {
    return view('waiting', WAITING, 'muted', 'Waiting for the first sample… LibGo sends one every 5 s', 'Connected, waiting for the first sample');
  }
  return LIVE;
}
