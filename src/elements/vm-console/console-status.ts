/**
 * What `<vm-console>` tells about its session as it changes: the connect, disconnect and EOF
 * events, the status strip (a notice per cause, withdrawn when the cause goes away, a countdown
 * while reconnecting) and whether the user may type (the console permission).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../../events/index.js';
import type { ConsoleSession } from '../../hub/console.js';
import type { VmHub } from '../../hub/vm-hub.js';
import type { SocketState, VmStatus } from '../../hub/index.js';
import { connectionLabel, secondsUntil } from '../../internal/status-words.js';
import { VM_STATUS_PHRASE } from '../../internal/status-phrases.js';
import { msg, str } from '../../internal/msg.js';
import { icons } from './icons.js';

export interface Notice {
  tone: 'info' | 'warn' | 'danger';
  /**
   * The words, made when shown: in the element's locale at each render (they follow a `lang`
   * change), and current while they change (a countdown).
   */
  text: () => string;
  /** What the live region says, when not the text (a countdown is said once, without its number). */
  announce?: () => string;
  /** What caused it, so the notice can be withdrawn when the cause goes away. */
  cause: 'reconnect' | 'vm-status' | 'eof' | 'input' | 'read-only' | 'paste' | 'clipboard' | 'link';
}

export interface ConsoleStatusHost {
  readonly element: HTMLElement & { vmName: string; requestUpdate(): void };
  session(): ConsoleSession | null;
  hub(): VmHub | null;
  /** Says a text in the element's live region (called in the element's locale). */
  announce(words: () => string): void;
  /** The connection view changed: announce it if its kind did. */
  syncView(): void;
}

/** The live-region words for a notice. */
export function noticeAnnouncement(notice: Notice): string {
  return (notice.announce ?? notice.text)();
}

export class ConsoleStatus {
  notice: Notice | null = null;
  /** The hub's permission check said the user may not use this console. */
  permissionDenied = false;
  private lastSocketState: SocketState | null = null;
  private lastVmStatus: VmStatus | null = null;
  private permissionCheck = 0;

  constructor(private readonly host: ConsoleStatusHost) {}

  /** The user lacks the console permission (the hub's check, or the socket refused it). */
  get denied(): boolean {
    const c = this.host.session()?.connection;
    return this.permissionDenied || (c?.state === 'unauthorized' && c.lastError?.code === 'PERMISSION_DENIED');
  }

  readOnlyReason(): string {
    return this.denied
      ? msg('You do not have the console permission for this VM.', { id: 'console.readOnly.denied' })
      : msg('This console is read-only.', { id: 'console.readOnly' });
  }

  /** Shows a notice in the status strip and says it. */
  show(notice: Notice): void {
    this.set(notice);
    this.host.announce(() => noticeAnnouncement(notice));
  }

  /** Shows (or, with null, removes) a notice without saying it (progress, a dismissal). */
  set(notice: Notice | null): void {
    this.notice = notice;
    this.host.element.requestUpdate();
  }

  /** The element left the DOM: a session change after it comes back starts afresh. */
  disconnected(): void {
    this.lastSocketState = null;
  }

  /** The session itself changed (another VM, another hub, or none). */
  swapped(): void {
    if (this.lastSocketState === 'open') {
      emit(this.host.element, 'vm-console-disconnect', { vmName: this.host.element.vmName, reason: 'The console was closed.', code: null });
    }
    this.lastSocketState = null;
    this.lastVmStatus = null;
    this.notice = null;
    this.permissionDenied = false;
    this.host.element.requestUpdate();
  }

  async checkPermissions(): Promise<void> {
    const token = ++this.permissionCheck;
    const hub = this.host.hub();
    if (!hub || !this.host.session()) return;
    const perms = await hub.permissions().catch(() => null);
    if (token !== this.permissionCheck) return;
    const denied = perms !== null && !perms.has('console');
    if (denied !== this.permissionDenied) {
      this.permissionDenied = denied;
      this.host.element.requestUpdate();
    }
  }

