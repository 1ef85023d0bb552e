/**
 * The whole library: importing this module defines <vm-connection>, <vm-console>, <vm-metrics>,
 * <vm-detail>, <vm-list> and <vm-grid> (each skipped with a warning if another copy defined it first). Import a single
 * element's entry (`libgo-vm-elements/vm-console`, …) to load less.
 */
export { VmConnection } from './elements/vm-connection/vm-connection.define.js';
export { VmConsole } from './elements/vm-console/vm-console.define.js';
export { VmMetrics } from './elements/vm-metrics/vm-metrics.define.js';
export { VmDetail } from './elements/vm-detail/vm-detail.define.js';
export { VmList } from './elements/vm-list/vm-list.define.js';
export { VmGrid } from './elements/vm-grid/vm-grid.define.js';
export { vmHubContext } from './context.js';
export * from './controllers/index.js';
export * from './events/index.js';
export * from './hub/index.js';
export * from './hub/console.js';
export * from './hub/fleet.js';
export * from './hub/permissions.js';
export { availableLocales, getPageLocale, registerLocale, setLocale, SOURCE_LOCALE, type LocaleModule, type ShippedLocale } from './localize.js';
export { formatBytes, formatPercent, formatRate, formatUptime } from './metrics/index.js';
export { VERSION } from './version.js';
