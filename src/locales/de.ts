
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'status.running': `Running`,
'status.stopped': `Stopped`,
'status.paused': `Paused`,
'status.shutdown': `Shut down`,
'status.crashed': `Crashed`,
'status.suspended': `Suspended`,
'status.error': `Error`,
'status.unknown': `Unknown`,
'connection.live': `Live`,
'connection.connected': `Connected`,
'connection.connecting': `Connecting…`,
'connection.reconnecting': `Reconnecting…`,
'connection.offline': `Offline`,
'connection.offlineWaiting': `Offline: waiting for the network`,
'connection.noPermission': `No permission`,
'connection.notSignedIn': `Not signed in`,
'connection.notFound': `VM not found`,
'connection.disconnected': `Disconnected`,
'connection.notConnected': `Not connected`,
'connection.queued': `Not live: waiting for a connection`,
'connection.waiting': `Waiting for a connection…`,
'connection.noVm': `No VM selected`,
'connection.invalidName': `Invalid VM name`,
'connection.reconnectingIn': str`Reconnecting in ${0} s`,
'status.phrase.running': `VM running`,
'status.phrase.stopped': `VM stopped`,
'status.phrase.shutdown': `VM shut down`,
'status.phrase.paused': `VM paused`,
'status.phrase.suspended': `VM suspended`,
'status.phrase.crashed': `VM crashed`,
'status.phrase.error': `VM in error`,
'status.phrase.unknown': `VM state unknown`,
'action.start': `Start`,
'action.stop': `Stop`,
'action.restart': `Restart`,
'action.suspend': `Suspend`,
'action.resume': `Resume`,
'action.progress.start': `Starting…`,
'action.progress.stop': `Stopping…`,
'action.progress.restart': `Restarting…`,
'action.progress.suspend': `Suspending…`,
'action.progress.resume': `Resuming…`,
    };
  