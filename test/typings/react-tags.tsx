/**
 * A React 19 user of the tags, compiled by `npm run typecheck` (never run): every attribute,
 * property and event of every element, as the generated src/react/jsx.ts types them. A prop the
 * typings lack or type wrongly fails the typecheck; so does a tag registered in
 * HTMLElementTagNameMap that the typings do not know, and an event typed unlike VmEventMap.
 */
import type { JSX } from 'react';
import type {} from '../../src/index.js';
import type {} from '../../src/react/jsx.js';
import type { VmEventMap } from '../../src/events/index.js';
import type { VmHub } from '../../src/hub/vm-hub.js';
import type { VmAction, VmErrorCode } from '../../src/hub/index.js';

declare const hub: VmHub;
const token = async () => 'jwt';
const log = (...values: unknown[]) => void values;

export const everyProp = (
  <vm-connection
    server="https://libgo.example"
    auth-mode="subprotocol"
    ws-path="/ws/vms"
    api-path="/api/v1"
    console-worker
    monitor-worker
    no-persist-history
    tokenProvider={token}
    options={{ restFallback: false }}
    hub={hub}
    onvm-error={(e) => log(e.detail.code satisfies VmErrorCode, e.detail.vmName, e.detail.message)}
  >
    <vm-detail
      vm-name="web-01"
      tab="monitoring"
      confirm-actions="stop"
      theme="dark"
      server="https://libgo.example"
      auth-mode="cookie"
      status="running"
      tokenProvider={() => 'jwt'}
      hub={hub}
      permissions={['read', 'console']}
      onvm-action={(e) => log(e.detail.action satisfies VmAction, e.preventDefault())}
      onvm-action-result={(e) => log(e.detail.success, e.detail.via, e.detail.code, e.detail.message)}
      onvm-error={(e) => log(e.detail.code)}
    />
    <vm-console
      vm-name="web-01"
      read-only
      no-paste-confirm
      confirm-paste={false}
      links="open"
      scrollback={10_000}
      screen-reader
      font-size={16}
      theme="light"
      maxPendingBytes={1 << 20}
      onvm-console-connect={(e) => log(e.detail.vmName)}
      onvm-console-disconnect={(e) => log(e.detail.reason, e.detail.code)}
      onvm-console-eof={(e) => log(e.detail.vmName)}
      onvm-link={(e) => log(e.detail.url, e.detail.host, e.detail.source, e.preventDefault())}
    />
    <vm-metrics
      vm-name="web-01"
      window="15m"
      series="cpu memory"
      compact
      paused
      theme="dark"
      locale="de-DE"
      capacity={3600}
      label="Web"
      no-persist-history
      metrics={[{ timestamp: Date.now(), cpu: { utilization: 12 }, memory: { used: 1, total: 4 } }]}
      onvm-error={(e) => log(e.detail.code)}
    />
    {/* The usual HTML props still apply. */}
    <vm-metrics id="m" className="tile" hidden style={{ height: 40 }} />
  </vm-connection>
);

// @ts-expect-error vm-name is required on vm-detail
export const noName = <vm-detail />;
// @ts-expect-error a tab that does not exist
export const badTab = <vm-detail vm-name="a" tab="graphs" />;
// @ts-expect-error scrollback is a number
export const badScrollback = <vm-console vm-name="a" scrollback="many" />;
// @ts-expect-error tokenProvider is a function
export const badToken = <vm-connection tokenProvider="jwt" />;
// @ts-expect-error the detail of vm-action-result has no `ok`
export const badDetail = <vm-detail vm-name="a" onvm-action-result={(e) => log(e.detail.ok)} />;

// ---- Checks over every tag, so an element added later is covered without editing this file ----

type EventOf<H> = H extends (event: infer E) => unknown ? E : never;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Tags = Extract<keyof HTMLElementTagNameMap, `vm-${string}`>;

/** Every vm-* tag the library registers has JSX types. */
export const everyTagTyped: Exclude<Tags, keyof JSX.IntrinsicElements> extends never ? true : false = true;

/** Every `onvm-*` prop takes the event VmEventMap declares for that name. */
type HandlerMismatches = {
  [T in Tags & keyof JSX.IntrinsicElements]: {
    [K in keyof JSX.IntrinsicElements[T] & `onvm-${string}`]: K extends `on${infer N extends keyof VmEventMap}`
      ? Equal<EventOf<NonNullable<JSX.IntrinsicElements[T][K]>>, VmEventMap[N]> extends true
        ? never
        : `${T} ${K}`
      : `${T} ${K} (not in VmEventMap)`;
  }[keyof JSX.IntrinsicElements[T] & `onvm-${string}`];
}[Tags & keyof JSX.IntrinsicElements];
export const handlersMatchEventMap: [HandlerMismatches] extends [never] ? true : HandlerMismatches = true;
