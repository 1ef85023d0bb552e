import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { VmConsole } from '../src/elements/vm-console/vm-console.js';
import { NARROW, WIDE, themeOf, withWidth, type Theme } from './support/layout.js';
import { delay, loadedPeer, startReconnecting, storyPeer, VM_NAMES, waitForConnection, type PeerSetup } from './support/peer.js';

interface Args {
  'vm-name': string;
  'read-only': boolean;
  'no-paste-confirm': boolean;
  scrollback: number;
  'screen-reader': boolean;
  'font-size'?: number;
  links: 'confirm' | 'open' | 'off';
  theme?: Theme | '';
  /** The host page's display rule for the element (to show the layout does not depend on it). */
  display?: string;
}

const render = (args: Args, context: StoryContext<Args>) => html`
  <vm-connection .hub=${loadedPeer(context).hub}>
    <vm-console
      style="height: 380px${args.display ? `; display: ${args.display}` : ''}"
      vm-name=${args['vm-name']}
      ?read-only=${args['read-only']}
      ?no-paste-confirm=${args['no-paste-confirm']}
      scrollback=${args.scrollback}
      ?screen-reader=${args['screen-reader']}
      font-size=${ifDefined(args['font-size'])}
      links=${args.links}
      theme=${themeOf(args, context)}
    ></vm-console>
  </vm-connection>
`;

/** Resolves when the element's terminal exists and its console socket is open. */
async function consoleOpen(context: StoryContext<Args>): Promise<VmConsole> {
  const el = context.canvasElement.querySelector('vm-console')!;
  await el.ready;
  await waitForConnection(loadedPeer(context).hub, el.vmName, ['open'], 'console');
  return el;
}

/** Resolves when `pattern` has appeared in the terminal (checked every 50 ms, at most `ms`). */
async function waitForOutput(el: VmConsole, pattern: RegExp, ms = 15_000, everyMs = 50): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(el.getTranscript())) {
    if (Date.now() > until) throw new Error(`console never showed ${pattern}`);
    await delay(everyMs);
  }
}

/** Presses Enter: a VM that was already running prints its login prompt again. */
async function wake(el: VmConsole): Promise<void> {
  await el.session!.sendInput('\r');
  await waitForOutput(el, / login:\s*$/);
}

