export { SessionController, type SessionControllerOptions } from './session-controller.js';
export { VmMonitorController } from './session-controller.js';
export { VmConsoleController } from './vm-console-controller.js';
export { HubResolver } from '../internal/hub-resolver.js';
export { FrameBatcher } from '../internal/frame-batcher.js';
export { LeaseVisibilityController, type VisibilityTarget } from './lease-visibility-controller.js';
