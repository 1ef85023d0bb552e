/**
 * What sits over `<vm-console>`'s terminal: "Loading terminal…" until xterm is here, the card that
 * says why there is nothing to show (console-overlay.ts), the hint for a connected console that
 * has shown no output yet, and "Jump to latest" while scrolled up.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../internal/msg.js';
import type { ConsoleTerminal } from './console-terminal.js';
import { icons } from './icons.js';

export interface LayerFacts {
  /** The terminal, once xterm has loaded. */
  terminal: Pick<ConsoleTerminal, 'hasOutput' | 'scrolledUp' | 'jumpToLatest'> | null;
  loadError: string | null;
  /** The card over the terminal (console-overlay.ts), or null. */
  overlay: TemplateResult | null;
  /** The console is connected to a running VM. */
  connected: boolean;
  readOnly: boolean;
}

export function renderLayers(f: LayerFacts): unknown[] {
  const t = f.terminal;
  const overlay = f.overlay;
  return [
    !t && !f.loadError && !overlay ? html`<div class="loading">${msg('Loading terminal…', { id: 'console.loading' })}</div>` : nothing,
    t && !overlay && !t.hasOutput && f.connected && !f.readOnly
      ? html`<div class="quiet-hint" part="hint">
          ${msg('Connected. A serial console shows output only when the guest prints: press Enter for a prompt.', { id: 'console.hint' })}
        </div>`
      : nothing,
    overlay ?? nothing,
    t?.scrolledUp && !overlay ? html`<button class="jump" data-action="jump" @click=${() => t.jumpToLatest()}>${icons.arrowDown} ${msg('Jump to latest', { id: 'console.jump' })}</button>` : nothing,
  ];
}
