/**
 * The page-wide hub used by elements that have no `<vm-connection>` (or `<vm-detail>`) above
 * them. Created on first use, talking to the page's own origin unless configured.
 */
import type { VmHubConfig } from './config.js';
import { VmHub } from './vm-hub.js';

let defaultHub: VmHub | null = null;

export function getDefaultHub(): VmHub {
  return (defaultHub ??= new VmHub());
}

/**
 * Configures the page-wide default hub (server address, token provider, …). Elements already
 * connected reconnect with the new settings.
 */
export function configureDefaultHub(config: Partial<VmHubConfig>): VmHub {
  const hub = getDefaultHub();
  hub.configure(config);
  return hub;
}

/** For tests: forget the default hub, closing its sockets. */
export function resetDefaultHub(): void {
  defaultHub?.dispose();
  defaultHub = null;
}
