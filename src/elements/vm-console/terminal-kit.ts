/**
 * What the console needs only once xterm is there: the write queue, the CSI guard, the plain-URL
 * link provider and the style mirror. Loaded with xterm (xterm-loader.ts), so the element's first
 * paint carries none of it.
 */
export { installCsiGuard } from './csi-guard.js';
export { StyleMirror } from './style-mirror.js';
export { urlLinkProvider } from './url-links.js';
export { WriteQueue } from './write-queue.js';
