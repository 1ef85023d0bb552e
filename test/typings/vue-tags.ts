/**
 * A Vue 3 user of the tags, compiled by `npm run typecheck` (never run): every attribute,
 * property and event of every element as a prop of the tag, as the generated src/vue/index.ts
 * types them for vue-tsc and Volar. A prop the typings lack or type wrongly fails the typecheck;
 * so does a tag registered in HTMLElementTagNameMap that the typings do not know, and an event
 * typed unlike VmEventMap. (`npm run test:package` compiles a template against them with vue-tsc.)
 */
import type { GlobalComponents } from 'vue';
import type {} from '../../src/index.js';
import type {} from '../../src/vue/index.js';
import type { VmEventMap } from '../../src/events/index.js';
import type { VmHub } from '../../src/hub/vm-hub.js';
import type { VmAction, VmErrorCode } from '../../src/hub/index.js';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];

declare const hub: VmHub;
const log = (...values: unknown[]) => void values;

export const connection: Props<'vm-connection'> = {
  server: 'https://libgo.example',
  authMode: 'subprotocol',
  wsPath: '/ws/vms',
  apiPath: '/api/v1',
  consoleWorker: true,
  monitorWorker: true,
  noPersistHistory: true,
  tokenProvider: async () => 'jwt',
  options: { restFallback: false },
  hub,
  onVmError: (e) => log(e.detail.code satisfies VmErrorCode, e.detail.vmName),
};

export const detail: Props<'vm-detail'> = {
  vmName: 'web-01',
  tab: 'console',
  confirmActions: 'stop',
  theme: 'dark',
  server: 'https://libgo.example',
  authMode: 'cookie',
  status: 'running',
  tokenProvider: () => 'jwt',
  hub,
  permissions: ['read'],
  onVmAction: (e) => log(e.detail.action satisfies VmAction),
  onVmActionResult: (e) => log(e.detail.success, e.detail.via),
  onVmError: (e) => log(e.detail.message),
};

export const console_: Props<'vm-console'> = {
  vmName: 'web-01',
  readOnly: true,
  noPasteConfirm: true,
  confirmPaste: false,
  links: 'off',
  scrollback: 100,
  screenReader: true,
  fontSize: 12,
  theme: 'light',
  maxPendingBytes: 1 << 20,
  onVmConsoleConnect: (e) => log(e.detail.vmName),
  onVmConsoleDisconnect: (e) => log(e.detail.reason, e.detail.code),
  onVmConsoleEof: (e) => log(e.detail.vmName),
  onVmLink: (e) => log(e.detail.url, e.detail.source),
};

export const metrics: Props<'vm-metrics'> = {
  vmName: 'web-01',
  window: '1h',
  series: 'cpu',
  compact: true,
  paused: false,
  theme: 'dark',
  locale: 'fr',
  capacity: 3600,
  label: 'Web',
  noPersistHistory: true,
  metrics: { timestamp: Date.now(), cpu: { utilization: 1 } },
  onVmError: (e) => log(e.detail.code),
};

// @ts-expect-error vmName is required on vm-detail
export const noName: Props<'vm-detail'> = {};
// @ts-expect-error a window that does not exist
export const badWindow: Props<'vm-metrics'> = { window: '2h' };
// @ts-expect-error the detail of vm-link has no `href`
export const badDetail: Props<'vm-console'> = { vmName: 'a', onVmLink: (e) => log(e.detail.href) };

// ---- Checks over every tag, so an element added later is covered without editing this file ----

type EventOf<H> = H extends (event: infer E) => unknown ? E : never;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Tags = Extract<keyof HTMLElementTagNameMap, `vm-${string}`>;
type Pascal<S extends string> = S extends `${infer H}-${infer R}` ? `${Capitalize<H>}${Pascal<R>}` : Capitalize<S>;

/** Every vm-* tag the library registers has Vue types. */
export const everyTagTyped: Exclude<Tags, keyof GlobalComponents> extends never ? true : false = true;

/** Every event of VmEventMap that a tag types as `on…` takes the event VmEventMap declares. */
type HandlerMismatches = {
  [T in Tags & keyof GlobalComponents]: {
    [N in keyof VmEventMap]: `on${Pascal<N>}` extends keyof Props<T>
      ? Equal<EventOf<NonNullable<Props<T>[`on${Pascal<N>}`]>>, VmEventMap[N]> extends true
        ? never
        : `${T} ${N}`
      : never;
  }[keyof VmEventMap];
}[Tags & keyof GlobalComponents];
export const handlersMatchEventMap: [HandlerMismatches] extends [never] ? true : HandlerMismatches = true;