/** Logs in at the simulated login prompt (any user and password are accepted). */
async function logIn(el: VmConsole): Promise<void> {
  await wake(el);
  await el.session!.sendInput('root\r');
  await waitForOutput(el, /Password:\s*$/);
  await el.session!.sendInput('libgo\r');
  await waitForOutput(el, /[$#]\s*$/);
}

const peer = (setup: PeerSetup) => ({ peer: { ...setup, peer: { metricsIntervalMs: 500, ...setup.peer } } });

/** Waits until the console socket is open and the VM's status has arrived on it. */
async function statusShown(context: StoryContext<Args>): Promise<void> {
  const el = await consoleOpen(context);
  const until = Date.now() + 5000;
  while (!el.session?.vmStatus && Date.now() < until) await delay(25);
  await delay(100);
}

/**
 * `<vm-console>`: the serial console of a VM (xterm.js, loaded on first use), with a toolbar for
 * special keys, search, copy and transcript download. Every story runs against the in-page LibGo
 * peer; pick another VM in the `vm-name` control to see its state.
 */
const meta: Meta<Args> = {
  title: 'Elements/vm-console',
  component: 'vm-console',
  loaders: [storyPeer],
  decorators: [withWidth],
  render,
  // Status every 500 ms (LibGo: 5 s), so a console story shows the VM's state at once.
  parameters: { peer: { peer: { metricsIntervalMs: 500 } } },
  args: {
    'vm-name': 'web-01',
    'read-only': false,
    'no-paste-confirm': false,
    scrollback: 5000,
    'screen-reader': false,
    links: 'confirm',
    theme: '',
  },
  argTypes: {
    'vm-name': { control: 'select', options: [...VM_NAMES, 'no-such-vm'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    links: { control: 'inline-radio', options: ['confirm', 'open', 'off'] },
    display: { control: 'select', options: ['', 'block', 'inline-block', 'grid', 'flex'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Connected to a running VM, at its login prompt (the play function presses Enter). */
export const Connected: Story = {
  play: async (context) => wake(await consoleOpen(context)),
};

/** After logging in (the play function types the user and password) and running `help`. */
export const LoggedIn: Story = {
  play: async (context) => {
    const el = await consoleOpen(context);
    await logIn(el);
    await el.session!.sendInput('help\r');
    await waitForOutput(el, /burst COUNT/);
  },
};

/**
 * ANSI colours: the guest's `colors` table prints every foreground on every background, so some
 * pairs are unreadable on purpose; axe's contrast rule is off for this story only.
 */
export const Colours: Story = {
  parameters: { a11y: { options: { rules: { 'color-contrast': { enabled: false } } } } },
  play: async (context) => {
    const el = await consoleOpen(context);
    await logIn(el);
    await el.session!.sendInput('colors\r');
    await waitForOutput(el, /[$#]\s*$/);
  },
};

/**
 * A console flood: `flood 2000000 4096` prints 2 MB (25 000 numbered lines) in 4 KiB messages;
 * the element batches writes per frame and keeps up. The story ends at the prompt after the last
 * line (the scrollback keeps the newest 5000 lines).
 */
export const Flood: Story = {
  play: async (context) => {
    const el = await consoleOpen(context);
    await logIn(el);
    await el.session!.sendInput('flood 2000000 4096\r');
    await waitForOutput(el, /^00025000 \S+\n\S+[$#]\s*$/m, 50_000, 250);
  },
};

/** A multi-line paste asks for confirmation first (unless `no-paste-confirm` is set). */
export const PasteConfirmation: Story = {
  play: async (context) => {
    const el = await consoleOpen(context);
    await logIn(el);
    el.paste('uname -a\nuptime\ndate\n');
  },
};

/**
 * Links in the output: the guest prints an OSC 8 hyperlink and a plain URL; clicking one asks,
 * inside the console, with the full address (`links="confirm"`, the default). The play function
 * clicks the hyperlink.
 */
export const LinkConfirmation: Story = {
  play: async (context) => {
    const el = await consoleOpen(context);
    await wake(el);
    const link = 'https://docs.example.com/libgo/guides/serial-console?vm=web-01#troubleshooting';
    loadedPeer(context).peer.faults.sendRaw(
      el.vmName,
      JSON.stringify({
        type: 'console',
        timestamp: new Date().toISOString(),
        data: { content: `\r\nRead the \x1b]8;;${link}\x1b\\troubleshooting guide\x1b]8;;\x1b\\ or https://example.com/status.\r\n`, eof: false },
      }),
      'console',
    );
    await waitForOutput(el, /troubleshooting guide/);
    // What a click on the hyperlink does (xterm calls the element's link handler).
    el.terminal!.options.linkHandler!.activate(new MouseEvent('click'), link, { start: { x: 1, y: 1 }, end: { x: 1, y: 1 } });
  },
};

/** A host page's `vm-console { display: block }` rule: the terminal still fills the element. */
export const DisplayBlock: Story = { args: { display: 'block' }, play: async (context) => wake(await consoleOpen(context)) };

/** The WebSocket upgrade never completes. */
export const Connecting: Story = { parameters: peer({ scenario: 'connecting' }) };

/** The socket dropped and the server refuses upgrades (HTTP 503): a countdown to the next try. */
export const Reconnecting: Story = {
  play: async (context) => {
    await consoleOpen(context);
    await startReconnecting(loadedPeer(context), 'web-01');
  },
};

/** The token is rejected: the element says so and stops retrying. */
export const Unauthorized: Story = { parameters: peer({ scenario: 'unauthorized' }) };

/** The VM does not exist on the server. */
export const VmNotFound: Story = { args: { 'vm-name': 'no-such-vm' } };

/** A stopped VM (db-01): no console output, input disabled. */
export const StoppedVm: Story = { args: { 'vm-name': 'db-01' }, play: statusShown };

/** A paused VM (build-01). */
export const PausedVm: Story = { args: { 'vm-name': 'build-01' }, play: statusShown };

/** A crashed VM (legacy-02). */
export const CrashedVm: Story = { args: { 'vm-name': 'legacy-02' }, play: statusShown };

/** The server reports a status the client does not know (`unknown`). */
export const UnknownStatus: Story = {
  parameters: peer({ before: (p) => p.sim.forceStatus('web-01', 'unknown') }),
  play: statusShown,
};

/** A viewer has no `console` permission: the server refuses the console socket (HTTP 403). */
export const Viewer: Story = {
  parameters: peer({ user: 'viewer' }),
  play: async (context) => {
    const el = context.canvasElement.querySelector('vm-console')!;
    await waitForConnection(loadedPeer(context).hub, el.vmName, ['open', 'unauthorized'], 'console');
    await delay(200);
  },
};

/** `read-only` set by the host, for an admin. */
export const ReadOnly: Story = { args: { 'read-only': true } };

/** Dark theme (page and element). */
export const Dark: Story = { globals: { theme: 'dark' }, play: LoggedIn.play };

/** 360 px wide: the toolbar wraps, the terminal fits the remaining columns. */
export const Narrow: Story = { parameters: NARROW, play: LoggedIn.play };

/** 360 px wide, dark. */
export const NarrowDark: Story = { parameters: NARROW, globals: { theme: 'dark' }, play: LoggedIn.play };

/** 1280 px wide. */
export const Wide: Story = { parameters: WIDE, play: LoggedIn.play };
