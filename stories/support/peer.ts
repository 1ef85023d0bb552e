/**
 * Stories run against the in-page LibGo peer (`src/testing/`), so Storybook needs no server.
 * Each story gets a fresh, seeded peer and its own hub (faults never leak from one story into the
 * next); both are disposed when the story unmounts (see `disposeStoryResources` in preview.ts).
 */
import type { StoryContext } from '@storybook/web-components-vite';
import { VmHub, type VmHubConfig } from '../../src/hub/index.js';
import { leaseConsole } from '../../src/hub/console.js';
import { createInPagePeer, DEFAULT_VMS, type InPagePeer, type InPagePeerOptions } from '../../src/testing/index.js';
import type { SocketSnapshot } from '../../src/transport/index.js';
import type { SocketFactory, WebSocketLike } from '../../src/transport/socket-factory.js';

/** The peer's VMs, for `vm-name` select controls. */
export const VM_NAMES: readonly string[] = DEFAULT_VMS.map((vm) => vm.name);

export type StoryUser = 'admin' | 'operator' | 'viewer';

/**
 * - `connected`: a valid token, sockets open normally.
 * - `connecting`: the WebSocket upgrade never completes.
 * - `unauthorized`: the token is rejected (HTTP 401 on upgrade and REST).
 * Reconnecting is reached from `connected` with {@link startReconnecting} in a play function.
 */
export type Scenario = 'connected' | 'connecting' | 'unauthorized';

export interface PeerSetup {
  user?: StoryUser;
  scenario?: Scenario;
  /** Options for `createInPagePeer` (seed 1 unless given, so stories screenshot the same). */
  peer?: InPagePeerOptions;
  /** Further hub settings. */
  hub?: Partial<VmHubConfig>;
  /** Runs against the peer before the story renders (e.g. `faults.setVmStatus`). */
  before?: (peer: InPagePeer) => void | Promise<void>;
}

export interface PeerLoaded {
  peer: InPagePeer;
  hub: VmHub;
  token: string;
}

// ---- disposal --------------------------------------------------------------------------------

type Disposer = () => void;
const disposers = new WeakMap<object, Disposer[]>();

/**
 * Project-level `beforeEach`: opens a bag for the story's resources and returns the cleanup
 * Storybook calls when the story unmounts or re-runs.
 */
export function disposeStoryResources<TArgs>(context: StoryContext<TArgs>): () => void {
  const bag: Disposer[] = [];
  disposers.set(context, bag);
  return () => {
    for (const dispose of bag.splice(0).reverse()) {
      try {
        dispose();
      } catch (e) {
        console.warn('story cleanup failed', e);
      }
    }
  };
}

function onDispose(context: object, fn: Disposer): void {
  const bag = disposers.get(context);
  if (bag) bag.push(fn);
}

// ---- the loader ------------------------------------------------------------------------------

/** A WebSocket whose upgrade never completes: the element stays in `connecting`. */
class NeverOpeningSocket implements WebSocketLike {
  readyState = 0;
  readonly bufferedAmount = 0;
  readonly protocol = '';
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;

  send(): void {
    throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState >= 2) return;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.(new CloseEvent('close', { code: code === 1000 ? 1006 : code, reason, wasClean: false })));
  }
}

const neverOpening: SocketFactory = () => new NeverOpeningSocket();

/**
 * A Storybook loader that builds the story's peer, token and hub (`loaded.peer/hub/token`) from
 * `parameters.peer` (a {@link PeerSetup}; story parameters override the component's).
 */
export async function storyPeer<TArgs>(context: StoryContext<TArgs>): Promise<PeerLoaded> {
  const setup = (context.parameters.peer ?? {}) as PeerSetup;
  const peer = createInPagePeer({ seed: 1, ...setup.peer });
  onDispose(context, () => peer.close());
  const scenario = setup.scenario ?? 'connected';
  const token = scenario === 'unauthorized' ? 'not-a-valid-token' : await peer.login(setup.user ?? 'admin');
  await setup.before?.(peer);
  const hub = new VmHub({
    serverUrl: peer.serverUrl,
    socketFactory: scenario === 'connecting' ? neverOpening : peer.socketFactory,
    fetch: peer.fetch,
    tokenProvider: () => token,
    // A story shows the same thing on every visit: no history kept from the last one, unless it asks.
    persistHistory: false,
    ...setup.hub,
  });
  onDispose(context, () => hub.dispose());
  return { peer, hub, token };
}

/** The loader's result, typed. */
export function loadedPeer(context: { loaded: Record<string, unknown> }): PeerLoaded {
  const loaded = context.loaded as unknown as Partial<PeerLoaded>;
  if (!loaded.peer || !loaded.hub) throw new Error('This story needs the storyPeer loader.');
  return loaded as PeerLoaded;
}

// ---- helpers for play functions ---------------------------------------------------------------

/** Resolves when the VM's monitor (or console) socket reaches one of `states`. */
export function waitForConnection(
  hub: VmHub,
  vmName: string,
  states: readonly SocketSnapshot['state'][] = ['open'],
  route: 'monitor' | 'console' = 'monitor',
  timeoutMs = 5000,
): Promise<void> {
  const lease = route === 'monitor' ? hub.monitor(vmName) : leaseConsole(hub, vmName);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${vmName} ${route}: still ${lease.session.connection.state}`)), timeoutMs);
    const check = () => {
      if (states.includes(lease.session.connection.state)) finish();
    };
    const unsubscribe = lease.session.subscribe(check);
    function finish(error?: Error) {
      clearTimeout(timer);
      unsubscribe();
      lease.release();
      if (error) reject(error);
      else resolve();
    }
    check();
  });
}

/**
 * Drops the VM's sockets and refuses every upgrade from then on (HTTP 503), so the elements sit
 * in `reconnecting` with a countdown.
 */
export async function startReconnecting(loaded: PeerLoaded, vmName: string): Promise<void> {
  await waitForConnection(loaded.hub, vmName);
  loaded.peer.faults.refuseUpgrades(503, 1_000_000);
  loaded.peer.faults.dropConnections(vmName);
  await waitForConnection(loaded.hub, vmName, ['reconnecting']);
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
