/**
 * `npm start` demo: sign in, a live VM list and <vm-detail> (#/vms/<name>), and the elements
 * embedded on their own (#/embed/<name>): console + metrics side by side and a dashboard of
 * compact metrics tiles. See demo/app/.
 *
 * The element is registered here, not in demo-app.ts: package.json's `sideEffects` lists only the
 * library's define modules, so a bare import of a demo module would be dropped by the bundler.
 */
import { DemoApp } from './app/demo-app.js';

if (!customElements.get('demo-app')) customElements.define('demo-app', DemoApp);
