/* global Buffer -- njs provides it */
// njs (Debian: libnginx-mod-http-js) for deploy/nginx/libgo.conf: LibGo's JWT middleware reads
// only `Authorization: Bearer`, and a browser cannot set headers on a WebSocket. This turns the
// token the elements send (`?token=`, or `base64url.bearer.authorization.k8s.io.<token>` in
// Sec-WebSocket-Protocol beside `libgo.v1`) into that header's value. A token is never logged.

var PREFIX = 'base64url.bearer.authorization.k8s.io.';
// A JWT is base64url segments joined by dots; anything else must not reach a header.
var TOKEN = new RegExp('^[A-Za-z0-9._~+/=-]{1,16384}$');

function offeredProtocols(r) {
  var raw = r.headersIn['Sec-WebSocket-Protocol'] || '';
  return raw.split(',').map(function (p) { return p.trim(); }).filter(function (p) { return p !== ''; });
}

function protocolToken(r) {
  var offered = offeredProtocols(r);
  for (var i = 0; i < offered.length; i++) {
    if (offered[i].indexOf(PREFIX) === 0) {
      try {
        return Buffer.from(offered[i].slice(PREFIX.length), 'base64url').toString();
      } catch (_notBase64) {
        return '';
      }
    }
  }
  return '';
}

/** `$libgo_authorization`: "Bearer <token>", or empty (then the client's own header, if any, is kept). */
function authorization(r) {
  var token = protocolToken(r) || r.args.token || '';
  if (token !== '' && TOKEN.test(token)) return 'Bearer ' + token;
  return r.headersIn['Authorization'] || '';
}

/** `$libgo_subprotocol`: the one the elements expect answered, when they offered it (LibGo answers none). */
function subprotocol(r) {
  return offeredProtocols(r).indexOf('libgo.v1') >= 0 ? 'libgo.v1' : '';
}

export default { authorization, subprotocol };
