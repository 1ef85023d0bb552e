import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { VmList } from '../src/elements/vm-list/vm-list.js';
import { fleetOfVms } from '../src/testing/index.js';
import { NARROW, WIDE, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, storyPeer, type PeerSetup } from './support/peer.js';

interface Args {
  filter: string;
  'status-filter': string;
  sort: 'status' | 'name' | 'description' | 'cpu' | 'memory' | 'uptime';
  'sort-direction': 'ascending' | 'descending';
  theme?: Theme | '';
}

const render = (args: Args, context: StoryContext<Args>) => html`
  <vm-connection .hub=${loadedPeer(context).hub}>
    <vm-list
      filter=${args.filter}
      status-filter=${args['status-filter']}
      sort=${args.sort}
      sort-direction=${args['sort-direction']}
      theme=${themeOf(args, context)}
      style="--vm-list-height: 560px"
    ></vm-list>
  </vm-connection>
`;

/** Samples every 500 ms (LibGo: 5 s) so the sparklines fill while you look; seeded. */
const FAST: PeerSetup = { peer: { metricsIntervalMs: 500 } };
const peer = (setup: PeerSetup) => ({ peer: { ...FAST, ...setup, peer: { ...FAST.peer, ...setup.peer } } });

/** Waits until the list has rows and the rows on screen show live values. */
async function settled(context: StoryContext<Args>): Promise<VmList> {
  const el = context.canvasElement.querySelector('vm-list')!;
  const until = Date.now() + 8000;
  while (Date.now() < until && !el.shadowRoot?.querySelector('.row.live')) await delay(50);
  await delay(1500);
  return el;
}

/**
 * `<vm-list>`: every VM of the fleet from one paginated REST list, virtualized (only the rows on
 * screen are rendered and hold live sessions), with filter, status toggles, sorting, quick
 * Start/Stop and the WAI-ARIA grid keyboard. Below 800 px of its own width it is a card list.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-list',
  component: 'vm-list',
  loaders: [storyPeer],
  decorators: [withWidth],
  render,
  parameters: { peer: FAST },
  args: { filter: '', 'status-filter': '', sort: 'name', 'sort-direction': 'ascending', theme: '' },
  argTypes: {
    sort: { control: 'select', options: ['status', 'name', 'description', 'cpu', 'memory', 'uptime'] },
    'sort-direction': { control: 'inline-radio', options: ['ascending', 'descending'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The reference server's VMs: running, stopped, paused, crashed; live CPU and memory. */
export const Default: Story = { play: (context) => settled(context).then(() => undefined) };

/** The list has not answered yet (the server takes minutes): a skeleton, and the grid is busy. */
export const Loading: Story = { parameters: peer({ peer: { latencyMs: 600_000 } }) };

/** The server has no VMs (or none this user may see). */
export const Empty: Story = { parameters: peer({ peer: { vms: [] } }) };

/** The user may not list VMs (the server answers 403). */
export const NoPermission: Story = {
  parameters: peer({ user: 'viewer', before: (p) => p.faults.setPermissions('viewer', []) }),
  play: () => delay(500),
};

/** The server cannot be reached: the list says where, keeps trying, and offers Retry now. */
export const Unreachable: Story = {
  parameters: peer({ hub: { fetch: () => Promise.reject(new TypeError('Failed to fetch')) } }),
  play: () => delay(500),
};

/** 10,000 VMs: one list request, about 20 rendered rows, and sockets only for those. */
export const TenThousandVms: Story = {
  parameters: peer({ peer: { vms: fleetOfVms(10_000), metricsIntervalMs: 1000 } }),
  play: Default.play,
};

/** A deep link: running VMs whose name or description says "web", highest CPU first. */
export const FilteredAndSorted: Story = {
  parameters: peer({ peer: { vms: fleetOfVms(500) } }),
  args: { filter: 'web', 'status-filter': 'running', sort: 'cpu', 'sort-direction': 'descending' },
  play: Default.play,
};

/** A viewer: Start and Stop are disabled, and say why on hover and to screen readers. */
export const Viewer: Story = { parameters: peer({ user: 'viewer' }), play: Default.play };

/** Phone width: a card per VM, no sideways scrolling. */
export const Narrow: Story = { parameters: { ...NARROW }, play: Default.play };

/** Phone width, dark. */
export const NarrowDark: Story = { parameters: { ...NARROW }, globals: { theme: 'dark' }, play: Default.play };

/** Desktop width. */
export const Wide: Story = { parameters: WIDE, play: Default.play };
