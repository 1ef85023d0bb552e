/**
 * The seam between VmSocket and a real WebSocket, so tests, Storybook and host applications can
 * plug in the in-page LibGo peer (`libgo-vm-elements/testing`) instead of a network server.
 */

/** The subset of the browser `WebSocket` that VmSocket uses. A real `WebSocket` satisfies it. */
export interface WebSocketLike {
  readonly readyState: number;
  /** Bytes queued by `send` and not yet handed to the network; used to pace large pastes. */
  readonly bufferedAmount: number;
  /** The subprotocol the server selected ('' for none). */
  readonly protocol: string;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /**
   * Optional flow control: stop (`true`) or resume delivering messages. A socket that has it
   * holds unread output upstream instead of delivering it (the worker socket); a browser
   * `WebSocket` does not.
   */
  pauseReading?(paused: boolean): void;
}

/** Opens a socket at once, as `new WebSocket` does. */
export type SyncSocketFactory = (url: string, protocols?: string[]) => WebSocketLike;

/** May return a promise, so a factory can load its own code (the worker socket does). */
export type SocketFactory = (url: string, protocols?: string[]) => WebSocketLike | Promise<WebSocketLike>;

/** `fetch` as the REST client uses it; the in-page peer provides one that never touches the network. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const WS_CONNECTING = 0;
export const WS_OPEN = 1;
export const WS_CLOSING = 2;
export const WS_CLOSED = 3;

export const browserSocketFactory: SyncSocketFactory = (url, protocols) =>
  protocols && protocols.length > 0 ? new WebSocket(url, protocols) : new WebSocket(url);
