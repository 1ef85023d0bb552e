/** What the terminal shows where output was dropped because it could not keep up. */
import { activeLocale, msg, str } from '../../internal/msg.js';
import { formatBytes } from '../../metrics/format.js';

/** The line written where output was dropped: reset attributes, then dim inverse text (in the locale entered). */
export function droppedMarker(bytes: number): string {
  const size = formatBytes(bytes, activeLocale());
  const words = msg(str`${size} of output dropped: the terminal could not keep up`, { id: 'console.dropped' });
  return `\x1b[0m\r\n\x1b[2;7m[… ${words} …]\x1b[0m\r\n`;
}
