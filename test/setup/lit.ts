/**
 * Lit dev-mode warnings fail the test during which they are issued (see test-runner-html.mjs).
 * A test that provokes one on purpose declares it first:
 *
 *   allowLitWarning('change-in-update');
 */
interface LitWarningState {
  seen: { code: string; text: string }[];
  allowed: Set<string>;
  ignored: Set<string>;
}

function state(): LitWarningState {
  const found = (globalThis as { __libgoLitWarnings?: LitWarningState }).__libgoLitWarnings;
  if (!found) throw new Error('The Lit warning hook is not installed (test-runner-html.mjs not used?)');
  return found;
}

/** Lets the current test issue the Lit warning `code` (the part after lit.dev/msg/). */
export function allowLitWarning(...codes: string[]): void {
  for (const code of codes) state().allowed.add(code);
}

/** Lit warnings recorded so far in the current test (already filtered of the dev-mode notice). */
export function litWarnings(): readonly { code: string; text: string }[] {
  return [...state().seen];
}
