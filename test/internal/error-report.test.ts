/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { ErrorReport } from '../../src/internal/error-report.js';
import { VmError } from '../../src/protocol/errors.js';

describe('vm-error reports (error-report.ts)', () => {
  it('fires once per new error, not per render; again for another error, or after a reset', () => {
    const host = document.createElement('div');
    const heard: string[] = [];
    host.addEventListener('vm-error', (e) => heard.push(`${e.detail.vmName} ${e.detail.code} ${e.detail.message}`));
    const report = new ErrorReport();
    const denied = new VmError('PERMISSION_DENIED', 'no');
    report.report(host, 'web-01', null);
    report.report(host, 'web-01', denied);
    report.report(host, 'web-01', new VmError('PERMISSION_DENIED', 'no'));
    expect(heard).to.deep.equal(['web-01 PERMISSION_DENIED no']);
    report.report(host, 'web-01', new VmError('PERMISSION_DENIED', 'still no'));
    report.report(host, 'web-01', null);
    report.report(host, 'web-01', denied);
    report.reset();
    report.report(host, '', denied);
    expect(heard).to.deep.equal(['web-01 PERMISSION_DENIED no', 'web-01 PERMISSION_DENIED still no', 'web-01 PERMISSION_DENIED no', 'null PERMISSION_DENIED no']);
  });
});
