/** Client → server frames. One message per frame: the server's reader does not split on `\n`. */
import { VM_ACTIONS, type ClientMessage, type VmAction } from './types.js';

export function encode(message: ClientMessage): string {
  return JSON.stringify({ type: message.type, data: message.data });
}

export function isVmAction(v: unknown): v is VmAction {
  return typeof v === 'string' && (VM_ACTIONS as readonly string[]).includes(v);
}

export function commandMessage(action: VmAction, requestId: string): ClientMessage {
  return { type: 'command', data: { action, requestId } };
}

export const heartbeatMessage: ClientMessage = { type: 'heartbeat', data: {} };

/** UTF-8 length of a string, without allocating (TextEncoder would copy a 1 MB paste). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
