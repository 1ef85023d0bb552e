import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import { LazyRestClient, type TokenProvider, type VmActionResultDetail, type VmSelectDetail } from 'libgo-vm-elements';

@Component({
  selector: 'app-root',
  standalone: true,
  // <vm-*> are custom elements: Angular binds their properties and listens to their events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>LibGo · {{ vmName() }} (Angular)</h1>
    @if (tokenProvider(); as provider) {
      <vm-connection [server]="serverUrl()" [tokenProvider]="provider">
        <vm-list [selected]="vmName()" style="display: block; height: 260px" (vm-select)="onSelect($event)"></vm-list>
        <vm-detail [vmName]="vmName()" confirm-actions="stop restart" (vm-action-result)="onResult($event)"></vm-detail>
      </vm-connection>
    } @else {
      <form id="login" (submit)="signIn($event)">
        <label>Server <input name="server" [value]="serverUrl()" (input)="serverUrl.set(field($event))" required /></label>
        <label>User <input name="username" autocomplete="username" [value]="username()" (input)="username.set(field($event))" required /></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" (input)="password.set(field($event))" required /></label>
        <button type="submit">Sign in</button>
        <span id="error" role="alert">{{ error() }}</span>
      </form>
    }
    <ol id="log" aria-label="Action results">
      @for (line of log(); track $index) {
        <li>{{ line }}</li>
      }
    </ol>
  `,
})
export class AppComponent {
  /** The VM the detail shows: the one chosen in the fleet list. */
  readonly vmName = signal('web-01');
  readonly serverUrl = signal(new URLSearchParams(location.search).get('server') ?? location.origin);
  readonly username = signal('admin');
  readonly password = signal('');
  readonly error = signal('');
  readonly tokenProvider = signal<TokenProvider | null>(null);
  readonly log = signal<string[]>([]);

  field(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  async signIn(event: Event): Promise<void> {
    event.preventDefault();
    this.error.set('');
    try {
      const { token } = await new LazyRestClient({ serverUrl: this.serverUrl() }).login(this.username(), this.password());
      this.tokenProvider.set(() => token);
    } catch (e) {
      this.error.set((e as Error).message);
    }
  }

  onSelect(event: Event): void {
    const name = (event as CustomEvent<VmSelectDetail>).detail.vmName;
    this.vmName.set(name);
    this.log.update((l) => [...l, `select: ${name}`]);
  }

  onResult(event: Event): void {
    const d = (event as CustomEvent<VmActionResultDetail>).detail;
    this.log.update((l) => [...l, `${d.action}: ${d.success ? 'ok' : 'failed'}${d.message ? ` (${d.message})` : ''}`]);
  }
}
