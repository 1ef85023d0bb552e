import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { VmDetail } from '../src/elements/vm-detail/vm-detail.js';
import { NARROW, WIDE, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, startReconnecting, storyPeer, VM_NAMES, waitForConnection, type PeerSetup } from './support/peer.js';

interface Args {
  'vm-name': string;
  tab: 'overview' | 'monitoring' | 'console';
  'confirm-actions': string;
  theme?: Theme | '';
}

const render = (args: Args, context: StoryContext<Args>) => html`
  <vm-connection .hub=${loadedPeer(context).hub}>
    <vm-detail
      vm-name=${args['vm-name']}
      tab=${args.tab}
      confirm-actions=${args['confirm-actions']}
      theme=${themeOf(args, context)}
    ></vm-detail>
  </vm-connection>
`;

/** Status every 250 ms (LibGo: 5 s) so the Monitoring tab fills quickly; seeded. */
const FAST: PeerSetup = { peer: { metricsIntervalMs: 250 } };
const peer = (setup: PeerSetup) => ({ peer: { ...FAST, ...setup, peer: { ...FAST.peer, ...setup.peer } } });

/** Waits until the VM's monitor socket is open and the status has reached the element. */
async function settled(context: StoryContext<Args>): Promise<VmDetail> {
  const el = context.canvasElement.querySelector('vm-detail')!;
  await waitForConnection(loadedPeer(context).hub, el.vmName);
  const until = Date.now() + 5000;
  while (!el.status && Date.now() < until) await delay(25);
  await el.updateComplete;
  return el;
}

function button(el: VmDetail, action: string): HTMLButtonElement {
  const b = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (!b) throw new Error(`no ${action} button`);
  return b;
}

/**
 * `<vm-detail>`: the whole VM page: status, uptime and connection in the header, lifecycle
 * actions (with confirmation for destructive ones), and Overview / Monitoring / Console tabs
 * whose heavy parts load on first view.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-detail',
  component: 'vm-detail',
  loaders: [storyPeer],
  decorators: [withWidth],
  render,
  parameters: { peer: FAST },
  args: { 'vm-name': 'web-01', tab: 'overview', 'confirm-actions': 'stop restart suspend', theme: '' },
  argTypes: {
    'vm-name': { control: 'select', options: [...VM_NAMES, 'no-such-vm'] },
    tab: { control: 'inline-radio', options: ['overview', 'monitoring', 'console'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** A running VM: all actions that make sense are enabled. */
export const Running: Story = { play: (context) => settled(context).then(() => undefined) };

/** A stopped VM (db-01): only Start. */
export const Stopped: Story = { args: { 'vm-name': 'db-01' }, play: Running.play };

/** A paused VM (build-01): Resume. */
export const Paused: Story = { args: { 'vm-name': 'build-01' }, play: Running.play };

/** A crashed VM (legacy-02). */
export const Crashed: Story = { args: { 'vm-name': 'legacy-02' }, play: Running.play };

/** The server reports a status the client does not know. */
export const UnknownStatus: Story = {
  parameters: peer({ before: (p) => p.sim.forceStatus('web-01', 'unknown') }),
  play: Running.play,
};

/** The Monitoring tab (loads `<vm-metrics>` on first view). */
export const Monitoring: Story = {
  args: { tab: 'monitoring' },
  play: async (context) => {
    await settled(context);
    await delay(2500);
  },
};

/** The Console tab (loads `<vm-console>` on first view). */
export const Console: Story = {
  args: { tab: 'console' },
  play: async (context) => {
    const el = await settled(context);
    await waitForConnection(loadedPeer(context).hub, el.vmName, ['open'], 'console');
    const con = el.shadowRoot!.querySelector('vm-console');
    await con?.ready;
  },
};

/** Stop asks for confirmation first (`confirm-actions`). */
export const ConfirmStop: Story = {
  play: async (context) => {
    const el = await settled(context);
    button(el, 'stop').click();
    await el.updateComplete;
  },
};

/** Starting db-01: the action is in progress (the peer's start takes 10 minutes here). */
export const ActionInProgress: Story = {
  args: { 'vm-name': 'db-01' },
  parameters: peer({ peer: { transitionDelayMs: { start: 600_000 } } }),
  play: async (context) => {
    const el = await settled(context);
    button(el, 'start').click();
    await el.updateComplete;
    await delay(200);
  },
};

/** A viewer: no actions, no Console tab. */
export const Viewer: Story = { parameters: peer({ user: 'viewer' }), play: Running.play };

/** An operator: actions, console, but no create/delete. */
export const Operator: Story = { parameters: peer({ user: 'operator' }), play: Running.play };

/** The WebSocket upgrade never completes (REST still answers: the overview shows). */
export const Connecting: Story = { parameters: peer({ scenario: 'connecting' }) };

/** The socket dropped and upgrades are refused: a countdown; start/stop fall back to REST. */
export const Reconnecting: Story = {
  play: async (context) => {
    await settled(context);
    await startReconnecting(loadedPeer(context), 'web-01');
  },
};

/** The token is rejected (WebSocket and REST). */
export const Unauthorized: Story = { parameters: peer({ scenario: 'unauthorized' }), play: () => delay(500) };

/** The VM does not exist on the server. */
export const VmNotFound: Story = { args: { 'vm-name': 'no-such-vm' }, play: () => delay(500) };

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, play: Running.play };

/** Dark theme, Monitoring tab. */
export const DarkMonitoring: Story = { ...Monitoring, globals: { theme: 'dark' } };

/** 360 px wide: the header wraps, the actions stay reachable. */
export const Narrow: Story = { parameters: NARROW, play: Running.play };

/** 360 px wide, dark. */
export const NarrowDark: Story = { parameters: NARROW, globals: { theme: 'dark' }, play: Running.play };

/** 1280 px wide. */
export const Wide: Story = { parameters: WIDE, play: Running.play };
