/**
 * The context key through which `<vm-connection>` (or `<vm-detail>`) hands its hub to the elements
 * below it. `Symbol.for` so that two bundled copies of the library on one page still find each
 * other's provider.
 */
import { createContext } from '@lit/context';
import type { VmHub } from './hub/index.js';

export const vmHubContext = createContext<VmHub>(Symbol.for('libgo-vm-elements:hub'));

/** Tags that provide the hub; a consumer waits for them to be defined before falling back. */
export const HUB_PROVIDER_TAGS = ['vm-connection', 'vm-detail'] as const;
