/**
 * JSX types for using the tags directly in React 19, where a prop becomes a property when the
 * element has one (objects and functions pass through) and `on<event-name>` becomes a listener
 * for that custom event. Imported by `libgo-vm-elements/react`, so importing that entry (even
 * `import type {} from 'libgo-vm-elements/react'`) makes `<vm-detail vm-name="…">` type-check.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { VmEventMap } from '../events/index.js';
import type { VmHub, VmHubConfig, TokenProvider, AuthMode } from '../hub/index.js';

type Base = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;
type On<K extends keyof VmEventMap> = (event: VmEventMap[K]) => void;
type Theme = { theme?: 'light' | 'dark' };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace
  namespace JSX {
    interface IntrinsicElements {
      'vm-connection': Base & {
        server?: string;
        'auth-mode'?: AuthMode;
        'ws-path'?: string;
        'api-path'?: string;
        'console-worker'?: boolean;
        'no-persist-history'?: boolean;
        tokenProvider?: TokenProvider;
        options?: Partial<VmHubConfig>;
        hub?: VmHub;
        'onvm-error'?: On<'vm-error'>;
      };
      'vm-detail': Base &
        Theme & {
          'vm-name': string;
          tab?: 'overview' | 'monitoring' | 'console';
          'confirm-actions'?: string;
          permissions?: string[];
          'onvm-action'?: On<'vm-action'>;
          'onvm-action-result'?: On<'vm-action-result'>;
          'onvm-error'?: On<'vm-error'>;
        };
      'vm-list': Base &
        Theme & {
          filter?: string;
          'status-filter'?: string;
          sort?: 'status' | 'name' | 'description' | 'cpu' | 'memory' | 'uptime';
          'sort-direction'?: 'ascending' | 'descending';
          selected?: string;
          'confirm-actions'?: string;
          label?: string;
          locale?: string;
          permissions?: string[];
          hub?: VmHub;
          'onvm-select'?: On<'vm-select'>;
          'onvm-action'?: On<'vm-action'>;
          'onvm-action-result'?: On<'vm-action-result'>;
          'onvm-error'?: On<'vm-error'>;
        };
      'vm-console': Base &
        Theme & {
          'vm-name': string;
          'read-only'?: boolean;
          scrollback?: number;
          'font-size'?: number;
          links?: 'confirm' | 'open' | 'off';
          'onvm-link'?: On<'vm-link'>;
          'onvm-console-connect'?: On<'vm-console-connect'>;
          'onvm-console-disconnect'?: On<'vm-console-disconnect'>;
          'onvm-console-eof'?: On<'vm-console-eof'>;
        };
      'vm-metrics': Base &
        Theme & {
          'vm-name'?: string;
          window?: '5m' | '15m' | '1h';
          series?: string;
          compact?: boolean;
          paused?: boolean;
          'no-persist-history'?: boolean;
          'onvm-error'?: On<'vm-error'>;
        };
    }
  }
}
