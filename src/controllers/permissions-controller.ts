/**
 * What the user may do, as far as the UI can tell: the list the element was given, else what the
 * hub reads from the token (its roles), else null: not known, the server decides. Read again when
 * the hub or its settings change (`refresh()`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VmHub } from '../hub/vm-hub.js';

export interface PermissionsOptions {
  /** Permissions set on the element; they override the token's. */
  given: () => readonly string[] | undefined;
  hub: () => VmHub | null;
}

export class PermissionsController implements ReactiveController {
  private fromHub: ReadonlySet<string> | null = null;
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PermissionsOptions,
  ) {
    host.addController(this);
  }

  /** The permissions in force; null when they are not known. */
  get effective(): ReadonlySet<string> | null {
    const given = this.options.given();
    return given ? new Set(given) : this.fromHub;
  }

  /** Whether the UI offers what needs `permission` (yes when the permissions are not known). */
  allows(permission: string): boolean {
    const p = this.effective;
    return !p || p.has(permission);
  }

  /** Asks the hub again (the token, the hub or the given list changed); the last answer wins. */
  refresh(): void {
    const asked = ++this.asked;
    const set = (p: ReadonlySet<string> | null) => {
      if (asked !== this.asked) return;
      this.fromHub = p;
      this.host.requestUpdate();
    };
    if (this.options.given()) {
      set(null);
      return;
    }
    const hub = this.options.hub();
    if (!hub) return;
    void hub.permissions().then(set, () => set(null));
  }

  hostDisconnected(): void {
    // A late answer is for a page the element has left.
    this.asked++;
  }
}
