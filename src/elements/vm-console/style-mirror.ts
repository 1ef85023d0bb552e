/**
 * xterm.js writes its theme, cell size and viewport rules into `<style>` elements. A page whose
 * Content-Security-Policy has no `'unsafe-inline'` for styles blocks those, and the terminal
 * renders dark on dark. Constructable stylesheets are not subject to that rule, so every `<style>`
 * xterm creates under the terminal is mirrored into one adopted by the shadow root. Without a CSP
 * the same rules simply apply twice.
 */
/** Every sheet made here, so one whose `<style>` is gone can be told from the element's own. */
const mirrored = new WeakSet<CSSStyleSheet>();

export class StyleMirror {
  private readonly sheets = new Map<HTMLStyleElement, CSSStyleSheet>();
  private readonly texts = new WeakMap<CSSStyleSheet, string>();
  private readonly observer: MutationObserver;

  constructor(
    private readonly root: ShadowRoot,
    private readonly container: Element,
  ) {
    this.observer = new MutationObserver(() => this.sync());
    this.observer.observe(container, { childList: true, subtree: true, characterData: true });
    this.sync();
  }

  dispose(): void {
    this.observer.disconnect();
    this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((s) => !mirrored.has(s));
    this.sheets.clear();
  }

  private sync(): void {
    const present = new Set(this.container.querySelectorAll('style'));
    let changed = false;
    for (const [el] of this.sheets) {
      if (!present.has(el)) {
        this.sheets.delete(el);
        changed = true;
      }
    }
    for (const el of present) {
      let sheet = this.sheets.get(el);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        mirrored.add(sheet);
        this.sheets.set(el, sheet);
        changed = true;
      }
      const text = el.textContent ?? '';
      if (this.texts.get(sheet) !== text) {
        sheet.replaceSync(text);
        this.texts.set(sheet, text);
      }
    }
    if (!changed) return;
    this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets.filter((s) => !mirrored.has(s)), ...this.sheets.values()];
  }
}