  /** Synchronous on every session change: events and the status strip. */
  changed(): void {
    const session = this.host.session();
    if (!session) return;
    const el = this.host.element;
    const c = session.connection;
    const prev = this.lastSocketState;
    if (c.state !== prev) {
      this.lastSocketState = c.state;
      if (c.state === 'open') {
        emit(el, 'vm-console-connect', { vmName: session.vmName });
        if (this.notice?.cause === 'reconnect') this.set(null);
      } else if (prev === 'open') {
        const reason = c.lastError?.message ?? connectionLabel(c);
        emit(el, 'vm-console-disconnect', { vmName: session.vmName, reason, code: c.lastCloseCode });
        if (c.state === 'reconnecting' || c.state === 'connecting') {
          this.show({
            tone: 'warn',
            cause: 'reconnect',
            text: () => {
              const now = this.host.session()?.connection;
              if (!now || now.state === 'connecting') return msg('Disconnected — reconnecting now…', { id: 'console.notice.reconnectingNow' });
              if (now.state !== 'reconnecting') {
                const state = connectionLabel(now);
                return msg(str`Disconnected — ${state}`, { id: 'console.notice.disconnected' });
              }
              const seconds = secondsUntil(now.nextRetryAt);
              return msg(str`Disconnected — reconnecting in ${seconds} s`, { id: 'console.notice.reconnectingIn' });
            },
            announce: () => msg('Disconnected, reconnecting', { id: 'connection.announce.reconnecting' }),
          });
        }
      }
    }
    const status = session.vmStatus;
    if (status !== this.lastVmStatus) {
      const before = this.lastVmStatus;
      this.lastVmStatus = status;
      if (status && status !== 'running') {
        this.show({
          tone: 'warn',
          cause: 'vm-status',
          text: () => {
            const phrase = VM_STATUS_PHRASE[status] ?? msg(str`VM ${status}`, { id: 'status.phrase.other' });
            return msg(str`${phrase}: the console has no guest to talk to.`, { id: 'console.notice.notRunning' });
          },
        });
      } else if (status === 'running' && before !== null && before !== 'running') {
        if (this.notice?.cause === 'vm-status' || this.notice?.cause === 'eof') this.set(null);
      }
    }
    this.host.syncView();
  }

  /** The guest closed the console. */
  eof(): void {
    this.show({ tone: 'info', cause: 'eof', text: () => msg('Console closed by the guest (EOF).', { id: 'console.notice.eof' }) });
    emit(this.host.element, 'vm-console-eof', { vmName: this.host.session()?.vmName ?? this.host.element.vmName });
  }

  /** A paste was refused: the console is read-only (or the user may not type). */
  pasteRefused(): void {
    this.show({ tone: 'info', cause: 'read-only', text: () => `${this.readOnlyReason()} ${msg('The paste was not sent.', { id: 'console.notice.pasteRefused' })}` });
  }

  /** A link in the output was not opened; `reason` says why, in the locale shown. */
  linkRefused(reason: () => string): void {
    this.show({
      tone: 'warn',
      cause: 'link',
      text: () => {
        const why = reason();
        return msg(str`The link was not opened: ${why}.`, { id: 'console.notice.linkRefused' });
      },
    });
  }

  /** The status strip. */
  render(onReconnect: () => void): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    const text = n.text();
    const dismiss = msg('Dismiss', { id: 'console.dismiss' });
    return html`<div class="notice" part="notice status" data-tone=${n.tone} data-cause=${n.cause}>
      <span class="text">${text}</span>
      ${n.cause === 'reconnect' ? html`<button class="text-btn" data-action="notice-reconnect" @click=${onReconnect}>${msg('Reconnect now', { id: 'console.reconnect' })}</button>` : nothing}
      <button class="icon-btn" aria-label=${dismiss} title=${dismiss} @click=${() => this.set(null)}>${icons.close}</button>
    </div>`;
  }
}
