/** Saving the console's transcript as a text file. */

/** `web-01-console-2026-12-01T07-03-56.txt`: the VM's name made safe for a file name, and the time. */
export function transcriptFileName(vmName: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  const name = (vmName || 'console').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${name}-console-${stamp}.txt`;
}

/** Downloads `text` as a UTF-8 .txt file through a hidden link put in `parent` for the click. */
export function downloadText(parent: ParentNode, filename: string, text: string): void {
  const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  parent.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
