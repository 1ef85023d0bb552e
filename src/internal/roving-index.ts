/**
 * Where an arrow key moves among the items of a group that is one tab stop (WAI-ARIA toolbar,
 * tablist, menu grid). controllers/roving-focus-controller.ts moves focus with it; an element whose
 * first paint cannot carry the whole controller (vm-detail's tabs) uses it alone.
 */
export type RovingLayout = 'horizontal' | 'vertical' | 'grid';

/** Where `key` moves from `index` among `count` items, or null when it is not a moving key. */
export function nextRovingIndex(key: string, index: number, count: number, layout: RovingLayout = 'horizontal', columns = 1): number | null {
  if (count <= 0) return null;
  const wrap = (i: number) => (i + count) % count;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowRight':
      return layout === 'vertical' ? null : wrap(index + 1);
    case 'ArrowLeft':
      return layout === 'vertical' ? null : wrap(index - 1);
    case 'ArrowDown':
      if (layout === 'horizontal') return null;
      return layout === 'grid' ? Math.min(count - 1, index + columns) : wrap(index + 1);
    case 'ArrowUp':
      if (layout === 'horizontal') return null;
      return layout === 'grid' ? Math.max(0, index - columns) : wrap(index - 1);
    default:
      return null;
  }
}
