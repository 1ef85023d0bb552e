import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { litEntries } from './lit-entries.js';

/**
 * Storybook for the LibGo elements. Stories run on the in-page LibGo peer (src/testing/), so
 * neither building nor running Storybook needs a server or the network.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No "Get started" onboarding checklist in the sidebar or the menu: this is a component library's
  // catalogue, not a new Storybook project.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  // Every story gets a docs page built from custom-elements.json (see preview.ts).
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      // test:stories' dev pass starts from an empty pre-bundle cache of its own, as a newcomer does.
      ...(process.env.LIBGO_STORYBOOK_CACHE_DIR ? { cacheDir: process.env.LIBGO_STORYBOOK_CACHE_DIR } : {}),
      // One Lit: every entry the elements and the renderer import is pre-bundled in the first pass
      // (see lit-entries.ts), and all resolve to one copy.
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        include: [...(viteConfig.optimizeDeps?.include ?? []), ...litEntries(root)],
      },
      resolve: {
        ...viteConfig.resolve,
        dedupe: [...(viteConfig.resolve?.dedupe ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
      },
      build: {
        ...viteConfig.build,
        // xterm.js and Chart.js are lazy chunks by design; their size is not a problem here.
        chunkSizeWarningLimit: 1500,
      },
    };
  },
};

export default config;
