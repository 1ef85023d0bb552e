/**
 * The words shown once the server has answered: what an error means, and why an action is
 * disabled (shown when its button is hovered or focused). Loaded right after the first paint, in
 * parallel with the first requests. No runtime imports (see vm-detail's overview.ts); labels come via `Kit`.
 */
import type { TemplateResult } from 'lit';
import type { VmAction, VmError, VmErrorCode, VmStatus } from '../hub/index.js';
import type { ActionOutcome } from './action-words.js';
import type { Why } from '../hub/action-rules.js';
import type { Kit } from './deferred-kit.js';

// The banner, outcome and tooltip only render once this module is here, so their styles come with it.
export const styles: string = `
  .tip { position: absolute; z-index: 5; top: calc(100% + 6px); left: 0; width: max-content; max-width: min(280px, 100%); padding: 6px 8px; border-radius: 6px; background: var(--_text); color: var(--_bg); font-size: 0.8em; line-height: 1.3; white-space: normal; pointer-events: none; opacity: 0; visibility: hidden; transition: opacity 0.12s; }
  .action-wrap:nth-child(n + 3) .tip { left: auto; right: 0; }
  .action-wrap:hover .tip, .action:focus-visible + .tip { opacity: 1; visibility: visible; }
  .banner { gap: 6px 10px; padding: 10px 14px; background: color-mix(in srgb, var(--_danger) 12%, var(--_bg)); border-bottom: 1px solid color-mix(in srgb, var(--_danger) 40%, var(--_bg)); }
  .banner-text { flex: 1 1 16em; }
  .banner-code { font-size: 0.8em; color: var(--_danger); }
  /* The accent on the tinted banner falls under 4.5:1; the text colour does not. */
  .banner .link { color: var(--_text); font-weight: 600; }
  .outcome { gap: 8px; margin: 10px 14px 0; padding: 8px 10px; border-radius: calc(var(--_radius) - 2px); border-left: 4px solid var(--_ok); background: color-mix(in srgb, var(--_ok) 10%, var(--_bg)); }
  .outcome.failed { border-left-color: var(--_danger); background: color-mix(in srgb, var(--_danger) 10%, var(--_bg)); }
  .outcome > span { flex: 1; }
  .confirming { display: flex; align-items: center; gap: 8px; margin: 10px 14px 0; padding: 8px 10px; border-radius: calc(var(--_radius) - 2px); border-left: 4px solid var(--_accent); background: color-mix(in srgb, var(--_accent) 8%, var(--_bg)); }
`;

/** What became of a user's action, as the element shows it. */
export type Outcome = ActionOutcome;

/**
 * The message after a user's action (hovering or focusing it holds it: `hold`), else the line shown
 * while the server has accepted an action and the VM has not yet shown its effect. Both only
 * follow a user's action, so they live here, not in the first paint.
 */
export function renderOutcome(
  o: Outcome | null,
  confirming: string | null | undefined,
  hold: (ev: Event) => void,
  dismiss: () => void,
  { html, nothing }: Kit,
): TemplateResult | typeof nothing | string {
  if (o) {
    return html`<div
      class="outcome ${o.ok ? 'ok' : 'failed'}"
      data-action=${o.action}
      data-ok=${String(o.ok)}
      @mouseenter=${hold}
      @mouseleave=${hold}
      @focusin=${hold}
      @focusout=${hold}
    >
      <span>${o.text}</span>
      <button class="link" aria-label="Dismiss message" @click=${dismiss}>✕</button>
    </div>`;
  }
  return confirming
    ? html`<div class="confirming"><span class="spinner" aria-hidden="true"></span><span>${confirming}</span></div>`
    : nothing;
}

/**
 * What a tab panel shows after its part (live charts, console, the VM's details) failed to load;
 * `retry` loads it again. Only shown after a load has failed, so it lives here.
 */
export function renderLoadFailed(what: string, retry: () => void, { html }: Kit): TemplateResult | string {
  return html`<div class="empty">
    <p class="empty-title">The ${what} could not be loaded.</p>
    <p>Its code did not load in this page. Check the network, then try again.</p>
    <button class="btn" @click=${retry}>Try again</button>
  </div>`;
}

/**
 * On a tab the user may not use (the console without its permission): the words, and a padlock
 * drawn, not an emoji (a page without an emoji font showed a blank box). Known only once the
 * permissions are, which is after this module has loaded.
 */
export function renderLock({ html }: Kit): TemplateResult | string {
  return html`<span class="visually-hidden"> (not available to you)</span><svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.6">
    <rect x="3" y="7" width="10" height="7" rx="1.5"></rect><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"></path>
  </svg>`;
}

