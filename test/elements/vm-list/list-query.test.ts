/// <reference types="mocha" />
// <vm-list>'s query attributes checked (list-query.ts): what a deep link's value becomes, and what is said.
import { expect } from '@open-wc/testing';
import { checkDirection, checkSort, confirmActionsWarning, nextSort, statusFilterWarning, warn, warned } from '../../../src/elements/vm-list/list-query.js';
import type { SortDirection, SortKey } from '../../../src/elements/vm-list/fleet-view.js';

describe('<vm-list> query checks (list-query.ts)', () => {
  it('keeps a known sort and falls back to name, with a warning, for anything else', () => {
    const table: [string, SortKey, string | null][] = [
      ['cpu', 'cpu', null],
      ['uptime', 'uptime', null],
      ['CPU', 'name', '<vm-list>: sort="CPU" is not one of status, name, description, cpu, memory, uptime; sorting by name.'],
      ['', 'name', '<vm-list>: sort="" is not one of status, name, description, cpu, memory, uptime; sorting by name.'],
    ];
    for (const [given, value, warning] of table) expect(checkSort(given), given).to.deep.equal({ value, warning });
  });

  it('keeps ascending or descending and falls back to ascending, with a warning, for anything else', () => {
    const table: [string, SortDirection, string | null][] = [
      ['ascending', 'ascending', null],
      ['descending', 'descending', null],
      ['desc', 'ascending', '<vm-list>: sort-direction="desc" is not ascending or descending; using ascending.'],
    ];
    for (const [given, value, warning] of table) expect(checkDirection(given), given).to.deep.equal({ value, warning });
  });

  it('names the statuses and actions it ignores, and says nothing for known ones', () => {
    const table: [string, string | null][] = [
      ['', null],
      ['running paused', null],
      ['running bogus odd', '<vm-list>: status-filter ignores unknown status(es): bogus, odd.'],
    ];
    for (const [given, warning] of table) expect(statusFilterWarning(given), given).to.equal(warning);
    expect(confirmActionsWarning('stop restart suspend')).to.equal(null);
    expect(confirmActionsWarning('stop explode')).to.equal('<vm-list>: confirm-actions ignores unknown action(s): explode.');
  });

  it('turns the sorted column around, and starts another one from its natural end', () => {
    const table: [SortKey, SortDirection, SortKey, SortKey, SortDirection][] = [
      ['name', 'ascending', 'name', 'name', 'descending'],
      ['name', 'descending', 'name', 'name', 'ascending'],
      ['name', 'ascending', 'cpu', 'cpu', 'descending'],
      ['name', 'ascending', 'memory', 'memory', 'descending'],
      ['cpu', 'descending', 'uptime', 'uptime', 'descending'],
      ['cpu', 'descending', 'status', 'status', 'ascending'],
      ['uptime', 'ascending', 'description', 'description', 'ascending'],
    ];
    for (const [sort, direction, key, nextKey, nextDirection] of table) {
      expect(nextSort(sort, direction, key), `${sort} ${direction}, click ${key}`).to.deep.equal({ sort: nextKey, direction: nextDirection });
    }
  });

  it('logs a warning only when there is one, and gives the value either way', () => {
    const logged: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      expect(warned({ value: 'cpu', warning: null })).to.equal('cpu');
      expect(warned({ value: 'name', warning: 'bad sort' })).to.equal('name');
      warn(null);
      warn('bad status');
    } finally {
      console.warn = original;
    }
    expect(logged).to.deep.equal(['bad sort', 'bad status']);
  });
});
