/**
 * A link activated in the console's output, as the `links` policy says: refused (not http(s)),
 * announced by a cancelable `vm-link` event, then opened at once or confirmed first in a dialog
 * that shows the full address.
 */
import { html, type TemplateResult } from 'lit';
import { emit } from '../../events/index.js';
import { onDialogKey } from './dialog-keys.js';
import { checkLink, openLink, parseLinkPolicy, type LinkPolicy } from './link-policy.js';
import { msg, str } from '../../internal/msg.js';

export interface PendingLink {
  url: string;
  host: string;
}

export interface LinkDialogHost {
  readonly element: HTMLElement & { vmName: string; links: LinkPolicy; requestUpdate(): void };
  /** Says why a link was not opened (the status strip); `reason` gives the words in the locale it is called in. */
  refused(reason: () => string): void;
  focusTerminal(): void;
}

export class LinkDialog {
  pending: PendingLink | null = null;
  private focusDialog = false;

  constructor(private readonly host: LinkDialogHost) {}

  get policy(): LinkPolicy {
    return parseLinkPolicy(this.host.element.links);
  }

  activate(text: string, source: 'hyperlink' | 'text'): void {
    const policy = this.policy;
    if (policy === 'off') return;
    const check = checkLink(text);
    if (!check.ok) {
      // Judged again when said, so the words are in the locale of the render that shows them.
      this.host.refused(() => {
        const again = checkLink(text);
        return again.ok ? '' : again.reason;
      });
      return;
    }
    const el = this.host.element;
    const detail = { vmName: el.vmName, url: check.url, host: check.host, source };
    if (!emit(el, 'vm-link', detail, { cancelable: true })) return;
    if (policy === 'open') openLink(check.url);
    else {
      this.pending = { url: check.url, host: check.host };
      this.focusDialog = true;
      el.requestUpdate();
    }
  }

  /** Call after the host rendered. */
  updated(root: ParentNode): void {
    if (!this.focusDialog) return;
    this.focusDialog = false;
    root.querySelector<HTMLButtonElement>('.link-dialog [data-action="link-cancel"]')?.focus();
  }

  render(): TemplateResult | null {
    const link = this.pending;
    if (!link) return null;
    const host = link.host;
    const vm = this.host.element.vmName || msg('the VM', { id: 'console.link.theVm' });
    return html`<div class="overlay link-overlay">
      <div class="card link-dialog" role="dialog" aria-modal="true" aria-labelledby="link-title" aria-describedby="link-desc" @keydown=${(e: KeyboardEvent) => onDialogKey(e, this.cancel)}>
        <h2 id="link-title">${msg(str`Open a link to ${host}?`, { id: 'console.link.title' })}</h2>
        <p id="link-desc">${msg(str`The output of ${vm} links to this address. It opens in a new tab.`, { id: 'console.link.desc' })}</p>
        <p class="link-url" data-url=${link.url}>${link.url}</p>
        <div class="actions">
          <button class="text-btn" data-action="link-cancel" @click=${this.cancel}>${msg('Cancel', { id: 'common.cancel' })}</button>
          <button class="text-btn primary" data-action="link-open" @click=${this.confirm}>${msg('Open link', { id: 'console.link.open' })}</button>
        </div>
      </div>
    </div>`;
  }

  private readonly confirm = (): void => this.close(true);

  private readonly cancel = (): void => this.close(false);

  private close(open: boolean): void {
    const link = this.pending;
    this.pending = null;
    if (open && link) openLink(link.url);
    this.host.element.requestUpdate();
    this.host.focusTerminal();
  }
}
