/** Which one error the banner under the header shows, most fundamental first. */
import type { VmError } from '../../protocol/errors.js';
import type { SocketSnapshot } from '../../transport/vm-socket.js';

export interface BannerInput {
  /** The VM name is not valid. */
  nameError: VmError | null;
  connection: SocketSnapshot | undefined;
  /** The REST load of the VM's details failed. */
  restError: VmError | null;
  /** The VM's details are on screen (from an earlier load). */
  haveDetails: boolean;
  /** An error the server sent on the socket. */
  serverError: VmError | null | undefined;
  /** The message of the last failed action: shown with that action's outcome, not here. */
  lastActionError: string;
}

export function bannerError(i: BannerInput): VmError | null {
  if (i.nameError) return i.nameError;
  const c = i.connection;
  if (c && (c.state === 'unauthorized' || c.state === 'not-found') && c.lastError) return c.lastError;
  const rest = i.restError;
  // A network failure with details on screen shows as "stale" in the overview instead.
  if (rest && (!i.haveDetails || (rest.code !== 'NETWORK_ERROR' && rest.code !== 'TIMEOUT'))) return rest;
  const serverError = c?.state === 'open' ? i.serverError : null;
  if (serverError && serverError.message !== i.lastActionError) return serverError;
  return null;
}
