// <vm-detail> against the shared reference server: what each state offers, roles, tabs, overview,
// errors, sockets and accessibility. Nothing here changes the server's state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/vm-detail/vm-detail.define.js';
import '../../../src/elements/vm-connection/vm-connection.define.js';
import type { VmDetail } from '../../../src/elements/vm-detail/vm-detail.define.js';
import type { VmHub } from '../../../src/hub/index.js';
import { sharedServer, type LibGoServer } from '../../setup/libgo.js';
import {
  actionButton,
  badgeText,
  bannerText,
  hubFor,
  isEnabled,
  live,
  q,
  qMaybe,
  reasonOf,
  tokenFor,
} from './helpers.js';

describe('<vm-detail> (shared server)', () => {
  let server: LibGoServer;
  let adminToken: string;
  const hubs: VmHub[] = [];
  const hub = (token = adminToken, extra = {}) => {
    const h = hubFor(server.url, token, extra);
    hubs.push(h);
    return h;
  };

  before(async () => {
    server = await sharedServer();
    adminToken = await tokenFor(server.url, 'admin');
  });

  afterEach(() => {
    for (const h of hubs.splice(0)) h.dispose();
  });

  const mount = (vm: string, h: VmHub, extra: { permissions?: string[] } = {}) =>
    fixture<VmDetail>(html`<vm-detail vm-name=${vm} .hub=${h} .permissions=${extra.permissions}></vm-detail>`);

  describe('actions offered in each state (admin)', () => {
    const cases: { vm: string; status: string; enabled: string[]; reasons: Record<string, RegExp> }[] = [
      {
        vm: 'web-01',
        status: 'running',
        enabled: ['stop', 'restart', 'suspend'],
        reasons: { start: /already running/, resume: /Only a paused VM can be resumed/ },
      },
      {
        vm: 'db-01',
        status: 'stopped',
        enabled: ['start'],
        reasons: { stop: /not running/, restart: /Only a running VM can be restarted/, suspend: /Only a running VM/, resume: /Only a paused VM/ },
      },
      {
        vm: 'build-01',
        status: 'paused',
        enabled: ['stop', 'resume'],
        reasons: { start: /resume it instead/, restart: /Only a running VM/, suspend: /already paused/ },
      },
      {
        vm: 'legacy-02',
        status: 'crashed',
        enabled: ['start'],
        reasons: { stop: /not running/, restart: /Only a running VM/, suspend: /Only a running VM/, resume: /Only a paused VM/ },
      },
    ];
    for (const c of cases) {
      it(`${c.vm} (${c.status}): ${c.enabled.join(', ')} enabled, the rest disabled with a reason`, async () => {
        const el = await mount(c.vm, hub());
        await live(el, c.status);
        expect(el.getAttribute('status')).to.equal(c.status);
        expect(badgeText(el)).to.contain(c.status === 'crashed' ? 'Crashed' : c.status.charAt(0).toUpperCase() + c.status.slice(1));
        for (const action of ['start', 'stop', 'restart', 'suspend', 'resume']) {
          const shouldBe = c.enabled.includes(action);
          expect(isEnabled(el, action), `${action} enabled`).to.equal(shouldBe);
          if (!shouldBe) {
            // The reasons' words come with internal/deferred-texts.ts, which loads after the first paint.
            await waitUntil(() => reasonOf(el, action) !== '', `${action}: no reason shown`);
            expect(reasonOf(el, action), `${action} reason`).to.match(c.reasons[action]!);
            expect(actionButton(el, action).getAttribute('aria-describedby')).to.be.a('string');
          } else {
            expect(actionButton(el, action).hasAttribute('aria-describedby')).to.equal(false);
          }
        }
      });
    }

    it('a disabled button sends nothing when clicked', async () => {
      const el = await mount('db-01', hub());
      await live(el, 'stopped');
      let fired = 0;
      el.addEventListener('vm-action', () => fired++);
      actionButton(el, 'stop').click();
      actionButton(el, 'restart').click();
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(qMaybe<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
      expect(el.activeHub!.socketCount).to.equal(1);
    });
  });

  describe('roles', () => {
    it('viewer: no action enabled, each says why; console tab locked with an explanation and no console', async () => {
      const viewerToken = await tokenFor(server.url, 'viewer');
      const h = hub(viewerToken);
      const el = await mount('web-01', h);
      await live(el, 'running');
      await waitUntil(() => reasonOf(el, 'stop').includes('permission'), 'permissions never applied');
      for (const action of ['start', 'stop', 'restart', 'suspend', 'resume']) {
        expect(isEnabled(el, action), action).to.equal(false);
        expect(reasonOf(el, action), action).to.match(/do not have permission/);
      }
      const consoleTab = q(el, '#tab-console');
      expect(consoleTab.classList.contains('locked')).to.equal(true);
      expect(consoleTab.textContent).to.contain('not available to you');
      consoleTab.click();
      await el.updateComplete;
      expect(el.tab).to.equal('console');
      const panel = q(el, '#panel-console');
      expect(panel.hidden).to.equal(false);
      expect(panel.textContent).to.contain('console permission');
      expect(qMaybe(el, 'vm-console')).to.equal(null);
      expect(h.socketCount).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('the permissions property overrides the token: an admin limited to read gets nothing enabled', async () => {
      const el = await mount('web-01', hub(), { permissions: ['read'] });
      await live(el, 'running');
      expect(isEnabled(el, 'stop')).to.equal(false);
      expect(reasonOf(el, 'stop')).to.match(/permission to stop/);
      expect(q(el, '#tab-console').classList.contains('locked')).to.equal(true);
      el.permissions = ['read', 'stop'];
      await el.updateComplete;
      expect(isEnabled(el, 'stop')).to.equal(true);
      expect(isEnabled(el, 'restart')).to.equal(false);
      expect(reasonOf(el, 'restart')).to.match(/start permission/);
    });
  });

  describe('header', () => {
    it('shows name, status, a ticking uptime and a live indicator', async () => {
      const el = await mount('web-01', hub());
      await live(el, 'running');
      expect(q(el, '.name').textContent).to.equal('web-01');
      expect(q(el, '.conn').textContent).to.contain('Live');
      // Uptime comes with the first status message on the socket (REST has none).
      await waitUntil(() => qMaybe(el, '.uptime'), 'no uptime shown');
      expect(q(el, '.uptime').textContent).to.match(/up \d/);
      // The visible text has minute resolution for a long uptime; the datetime has seconds.
      const first = q(el, '.uptime time').getAttribute('datetime');
      expect(first).to.match(/^PT\d+S$/);
      await waitUntil(() => qMaybe(el, '.uptime time')?.getAttribute('datetime') !== first, 'uptime never moved', { timeout: 4000 });
    });

    it('a stopped VM shows no uptime', async () => {
      const el = await mount('db-01', hub());
      await live(el, 'stopped');
      expect(qMaybe(el, '.uptime')).to.equal(null);
    });
  });

  describe('overview', () => {
    it('renders CPU, memory, disks, networks, created date and UUID from REST', async () => {
      const h = hub();
      const vm = await h.rest.getVm('web-01');
      const el = await mount('web-01', h);
      expect(qMaybe(el, '.skeleton')).to.not.equal(null);
      await waitUntil(() => qMaybe(el, '.overview'), 'overview never loaded');
      const panel = q(el, '#panel-overview');
      const text = panel.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(`${vm.cpu.count} vCPU`);
      expect(text).to.contain(`${vm.cpu.sockets} socket`);
      expect(text).to.contain(vm.uuid);
      if (vm.description) expect(text).to.contain(vm.description);
      expect(panel.querySelectorAll('tbody tr').length).to.equal(vm.disks.length);
      expect(panel.querySelectorAll('.net').length).to.equal(vm.networks.length);
      for (const n of vm.networks) expect(text).to.contain(n.macAddress);
      expect(panel.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(vm.createdAt!).toISOString());
      expect(q(el, '[aria-label="Copy UUID"]')).to.exist;
    });

    it('a VM that does not exist: error banner in words, the code and its retry, a vm-error event, and an error state', async () => {
      const h = hub();
      const el = document.createElement('vm-detail');
      el.hub = h;
      el.vmName = 'no-such-vm';
      const errorEvent = oneEvent(el, 'vm-error');
      document.body.append(el);
      try {
        const ev = await errorEvent;
        expect(ev.detail.code).to.equal('VM_NOT_FOUND');
        expect(ev.detail.vmName).to.equal('no-such-vm');
        await waitUntil(() => bannerText(el) !== '', 'no banner');
        expect(bannerText(el)).to.contain('There is no VM called “no-such-vm”');
        expect(bannerText(el)).to.contain('VM_NOT_FOUND');
        await waitUntil(() => qMaybe(el, '[data-state="error"]'), 'no error state');
        expect(q(el, '[part="banner"] button').textContent).to.contain('Try again');
        for (const a of ['start', 'stop']) expect(isEnabled(el, a)).to.equal(false);
      } finally {
        el.remove();
      }
    });

    it('an invalid token: the banner says to sign in again (AUTH_ERROR)', async () => {
      const h = hub('not-a-token');
      const el = document.createElement('vm-detail');
      el.hub = h;
      el.vmName = 'web-01';
      const codes: string[] = [];
      el.addEventListener('vm-error', (e) => codes.push(e.detail.code));
      document.body.append(el);
      try {
        await waitUntil(() => bannerText(el).includes('Sign in again'), `banner: ${bannerText(el)}`, { timeout: 5000 });
        expect(codes).to.include('AUTH_ERROR');
        // The socket learns why its upgrade was refused by probing REST; then it stops retrying.
        await waitUntil(() => q(el, '.conn').getAttribute('data-state') === 'unauthorized', 'socket kept retrying', { timeout: 5000 });
        expect(q(el, '.conn').textContent).to.contain('Not signed in');
      } finally {
        el.remove();
      }
    });

    it('an invalid VM name is reported, not sent', async () => {
      const el = await mount('..', hub());
      await waitUntil(() => bannerText(el) !== '', 'no banner');
      expect(bannerText(el)).to.contain('INVALID_INPUT');
      expect(el.activeHub!.socketCount).to.equal(0);
    });
  });

  describe('tabs', () => {
    it('follow the WAI-ARIA tabs pattern: arrows, Home/End, automatic activation, tab attribute', async () => {
      const el = await mount('web-01', hub());
      const tabs = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
      expect(q(el, '[role="tablist"]')).to.exist;
      expect(tabs().map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
      expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
      for (const t of tabs()) {
        const panel = el.shadowRoot!.getElementById(t.getAttribute('aria-controls')!)!;
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(t.id);
      }
      const key = async (k: string) => {
        (el.shadowRoot!.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
        await el.updateComplete;
        await el.updateComplete;
      };
      tabs()[0]!.focus();
      await key('ArrowRight');
      expect(el.tab).to.equal('monitoring');
      expect(el.getAttribute('tab')).to.equal('monitoring');
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-monitoring');
      expect(q(el, '#panel-monitoring').hidden).to.equal(false);
      expect(q(el, '#panel-overview').hidden).to.equal(true);
      await key('End');
      expect(el.tab).to.equal('console');
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-console');
      await key('ArrowRight');
      expect(el.tab).to.equal('overview');
      await key('ArrowLeft');
      expect(el.tab).to.equal('console');
      await key('Home');
      expect(el.tab).to.equal('overview');
      expect(el.shadowRoot!.activeElement!.id).to.equal('tab-overview');
    });

    it('the tab attribute selects a tab; an unknown value falls back to overview', async () => {
      const el = await fixture<VmDetail>(html`<vm-detail vm-name="web-01" .hub=${hub()} tab="monitoring"></vm-detail>`);
      expect(q(el, '#tab-monitoring').getAttribute('aria-selected')).to.equal('true');
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...a: unknown[]) => warnings.push(a);
      try {
        el.setAttribute('tab', 'bogus');
        await el.updateComplete;
        await el.updateComplete;
      } finally {
        console.warn = warn;
      }
      expect(el.tab).to.equal('overview');
      expect(String(warnings[0])).to.contain('bogus');
    });

    it('monitoring and console contents load only when first shown', async () => {
      const el = await mount('web-01', hub());
      expect(q(el, '#panel-monitoring').children.length).to.equal(0);
      expect(q(el, '#panel-console').children.length).to.equal(0);
      el.tab = 'monitoring';
      await el.updateComplete;
      expect(q(el, '#panel-monitoring').children.length).to.be.greaterThan(0);
      expect(q(el, '#panel-console').children.length).to.equal(0);
    });
  });

  describe('sockets', () => {
    it('a detail page with every tab visited holds one monitor and one console socket', async () => {
      const h = hub();
      const el = await fixture<VmDetail>(html`<vm-connection .hub=${h}><vm-detail vm-name="web-01"></vm-detail></vm-connection>`).then(
        (c) => c.querySelector('vm-detail')!,
      );
      await live(el, 'running');
      for (const t of ['monitoring', 'console', 'overview', 'console', 'monitoring'] as const) {
        el.tab = t;
        await el.updateComplete;
      }
      await waitUntil(() => qMaybe(el, 'vm-metrics') && qMaybe(el, 'vm-console'), 'metrics and console never loaded', { timeout: 8000 });
      await waitUntil(() => h.socketCount === 2, `socket count ${h.socketCount}`, { timeout: 5000 });
      expect(h.sessionCount).to.equal(2);
      expect(el.activeHub).to.equal(h);
    });

    it('without a <vm-connection>, it provides its own hub to the elements inside it', async () => {
      const h = hub();
      const el = await mount('web-01', h);
      el.tab = 'monitoring';
      await waitUntil(() => qMaybe(el, 'vm-metrics'), 'metrics never loaded', { timeout: 8000 });
      await live(el, 'running');
      expect(h.socketCount).to.equal(1);
      expect(h.sessionCount).to.equal(1);
    });

    it('releases its socket when removed', async () => {
      const h = hub();
      const el = await mount('web-01', h);
      await live(el);
      el.remove();
      await waitUntil(() => h.socketCount === 0, 'socket kept');
    });
  });

  describe('accessibility', () => {
    it('is axe-clean with the overview loaded', async () => {
      const el = await mount('web-01', hub());
      await live(el, 'running');
      await waitUntil(() => qMaybe(el, '.overview'), 'overview never loaded');
      await expect(el).to.be.accessible();
    });

    it('is axe-clean with the confirmation dialog open, and Escape closes it', async () => {
      const el = await mount('web-01', hub());
      await live(el, 'running');
      actionButton(el, 'stop').click();
      await waitUntil(() => qMaybe<HTMLDialogElement>(el, 'dialog')?.open, 'no dialog');
      const dialog = q<HTMLDialogElement>(el, 'dialog');
      expect(dialog.textContent).to.contain('Stop web-01?');
      await expect(el).to.be.accessible();
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(actionButton(el, 'stop'));
    });
  });
});
