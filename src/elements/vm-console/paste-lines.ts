/**
 * The lines of a paste as a person counts them: "a\nb\nc\n" is three lines (the last one ends
 * with Enter), not four; a blank line in the middle counts. CRLF, CR and LF are each one break.
 */
export function pasteLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
