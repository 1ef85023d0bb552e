// The `libgo-vm-elements/react` wrappers: typed props (set as properties) and typed `on…` events.
import { VmConnection, VmDetail, VmList } from 'libgo-vm-elements/react';
import type { ViewProps } from './view-props';

export function WrappersView({ session, vmName, onSelect, onResult }: ViewProps) {
  return (
    <VmConnection server={session.serverUrl} tokenProvider={() => session.token}>
      <VmList selected={vmName} style={{ height: 260 }} onSelect={(event) => onSelect(event.detail.vmName)} />
      <VmDetail
        vmName={vmName}
        confirmActions="stop restart"
        onActionResult={(event) => onResult(event.detail)}
        onError={(event) => console.info(`vm-error ${event.detail.code}`)}
      />
    </VmConnection>
  );
}
