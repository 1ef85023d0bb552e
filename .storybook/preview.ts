import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { registerLocale } from '../src/localize.js';
import { disposeStoryResources } from '../stories/support/peer.js';
import { createManifestArgTypesEnhancer } from './manifest-arg-types.js';

// Docs pages, descriptions and the controls come from the generated manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

const PAGE = {
  light: { background: '#ffffff', color: '#1b1f24' },
  dark: { background: '#0b0e12', color: '#e6e9ee' },
} as const;

/** The toolbar theme paints the page; stories pass it on to the elements' `theme` attribute. */
const withThemedPage: Decorator = (story, context) => {
  const theme = (context.globals.theme as 'light' | 'dark' | undefined) ?? 'light';
  const page = PAGE[theme] ?? PAGE.light;
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = page.background;
  document.body.style.color = page.color;
  return story();
};

// The pseudo-locale (accented, bracketed, 40 % longer) shows a hard-coded word or a clipped box at a glance.
registerLocale('en-XA', () => import('../src/locales/en-XA.js'));

/** The toolbar locale is the page's `lang`, which every element follows (as a portal would set it). */
const withLocale: Decorator = (story, context) => {
  document.documentElement.lang = (context.globals.locale as string | undefined) ?? 'en';
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Theme of the elements and the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the elements (the page lang attribute)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'en-XA', title: 'Pseudo-locale (tests)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withThemedPage, withLocale],
  beforeEach: (context) => disposeStoryResources(context),
  argTypesEnhancers: [createManifestArgTypesEnhancer(manifest)],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Accessibility violations fail the story (in the a11y panel and in `npm run test:stories`).
    a11y: { test: 'error' },
    docs: { story: { inline: true } },
  },
};

export default preview;
