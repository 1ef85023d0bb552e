/**
 * `<vm-grid>`'s inputs checked as pure functions: a host may hand it anything, so a bad value is
 * said in a console warning and the rest used, never a broken or empty grid.
 */
import type { VmInfo } from '../../protocol/types.js';
import { validateVmName } from '../../transport/vm-name.js';

export const DEFAULT_TILE_WIDTH = 280;
/** A tile's height until one has drawn and been measured (a compact tile of all four charts at 280 px is about 220). */
export const DEFAULT_TILE_HEIGHT = 160;

/** A size attribute within [min, max], else `fallback` with a warning. */
export function checkSize<F extends number | null>(attribute: string, value: unknown, fallback: F, min: number, max: number): number | F {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
  console.warn(`<vm-grid>: ${attribute}="${String(value)}" is not a number of px from ${min} to ${max}; using ${fallback === null ? 'the height a tile needs' : fallback}.`);
  return fallback;
}

/** The names to show from a host's `vms`: the usable ones, each once, and a warning about the rest. */
export function checkVms(vms: unknown): { names: string[]; warning: string | null } {
  if (!Array.isArray(vms)) {
    return { names: [], warning: `<vm-grid>: vms must be an array of VM names, not ${vms === null ? 'null' : typeof vms}; showing none.` };
  }
  const names: string[] = [];
  const seen = new Set<string>();
  const bad: string[] = [];
  let repeats = 0;
  for (const v of vms) {
    try {
      const name = validateVmName(v);
      if (seen.has(name)) repeats++;
      else {
        seen.add(name);
        names.push(name);
      }
    } catch (e) {
      bad.push(`${JSON.stringify(v) ?? String(v)} (${(e as Error).message})`);
    }
  }
  const parts = [];
  if (bad.length > 0) parts.push(`left out ${bad.length} name(s) that cannot be used: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}`);
  if (repeats > 0) parts.push(`showed ${repeats} repeated name(s) once`);
  return { names, warning: parts.length > 0 ? `<vm-grid>: ${parts.join('; ')}.` : null };
}

/** The fleet's names in the order people expect: by name, numbers by value (vm-2 before vm-10). */
export function sortedNames(vms: readonly VmInfo[], locale: string | undefined): string[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  } catch {
    // A locale the browser refuses (the element warns about it elsewhere): its default order.
    collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  }
  return vms.map((v) => v.name).sort(collator.compare);
}
