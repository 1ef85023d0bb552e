import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NARROW, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, startReconnecting, storyPeer, VM_NAMES, waitForConnection } from './support/peer.js';

interface Args {
  'vm-name': string;
  'auth-mode': 'query' | 'subprotocol';
  'ws-path': string;
  'api-path': string;
  theme?: Theme | '';
}

/** Shows how many sockets the page has open to the peer: one per VM and route, however many widgets. */
function socketCount(context: StoryContext<Args>): void {
  const out = context.canvasElement.querySelector<HTMLOutputElement>('output.sockets');
  if (out) out.value = `Sockets open to the server: ${loadedPeer(context).peer.sockets().length}`;
}

/** Enter at the console, so the guest prints its login prompt. */
async function pressEnter(context: StoryContext<Args>): Promise<void> {
  const con = context.canvasElement.querySelector('vm-console');
  await con?.ready;
  await con?.session?.sendInput('\r');
  await delay(300);
}

const widgets = (args: Args, context: StoryContext<Args>) => {
  const theme = themeOf(args, context);
  return html`
    <div style="display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); align-items: start">
      <vm-metrics vm-name=${args['vm-name']} compact series="cpu memory" label="Tile A" theme=${theme} locale="en-GB"></vm-metrics>
      <vm-metrics vm-name=${args['vm-name']} compact series="network disk" label="Tile B" theme=${theme} locale="en-GB"></vm-metrics>
    </div>
    <vm-console vm-name=${args['vm-name']} theme=${theme} style="height: 240px; margin-top: 12px"></vm-console>
    <p style="font: 14px system-ui, sans-serif"><output class="sockets">Sockets open to the server: …</output></p>
  `;
};

/**
 * `<vm-connection>` renders nothing: it hands one connection hub to every LibGo element inside
 * it, so all widgets for a VM share one monitor socket and one console socket. Here the hub comes
 * from the in-page LibGo peer (`.hub`); in an application it is built from the attributes.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-connection',
  component: 'vm-connection',
  loaders: [storyPeer],
  decorators: [withWidth],
  parameters: { peer: { peer: { metricsIntervalMs: 250 } } },
  args: { 'vm-name': 'web-01', 'auth-mode': 'query', 'ws-path': '/ws/vms', 'api-path': '/api/v1', theme: '' },
  argTypes: {
    'vm-name': { control: 'select', options: VM_NAMES, description: 'The VM the widgets inside show (story only).' },
    'auth-mode': { control: 'inline-radio', options: ['query', 'subprotocol'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'], description: 'Theme of the widgets (story only).' },
  },
  render: (args, context) => html`
    <vm-connection .hub=${loadedPeer(context).hub}>${widgets(args, context)}</vm-connection>
  `,
  play: async (context) => {
    const hub = loadedPeer(context).hub;
    await waitForConnection(hub, context.args['vm-name']);
    await waitForConnection(hub, context.args['vm-name'], ['open'], 'console');
    await pressEnter(context);
    socketCount(context);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Three widgets for one VM under one `<vm-connection>`: two sockets in all (monitor + console). */
export const SharedHub: Story = {};

/**
 * Configured by attributes, as an application does: `server`, `auth-mode`, `ws-path`, `api-path`
 * and a `tokenProvider`; `options` plugs in the in-page peer's socket factory and fetch.
 */
export const ConfiguredByAttributes: Story = {
  render: (args, context) => {
    const { peer, token } = loadedPeer(context);
    return html`
      <vm-connection
        server=${peer.serverUrl}
        auth-mode=${args['auth-mode']}
        ws-path=${args['ws-path']}
        api-path=${args['api-path']}
        .tokenProvider=${() => token}
        .options=${{ socketFactory: peer.socketFactory, fetch: peer.fetch }}
      >
        ${widgets(args, context)}
      </vm-connection>
    `;
  },
  play: async (context) => {
    const el = context.canvasElement.querySelector('vm-connection')!;
    await waitForConnection(el.activeHub, context.args['vm-name']);
    await waitForConnection(el.activeHub, context.args['vm-name'], ['open'], 'console');
    await pressEnter(context);
    socketCount(context);
  },
};

/** The shared socket drops and reconnection is refused: every widget shows the same state. */
export const Reconnecting: Story = {
  play: async (context) => {
    await meta.play!(context);
    await startReconnecting(loadedPeer(context), context.args['vm-name']);
  },
};

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** 360 px wide. */
export const Narrow: Story = { parameters: NARROW };
