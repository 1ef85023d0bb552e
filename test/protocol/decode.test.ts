/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { decode, parseRfc3339 } from '../../src/protocol/index.js';
import { line } from '../helpers/fake-socket.js';

const metrics = {
  cpu: { utilization: 12.5 },
  memory: { used: 1024, total: 4096 },
  network: { rxBytes: 10, txBytes: 20 },
  disk: { readBytes: 30, writeBytes: 40 },
};

describe('decode', () => {
  it('splits a batched frame on newlines and keeps the order', () => {
    const frame = [
      line('status', { status: 'running', lastStateChange: '2026-11-25T20:00:00Z', uptime: 61 }),
      line('metrics', metrics),
      line('console', { content: 'a\nb', eof: false }),
    ].join('\n');
    const { messages, errors } = decode(frame);
    expect(errors).to.deep.equal([]);
    expect(messages.map((m) => m.type)).to.deep.equal(['status', 'metrics', 'console']);
    expect(messages[2]!.data).to.deep.equal({ content: 'a\nb', eof: false });
  });

  it('delivers 2,000 console messages batched the way the Go server writes them', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => line('console', { content: `line ${i}\r\n`, eof: false }));
    const frames = [];
    for (let i = 0; i < lines.length; i += 16) frames.push(lines.slice(i, i + 16).join('\n'));
    const contents = frames.flatMap((f) => decode(f).messages.map((m) => (m.data as { content: string }).content));
    expect(contents.length).to.equal(2000);
    expect(contents[1999]).to.equal('line 1999\r\n');
    expect(contents.join('')).to.equal(lines.map((_, i) => `line ${i}\r\n`).join(''));
  });

  it('parses RFC3339 timestamps with nanoseconds, in any field order', () => {
    const { messages } = decode('{"type":"heartbeat","timestamp":"2026-11-25T20:14:03.123456789Z","data":{}}');
    expect(messages[0]!.timestamp).to.be.closeTo(Date.UTC(2026, 10, 25, 20, 14, 3) + 123.456789, 1e-6);
    expect(parseRfc3339('2026-11-25T21:14:03+01:00')).to.equal(Date.UTC(2026, 10, 25, 20, 14, 3));
    expect(parseRfc3339('2026-13-25T21:14:03Z')).to.equal(undefined);
    expect(parseRfc3339('yesterday')).to.equal(undefined);
  });

  it('keeps the valid lines of a partly broken frame and reports each bad one', () => {
    const frame = ['{not json', line('console', { content: 'ok', eof: false }), '"just a string"', line('mystery', {})].join('\n');
    const { messages, errors } = decode(frame);
    expect(messages.map((m) => m.type)).to.deep.equal(['console']);
    expect(errors.map((e) => [e.line, e.reason])).to.deep.equal([
      [0, 'invalid-json'],
      [2, 'invalid-envelope'],
      [3, 'unknown-type'],
    ]);
  });

  const hostile: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['binary', new ArrayBuffer(8)],
    ['a Blob', new Blob(['x'])],
    ['an empty string', ''],
    ['only newlines', '\n\n\r\n'],
    ['a 10 MB frame', 'x'.repeat(10 * 1024 * 1024)],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
  ];
  for (const [name, input] of hostile) {
    it(`never throws on ${name}`, () => {
      const result = decode(input);
      expect(result.messages).to.deep.equal([]);
    });
  }

  it('rejects wrong field types instead of passing them on', () => {
    const bad = [
      line('metrics', { ...metrics, cpu: { utilization: 'NaN' } }),
      line('metrics', { ...metrics, memory: { used: -1, total: 10 } }),
      line('metrics', { ...metrics, network: { rxBytes: 123456, txBytes: 0 } }).replace('123456', '1e400'),
      line('metrics', { ...metrics, disk: null }),
      line('status', { status: 42 }),
      line('response', { requestId: 'x', success: 'yes', message: '' }),
      line('console', { content: { html: '<b>' }, eof: false }),
      line('error', { code: '<script>', message: 'x' }),
      line('status', []),
    ];
    const { messages, errors } = decode(bad.join('\n'));
    expect(messages).to.deep.equal([]);
    expect(errors.length).to.equal(bad.length);
    for (const e of errors) expect(e.detail.length).to.be.lessThan(200);
  });

  it('normalises unknown VM statuses to unknown and keeps the raw text', () => {
    const { messages } = decode(line('status', { status: 'migrating', uptime: 3 }));
    expect(messages[0]!.data).to.include({ status: 'unknown', rawStatus: 'migrating', uptime: 3 });
  });

  it('treats HTML in strings as text', () => {
    const { messages } = decode(line('error', { code: 'VM_NOT_FOUND', message: '<img src=x onerror=alert(1)>' }));
    expect(messages[0]!.data).to.deep.equal({ code: 'VM_NOT_FOUND', message: '<img src=x onerror=alert(1)>' });
  });

  it('falls back to the receive time when a timestamp is missing, without dropping the message', () => {
    const { messages } = decode('{"type":"console","data":{"content":"x"}}', 1234);
    expect(messages[0]!.timestamp).to.equal(1234);
    expect(messages[0]!.data).to.deep.equal({ content: 'x', eof: false });
  });

  it('decodes all seven server message types', () => {
    const frame = [
      line('connection', { status: 'connected', vmName: 'web-01', message: 'hi' }),
      line('status', { status: 'paused', lastStateChange: '2026-11-25T20:00:00.5Z', uptime: 0 }),
      line('metrics', metrics),
      line('response', { requestId: 'r1', success: false, message: 'already running' }),
      line('console', { content: '', eof: true }),
      line('error', { code: 'VM_NOT_RUNNING', message: 'stopped' }),
      line('heartbeat', { timestamp: '2026-11-25T20:00:00Z' }),
    ].join('\n');
    const { messages, errors } = decode(frame);
    expect(errors).to.deep.equal([]);
    expect(messages.map((m) => m.type)).to.deep.equal(['connection', 'status', 'metrics', 'response', 'console', 'error', 'heartbeat']);
    expect(messages[1]!.data).to.deep.equal({ status: 'paused', rawStatus: 'paused', lastStateChange: Date.UTC(2026, 10, 25, 20) + 500, uptime: 0 });
  });
});
