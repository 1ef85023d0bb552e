/**
 * xterm.js writes its theme, cell size and viewport rules into `<style>` elements. A page whose
 * Content-Security-Policy has no `'unsafe-inline'` for styles blocks those, and the terminal
 * renders dark on dark. Constructable stylesheets are not subject to that rule, so every `<style>`
 * xterm creates under the terminal is mirrored into one adopted by the shadow root. Without a CSP
 * the same rules simply apply twice.
 *
 * The terminal's rows change every frame a guest writes, so the mirror must not watch the whole
 * subtree (a mutation record per row and a search of every span, each frame, under a flood). It
 * watches only the elements that hold a `<style>` (and the container and xterm's own element, where
 * xterm adds its parts), without their subtrees, and each `<style>`'s own text. xterm puts its
 * styles in those places only; a `<style>` added deep inside an element that holds none is not
 * seen until the next structural change.
 */
/** Every sheet made here, so one whose `<style>` is gone can be told from the element's own. */
const mirrored = new WeakSet<CSSStyleSheet>();

export class StyleMirror {
  private readonly sheets = new Map<HTMLStyleElement, CSSStyleSheet>();
  private readonly texts = new WeakMap<CSSStyleSheet, string>();
  /** Watches where `<style>` elements come and go: a rare, structural change. */
  private readonly structure: MutationObserver;
  /** Watches the text of each `<style>`: xterm rewrites it on a theme, font or size change. */
  private readonly text: MutationObserver;
  constructor(
    private readonly root: ShadowRoot,
    private readonly container: Element,
  ) {
    this.structure = new MutationObserver((records) => {
      if (records.some(touchesStyles)) this.sync();
    });
    this.text = new MutationObserver(() => this.updateTexts());
    this.sync();
  }

  dispose(): void {
    this.structure.disconnect();
    this.text.disconnect();
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
      if (this.sheets.has(el)) continue;
      const sheet = new CSSStyleSheet();
      mirrored.add(sheet);
      this.sheets.set(el, sheet);
      changed = true;
    }
    this.watch(present);
    this.updateTexts();
    if (!changed) return;
    this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets.filter((s) => !mirrored.has(s)), ...this.sheets.values()];
  }

  /** Re-observes from scratch: an observer cannot drop one target, and this runs only on structure changes. */
  private watch(styles: Set<HTMLStyleElement>): void {
    this.structure.disconnect();
    this.text.disconnect();
    const parents = new Set<Node>([this.container]);
    for (const child of this.container.children) parents.add(child);
    for (const el of styles) {
      if (el.parentNode) parents.add(el.parentNode);
      this.text.observe(el, { childList: true, characterData: true, subtree: true });
    }
    for (const parent of parents) this.structure.observe(parent, { childList: true });
  }

  private updateTexts(): void {
    for (const [el, sheet] of this.sheets) {
      const text = el.textContent ?? '';
      if (this.texts.get(sheet) === text) continue;
      sheet.replaceSync(text);
      this.texts.set(sheet, text);
    }
  }
}

/** Elements came or went among the watched children: perhaps a `<style>`, perhaps a part holding one. */
function touchesStyles(record: MutationRecord): boolean {
  return [...record.addedNodes, ...record.removedNodes].some((n) => n instanceof Element);
}
