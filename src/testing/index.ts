/**
 * `libgo-vm-elements/testing`: an in-page LibGo server for Storybook and for host applications'
 * own tests, and the simulation core it shares with the Node reference server.
 */
export { createInPagePeer, type InPagePeer, type InPagePeerOptions } from './in-page-peer.js';
export { InPageWebSocket, type InPageServer } from './in-page-web-socket.js';
export { createInPageFetch, type InPageFetchTarget } from './in-page-fetch.js';
export { fleetOfVms } from './fleet-fixtures.js';
export * from './sim/index.js';
