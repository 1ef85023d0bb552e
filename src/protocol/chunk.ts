/**
 * Splits console input so that every encoded `console_input` frame fits the server's read limit
 * (8192 bytes for the whole JSON frame; one byte more and the server closes the socket with 1009).
 */
import { encode } from './encode.js';
import { MAX_CLIENT_FRAME_BYTES } from './types.js';

const FRAME_OVERHEAD = encode({ type: 'console_input', data: { content: '' } }).length;

/**
 * Bytes that one UTF-16 code unit (or a surrogate pair, counted on its high half) takes once
 * JSON.stringify has escaped it and it is encoded as UTF-8.
 */
function encodedCost(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x5c) return { bytes: 2, units: 1 }; // \" and \\
  if (c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) return { bytes: 2, units: 1 };
  if (c < 0x20) return { bytes: 6, units: 1 }; // \u00XX
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) return { bytes: 4, units: 2 };
    return { bytes: 6, units: 1 }; // lone surrogate: JSON.stringify writes \udXXX
  }
  if (c >= 0xdc00 && c <= 0xdfff) return { bytes: 6, units: 1 };
  return { bytes: 3, units: 1 };
}

/**
 * Returns the pieces of `text`, in order, each of which encodes to a frame of at most
 * `maxFrameBytes`. A surrogate pair or multi-byte character is never split.
 */
export function chunkConsoleInput(text: string, maxFrameBytes = MAX_CLIENT_FRAME_BYTES): string[] {
  const budget = maxFrameBytes - FRAME_OVERHEAD;
  if (budget < 6) throw new RangeError(`maxFrameBytes ${maxFrameBytes} leaves no room for content`);
  const chunks: string[] = [];
  let start = 0;
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const { bytes, units } = encodedCost(text, i);
    if (used + bytes > budget) {
      chunks.push(text.slice(start, i));
      start = i;
      used = 0;
    }
    used += bytes;
    i += units;
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}
