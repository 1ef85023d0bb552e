/**
 * The demo: sign in, pick a VM from the fleet in <vm-list>, see it in <vm-detail>; a second page (#/embed)
 * shows the elements embedded on their own: console and metrics side by side, and a dashboard of
 * compact metrics tiles for every VM. Each page has one <vm-connection>, so every widget for a VM
 * shares one socket.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import '../../src/elements/vm-connection/vm-connection.define.js';
import '../../src/elements/vm-detail/vm-detail.define.js';
import '../../src/elements/vm-list/vm-list.define.js';
import type { VmConnection } from '../../src/elements/vm-connection/vm-connection.js';
import { VmError, type VmHub, type VmInfo } from '../../src/hub/index.js';
import { DEMO_USERS, currentToken, currentUser, describeLoginError, signIn, signOut } from './session.js';

type Route = { page: 'vms'; vm: string | null } | { page: 'embed'; vm: string | null };
type Theme = 'light' | 'dark';

function parseRoute(): Route {
  const h = location.hash.replace(/^#\/?/, '');
  const [page, ...rest] = h.split('/');
  const vm = rest.length > 0 ? decodeURIComponent(rest.join('/')) : null;
  return page === 'embed' ? { page: 'embed', vm } : { page: 'vms', vm };
}

export class DemoApp extends LitElement {
  static override styles = css`
    :host {
      --bg: #f3f5f8;
      --panel: #ffffff;
      --text: #1b1f24;
      --muted: #5b6470;
      --border: #d9dde3;
      --accent: #2563eb;
      --ok: #15803d;
      --warn: #b45309;
      --danger: #b91c1c;
      display: block;
      min-height: 100vh;
      background: var(--bg);
      color: var(--text);
      font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color-scheme: light;
    }
    :host([theme='dark']) {
      --bg: #0b0e12;
      --panel: #111418;
      --text: #e6e9ee;
      --muted: #9aa4b1;
      --border: #2f3742;
      --accent: #60a5fa;
      --ok: #4ade80;
      --warn: #fbbf24;
      --danger: #f87171;
      color-scheme: dark;
    }
    * {
      box-sizing: border-box;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
      padding: 10px 20px;
      background: var(--panel);
      border-bottom: 1px solid var(--border);
    }
    .brand {
      font-weight: 700;
      font-size: 1.05em;
      margin: 0;
    }
    nav {
      display: flex;
      gap: 4px;
    }
    nav a {
      color: var(--muted);
      text-decoration: none;
      padding: 6px 10px;
      border-radius: 6px;
    }
    nav a[aria-current='page'] {
      color: var(--text);
      background: var(--bg);
      font-weight: 600;
    }
    .spacer {
      flex: 1;
    }
    button,
    input,
    select {
      font: inherit;
      color: inherit;
    }
    .btn {
      border: 1px solid var(--border);
      background: var(--panel);
      border-radius: 6px;
      padding: 5px 12px;
      cursor: pointer;
    }
    .btn.primary {
      background: var(--accent);
      border-color: var(--accent);
      color: var(--panel);
    }
    .user {
      color: var(--muted);
    }
    main {
      padding: 20px;
    }
    @media (max-width: 720px) {
      main {
        padding: 10px;
      }
    }
    .card {
      background: var(--panel);
      border: 1px solid var(--border);
      border-radius: 8px;
    }
    .section-title {
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--muted);
      margin: 0;
      padding: 12px 14px 6px;
    }
    vm-list {
      --vm-list-height: 340px;
      margin-bottom: 20px;
    }
    .login {
      max-width: 420px;
      margin: 8vh auto;
      padding: 24px;
    }
    .login h1 {
      margin: 0 0 4px;
      font-size: 1.4em;
    }
    .login p {
      color: var(--muted);
      margin: 0 0 16px;
    }
    label {
      display: block;
      margin: 10px 0 4px;
      font-weight: 600;
    }
    input {
      width: 100%;
      padding: 8px 10px;
      border: 1px solid var(--border);
      border-radius: 6px;
      background: var(--bg);
    }
    .users {
      margin-top: 18px;
      border-top: 1px solid var(--border);
      padding-top: 12px;
    }
    .users table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9em;
    }
    .users td,
    .users th {
      text-align: left;
      padding: 4px 6px;
    }
    .error {
      color: var(--danger);
      margin-top: 10px;
    }
    .embed-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      gap: 16px;
      align-items: stretch;
    }
    vm-console {
      min-height: 380px;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
    }
    .toolbar {
      display: flex;
      gap: 10px;
      align-items: center;
      margin-bottom: 14px;
      flex-wrap: wrap;
    }
    .toolbar select {
      padding: 5px 8px;
      border-radius: 6px;
      border: 1px solid var(--border);
      background: var(--panel);
    }
    h2.page {
      margin: 22px 0 10px;
      font-size: 1.05em;
    }
    .empty {
      padding: 40px;
      text-align: center;
      color: var(--muted);
    }
  `;

  static override properties = { theme: { reflect: true } };
  declare theme: Theme;

  @state() private route: Route = parseRoute();
  @state() private signedIn = currentToken() !== null;
  @state() private vms: VmInfo[] | null = null;
  @state() private listError = '';
  @state() private loginError = '';
  @state() private busy = false;

  private readonly tokenProvider = () => currentToken();
  private listFor: VmHub | null = null;

  constructor() {
    super();
    const saved = localStorage.getItem('libgo-demo-theme');
    const query = new URLSearchParams(location.search).get('theme');
    this.theme = query === 'dark' || query === 'light' ? query : saved === 'dark' || saved === 'light' ? saved : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = () => {
    this.route = parseRoute();
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme')) {
      document.documentElement.style.colorScheme = this.theme;
      document.body.style.background = this.theme === 'dark' ? '#0b0e12' : '#f3f5f8';
    }
    const hub = this.renderRoot.querySelector<VmConnection>('vm-connection')?.activeHub ?? null;
    if (this.signedIn && hub && hub !== this.listFor) {
      this.listFor = hub;
      void this.loadList(hub);
    }
  }

  /** The VM names for the embedded-widgets page (the VM page's list is <vm-list>). */
  private async loadList(hub: VmHub): Promise<void> {
    try {
      this.vms = await hub.rest.listVms();
      this.listError = '';
    } catch (e) {
      if (e instanceof VmError && e.code === 'AUTH_ERROR') return this.logout('Your session has expired; sign in again.');
      this.listError = e instanceof VmError ? e.message : 'The VM list could not be loaded.';
    }
  }

  private async onLogin(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.loginError = '';
    try {
      await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      this.signedIn = true;
      this.listFor = null;
    } catch (e) {
      this.loginError = describeLoginError(e);
    } finally {
      this.busy = false;
    }
  }

  private logout(message = ''): void {
    signOut();
    this.vms = null;
    this.listFor = null;
    this.signedIn = false;
    this.loginError = message;
  }

  private toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('libgo-demo-theme', this.theme);
  }

  protected override render() {
    const user = currentUser();
    return html`
      <header class="bar">
        <p class="brand">LibGo VMs</p>
        ${this.signedIn
          ? html`<nav aria-label="Pages">
              <a href="#/vms${this.route.vm ? `/${encodeURIComponent(this.route.vm)}` : ''}" aria-current=${this.route.page === 'vms' ? 'page' : nothing}>VM detail</a>
              <a href="#/embed${this.route.vm ? `/${encodeURIComponent(this.route.vm)}` : ''}" aria-current=${this.route.page === 'embed' ? 'page' : nothing}>Embedded widgets</a>
            </nav>`
          : nothing}
        <span class="spacer"></span>
        <button class="btn" @click=${this.toggleTheme} aria-label="Switch to ${this.theme === 'dark' ? 'light' : 'dark'} theme">
          ${this.theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        ${this.signedIn && user
          ? html`<span class="user">${user.username} (${user.roles.join(', ')})</span>
              <button class="btn" @click=${() => this.logout()}>Log out</button>`
          : nothing}
      </header>
      <main>${this.signedIn ? this.renderSignedIn() : this.renderLogin()}</main>
    `;
  }

  private renderLogin() {
    return html`<form class="card login" @submit=${this.onLogin}>
      <h1>Sign in</h1>
      <p>To the LibGo reference server on ${location.host}.</p>
      <label for="u">User name</label>
      <input id="u" name="username" autocomplete="username" required />
      <label for="p">Password</label>
      <input id="p" name="password" type="password" autocomplete="current-password" required />
      <div style="margin-top:16px"><button class="btn primary" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button></div>
      <div class="error" role="alert">${this.loginError}</div>
      <div class="users">
        <table>
          <caption style="text-align:left;color:var(--muted);padding-bottom:4px">Demo users (click to fill in)</caption>
          <thead><tr><th scope="col">User</th><th scope="col">Password</th><th scope="col">Can</th></tr></thead>
          <tbody>
            ${DEMO_USERS.map(
              (u) => html`<tr>
                <td><button type="button" class="btn" @click=${() => this.fill(u.username, u.password)}>${u.username}</button></td>
                <td><code>${u.password}</code></td>
                <td>${u.note}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </form>`;
  }

  private fill(username: string, password: string): void {
    (this.renderRoot.querySelector('#u') as HTMLInputElement).value = username;
    (this.renderRoot.querySelector('#p') as HTMLInputElement).value = password;
  }

  private renderSignedIn() {
    // One <vm-connection> per page: the list, the detail and every widget share its sockets.
    return html`<vm-connection .tokenProvider=${this.tokenProvider} @vm-error=${this.onVmError}>
      ${this.route.page === 'vms' ? this.renderVmsPage() : this.renderEmbedPage()}
    </vm-connection>`;
  }

  private readonly onVmError = (e: CustomEvent<{ code: string }>) => {
    if (e.detail.code === 'AUTH_ERROR' && currentToken() === null) this.logout('Your session has expired; sign in again.');
  };

  private selected(): string | null {
    return this.route.vm ?? this.vms?.[0]?.name ?? null;
  }

  private renderVmsPage() {
    const vm = this.selected();
    // The fleet as <vm-list>: choosing a row opens it below (and in the address, for a deep link).
    return html`<vm-list
        label="Virtual machines"
        selected=${vm ?? ''}
        theme=${this.theme}
        @vm-select=${(e: CustomEvent<{ vmName: string }>) => (location.hash = `#/vms/${encodeURIComponent(e.detail.vmName)}`)}
      ></vm-list>
      ${vm
        ? html`<vm-detail vm-name=${vm} theme=${this.theme}></vm-detail>`
        : html`<div class="card empty">${this.vms?.length === 0 ? 'This server has no VMs.' : 'Choose a VM in the list.'}</div>`}`;
  }

  private renderEmbedPage() {
    const vm = this.selected();
    void import('../../src/elements/vm-console/vm-console.define.js');
    void import('../../src/elements/vm-metrics/vm-metrics.define.js');
    return html`
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
      <div class="toolbar">
        <label for="vm-pick" style="margin:0">VM</label>
        <select id="vm-pick" @change=${(e: Event) => (location.hash = `#/embed/${encodeURIComponent((e.target as HTMLSelectElement).value)}`)}>
          ${(this.vms ?? []).map((v) => html`<option value=${v.name} ?selected=${v.name === vm}>${v.name}</option>`)}
        </select>
        <span class="user">A console and a metrics tile, each embedded on its own, sharing one socket per route.</span>
      </div>
      ${vm
        ? html`<div class="embed-grid">
            <vm-console vm-name=${vm} theme=${this.theme}></vm-console>
            <vm-metrics vm-name=${vm} theme=${this.theme}></vm-metrics>
          </div>`
        : nothing}
      <h2 class="page">Dashboard</h2>
      <div class="tiles">
        ${(this.vms ?? []).map((v) => html`<vm-metrics compact vm-name=${v.name} theme=${this.theme}></vm-metrics>`)}
      </div>
    `;
  }
}
