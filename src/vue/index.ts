/**
 * Vue template types for the tags (`libgo-vm-elements/vue`, types only): after
 * `import type {} from 'libgo-vm-elements/vue'`, vue-tsc and Volar check `<vm-detail vm-name="…"
 * @vm-action-result="…">` like a component's props and events. Vue still renders the tags as
 * custom elements (`isCustomElement: (tag) => tag.startsWith('vm-')`).
 */
import type { DefineComponent } from 'vue';
import type { VmEventMap } from '../events/index.js';
import type { VmHub, VmHubConfig, TokenProvider, AuthMode } from '../hub/index.js';

type On<K extends keyof VmEventMap> = (event: VmEventMap[K]) => void;
type Theme = { theme?: 'light' | 'dark' };

/** A tag as Vue's type checker sees it: its attributes and properties as props, its events as `on…`. */
type Tag<Props> = DefineComponent<Props>;

export type { Tag as VmTagComponent };

declare module 'vue' {
  interface GlobalComponents {
    'vm-connection': Tag<{
      server?: string;
      authMode?: AuthMode;
      wsPath?: string;
      apiPath?: string;
      consoleWorker?: boolean;
      noPersistHistory?: boolean;
      tokenProvider?: TokenProvider;
      options?: Partial<VmHubConfig>;
      hub?: VmHub;
      onVmError?: On<'vm-error'>;
    }>;
    'vm-detail': Tag<
      Theme & {
        vmName: string;
        tab?: 'overview' | 'monitoring' | 'console';
        confirmActions?: string;
        permissions?: readonly string[];
        onVmAction?: On<'vm-action'>;
        onVmActionResult?: On<'vm-action-result'>;
        onVmError?: On<'vm-error'>;
      }
    >;
    'vm-list': Tag<
      Theme & {
        filter?: string;
        statusFilter?: string;
        sort?: 'status' | 'name' | 'description' | 'cpu' | 'memory' | 'uptime';
        sortDirection?: 'ascending' | 'descending';
        selected?: string;
        confirmActions?: string;
        label?: string;
        locale?: string;
        permissions?: readonly string[];
        hub?: VmHub;
        onVmSelect?: On<'vm-select'>;
        onVmAction?: On<'vm-action'>;
        onVmActionResult?: On<'vm-action-result'>;
        onVmError?: On<'vm-error'>;
      }
    >;
    'vm-console': Tag<
      Theme & {
        vmName: string;
        readOnly?: boolean;
        scrollback?: number;
        fontSize?: number;
        links?: 'confirm' | 'open' | 'off';
        onVmLink?: On<'vm-link'>;
        onVmConsoleConnect?: On<'vm-console-connect'>;
        onVmConsoleDisconnect?: On<'vm-console-disconnect'>;
        onVmConsoleEof?: On<'vm-console-eof'>;
      }
    >;
    'vm-metrics': Tag<
      Theme & {
        vmName?: string;
        window?: '5m' | '15m' | '1h';
        series?: string;
        compact?: boolean;
        paused?: boolean;
        noPersistHistory?: boolean;
        onVmError?: On<'vm-error'>;
      }
    >;
  }
}
