import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the LibGo elements. Stories run on the in-page LibGo peer (src/testing/), so
 * neither building nor running Storybook needs a server or the network.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
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
      build: {
        ...viteConfig.build,
        // xterm.js and Chart.js are lazy chunks by design; their size is not a problem here.
        chunkSizeWarningLimit: 1500,
      },
    };
  },
};

export default config;
