// React 19 with the custom element tags themselves; their JSX types come with the react entry.
import 'libgo-vm-elements';
import type { VmActionResultDetail } from 'libgo-vm-elements';
import type {} from 'libgo-vm-elements/react';
import type { Session } from './login';

export function TagsView({ session, onResult }: { session: Session; onResult: (d: VmActionResultDetail) => void }) {
  return (
    <vm-connection server={session.serverUrl} tokenProvider={() => session.token}>
      <vm-detail vm-name="web-01" confirm-actions="stop restart" onvm-action-result={(e) => onResult(e.detail)} />
    </vm-connection>
  );
}
