/**
 * React components for the elements, made with `@lit/react`: typed props (properties, not
 * attributes, so objects and functions pass through) and typed `on…` event props. React 19 can
 * also use the tags directly; these wrappers add the typing and work on React 18 too.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { VmConnection as VmConnectionElement } from '../elements/vm-connection/vm-connection.define.js';
import { VmConsole as VmConsoleElement } from '../elements/vm-console/vm-console.define.js';
import { VmDetail as VmDetailElement } from '../elements/vm-detail/vm-detail.define.js';
import { VmList as VmListElement } from '../elements/vm-list/vm-list.define.js';
import { VmGrid as VmGridElement } from '../elements/vm-grid/vm-grid.define.js';
import { VmMetrics as VmMetricsElement } from '../elements/vm-metrics/vm-metrics.define.js';
import type { VmEventMap } from '../events/index.js';
import './jsx.js';

const event = <K extends keyof VmEventMap>(name: K) => name as EventName<VmEventMap[K]>;

export const VmConnection = createComponent({
  react: React,
  tagName: 'vm-connection',
  elementClass: VmConnectionElement,
  events: { onError: event('vm-error') },
  displayName: 'VmConnection',
});

export const VmConsole = createComponent({
  react: React,
  tagName: 'vm-console',
  elementClass: VmConsoleElement,
  events: {
    onConnect: event('vm-console-connect'),
    onDisconnect: event('vm-console-disconnect'),
    onEof: event('vm-console-eof'),
    onLink: event('vm-link'),
  },
  displayName: 'VmConsole',
});

export const VmMetrics = createComponent({
  react: React,
  tagName: 'vm-metrics',
  elementClass: VmMetricsElement,
  events: { onError: event('vm-error') },
  displayName: 'VmMetrics',
});

export const VmDetail = createComponent({
  react: React,
  tagName: 'vm-detail',
  elementClass: VmDetailElement,
  events: {
    onAction: event('vm-action'),
    onActionResult: event('vm-action-result'),
    onError: event('vm-error'),
  },
  displayName: 'VmDetail',
});

export const VmList = createComponent({
  react: React,
  tagName: 'vm-list',
  elementClass: VmListElement,
  events: {
    onSelect: event('vm-select'),
    onAction: event('vm-action'),
    onActionResult: event('vm-action-result'),
    onError: event('vm-error'),
  },
  displayName: 'VmList',
});

export const VmGrid = createComponent({
  react: React,
  tagName: 'vm-grid',
  elementClass: VmGridElement,
  events: {
    onSelect: event('vm-select'),
    onError: event('vm-error'),
  },
  displayName: 'VmGrid',
});

export type { VmEventMap } from '../events/index.js';
