import { once, withSheet } from '../../internal/deferred-parts.js';
/**
 * The heavy tab contents, loaded on first show only: `<vm-metrics>` brings Chart.js and
 * `<vm-console>` brings xterm.js, neither of which the Overview tab needs. Each load is made once
 * per page and shared by every `<vm-detail>`. The elements are loaded by their define modules and
 * used by tag, the one way an element may use another (eslint.config.js).
 */
export type LazyPart = 'metrics' | 'console';

const loads = new Map<LazyPart, Promise<void>>();

const loaders: Record<LazyPart, () => Promise<unknown>> = {
  metrics: () => import('../vm-metrics/vm-metrics.define.js'),
  console: () => import('../vm-console/vm-console.define.js'),
};

const TAGS: Record<LazyPart, string> = { metrics: 'vm-metrics', console: 'vm-console' };

/** Resolves once the element is defined; a failed load can be retried. */
export function loadPart(part: LazyPart): Promise<void> {
  let p = loads.get(part);
  if (!p) {
    p = loaders[part]()
      .then(() => customElements.whenDefined(TAGS[part]))
      .then(() => undefined);
    p.catch(() => loads.delete(part));
    loads.set(part, p);
  }
  return p;
}

export const loadOverview = once(() => import('./overview.js').then(withSheet));
