import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the LibGo elements. Stories run on the in-page LibGo peer (src/testing/), so
 * neither building nor running Storybook needs a server or the network.
 */
/** Lit entry points imported by src/, stories/ and @storybook/web-components. */
const LIT_ENTRIES = [
  'lit',
  'lit/decorators.js',
  'lit/directives/if-defined.js',
  'lit/directives/style-map.js',
  'lit/directive-helpers.js',
  '@lit/context',
];

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
      // One Lit: every entry the elements and the renderer import is pre-bundled in the first pass
      // (a dependency discovered later is optimised again, and a page that already holds the first
      // copy loads a second one: "Multiple versions of Lit loaded"), and all resolve to one copy.
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        include: [...(viteConfig.optimizeDeps?.include ?? []), ...LIT_ENTRIES],
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
