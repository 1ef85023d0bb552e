// React 19 with the custom element tags themselves; their JSX types come with the react entry.
import 'libgo-vm-elements';
import type { VmActionResultDetail } from 'libgo-vm-elements';
import type {} from 'libgo-vm-elements/react';
import type { ViewProps } from './view-props';

export function TagsView({ session, vmName, onSelect, onResult }: ViewProps) {
  return (
    <vm-connection server={session.serverUrl} tokenProvider={() => session.token}>
      <vm-list selected={vmName} style={{ height: 260 }} onvm-select={(e) => onSelect(e.detail.vmName)} />
      <vm-detail vm-name={vmName} confirm-actions="stop restart" onvm-action-result={(e) => onResult(e.detail as VmActionResultDetail)} />
    </vm-connection>
  );
}