export function renderConsoleLocked(vmName: string, { html }: Kit): TemplateResult | string {
  return html`<div class="empty">
    <p class="empty-title">The console is not available to you.</p>
    <p>Your account can watch ${vmName || 'this VM'} but not use its console: that needs the <em>console</em> permission. Ask an administrator if you need it.</p>
  </div>`;
}

/** Whether the outcome is being read after this event: hovered or focused (WCAG 2.2.1). */
export function outcomeHeld(ev: Event): boolean {
  const box = ev.currentTarget as HTMLElement;
  if (ev.type === 'mouseenter' || ev.type === 'focusin') return true;
  if (ev.type === 'mouseleave') return box.matches(':focus-within');
  return box.matches(':hover') || box.contains((ev as FocusEvent).relatedTarget as Node | null);
}

/**
 * A sentence a user understands for an error; the server's own text follows where it adds
 * something. `serverUrl` is the address the page talks to (the page's origin when empty), named
 * when it cannot be reached.
 */
export function explainError(error: VmError, vmName: string, serverUrl?: string): string {
  const server = serverUrl === undefined ? 'The server' : `The server at ${(serverUrl || location.origin).replace(/\/+$/, '')}`;
  const vm = vmName || 'this VM';
  const known: Partial<Record<VmErrorCode, string>> = {
    AUTH_ERROR: 'You are not signed in, or your session has expired. Sign in again to see this VM.',
    PERMISSION_DENIED: `Your account is not allowed to open ${vm}.`,
    VM_NOT_FOUND: `There is no VM called “${vm}” on this server.`,
    VM_NOT_RUNNING: `${vm} is not running.`,
    INVALID_INPUT: error.message,
    INVALID_CONFIG: `The connection settings are not valid: ${error.message}`,
    NETWORK_ERROR: `${server} cannot be reached. Check the network and the address; the page keeps trying.`,
    SERVER_ERROR: 'The server ran into a problem. Try again in a moment.',
    UNKNOWN_ERROR: 'The server reported an unexpected problem.',
    INVALID_RESPONSE: 'The server sent an answer this page does not understand.',
    INVALID_COMMAND: 'The server did not accept the command.',
    INVALID_MESSAGE: 'The server could not read a message from this page.',
    INVALID_MESSAGE_TYPE: 'The server rejected a message from this page.',
    UNKNOWN_MESSAGE_TYPE: 'The server rejected a message from this page.',
    TIMEOUT: `${server} took too long to answer.`,
  };
  // On an open socket the server uses AUTH_ERROR for a missing permission, too.
  if (error.code === 'AUTH_ERROR' && /permission/i.test(error.message)) {
    return `Your account is not allowed to do that (${error.message}).`;
  }
  const base = known[error.code];
  if (!base) return error.message || 'Something went wrong.';
  // Keep the server's detail when it is more than the code restated.
  // The transport's words for the codes below only restate the code.
  const restates = ['AUTH_ERROR', 'VM_NOT_FOUND', 'NETWORK_ERROR', 'TIMEOUT'].includes(error.code);
  const detail = error.message && !base.includes(error.message) && !restates ? error.message : '';
  return detail && base !== detail ? `${base} (${detail})` : base;
}

/** Why an action is disabled, as a sentence. */
export function reasonText(action: VmAction, why: Why, vm: string, { label: labels, progress }: Kit): string {
  const label = labels[action];
  switch (why.kind) {
    case 'busy':
      return `${progress[action].replace('…', '')} is in progress.`;
    case 'wait':
      return `Wait until ${why.other} has finished.`;
    case 'permission':
      return `You do not have permission to ${action} VMs (needs the ${why.missing.join(' and ')} permission).`;
    case 'not-found':
      return `There is no VM called ${vm}.`;
    case 'sign-in':
      return 'Sign in again to control this VM.';
    case 'offline':
      return `${label} needs a live connection to the server.`;
    case 'no-status':
      return `Waiting for the VM's status.`;
    case 'status':
      return invalidReason(action, why.status, vm);
    case 'no-session':
      return why.badName ? 'The VM name is not valid.' : 'Not connected to a VM.';
  }
}

function invalidReason(action: VmAction, status: VmStatus, vm: string): string {
  if (status === 'unknown' || status === 'error') return `${vm}'s state is ${status}: ${action} is not possible now.`;
  switch (action) {
    case 'start':
      return status === 'running'
        ? `${vm} is already running.`
        : `${vm} is ${status}: resume it instead.`;
    case 'stop':
      return `${vm} is not running (it is ${status}).`;
    case 'restart':
      return `Only a running VM can be restarted (${vm} is ${status}).`;
    case 'suspend':
      return status === 'paused' || status === 'suspended'
        ? `${vm} is already ${status}.`
        : `Only a running VM can be suspended (${vm} is ${status}).`;
    case 'resume':
      return `Only a paused VM can be resumed (${vm} is ${status}).`;
  }
}
