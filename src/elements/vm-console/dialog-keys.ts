/**
 * Keys in a console dialog (paste and link confirmation): Escape cancels, Tab and Shift+Tab go
 * round the dialog's buttons so focus stays inside it while it is open.
 */
export function onDialogKey(e: KeyboardEvent, cancel: () => void): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    cancel();
  } else if (e.key === 'Tab') {
    const dialog = e.currentTarget as HTMLElement;
    const buttons = [...dialog.querySelectorAll('button')];
    const i = buttons.indexOf((dialog.getRootNode() as ShadowRoot | Document).activeElement as HTMLButtonElement);
    e.preventDefault();
    buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
  }
}
