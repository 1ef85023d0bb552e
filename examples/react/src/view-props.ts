import type { VmActionResultDetail } from 'libgo-vm-elements';
import type { Session } from './login';

/** What both views get from the app: the session, the VM shown, and where to report. */
export interface ViewProps {
  session: Session;
  vmName: string;
  onSelect: (vmName: string) => void;
  onResult: (d: VmActionResultDetail) => void;
}
