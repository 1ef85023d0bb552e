/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { buildApiUrl, buildSocketUrl, validateVmName, VmError } from '../../src/transport/index.js';
import { tokenSubprotocols } from '../../src/transport/index.js';

describe('URL building', () => {
  it('encodes the VM name as one path segment: a/../b?x#y cannot change the path', () => {
    const url = new URL(buildSocketUrl({ serverUrl: 'http://h:8080', vmName: 'a/../b?x#y', route: 'monitor', token: 'T' }));
    expect(url.pathname).to.equal('/ws/vms/a%2F..%2Fb%3Fx%23y');
    expect(url.hash).to.equal('');
    expect([...url.searchParams.keys()]).to.deep.equal(['token']);
    expect(url.searchParams.get('token')).to.equal('T');
  });

  it('follows the server scheme: http → ws, https → wss, and keeps a base path', () => {
    expect(buildSocketUrl({ serverUrl: 'https://portal.example/libgo/', vmName: 'web-01', route: 'console' })).to.equal(
      'wss://portal.example/libgo/ws/vms/web-01/console',
    );
    expect(buildSocketUrl({ serverUrl: 'http://h', vmName: 'x', route: 'monitor', wsPath: '/custom/ws' })).to.equal('ws://h/custom/ws/x');
    expect(buildApiUrl('wss://h:9', undefined, '/vms/x')).to.equal('https://h:9/api/v1/vms/x');
  });

  it('rejects names that navigate or carry control characters', () => {
    for (const name of ['', '.', '..', 'a\nb', 'x'.repeat(256), 42]) {
      expect(() => validateVmName(name)).to.throw(VmError);
    }
    expect(validateVmName('web 01 (prod)')).to.equal('web 01 (prod)');
  });

  it('rejects bad server addresses with a clear error and no echo of credentials', () => {
    for (const serverUrl of ['ftp://h', 'javascript:alert(1)', 'http://user:secret@h']) {
      try {
        buildSocketUrl({ serverUrl, vmName: 'x', route: 'monitor' });
        expect.fail('should throw');
      } catch (e) {
        expect(e).to.be.instanceOf(VmError);
        expect((e as VmError).code).to.equal('INVALID_CONFIG');
        expect((e as VmError).message).not.to.contain('secret');
      }
    }
  });

  it('puts the token in a Kubernetes-style subprotocol, base64url without padding', () => {
    const [app, bearer] = tokenSubprotocols('ab+/c=');
    expect(app).to.equal('libgo.v1');
    expect(bearer).to.equal(`base64url.bearer.authorization.k8s.io.${btoa('ab+/c=').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`);
    expect(bearer).to.match(/^[A-Za-z0-9._-]+$/);
  });
});
