/**
 * Bounds the count parameters of the control sequences that xterm.js 6.0 executes by looping (or
 * allocating) as many times as the guest asks, so one line printed by a guest cannot freeze the
 * page: `CSI 999999999 S` makes xterm splice the buffer a billion times, `a CSI 1e14 b` allocates
 * and prints 2^31 characters.
 *
 * Each count is clamped to the point where the sequence's effect stops changing: scrolling or
 * inserting more lines than the screen has leaves the same blank screen, tabbing more stops than
 * there are columns stops at the last column, erasing more cells than a row has erases the row.
 * REP is clamped to a row's width: programs use it for runs within a line (ncurses), and a bigger
 * bound only multiplies what a guest's few bytes cost (`x CSI 1920 b` is 1,920 characters).
 *
 * A bounded count still costs something (SU of 24 lines is 24 buffer splices), so a flood of
 * small sequences in one write could still hold the page for seconds: xterm parses a write without
 * a break. So the guard also slices: once a write has been parsed for `SLICE_MS`, the next guarded
 * sequence pauses the parser (xterm's own async-handler mechanism) until the page has had a turn.
 *
 * How: xterm calls the handlers registered for a sequence newest first, each with the parser's own
 * (borrowed) parameter store, until one returns true. The guard registers last and, when a count
 * is too big, lowers it in that store and returns false, so xterm's own handler runs next, at the
 * same place in the output, with the bounded count: nothing is re-written, re-ordered or re-entered.
 * The public `term.parser` API hands handlers a copy of the parameters, so the store is reached
 * through xterm's core (present in 6.0; checked at install). Without it, the guard falls back to
 * the public API and drops an over-large sequence instead: the page stays responsive, the screen
 * may differ from what the guest meant.
 */
import type { IDisposable, IFunctionIdentifier, Terminal } from '@xterm/xterm';

/** xterm's parser parameter store (`common/parser/Params.ts`), as its own handlers receive it. */
interface RawParams {
  params: Int32Array;
  length: number;
}

type RawRegister = (id: IFunctionIdentifier, callback: (params: RawParams) => boolean | Promise<boolean>) => IDisposable;

/** Parsing time after which the next guarded sequence lets the page run first. */
export const SLICE_MS = 20;

/** Tells when the current task has parsed for longer than a slice, and waits for a later task. */
class Slicer {
  private start: number | null = null;

  due(): boolean {
    const now = performance.now();
    if (this.start === null) {
      this.start = now;
      setTimeout(() => (this.start = null)); // a later task starts a new slice
      return false;
    }
    return now - this.start > SLICE_MS;
  }

  /** Resolves with `value` in a later task (input, rendering and timers run in between). */
  pause(value: boolean): Promise<boolean> {
    return new Promise((resolve) =>
      setTimeout(() => {
        this.start = null;
        resolve(value);
      }),
    );
  }
}

interface GuardedSequence {
  id: IFunctionIdentifier;
  /** The largest count whose effect differs from a bigger one, for a terminal of this size. */
  bound(size: { cols: number; rows: number }): number;
}

const rows = (s: { rows: number }) => s.rows;
const cols = (s: { cols: number }) => s.cols;

/**
 * Every CSI sequence of xterm 6.0's InputHandler whose first parameter is a count it acts on
 * proportionally. Cursor moves (CUU, CUD, CUF, CUB, CNL, CPL, CHA, HPA, HPR, VPA, VPR, CUP, HVP)
 * are not here: xterm clamps their target to the screen in one step (`_setCursor`).
 */
export const GUARDED_SEQUENCES: readonly GuardedSequence[] = [
  // Loops once per count: CircularList splices per line.
  { id: { final: 'S' }, bound: rows }, // SU, scroll up
  { id: { final: 'T' }, bound: rows }, // SD, scroll down
  { id: { final: 'L' }, bound: rows }, // IL, insert lines
  { id: { final: 'M' }, bound: rows }, // DL, delete lines
  // Loops once per count: one tab stop per iteration.
  { id: { final: 'I' }, bound: cols }, // CHT, forward tab
  { id: { final: 'Z' }, bound: cols }, // CBT, backward tab
  // Allocates count × character width code points, then prints them all.
  { id: { final: 'b' }, bound: cols }, // REP, repeat the preceding character
  // Bounded by the row in xterm 6.0 (BufferLine clamps); clamped too, so a later xterm that
  // loops here cannot reopen the hole. Exact: the effect saturates at the row's width.
  { id: { final: '@' }, bound: cols }, // ICH, insert characters
  { id: { final: 'P' }, bound: cols }, // DCH, delete characters
  { id: { final: 'X' }, bound: cols }, // ECH, erase characters
  { id: { intermediates: ' ', final: '@' }, bound: cols }, // SL, scroll left
  { id: { intermediates: ' ', final: 'A' }, bound: cols }, // SR, scroll right
  { id: { intermediates: "'", final: '}' }, bound: cols }, // DECIC, insert columns
  { id: { intermediates: "'", final: '~' }, bound: cols }, // DECDC, delete columns
];

export interface CsiGuard extends IDisposable {
  /** `clamp`: over-large counts are lowered in place; `drop`: such sequences are ignored. */
  readonly mode: 'clamp' | 'drop';
  /** Sequences whose count was over the bound, since install. */
  readonly guarded: number;
}

/** The raw registration of xterm's core, when this xterm has it (6.0 does). */
function rawRegister(term: Terminal): RawRegister | null {
  const core = (term as unknown as { _core?: { registerCsiHandler?: unknown } })._core;
  const register = core?.registerCsiHandler;
  return typeof register === 'function' ? (register.bind(core) as RawRegister) : null;
}

/**
 * Installs the guard on `term`. Call it right after creating the terminal, before any output:
 * handlers registered later run before it.
 */
export function installCsiGuard(term: Terminal, options: { mode?: 'clamp' | 'drop' } = {}): CsiGuard {
  const raw = options.mode === 'drop' ? null : rawRegister(term);
  const disposables: IDisposable[] = [];
  const slicer = new Slicer();
  const guard = { mode: raw ? ('clamp' as const) : ('drop' as const), guarded: 0, dispose: () => disposables.splice(0).forEach((d) => d.dispose()) };
  for (const seq of GUARDED_SEQUENCES) {
    const bound = () => Math.max(1, seq.bound({ cols: term.cols, rows: term.rows }));
    if (raw) {
      disposables.push(
        raw(seq.id, (p) => {
          if (p.length > 0 && p.params[0]! > bound()) {
            p.params[0] = bound();
            guard.guarded++;
          }
          // xterm's own handler runs next (after a pause, when the slice is used up), bounded.
          return slicer.due() ? slicer.pause(false) : false;
        }),
      );
    } else {
      disposables.push(
        term.parser.registerCsiHandler(seq.id, (params) => {
          const first = params[0];
          if (typeof first === 'number' && first > bound()) {
            guard.guarded++;
            return true; // consumed: xterm never sees it
          }
          return slicer.due() ? slicer.pause(false) : false;
        }),
      );
    }
  }
  return guard;
}
