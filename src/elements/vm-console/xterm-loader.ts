/**
 * xterm.js and its addons, loaded on first use with one shared promise (they are the heaviest
 * part of the library; a page that never shows a console never downloads them).
 */
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import type * as TerminalKit from './terminal-kit.js';

export interface XtermModules {
  Terminal: typeof Terminal;
  FitAddon: typeof FitAddon;
  SearchAddon: typeof SearchAddon;
  kit: typeof TerminalKit;
}

let loading: Promise<XtermModules> | null = null;

export function loadXterm(): Promise<XtermModules> {
  loading ??= Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/addon-search'), import('./terminal-kit.js')]).then(
    ([xterm, fit, search, kit]) => ({ Terminal: xterm.Terminal, FitAddon: fit.FitAddon, SearchAddon: search.SearchAddon, kit }),
    (error: unknown) => {
      // Let a later attempt (the network came back) try again.
      loading = null;
      throw error;
    },
  );
  return loading;
}
