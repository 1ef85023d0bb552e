/**
 * What the console needs only once xterm is there: the terminal with its write queue, CSI guard,
 * plain-URL link provider and style mirror (console-terminal.ts). Loaded with xterm
 * (xterm-loader.ts), so the element's first paint carries none of it.
 */
export { ConsoleTerminal } from './console-terminal.js';
