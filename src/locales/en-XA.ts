
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'action.progress.restart': `[Ŕéšţáŕţíñĝ… ···]`,
'action.progress.resume': `[Ŕéšúɱíñĝ… ···]`,
'action.progress.start': `[Šţáŕţíñĝ… ···]`,
'action.progress.stop': `[Šţóþþíñĝ… ···]`,
'action.progress.suspend': `[Šúšþéñðíñĝ… ···]`,
'action.restart': `[Ŕéšţáŕţ ··]`,
'action.resume': `[Ŕéšúɱé ·]`,
'action.start': `[Šţáŕţ ·]`,
'action.stop': `[Šţóþ ·]`,
'action.suspend': `[Šúšþéñð ··]`,
'connection.connected': `[Çóññéçţéð ···]`,
'connection.connecting': `[Çóññéçţíñĝ… ···]`,
'connection.disconnected': `[Ðíšçóññéçţéð ····]`,
'connection.invalidName': `[Íñṽáļíð ṼṀ ñáɱé ·····]`,
'connection.live': `[Ļíṽé ·]`,
'connection.noPermission': `[Ñó þéŕɱíššíóñ ····]`,
'connection.notConnected': `[Ñóţ çóññéçţéð ····]`,
'connection.notFound': `[ṼṀ ñóţ ƒóúñð ····]`,
'connection.notSignedIn': `[Ñóţ šíĝñéð íñ ····]`,
'connection.noVm': `[Ñó ṼṀ šéļéçţéð ·····]`,
'connection.offline': `[Óƒƒļíñé ··]`,
'connection.offlineWaiting': `[Óƒƒļíñé: ŵáíţíñĝ ƒóŕ ţĥé ñéţŵóŕķ ············]`,
'connection.queued': `[Ñóţ ļíṽé: ŵáíţíñĝ ƒóŕ á çóññéçţíóñ ·············]`,
'connection.reconnecting': `[Ŕéçóññéçţíñĝ… ····]`,
'connection.reconnectingIn': str`[Ŕéçóññéçţíñĝ íñ ${0} š ······]`,
'connection.waiting': `[Ŵáíţíñĝ ƒóŕ á çóññéçţíóñ… ·········]`,
'status.crashed': `[Çŕášĥéð ··]`,
'status.error': `[Éŕŕóŕ ·]`,
'status.paused': `[Þáúšéð ·]`,
'status.phrase.crashed': `[ṼṀ çŕášĥéð ···]`,
'status.phrase.error': `[ṼṀ íñ éŕŕóŕ ···]`,
'status.phrase.paused': `[ṼṀ þáúšéð ···]`,
'status.phrase.running': `[ṼṀ ŕúññíñĝ ···]`,
'status.phrase.shutdown': `[ṼṀ šĥúţ ðóŵñ ····]`,
'status.phrase.stopped': `[ṼṀ šţóþþéð ···]`,
'status.phrase.suspended': `[ṼṀ šúšþéñðéð ····]`,
'status.phrase.unknown': `[ṼṀ šţáţé úñķñóŵñ ·····]`,
'status.running': `[Ŕúññíñĝ ··]`,
'status.shutdown': `[Šĥúţ ðóŵñ ···]`,
'status.stopped': `[Šţóþþéð ··]`,
'status.suspended': `[Šúšþéñðéð ···]`,
'status.unknown': `[Úñķñóŵñ ··]`,
    };
  