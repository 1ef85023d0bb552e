/// <reference types="mocha" />
// What <vm-detail> says for each error: one row per case, the sentence a user reads.
import { expect } from '@open-wc/testing';
import { kit } from '../../src/internal/deferred-parts.js';
import { explainError } from '../../src/internal/deferred-texts.js';
import { notConfirmedWords } from '../../src/internal/error-words.js';
import { buildApiUrl, buildSocketUrl, validateVmName } from '../../src/transport/urls.js';
import { parseAuthMode } from '../../src/transport/auth.js';
import { RestClient } from '../../src/transport/rest-client.js';
import { VmError, type VmErrorCode } from '../../src/protocol/errors.js';

const SERVER = 'https://libgo.example.com/';

/** [case, code, server's message, server URL given, expected sentence] */
const CASES: [string, VmErrorCode, string, string | undefined, string][] = [
  ['signed out (the transport only restates the code)', 'AUTH_ERROR', 'Authentication failed', SERVER,
    'You are not signed in, or your session has expired. Sign in again to see this VM.'],
  ['a missing permission, reported as AUTH_ERROR on an open socket', 'AUTH_ERROR', 'permission denied: vm:control', SERVER,
    'Your account is not allowed to do that (permission denied: vm:control).'],
  ['permission denied, with the server\'s detail', 'PERMISSION_DENIED', 'requires console', SERVER,
    'Your account is not allowed to open web-01. (requires console)'],
  ['an unknown VM', 'VM_NOT_FOUND', 'VM not found', SERVER, 'There is no VM called “web-01” on this server.'],
  ['a stopped VM', 'VM_NOT_RUNNING', '', SERVER, 'web-01 is not running.'],
  // Without a reason, a programming error: said in general, its English message left to the developer.
  ['a call the library does not support', 'INVALID_INPUT', '"reboot" is not a VM action.', SERVER,
    'The page asked for something this library does not support.'],
  ['a hub option out of range', 'INVALID_CONFIG', 'lingerMs must be a non-negative number of milliseconds or bytes.', SERVER,
    'The connection settings are not valid.'],
  ['unreachable: names the server, without its trailing slash', 'NETWORK_ERROR', 'fetch failed', SERVER,
    'The server at https://libgo.example.com cannot be reached. Check the network and the address; the page keeps trying.'],
  ['unreachable, no server URL known', 'NETWORK_ERROR', 'fetch failed', undefined,
    'The server cannot be reached. Check the network and the address; the page keeps trying.'],
  ['a timeout', 'TIMEOUT', 'timed out after 10000 ms', SERVER, 'The server at https://libgo.example.com took too long to answer.'],
  ['a server error, with its detail', 'SERVER_ERROR', 'disk full', SERVER, 'The server ran into a problem. Try again in a moment. (disk full)'],
  ['a server error without detail', 'SERVER_ERROR', '', SERVER, 'The server ran into a problem. Try again in a moment.'],
  ['an answer the page cannot read', 'INVALID_RESPONSE', '', SERVER, 'The server sent an answer this page does not understand.'],
  ['a refused command', 'INVALID_COMMAND', '', SERVER, 'The server did not accept the command.'],
  ['an unreadable message', 'INVALID_MESSAGE', '', SERVER, 'The server could not read a message from this page.'],
  ['a rejected message type', 'UNKNOWN_MESSAGE_TYPE', '', SERVER, 'The server rejected a message from this page.'],
  ['an unexpected problem', 'UNKNOWN_ERROR', '', SERVER, 'The server reported an unexpected problem.'],
];

