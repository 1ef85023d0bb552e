// A bare host for the console's terminal modules: a sized container and recorded callbacks.
import { LitElement, html } from 'lit';
import type { ConsoleSession, ConsoleSink } from '../../../src/hub/console.js';
import { TerminalController } from '../../../src/elements/vm-console/terminal-controller.js';
import { xtermStyles } from '../../../src/elements/vm-console/xterm-styles.js';

/** A console session that keeps its output as numbered chunks (the sequence is the chunk count). */
export function fakeSession(vmName: string) {
  const chunks: string[] = [];
  const sinks = new Set<ConsoleSink>();
  const session = {
    vmName,
    attached: 0,
    get replayBytes() {
      return chunks.join('').length;
    },
    attach(sink: ConsoleSink, from = 0) {
      session.attached++;
      const text = chunks.slice(from).join('');
      if (text) sink.write(text);
      sinks.add(sink);
      return {
        detach: () => {
          sinks.delete(sink);
          return chunks.length;
        },
        hold: () => false,
      };
    },
    push(text: string) {
      chunks.push(text);
      for (const s of sinks) s.write(text);
    },
    eof() {
      for (const s of sinks) s.eof?.();
    },
  };
  return session;
}

export class ProbeTerminal extends LitElement {
  static override styles = [xtermStyles];
  scrollback = 1000;
  fontSize: number | undefined = undefined;
  screenReader = false;
  maxPendingBytes = 1 << 20;
  readOnly = false;
  denied = false;
  get effectiveReadOnly() {
    return this.readOnly || this.denied;
  }
  current: ReturnType<typeof fakeSession> | null = null;
  log: string[] = [];
  readonly ctl = new TerminalController({
    element: this,
    container: () => this.renderRoot.querySelector<HTMLDivElement>('.term'),
    permissionDenied: () => this.denied,
    linksOff: () => false,
    session: () => this.current as unknown as ConsoleSession | null,
    sendInput: (data, progress) => this.log.push(`send ${JSON.stringify(data)}${progress ? ' with progress' : ''}`),
    activateLink: (url, source) => this.log.push(`link ${url} ${source}`),
    onKey: () => true,
    onPaste: () => this.log.push('paste'),
    onFocus: (f) => this.log.push(`focus ${f}`),
    onSearchResults: (i, n) => this.log.push(`results ${i}/${n}`),
    onEof: () => this.log.push('eof'),
    marker: (bytes) => `[${bytes} dropped]`,
    requestUpdate: () => this.requestUpdate(),
  });
  override connectedCallback() {
    super.connectedCallback();
    this.ctl.connected();
  }
  override disconnectedCallback() {
    this.ctl.disconnected();
    super.disconnectedCallback();
  }
  protected override render() {
    return html`<div class="term" style="width: 480px; height: 240px"></div>`;
  }
}
customElements.define('probe-terminal', ProbeTerminal);

export async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}
