import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MetricsSample } from '../src/elements/vm-metrics/vm-metrics.js';
import { hourOfSamples, NARROW, WIDE, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, startReconnecting, storyPeer, VM_NAMES, waitForConnection, type PeerSetup } from './support/peer.js';
import type { InPagePeer } from '../src/testing/index.js';
import { readTokenClaims } from '../src/hub/permissions.js';
import { keeperFor } from '../src/hub/history-store.js';
import { VmMetricsHistory } from '../src/metrics/vm-metrics-history.js';

interface Args {
  'vm-name': string;
  window: '5m' | '15m' | '1h';
  series: string;
  compact: boolean;
  paused: boolean;
  label: string;
  locale?: string;
  capacity: number;
  theme?: Theme | '';
}

const element = (args: Args, context: StoryContext<Args>, samples?: readonly MetricsSample[]) => html`
  <vm-metrics
    vm-name=${args['vm-name']}
    window=${args.window}
    series=${args.series}
    ?compact=${args.compact}
    ?paused=${args.paused}
    label=${args.label}
    locale=${ifDefined(args.locale || undefined)}
    capacity=${args.capacity}
    theme=${themeOf(args, context)}
    .metrics=${samples ?? nothing}
  ></vm-metrics>
`;

const live = (args: Args, context: StoryContext<Args>) => html`
  <vm-connection .hub=${loadedPeer(context).hub}>${element(args, context)}</vm-connection>
`;

/** Host mode: a fixed hour of samples pushed through the `metrics` property (no server). */
const HOUR = hourOfSamples();
const pushed = (args: Args, context: StoryContext<Args>) => element(args, context, HOUR);

/**
 * The peer sends status + metrics every 250 ms instead of LibGo's 5 s, so the live charts have a
 * shape within a couple of seconds. The sim is seeded: the same values on every run.
 */
const FAST: PeerSetup = { peer: { metricsIntervalMs: 250 } };

/** Waits until the monitor socket is open and `count` samples have arrived. */
async function samplesArrived(context: StoryContext<Args>, count = 8): Promise<void> {
  const el = context.canvasElement.querySelector('vm-metrics')!;
  await waitForConnection(loadedPeer(context).hub, el.vmName);
  const until = Date.now() + 10_000;
  while ((el.history?.series.length ?? 0) < count && Date.now() < until) await delay(50);
}

/**
 * `<vm-metrics>`: live CPU, memory, network and disk charts of a VM (Chart.js, loaded on first
 * use), from the hub's shared monitor session — or, in host mode, from samples the page pushes
 * into the `metrics` property.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-metrics',
  component: 'vm-metrics',
  loaders: [storyPeer],
  decorators: [withWidth],
  render: live,
  parameters: { peer: FAST },
  args: {
    'vm-name': 'web-01',
    window: '5m',
    series: '',
    compact: false,
    paused: false,
    label: '',
    locale: 'en-GB',
    capacity: 720,
    theme: '',
  },
  argTypes: {
    'vm-name': { control: 'select', options: [...VM_NAMES, 'no-such-vm'] },
    window: { control: 'inline-radio', options: ['5m', '15m', '1h'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Live charts of a running VM, as they look in the first seconds after a page load: the window is
 * still filling ("Collecting data — 2 s of 5 min") and the part without data is hatched.
 */
export const Live: Story = { play: (context) => samplesArrived(context) };

/**
 * At LibGo's own pace (a sample every 5 s), which is what a user really sees on a first visit:
 * the first sample after about 5 s, rates from the second, the window filling slowly.
 */
export const RealPace: Story = {
  parameters: { peer: { peer: { metricsIntervalMs: 5000 } } },
  play: (context) => samplesArrived(context, 1),
};

/** Where an earlier page's history is kept (see `persistHistory`); rewritten on every visit. */
const KEPT_DB = 'storybook-vm-metrics-kept';

