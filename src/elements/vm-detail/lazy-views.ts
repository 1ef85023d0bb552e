/**
 * The parts of `<vm-detail>` that load after its first paint, and their state: the Overview's
 * details, the error and reason texts, the confirmation dialog (`internal/deferred-parts.ts` imports them), and the
 * Monitoring and Console tabs' elements. Each part's styles are added to the element as it arrives.
 */
import { nothing, unsafeCSS, type CSSResult, type ReactiveControllerHost } from 'lit';
import type { VmError } from '../../protocol/errors.js';
import { addStyles, afterPaint, loadConfirm, loadTexts } from '../../internal/deferred-parts.js';
import type { DeferredPart } from '../../internal/deferred-texts.js';
import { msg } from '../../internal/msg.js';
import { loadOverview, loadPart, type LazyPart } from './lazy.js';

/** What a panel says when its part, and the texts that would explain it, both failed to load. */
function loadFailedFallback(what: DeferredPart): string {
  if (what === 'charts') return msg('The live charts could not be loaded.', { id: 'texts.loadFailed.charts' });
  if (what === 'console') return msg('The console could not be loaded.', { id: 'texts.loadFailed.console' });
  return msg("The VM's details could not be loaded.", { id: 'texts.loadFailed.details' });
}

/** Where a part that loads after the first paint is. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export class LazyViews {
  /** Error and disabled-reason texts (`internal/deferred-texts.ts`): loaded right after the first paint. */
  texts: Awaited<ReturnType<typeof loadTexts>> | null = null;
  /** The Overview details (`overview.ts`): loaded after the first paint. */
  overview: Awaited<ReturnType<typeof loadOverview>> | null = null;
  overviewState: LoadState = 'idle';
  /** The confirmation dialog's contents (`internal/deferred-confirm.ts`): preloaded when idle, else on first use. */
  confirm: Awaited<ReturnType<typeof loadConfirm>> | null = null;
  parts: Record<LazyPart, LoadState> = { metrics: 'idle', console: 'idle' };

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {}

  /**
   * After the first paint, in parallel with the REST request (the skeleton covers both); then,
   * when the page is idle, what `idle` loads and the confirmation's contents (`confirmWanted`).
   */
  preload(confirmWanted: boolean, idle: () => void): void {
    afterPaint(() => {
      this.loadOverview();
      this.loadTexts();
      const whenIdle = (globalThis as { requestIdleCallback?: (fn: () => void, o: { timeout: number }) => void }).requestIdleCallback;
      const preload = () => {
        idle();
        if (confirmWanted) void this.useConfirm().catch(() => undefined);
      };
      if (whenIdle) whenIdle(preload, { timeout: 3000 });
      else setTimeout(preload, 500);
    });
  }

  useConfirm(): Promise<unknown> {
    return this.use(loadConfirm).then((m) => this.set(() => (this.confirm = m)));
  }

  loadTexts(): void {
    if (this.texts) return;
    this.use(loadTexts).then(
      (m) => this.set(() => (this.texts = m)),
      (e: unknown) => {
        // The server's own words, and no reasons, rather than no message at all.
        console.warn('<vm-detail>: could not load the error texts:', e);
        // The outcome as plain words (its region still announces it; a success still goes away).
        this.set(
          () =>
            (this.texts = {
              explainError: (error: VmError) => error.message || msg('Something went wrong.', { id: 'error.other' }),
              reasonText: () => '',
              renderOutcome: (o) => o?.text ?? nothing,
              outcomeHeld: () => false,
              loadFailedTitle: (what) => loadFailedFallback(what),
              renderLoadFailed: (what) => loadFailedFallback(what),
              renderConsoleLocked: () => msg('The console is not available to you.', { id: 'texts.consoleLocked' }),
              renderLock: () => ` ${msg('(not available to you)', { id: 'texts.locked' })}`,
              styles: '',
              sheet: unsafeCSS(''),
            }),
        );
      },
    );
  }

  loadOverview(): void {
    if (this.overviewState === 'loading' || this.overviewState === 'ready') return;
    this.set(() => (this.overviewState = 'loading'));
    this.use(loadOverview).then(
      (m) =>
        this.set(() => {
          this.overview = m;
          this.overviewState = 'ready';
        }),
      (e: unknown) => {
        console.warn('<vm-detail>: could not load the overview:', e);
        this.set(() => (this.overviewState = 'failed'));
      },
    );
  }

  /** Loads `<vm-metrics>` or `<vm-console>` the first time its tab is shown; a failure can be retried. */
  loadPart(part: LazyPart): void {
    if (this.parts[part] === 'loading' || this.parts[part] === 'ready') return;
    const mark = (st: LoadState) => this.set(() => (this.parts = { ...this.parts, [part]: st }));
    mark('loading');
    loadPart(part).then(
      () => mark('ready'),
      (e: unknown) => {
        console.warn(`<vm-detail>: could not load <vm-${part}>:`, e);
        mark('failed');
      },
    );
  }

  /** Imports a lazily loaded part and adds its styles to the element before it is rendered. */
  private async use<M extends { sheet: CSSResult }>(load: () => Promise<M>): Promise<M> {
    const m = await load();
    addStyles(this.host.renderRoot as ShadowRoot, m.sheet);
    return m;
  }

  private set(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }
}
