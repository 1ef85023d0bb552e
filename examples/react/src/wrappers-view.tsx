// The `libgo-vm-elements/react` wrappers: typed props (set as properties) and typed `on…` events.
import { VmConnection, VmDetail } from 'libgo-vm-elements/react';
import type { VmActionResultDetail } from 'libgo-vm-elements';
import type { Session } from './login';

export function WrappersView({ session, onResult }: { session: Session; onResult: (d: VmActionResultDetail) => void }) {
  return (
    <VmConnection server={session.serverUrl} tokenProvider={() => session.token}>
      <VmDetail
        vmName="web-01"
        confirmActions="stop restart"
        onActionResult={(event) => onResult(event.detail)}
        onError={(event) => console.info(`vm-error ${event.detail.code}`)}
      />
    </VmConnection>
  );
}