/** What an earlier page kept of web-01: 9 minutes of samples, until 3 minutes ago. */
async function keepEarlierVisit(peer: InPagePeer): Promise<void> {
  const user = readTokenClaims(await peer.login('admin'))?.userId;
  const keeper = await keeperFor({ vmName: 'web-01', serverUrl: peer.serverUrl }, user, { databaseName: KEPT_DB });
  if (!keeper) return; // no IndexedDB here: the story then shows live data only
  const end = Date.now() - 3 * 60_000;
  const history = new VmMetricsHistory();
  for (const s of hourOfSamples(end).slice(-108)) history.add(s.timestamp as number, s);
  keeper.saveHistory(history, end);
  await keeper.flush();
}

/**
 * A page load with history kept from an earlier visit 3 minutes ago: the charts start with it at
 * once, the time away is a gap, and live samples go on from now (15-minute window).
 */
export const RestoredHistory: Story = {
  args: { window: '15m' },
  parameters: { peer: { ...FAST, before: keepEarlierVisit, hub: { persistHistory: { databaseName: KEPT_DB } } } },
  play: (context) => samplesArrived(context, 120),
};

/** One hour of samples pushed by the host (`metrics` property), shown over the `1h` window. */
export const HourWindow: Story = { render: pushed, args: { window: '1h', label: 'web-01 (last hour)' } };

/** The same hour, 15-minute window: only the newest quarter is drawn. */
export const FifteenMinuteWindow: Story = { render: pushed, args: { window: '15m', label: 'web-01' } };

/** Sparkline tiles for dashboards (`compact`). */
export const Compact: Story = { render: pushed, args: { compact: true, window: '1h', label: 'web-01' } };

/** A subset of the charts (`series="cpu network"`). */
export const SomeSeries: Story = { render: pushed, args: { series: 'cpu network', window: '1h', label: 'web-01' } };

/** Frozen charts (`paused`): data keeps arriving, the charts catch up on resume. */
export const Paused: Story = { args: { paused: true }, play: (context) => samplesArrived(context) };

/** The WebSocket upgrade never completes. */
export const Connecting: Story = { parameters: { peer: { ...FAST, scenario: 'connecting' } } };

/** The socket dropped and the server refuses upgrades: the history stays, a countdown runs. */
export const Reconnecting: Story = {
  play: async (context) => {
    await samplesArrived(context);
    await startReconnecting(loadedPeer(context), 'web-01');
  },
};

/** The token is rejected. */
export const Unauthorized: Story = { parameters: { peer: { ...FAST, scenario: 'unauthorized' } } };

/** The VM does not exist on the server. */
export const VmNotFound: Story = { args: { 'vm-name': 'no-such-vm' } };

/** A stopped VM (db-01) sends no metrics. */
export const StoppedVm: Story = { args: { 'vm-name': 'db-01' } };

/** A paused VM (build-01). */
export const PausedVm: Story = { args: { 'vm-name': 'build-01' } };

/** A crashed VM (legacy-02). */
export const CrashedVm: Story = { args: { 'vm-name': 'legacy-02' } };

/** The server reports a status the client does not know. */
export const UnknownStatus: Story = {
  parameters: { peer: { ...FAST, before: (p: InPagePeer) => p.sim.forceStatus('web-01', 'unknown') } },
};

/** A viewer (read permission only) sees the same charts. */
export const Viewer: Story = { parameters: { peer: { ...FAST, user: 'viewer' } }, play: (context) => samplesArrived(context) };

/** Dark theme, an hour of data. */
export const Dark: Story = { ...HourWindow, globals: { theme: 'dark' } };

/** 360 px wide: one chart per row. */
export const Narrow: Story = { ...HourWindow, parameters: NARROW };

/** 360 px wide, dark. */
export const NarrowDark: Story = { ...HourWindow, parameters: NARROW, globals: { theme: 'dark' } };

/** 1280 px wide: the charts in a grid. */
export const Wide: Story = { ...HourWindow, parameters: WIDE };
