/**
 * Event objects as a browser's WebSocket dispatches them. `CloseEvent` is missing from some
 * non-browser DOMs (Node, older jsdom), so it is imitated there with a plain Event.
 */

export function makeMessageEvent(data: string, origin: string): MessageEvent {
  return new MessageEvent('message', { data, origin });
}

export function makeCloseEvent(code: number, reason: string, wasClean: boolean): CloseEvent {
  if (typeof CloseEvent === 'function') return new CloseEvent('close', { code, reason, wasClean });
  const ev = new Event('close');
  Object.defineProperties(ev, {
    code: { value: code },
    reason: { value: reason },
    wasClean: { value: wasClean },
  });
  return ev as CloseEvent;
}

export function domException(message: string, name: string): Error {
  return typeof DOMException === 'function' ? new DOMException(message, name) : Object.assign(new Error(message), { name });
}
