/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { ConsoleInput, pasteProgressText } from '../../../src/elements/vm-console/console-input.js';
import type { Notice } from '../../../src/elements/vm-console/console-status.js';
import type { ConsoleSession } from '../../../src/hub/console.js';
import { VmError } from '../../../src/protocol/errors.js';

type Progress = (p: { sentChars: number; totalChars: number }) => void;

function setup({ readOnly = false, session = true, fail = false as boolean | Error } = {}) {
  const sent: string[] = [];
  const progress: Progress[] = [];
  const shown: (Notice | null)[] = [];
  const status = {
    notice: null as Notice | null,
    show(n: Notice) {
      status.notice = n;
      shown.push(n);
    },
    set(n: Notice | null) {
      status.notice = n;
      shown.push(n);
    },
    readOnlyReason: () => 'This console is read-only.',
  };
  const fake = {
    sendInput: async (data: string, onProgress?: Progress) => {
      if (fail) throw fail === true ? new Error('The socket is closed.') : fail;
      sent.push(data);
      if (onProgress) progress.push(onProgress);
    },
  };
  const input = new ConsoleInput({
    element: { effectiveReadOnly: readOnly },
    session: () => (session ? (fake as unknown as ConsoleSession) : null),
    status,
  });
  return { input, sent, progress, shown, status };
}

describe('console input', () => {
  it('sends to the session, or says why not', async () => {
    const ok = setup();
    await ok.input.send('ls\r');
    expect([ok.sent, ok.shown]).to.deep.equal([['ls\r'], []]);

    const ro = setup({ readOnly: true });
    await ro.input.send('a');
    await ro.input.send('b');
    expect(ro.sent).to.deep.equal([]);
    expect(ro.shown.map((n) => n?.text()), 'said once while it shows').to.deep.equal(['This console is read-only. Input is not sent.']);

    const none = setup({ session: false });
    await none.input.send('a');
    expect([none.sent, none.shown]).to.deep.equal([[], []]);

    const failing = setup({ fail: true });
    await failing.input.send('a');
    // An error's message is English (for logs): the notice says it in messages, with only the server's words quoted.
    expect(failing.shown.map((n) => [n?.cause, n?.text()])).to.deep.equal([['input', 'The input was not sent.']]);
    const refused = setup({ fail: new VmError('COMMAND_FAILED', 'The server refused the input.', { detail: 'console busy' }) });
    await refused.input.send('a');
    expect(refused.shown.map((n) => n?.text())).to.deep.equal(['The input was not sent. (console busy)']);
  });

  it('shows a big paste’s progress until it is sent', async () => {
    const { input, progress, status } = setup();
    await input.send('x', true);
    progress[0]!({ sentChars: 512, totalChars: 2048 });
    expect(status.notice).to.include({ tone: 'info', cause: 'paste' });
    expect(status.notice!.text()).to.equal(pasteProgressText(512, 2048));
    expect(pasteProgressText(512, 2048)).to.match(/^Pasting… 25 % of \S/);
    progress[0]!({ sentChars: 2048, totalChars: 2048 });
    expect(status.notice).to.equal(null);
  });

  it('copies nothing when nothing is selected', async () => {
    const { input, shown } = setup();
    await input.copy('');
    expect(shown).to.deep.equal([]);
  });
});
