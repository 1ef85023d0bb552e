/**
 * Keys the special-keys menu sends, encoded as xterm encodes them (the encodings a Linux serial
 * getty, GRUB, systemd's emergency shell and most TUI programs expect with TERM=xterm or vt220).
 *
 * | Key            | Bytes sent                 | Notes                                                        |
 * | -------------- | -------------------------- | ------------------------------------------------------------ |
 * | Ctrl+C         | `03`                       | ETX: the tty sends SIGINT                                    |
 * | Ctrl+D         | `04`                       | EOT: end of input / log out at an empty prompt               |
 * | Ctrl+Z         | `1a`                       | SUB: the tty sends SIGTSTP                                   |
 * | Ctrl+\         | `1c`                       | FS: the tty sends SIGQUIT                                    |
 * | Ctrl+L         | `0c`                       | FF: most shells redraw the screen                            |
 * | Esc            | `1b`                       |                                                              |
 * | Tab            | `09`                       |                                                              |
 * | ↑ ↓ → ←        | `ESC [ A/B/C/D`            | `ESC O A/B/C/D` while the guest enabled application cursor keys (DECCKM) |
 * | Home / End     | `ESC [ H` / `ESC [ F`      | `ESC O H` / `ESC O F` in application cursor mode            |
 * | Insert / Delete| `ESC [ 2 ~` / `ESC [ 3 ~`  |                                                              |
 * | PgUp / PgDn    | `ESC [ 5 ~` / `ESC [ 6 ~`  |                                                              |
 * | F1–F4          | `ESC O P/Q/R/S`            |                                                              |
 * | F5–F12         | `ESC [ 15/17/18/19/20/21/23/24 ~` | the gaps (16, 22) are historical                      |
 * | Ctrl+Alt+Del   | `ESC [ 3 ; 7 ~`            | Delete with the Ctrl+Alt modifier (xterm's modifyOtherKeys form). A serial line has no "secure attention" signal: a Linux getty ignores it; programs that read keys (some boot menus, TUI apps) see Ctrl+Alt+Delete. To reboot the VM use the VM's restart action. |
 */

import { msg } from '../../internal/msg.js';

/** A key of the menu; its words are getters, read in the locale of the console rendering them (F-keys read alike everywhere). */
export interface SpecialKey {
  id: string;
  label: string;
  /** Extra explanation for the menu item's title. */
  hint?: string;
  /** The bytes to send; `appCursor` is the terminal's application-cursor-keys mode. */
  bytes(appCursor: boolean): string;
}

const ESC = '\x1b';
const fixed = (s: string) => () => s;
const cursor = (final: string) => (app: boolean) => (app ? `${ESC}O${final}` : `${ESC}[${final}`);

