/**
 * What `<vm-metrics>` shows instead of (or over) its charts, from the state of its data, its VM
 * and its connection: the badge's words (the shared vocabulary, internal/status-words.ts), the
 * cards' placeholder, and what the live region says. A pure function, so every state is testable.
 */
import type { ConnectionView } from '../../controllers/connection-view-controller.js';
import { CONNECTION_WORDS, VM_STATUS_LABEL, connectionLabel } from '../../internal/status-words.js';
import { activeLocale, msg, str } from '../../internal/msg.js';
import { nameErrorWords } from '../../internal/name-words.js';
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

// Functions, not constants: the words are made in the locale of each call (internal/localize.ts).
const live = () => view('live', CONNECTION_WORDS.live, 'ok', '', CONNECTION_WORDS.live);
const waiting = () => msg('Waiting for data', { id: 'metrics.waiting' });

/** The view now; call it in the element's locale (its render, or LocaleController.run). */
export function describeMetrics({ hostMode, vmName, nameError, session, hasData, hasLatest }: MetricsFacts): MetricsView {
  if (hostMode) {
    return hasData
      ? live()
      : view('waiting', waiting(), 'muted', msg('Waiting for the first sample…', { id: 'metrics.firstSample' }), msg('Waiting for the first sample', { id: 'metrics.firstSample.announce' }));
  }
  // The error's message is English (for logs and events): the card says why from its reason.
  if (nameError) return view('invalid-name', CONNECTION_WORDS.invalidName, 'danger', nameErrorWords(nameError, { msg, str }));
  if (!session) {
    return vmName.trim()
      ? view('connecting', CONNECTION_WORDS.connecting, 'muted', CONNECTION_WORDS.connecting)
      : view('no-vm', CONNECTION_WORDS.noVm, 'muted', msg('No VM selected: set vm-name, or push samples to .metrics.', { id: 'metrics.noVm' }));
  }
  const c = session.connection;
  // A repeated attempt is a reconnect: the user has seen the connection drop.
  if ((c.state === 'idle' || c.state === 'connecting') && c.attempt === 0) {
    return view('connecting', CONNECTION_WORDS.connecting, 'muted', CONNECTION_WORDS.connecting, CONNECTION_WORDS.connecting.replace('…', ''));
  }
  switch (c.state) {
    case 'idle':
    case 'connecting':
    case 'reconnecting':
    case 'offline':
    case 'closed':
    case 'queued': {
      const label = connectionLabel(c);
      const announce = c.state === 'reconnecting' ? msg('Connection lost, reconnecting', { id: 'metrics.announce.lost' }) : label;
      return view('disconnected', label, 'warn', hasData ? label : msg(str`Connection lost. ${label}`, { id: 'metrics.lost' }), announce, c.nextRetryAt != null);
    }
    case 'unauthorized': {
      const m =
        c.lastError?.code === 'PERMISSION_DENIED'
          ? msg('You do not have permission to see this VM’s metrics.', { id: 'metrics.denied' })
          : msg('Not signed in: sign in again to see live metrics.', { id: 'metrics.signIn' });
      return view('unauthorized', connectionLabel(c), 'danger', m);
    }
    case 'not-found': {
      const name = session.vmName;
      return view('not-found', CONNECTION_WORDS.notFound, 'danger', msg(str`VM “${name}” was not found on the server.`, { id: 'metrics.notFound' }));
    }
    case 'open':
      break;
  }
  const status = session.status;
  if (status && status !== 'running') {
    const m =
      status === 'stopped' || status === 'shutdown'
        ? msg('VM is stopped — no live metrics', { id: 'metrics.stopped' })
        : status === 'crashed'
          ? msg('VM has crashed — no live metrics', { id: 'metrics.crashed' })
          : msg(str`VM is ${VM_STATUS_LABEL[status].toLocaleLowerCase(activeLocale())} — no live metrics`, { id: 'metrics.notRunning' });
    // The badge words the status as vm-detail's and vm-list's do, beside the VM's name.
    return view('stopped', VM_STATUS_LABEL[status], 'muted', m);
  }
  // No sample yet, or only a history kept from an earlier page (drawn dimmed under this).
  if (!hasData || !hasLatest) {
    return view(
      'waiting',
      waiting(),
      'muted',
      msg('Waiting for the first sample… LibGo sends one every 5 s', { id: 'metrics.firstSample.live' }),
      msg('Connected, waiting for the first sample', { id: 'metrics.firstSample.connected' }),
    );
  }
  return live();
}
