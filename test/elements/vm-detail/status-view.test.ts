/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { noStatusLabel } from '../../../src/elements/vm-detail/status-view.js';
import { VmError } from '../../../src/protocol/errors.js';
import { socket } from '../../helpers/socket-snapshot.js';


describe('<vm-detail> badge before a status (status-view.ts noStatusLabel)', () => {
  it('says what is known instead: not found, unknown after a failure, else loading', () => {
    expect(noStatusLabel(undefined, null, null)).to.equal('Loading');
    expect(noStatusLabel(socket('connecting'), null, null)).to.equal('Loading');
    expect(noStatusLabel(socket('not-found'), null, null)).to.equal('Not found');
    expect(noStatusLabel(undefined, new VmError('VM_NOT_FOUND', 'gone'), null)).to.equal('Not found');
    expect(noStatusLabel(socket('connecting'), new VmError('NETWORK_ERROR', 'down'), null)).to.equal('Unknown');
    expect(noStatusLabel(undefined, null, new VmError('INVALID_INPUT', 'bad'))).to.equal('Unknown');
    expect(noStatusLabel(socket('reconnecting', { attempt: 2 }), null, null)).to.equal('Unknown');
    expect(noStatusLabel(socket('open', { attempt: 2 }), null, null)).to.equal('Loading');
  });
});