export const SPECIAL_KEYS: readonly SpecialKey[] = [
  {
    id: 'ctrl-c',
    get label() {
      return msg('Ctrl+C', { id: 'key.ctrl-c' });
    },
    get hint() {
      return msg('Interrupt (SIGINT)', { id: 'key.ctrl-c.hint' });
    },
    bytes: fixed('\x03'),
  },
  {
    id: 'ctrl-d',
    get label() {
      return msg('Ctrl+D', { id: 'key.ctrl-d' });
    },
    get hint() {
      return msg('End of input / log out', { id: 'key.ctrl-d.hint' });
    },
    bytes: fixed('\x04'),
  },
  {
    id: 'ctrl-z',
    get label() {
      return msg('Ctrl+Z', { id: 'key.ctrl-z' });
    },
    get hint() {
      return msg('Suspend (SIGTSTP)', { id: 'key.ctrl-z.hint' });
    },
    bytes: fixed('\x1a'),
  },
  {
    id: 'ctrl-backslash',
    get label() {
      return msg('Ctrl+\\', { id: 'key.ctrl-backslash' });
    },
    get hint() {
      return msg('Quit (SIGQUIT)', { id: 'key.ctrl-backslash.hint' });
    },
    bytes: fixed('\x1c'),
  },
  {
    id: 'ctrl-l',
    get label() {
      return msg('Ctrl+L', { id: 'key.ctrl-l' });
    },
    get hint() {
      return msg('Redraw the screen', { id: 'key.ctrl-l.hint' });
    },
    bytes: fixed('\x0c'),
  },
  {
    id: 'esc',
    get label() {
      return msg('Esc', { id: 'key.esc' });
    },
    bytes: fixed(ESC),
  },
  {
    id: 'tab',
    get label() {
      return msg('Tab', { id: 'key.tab' });
    },
    bytes: fixed('\t'),
  },
  {
    id: 'up',
    get label() {
      return msg('Arrow up', { id: 'key.up' });
    },
    bytes: cursor('A'),
  },
  {
    id: 'down',
    get label() {
      return msg('Arrow down', { id: 'key.down' });
    },
    bytes: cursor('B'),
  },
  {
    id: 'right',
    get label() {
      return msg('Arrow right', { id: 'key.right' });
    },
    bytes: cursor('C'),
  },
  {
    id: 'left',
    get label() {
      return msg('Arrow left', { id: 'key.left' });
    },
    bytes: cursor('D'),
  },
  {
    id: 'home',
    get label() {
      return msg('Home', { id: 'key.home' });
    },
    bytes: cursor('H'),
  },
  {
    id: 'end',
    get label() {
      return msg('End', { id: 'key.end' });
    },
    bytes: cursor('F'),
  },
  {
    id: 'insert',
    get label() {
      return msg('Insert', { id: 'key.insert' });
    },
    bytes: fixed(`${ESC}[2~`),
  },
  {
    id: 'delete',
    get label() {
      return msg('Delete', { id: 'key.delete' });
    },
    bytes: fixed(`${ESC}[3~`),
  },
  {
    id: 'pgup',
    get label() {
      return msg('Page Up', { id: 'key.pgup' });
    },
    bytes: fixed(`${ESC}[5~`),
  },
  {
    id: 'pgdn',
    get label() {
      return msg('Page Down', { id: 'key.pgdn' });
    },
    bytes: fixed(`${ESC}[6~`),
  },
  { id: 'f1', label: 'F1', bytes: fixed(`${ESC}OP`) },
  { id: 'f2', label: 'F2', bytes: fixed(`${ESC}OQ`) },
  { id: 'f3', label: 'F3', bytes: fixed(`${ESC}OR`) },
  { id: 'f4', label: 'F4', bytes: fixed(`${ESC}OS`) },
  { id: 'f5', label: 'F5', bytes: fixed(`${ESC}[15~`) },
  { id: 'f6', label: 'F6', bytes: fixed(`${ESC}[17~`) },
  { id: 'f7', label: 'F7', bytes: fixed(`${ESC}[18~`) },
  { id: 'f8', label: 'F8', bytes: fixed(`${ESC}[19~`) },
  { id: 'f9', label: 'F9', bytes: fixed(`${ESC}[20~`) },
  { id: 'f10', label: 'F10', bytes: fixed(`${ESC}[21~`) },
  { id: 'f11', label: 'F11', bytes: fixed(`${ESC}[23~`) },
  { id: 'f12', label: 'F12', bytes: fixed(`${ESC}[24~`) },
  {
    id: 'ctrl-alt-del',
    get label() {
      return msg('Ctrl+Alt+Del', { id: 'key.ctrl-alt-del' });
    },
    get hint() {
      return msg('Sends the key sequence ESC [3;7~. A serial console has no reboot signal: use the VM restart action to reboot.', { id: 'key.ctrl-alt-del.hint' });
    },
    bytes: fixed(`${ESC}[3;7~`),
  },
];

export function findSpecialKey(id: string): SpecialKey | undefined {
  return SPECIAL_KEYS.find((k) => k.id === id);
}
