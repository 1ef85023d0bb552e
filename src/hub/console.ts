/**
 * The console session kind: `leaseConsole(hub, vmName)` claims a VM's shared console session.
 * An entry of its own (`libgo-vm-elements/hub/console`) so that pages without a console never
 * bundle it; `<vm-console>` imports it itself.
 */
export {
  ConsoleSession,
  leaseConsole,
  DEFAULT_CONSOLE_REPLAY_BYTES,
  type ConsoleSink, type ConsoleAttachment, type InputProgress } from './console-session.js';
export { ReplayBuffer, type ReplaySlice } from './replay-buffer.js';
