/**
 * Plain http(s) URLs in console output become links (xterm 6 links only OSC 8 hyperlinks by
 * itself; its web-links addon is not a dependency here). A URL may wrap over several rows, so the
 * rows of one logical line are read together — at most `MAX_ROWS` of them, so a guest's endless
 * wrapped line costs a bounded amount per mouse move.
 */
import type { IBufferCellPosition, IBufferLine, ILink, ILinkProvider, Terminal } from '@xterm/xterm';

const MAX_ROWS = 16;
// Stops at spaces, quotes, angle brackets and controls; trailing punctuation is trimmed below.
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>`\u0000-\u001f\u007f-\u009f]+/giu;
const TRAILING = /[.,;:!?'")\]}]+$/u;

interface Cell {
  x: number;
  /** 0-based buffer row. */
  y: number;
  width: number;
}

/** Text of the logical line around buffer row `y` (0-based), with the cell of each code unit. */
function readLogicalLine(term: Terminal, y: number): { text: string; cells: Cell[] } {
  const buffer = term.buffer.active;
  let first = y;
  while (first > 0 && y - first < MAX_ROWS - 1 && buffer.getLine(first)?.isWrapped) first--;
  let text = '';
  const cells: Cell[] = [];
  const cell = buffer.getNullCell();
  for (let row = first; row < first + MAX_ROWS; row++) {
    const line: IBufferLine | undefined = buffer.getLine(row);
    if (!line || (row > first && !line.isWrapped)) break;
    for (let x = 0; x < line.length; x++) {
      line.getCell(x, cell);
      const width = cell.getWidth();
      if (width === 0) continue; // the second half of a wide character
      const chars = cell.getChars() || ' ';
      text += chars;
      for (let i = 0; i < chars.length; i++) cells.push({ x, y: row, width });
    }
  }
  return { text, cells };
}

/** Strips punctuation that ends a sentence, keeping a closing bracket the URL itself opened. */
function trimUrl(url: string): string {
  let trimmed = url.replace(TRAILING, '');
  const rest = url.slice(trimmed.length);
  for (const ch of rest) {
    const open = ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : null;
    if (!open || trimmed.split(open).length <= trimmed.split(ch).length) break;
    trimmed += ch;
  }
  return trimmed;
}

export function urlLinkProvider(term: Terminal, options: { enabled(): boolean; activate(url: string): void }): ILinkProvider {
  return {
    provideLinks(lineNumber, callback) {
      if (!options.enabled()) return callback(undefined);
      const y = lineNumber - 1;
      const { text, cells } = readLogicalLine(term, y);
      const links: ILink[] = [];
      for (const match of text.matchAll(URL_PATTERN)) {
        const url = trimUrl(match[0]);
        const start = cells[match.index];
        const end = cells[match.index + url.length - 1];
        if (!start || !end || start.y > y || end.y < y) continue;
        const from: IBufferCellPosition = { x: start.x + 1, y: start.y + 1 };
        const to: IBufferCellPosition = { x: end.x + end.width, y: end.y + 1 };
        links.push({
          range: { start: from, end: to },
          text: url,
          decorations: { underline: true, pointerCursor: true },
          activate: (_event, linkText) => options.activate(linkText),
        });
      }
      callback(links.length > 0 ? links : undefined);
    },
  };
}
