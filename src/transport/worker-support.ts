/**
 * What both worker sockets (worker-socket.ts: a console socket in a worker of its own;
 * batched-worker-sockets.ts: monitor sockets together in one) need from the page: their program
 * as a Blob URL, and a page WebSocket to stand in where the worker cannot run.
 */
import { browserSocketFactory, type WebSocketLike } from './socket-factory.js';

const urls = new Map<string, string | null>();

/** A Blob URL of a worker program, made once per program; null where Blob URLs cannot be made. */
export function workerSourceUrl(source: string): string | null {
  let url = urls.get(source);
  if (url !== undefined) return url;
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  } catch {
    url = null;
  }
  urls.set(source, url);
  return url;
}

/** The part of a worker socket that a stand-in page socket keeps up to date. */
export interface SocketFacade {
  readyState: number;
  protocol: string;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

/** Opens a page WebSocket whose state and events become `facade`'s; the caller sends through it. */
export function pageSocketFor(facade: SocketFacade, url: string, protocols: string[] | undefined): WebSocketLike {
  const ws = browserSocketFactory(url, protocols);
  ws.onopen = (ev) => {
    facade.readyState = 1;
    facade.protocol = ws.protocol;
    facade.onopen?.(ev);
  };
  ws.onmessage = (ev) => facade.onmessage?.(ev);
  ws.onerror = (ev) => facade.onerror?.(ev);
  ws.onclose = (ev) => {
    facade.readyState = 3;
    facade.onclose?.(ev);
  };
  return ws;
}