describe('explainError', () => {
  for (const [name, code, message, server, sentence] of CASES) {
    it(`${code}: ${name}`, () => {
      // As the transport makes them from a server's answer (its words in message and detail); the
      // two codes the library raises itself carry no server words.
      const fromServer = code !== 'INVALID_INPUT' && code !== 'INVALID_CONFIG';
      expect(explainError(new VmError(code, message, fromServer ? { detail: message } : {}), 'web-01', server, kit)).to.equal(sentence);
    });
  }

  it('quotes only the server’s words, never the library’s English message', () => {
    const own = (code: VmErrorCode, message: string) => explainError(new VmError(code, message), 'web-01', SERVER, kit);
    expect([
      own('INVALID_RESPONSE', 'Expected JSON from /api/v1/vms, got text/html.'),
      own('SERVER_ERROR', 'HTTP 502'),
      own('AUTH_ERROR', 'permission check failed'),
    ]).to.deep.equal([
      'The server sent an answer this page does not understand.',
      'The server ran into a problem. Try again in a moment.',
      'You are not signed in, or your session has expired. Sign in again to see this VM.',
    ]);
    // A code no sentence is written for, from the server: its words; from the library: a general sentence.
    expect(explainError(new VmError('FUTURE_CODE' as VmErrorCode, 'vm is locked', { detail: 'vm is locked' }), 'web-01', SERVER, kit)).to.equal('vm is locked');
    expect(explainError(new VmError('FUTURE_CODE' as VmErrorCode, 'An English sentence for logs.'), 'web-01', SERVER, kit)).to.equal('Something went wrong.');
  });

  // What the transport refuses is said from the error's reason (its message stays English).
  it('says each invalid name and setting from its reason', async () => {
    const refusal = (fn: () => unknown): VmError => {
      try {
        fn();
      } catch (e) {
        return e as VmError;
      }
      throw new Error('not refused');
    };
    const socket = (serverUrl: string, vmName = 'web-01', wsPath?: string) => () => buildSocketUrl({ serverUrl, vmName, wsPath, route: 'monitor' });
    const login = await new RestClient({}).login('', '').then(
      () => null,
      (e: VmError) => e,
    );
    const errors = [
      refusal(() => validateVmName('')),
      refusal(() => validateVmName('a'.repeat(256))),
      refusal(() => validateVmName('..')),
      refusal(socket('http://[not-a-host')),
      refusal(socket('ftp://libgo.example.com')),
      refusal(socket('https://user:secret@libgo.example.com')),
      refusal(() => buildApiUrl(SERVER, '/api/../admin', '/vms')),
      refusal(() => parseAuthMode('header')),
      login!,
    ];
    expect(errors.map((e) => [e.code, e.reason])).to.deep.equal([
      ['INVALID_INPUT', 'name-missing'],
      ['INVALID_INPUT', 'name-long'],
      ['INVALID_INPUT', 'name-chars'],
      ['INVALID_CONFIG', 'server-url'],
      ['INVALID_CONFIG', 'server-scheme'],
      ['INVALID_CONFIG', 'server-credentials'],
      ['INVALID_CONFIG', 'base-path'],
      ['INVALID_CONFIG', 'auth-mode'],
      ['INVALID_INPUT', 'login'],
    ]);
    expect(errors.map((e) => explainError(e, 'web-01', SERVER, kit))).to.deep.equal([
      'A VM name is required.',
      // The limit the words say is the one validateVmName keeps (255 passes).
      'A VM name is at most 255 characters long.',
      'That VM name contains characters that are not allowed.',
      'The server address is not a valid URL.',
      'The server address must start with http:, https:, ws: or wss:.',
      'The server address must not contain a user name or password.',
      'A path in the connection settings is not valid.',
      'The auth mode must be query, subprotocol or cookie.',
      'Enter a user name and a password.',
    ]);
    expect(validateVmName('a'.repeat(255))).to.have.length(255);
    expect(explainError(new VmError('INVALID_INPUT', 'That VM name cannot be used.', { reason: 'name' }), 'web-01', SERVER, kit)).to.equal('That VM name cannot be used.');
    expect(explainError(new VmError('INVALID_CONFIG', 'refused', { reason: 'socket-refused' }), 'web-01', SERVER, kit)).to.equal(
      'The browser refused to open a connection to the server address.',
    );
  });

  it('says "this VM" when the element has no vm-name', () => {
    expect(explainError(new VmError('VM_NOT_RUNNING', ''), '', SERVER, kit)).to.equal('this VM is not running.');
  });

  // The hub's and transport's own messages are English for logs and events; the reader gets words
  // from the code (messages, so translated), and only the server's own words are quoted.
  it('says the errors the library raises in messages, not with their English message', () => {
    const said = (code: VmErrorCode, message: string, detail?: string) => explainError(new VmError(code, message, { detail }), 'web-01', SERVER, kit);
    expect([
      said('NOT_CONNECTED', 'Cannot stop web-01: there is no live connection.'),
      said('SOCKET_CLOSED', 'The server stopped answering; reconnecting.'),
      said('ABORTED', 'The request was cancelled.'),
      said('NOT_AVAILABLE_OFFLINE', 'Suspend needs a live connection: the LibGo REST API has no suspend route.'),
      said('INVALID_STATE', "The server refused to start web-01: not possible in the VM's current state (already running).", 'already running'),
      said('COMMAND_FAILED', 'The server could not stop web-01.'),
      said('COMMAND_FAILED', 'guest refused', 'guest refused'),
    ]).to.deep.equal([
      'There is no live connection to web-01.',
      'The connection was lost before the server answered.',
      'The request was cancelled.',
      'This needs a live connection to the server.',
      'Not possible in the current state of web-01. (already running)',
      'The server could not carry out the command.',
      'guest refused',
    ]);
  });

  it('names the page\'s own origin when the server URL is empty (same origin)', () => {
    expect(explainError(new VmError('TIMEOUT', ''), 'web-01', '', kit)).to.equal(`The server at ${location.origin} took too long to answer.`);
  });
});

describe('notConfirmedWords', () => {
  const words = { msg: kit.msg, str: kit.str, label: kit.label };
  it('says what the VM shows after the wait, as the hub does in its English message', () => {
    expect([
      notConfirmedWords('stop', 'web-01', { status: 'running' }, 30, words),
      notConfirmedWords('restart', 'web-01', { status: 'running' }, 30, words),
      notConfirmedWords('start', 'web-01', null, 60, words),
    ]).to.deep.equal([
      'The server acknowledged stop, but web-01 is still running after 30 s.',
      'The server acknowledged restart, but web-01 shows no sign of a restart after 30 s.',
      'The server acknowledged start, but no status from web-01 has shown it within 60 s.',
    ]);
  });
});
