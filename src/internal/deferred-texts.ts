/**
 * The words shown once the server has answered: what an error means, and why an action is
 * disabled (shown when its button is hovered or focused). Loaded right after the first paint, in
 * parallel with the first requests. No runtime imports (see vm-detail's overview.ts); labels come via `Kit`.
 */
import type { TemplateResult } from 'lit';
import type { VmAction, VmStatus } from '../hub/index.js';
import type { ActionOutcome } from './action-words.js';
import type { Why } from '../hub/action-rules.js';
import type { Kit } from './deferred-kit.js';
import { statusLabel } from './error-words.js';

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
  confirming: VmAction | null | undefined,
  vmName: string,
  hold: (ev: Event) => void,
  dismiss: () => void,
  kit: Kit,
): TemplateResult | Kit['nothing'] | string {
  const { html, msg } = kit;
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
      <button class="link" aria-label=${msg('Dismiss message', { id: 'texts.dismiss' })} @click=${dismiss}>✕</button>
    </div>`;
  }
  return confirming
    ? html`<div class="confirming"><span class="spinner" aria-hidden="true"></span><span>${confirmingWords(confirming, vmName, kit)}</span></div>`
    : kit.nothing;
}

/** A part of a page that loads after its first paint. */
export type DeferredPart = 'charts' | 'console' | 'details';

/** "The live charts could not be loaded." (the first paint's fallback says it too: vm-detail's lazy-views.ts). */
export function loadFailedTitle(what: DeferredPart, { msg }: Pick<Kit, 'msg'>): string {
  if (what === 'charts') return msg('The live charts could not be loaded.', { id: 'texts.loadFailed.charts' });
  if (what === 'console') return msg('The console could not be loaded.', { id: 'texts.loadFailed.console' });
  return msg("The VM's details could not be loaded.", { id: 'texts.loadFailed.details' });
}

/**
 * What a tab panel shows after its part (live charts, console, the VM's details) failed to load;
 * `retry` loads it again. Only shown after a load has failed, so it lives here.
 */
export function renderLoadFailed(what: DeferredPart, retry: () => void, kit: Kit): TemplateResult | string {
  const { html, msg } = kit;
  return html`<div class="empty">
    <p class="empty-title">${loadFailedTitle(what, kit)}</p>
    <p>${msg('Its code did not load in this page. Check the network, then try again.', { id: 'texts.loadFailed.body' })}</p>
    <button class="btn" @click=${retry}>${msg('Try again', { id: 'common.tryAgain' })}</button>
  </div>`;
}

/**
 * On a tab the user may not use (the console without its permission): the words, and a padlock
 * drawn, not an emoji (a page without an emoji font showed a blank box). Known only once the
 * permissions are, which is after this module has loaded.
 */
export function renderLock({ html, msg }: Kit): TemplateResult | string {
  return html`<span class="visually-hidden"> ${msg('(not available to you)', { id: 'texts.locked' })}</span><svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" stroke-width="1.6">
    <rect x="3" y="7" width="10" height="7" rx="1.5"></rect><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"></path>
  </svg>`;
}

export function renderConsoleLocked(vmName: string, { html, msg, str }: Kit): TemplateResult | string {
  const vm = vmName || msg('this VM', { id: 'texts.thisVm' });
  return html`<div class="empty">
    <p class="empty-title">${msg('The console is not available to you.', { id: 'texts.consoleLocked' })}</p>
    <p>${msg(str`Your account can watch ${vm} but not use its console: that needs the console permission. Ask an administrator if you need it.`, { id: 'texts.consoleLocked.body' })}</p>
  </div>`;
}

/** Whether the outcome is being read after this event: hovered or focused (WCAG 2.2.1). */
export function outcomeHeld(ev: Event): boolean {
  const box = ev.currentTarget as HTMLElement;
  if (ev.type === 'mouseenter' || ev.type === 'focusin') return true;
  if (ev.type === 'mouseleave') return box.matches(':focus-within');
  return box.matches(':hover') || box.contains((ev as FocusEvent).relatedTarget as Node | null);
}

// A sentence for an error: with the other errors' words, which the action outcome says too.
export { explainError } from './error-words.js';

/** Why an action is disabled, as a sentence. */
export function reasonText(action: VmAction, why: Why, vm: string, kit: Kit): string {
  const { label: labels, progress, msg, str } = kit;
  const label = labels[action];
  // Inside a sentence an action is said as its button's word in lower case ("stop").
  const verb = lower(label, kit);
  switch (why.kind) {
    case 'busy': {
      const doing = progress[action].replace('…', '');
      return msg(str`${doing} is in progress.`, { id: 'reason.busy' });
    }
    case 'wait': {
      const other = lower(labels[why.other], kit);
      return msg(str`Wait until ${other} has finished.`, { id: 'reason.wait' });
    }
    case 'permission': {
      // Permission names are the server's words (start, stop): not translated; the list is the locale's ("start und stop").
      const needs = listFormat(kit.locale()).format(why.missing);
      return msg(str`You do not have permission to ${verb} VMs (needs the ${needs} permission).`, { id: 'reason.permission' });
    }
    case 'not-found':
      return msg(str`There is no VM called ${vm}.`, { id: 'reason.notFound' });
    case 'sign-in':
      return msg('Sign in again to control this VM.', { id: 'reason.signIn' });
    case 'offline':
      return msg(str`${label} needs a live connection to the server.`, { id: 'reason.offline' });
    case 'no-status':
      return msg("Waiting for the VM's status.", { id: 'reason.noStatus' });
    case 'status':
      return invalidReason(action, why.status, vm, verb, kit);
    case 'no-session':
      return why.badName ? msg('The VM name is not valid.', { id: 'reason.badName' }) : msg('Not connected to a VM.', { id: 'reason.noSession' });
  }
}

/** The server accepted the action and the VM has not yet shown its effect. */
function confirmingWords(action: VmAction, vmName: string, kit: Kit): string {
  const { msg, str } = kit;
  const verb = lower(kit.label[action], kit);
  const vm = vmName || msg('this VM', { id: 'texts.thisVm' });
  switch (action) {
    case 'start':
      return msg(str`The server accepted ${verb}; waiting for ${vm} to be running…`, { id: 'texts.confirming.start' });
    case 'stop':
      return msg(str`The server accepted ${verb}; waiting for ${vm} to stop…`, { id: 'texts.confirming.stop' });
    case 'restart':
      return msg(str`The server accepted ${verb}; waiting for ${vm} to restart…`, { id: 'texts.confirming.restart' });
    case 'suspend':
      return msg(str`The server accepted ${verb}; waiting for ${vm} to be paused…`, { id: 'texts.confirming.suspend' });
    case 'resume':
      return msg(str`The server accepted ${verb}; waiting for ${vm} to be running…`, { id: 'texts.confirming.resume' });
  }
}

/**
 * One list format per locale: making one costs more than the rest of the sentence, and
 * `<vm-list>` says a reason for each row's buttons on every render of its rows.
 */
const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return f;
}

function lower(word: string, { locale }: Kit): string {
  return word.toLocaleLowerCase(locale());
}

function invalidReason(action: VmAction, status: VmStatus, vm: string, verb: string, kit: Kit): string {
  const { msg, str } = kit;
  // The status as its badge says it, in lower case ("shut down").
  const state = lower(statusLabel(status, msg), kit);
  if (status === 'unknown' || status === 'error') return msg(str`${vm}'s state is ${state}: ${verb} is not possible now.`, { id: 'reason.state' });
  switch (action) {
    case 'start':
      return status === 'running' ? msg(str`${vm} is already running.`, { id: 'reason.start.running' }) : msg(str`${vm} is ${state}: resume it instead.`, { id: 'reason.start.resume' });
    case 'stop':
      return msg(str`${vm} is not running (it is ${state}).`, { id: 'reason.stop' });
    case 'restart':
      return msg(str`Only a running VM can be restarted (${vm} is ${state}).`, { id: 'reason.restart' });
    case 'suspend':
      return status === 'paused' || status === 'suspended'
        ? msg(str`${vm} is already ${state}.`, { id: 'reason.suspend.already' })
        : msg(str`Only a running VM can be suspended (${vm} is ${state}).`, { id: 'reason.suspend' });
    case 'resume':
      return msg(str`Only a paused VM can be resumed (${vm} is ${state}).`, { id: 'reason.resume' });
  }
}

