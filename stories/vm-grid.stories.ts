import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { VmGrid } from '../src/elements/vm-grid/vm-grid.js';
import { fleetOfVms } from '../src/testing/index.js';
import { NARROW, WIDE, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, storyPeer, type PeerSetup } from './support/peer.js';

interface Args {
  'tile-width': number;
  /** Unset: the height a tile needs. */
  'tile-height'?: number;
  theme?: Theme | '';
}

// A dashboard panel: the grid scrolls inside a box of its own (or with the page, without one).
const render = (args: Args, context: StoryContext<Args>) => html`
  <vm-connection .hub=${loadedPeer(context).hub}>
    <div style="height: 560px; overflow: auto">
      <vm-grid tile-width=${args['tile-width']} tile-height=${args['tile-height'] ?? nothing} theme=${themeOf(args, context)}></vm-grid>
    </div>
  </vm-connection>
`;

/** Samples every 500 ms (LibGo: 5 s) so the sparklines fill while you look; seeded. */
const FAST: PeerSetup = { peer: { metricsIntervalMs: 500 } };
const peer = (setup: PeerSetup) => ({ peer: { ...FAST, ...setup, peer: { ...FAST.peer, ...setup.peer } } });

/** Waits until the grid has tiles and the tiles in view show live values. */
async function settled(context: StoryContext<Args>): Promise<VmGrid> {
  const el = context.canvasElement.querySelector('vm-grid')!;
  const live = (t: Element) => t.querySelector('vm-metrics')?.shadowRoot?.querySelector('.badge')?.textContent?.trim() === 'Live';
  const until = Date.now() + 8000;
  while (Date.now() < until && ![...(el.shadowRoot?.querySelectorAll('.tile:not([hidden])') ?? [])].some(live)) await delay(50);
  await delay(1500);
  return el;
}

/**
 * `<vm-grid>`: the fleet as live compact `<vm-metrics>` tiles, from one paginated REST list (or a
 * `vms` list of the host's). Only the tiles in and near view exist, a pool renamed as it scrolls,
 * and only they hold sockets; a click or Enter on a tile fires `vm-select`.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-grid',
  component: 'vm-grid',
  loaders: [storyPeer],
  decorators: [withWidth],
  render,
  parameters: { peer: FAST },
  args: { 'tile-width': 280, theme: '' },
  argTypes: {
    'tile-width': { control: { type: 'range', min: 160, max: 600, step: 10 } },
    'tile-height': { control: { type: 'range', min: 72, max: 400, step: 4 } },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The reference server's VMs, live. */
export const Default: Story = { play: (context) => settled(context).then(() => undefined) };

/** 1,000 VMs: one list request, a pool of tiles for the rows in view, sockets only for those. */
export const ThousandVms: Story = {
  parameters: peer({ peer: { vms: fleetOfVms(1_000), metricsIntervalMs: 1000 } }),
  play: Default.play,
};

/** The list has not answered yet. */
export const Loading: Story = { parameters: peer({ peer: { latencyMs: 600_000 } }) };

/** The server has no VMs (or none this user may see). */
export const Empty: Story = { parameters: peer({ peer: { vms: [] } }) };

/** The server cannot be reached: the grid says where, keeps trying, and offers Retry now. */
export const Unreachable: Story = {
  parameters: peer({ hub: { fetch: () => Promise.reject(new TypeError('Failed to fetch')) } }),
  play: () => delay(500),
};

/** Phone width: one column. */
export const Narrow: Story = { parameters: { ...NARROW, ...peer({ peer: { vms: fleetOfVms(60) } }) }, play: Default.play };

/** Phone width, dark. */
export const NarrowDark: Story = { parameters: { ...NARROW, ...peer({ peer: { vms: fleetOfVms(60) } }) }, globals: { theme: 'dark' }, play: Default.play };

/** Desktop width, 200 VMs. */
export const Wide: Story = { parameters: { ...WIDE, ...peer({ peer: { vms: fleetOfVms(200) } }) }, play: Default.play };

/** Desktop width, dark. */
export const WideDark: Story = { parameters: { ...WIDE, ...peer({ peer: { vms: fleetOfVms(200) } }) }, globals: { theme: 'dark' }, play: Default.play };
