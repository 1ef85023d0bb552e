/**
 * The deterministic text that the console's `flood` command prints, so a test or benchmark can
 * compare what reached the terminal byte for byte. Pure ASCII, so characters and bytes coincide.
 *
 * Line n (from 1) is 80 bytes: eight-digit line number, a space, 69 characters that depend on n,
 * then CRLF.
 */
export const FLOOD_LINE_BYTES = 80;
const FILLER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function floodLine(n: number): string {
  let filler = '';
  for (let k = 0; k < 69; k++) filler += FILLER[(n + k) % FILLER.length];
  return `${String(n % 100_000_000).padStart(8, '0')} ${filler}\r\n`;
}

/** Bytes [start, end) of the endless flood text, without building what comes before. */
export function floodSlice(start: number, end: number): string {
  let out = '';
  let line = Math.floor(start / FLOOD_LINE_BYTES);
  let offset = start - line * FLOOD_LINE_BYTES;
  while (out.length < end - start) {
    const text = floodLine(line + 1);
    out += text.slice(offset, offset + (end - start - out.length));
    offset = 0;
    line++;
  }
  return out;
}

/** Exactly `totalBytes` bytes: what `flood totalBytes` prints, whatever the chunk size. */
export function floodText(totalBytes: number): string {
  return floodSlice(0, totalBytes);
}
