/**
 * Every event the elements fire, declared once with its detail type. All bubble and are
 * composed, so a host page can listen on any ancestor, across shadow roots.
 */
import type { VmErrorCode, VmAction } from '../hub/index.js';

export interface VmConsoleConnectDetail {
  vmName: string;
}
export interface VmConsoleDisconnectDetail {
  vmName: string;
  /** Why, in words; the close code when the socket reported one. */
  reason: string;
  code: number | null;
}
export interface VmConsoleEofDetail {
  vmName: string;
}
export interface VmLinkDetail {
  vmName: string;
  /** The address that would open: parsed and normalized, always http: or https:. */
  url: string;
  /** Its host, as the confirmation shows it (punycode for international names). */
  host: string;
  /** Where it came from: an OSC 8 hyperlink or a URL in the text. */
  source: 'hyperlink' | 'text';
}
export interface VmActionDetail {
  vmName: string;
  action: VmAction;
}
export interface VmActionResultDetail {
  vmName: string;
  action: VmAction;
  success: boolean;
  message: string;
  /** How it was sent; null when it never left the browser. */
  via: 'socket' | 'rest' | null;
  /** The error code when it failed. */
  code: VmErrorCode | null;
}
/** A row of `<vm-list>` or a tile of `<vm-grid>` was chosen (click or Enter). */
export interface VmSelectDetail {
  vmName: string;
}
export interface VmErrorDetail {
  vmName: string | null;
  code: VmErrorCode;
  message: string;
}

export interface VmEventMap {
  'vm-console-connect': CustomEvent<VmConsoleConnectDetail>;
  'vm-console-disconnect': CustomEvent<VmConsoleDisconnectDetail>;
  'vm-console-eof': CustomEvent<VmConsoleEofDetail>;
  /** A link in console output was activated; cancelable: `preventDefault()` keeps it from opening. */
  'vm-link': CustomEvent<VmLinkDetail>;
  'vm-action': CustomEvent<VmActionDetail>;
  'vm-action-result': CustomEvent<VmActionResultDetail>;
  'vm-error': CustomEvent<VmErrorDetail>;
  /** A `<vm-list>` row or `<vm-grid>` tile was chosen; cancelable: `preventDefault()` keeps the selection as it was. */
  'vm-select': CustomEvent<VmSelectDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends VmEventMap {}
}

/** Dispatches a typed event; returns false when a listener called `preventDefault()`. */
export function emit<K extends keyof VmEventMap>(
  target: EventTarget,
  type: K,
  detail: VmEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
