/**
 * The VM's configuration for the Overview tab, read over REST: the newest request wins (an older
 * one is aborted), a reload keeps what is on screen until its answer, and a failure keeps the last
 * details (shown as stale) beside the error.
 *
 * Not `@lit/task`, on purpose: it would add about 0.75 KB gzip to `<vm-detail>`'s first paint
 * (over its budget, scripts/check-size.mjs) for what these few lines do.
 */
import type { ReactiveControllerHost } from 'lit';
import type { VmInfo } from '../../protocol/types.js';
import { VmError } from '../../protocol/errors.js';
import type { VmHub } from '../../hub/vm-hub.js';

export class OverviewLoad {
  vm: VmInfo | null = null;
  error: VmError | null = null;
  loading = false;
  /** The VM name last asked for; a load for the same name is skipped unless forced. */
  private loadedFor = '';
  private abort: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Whether the details of `name` were asked for already. */
  isFor(name: string): boolean {
    return this.loadedFor === name;
  }

  /** Reads the VM `name` from `hub` (`force`: again, even if it was read already). */
  async load(name: string, hub: VmHub | null, force: boolean): Promise<void> {
    if (!name || !hub || (!force && this.loadedFor === name)) return;
    this.loadedFor = name;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.set(() => (this.loading = true));
    try {
      const vm = await hub.rest.getVm(name, abort.signal);
      if (abort.signal.aborted) return;
      this.set(() => {
        this.vm = vm;
        this.error = null;
      });
    } catch (e) {
      if (abort.signal.aborted) return;
      this.set(() => (this.error = e instanceof VmError ? e : new VmError('UNKNOWN_ERROR', 'The VM could not be loaded.')));
    } finally {
      if (this.abort === abort) {
        this.abort = null;
        this.set(() => (this.loading = false));
      }
    }
  }

  /** The next load reads again (new credentials, a new server, or back on the page). */
  invalidate(): void {
    this.loadedFor = '';
  }

  /** Another VM: nothing of the last one stays. */
  reset(): void {
    this.vm = null;
    this.error = null;
    this.loadedFor = '';
  }

  /** The element left the page: the request in flight is dropped. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.loadedFor = '';
  }

  private set(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }
}
