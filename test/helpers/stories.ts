/**
 * Runs a Storybook story in a test page, the way Storybook composes it: the component's and the
 * story's args, parameters (merged deeply), globals, loaders, decorators, render and play, and the
 * project's `beforeEach` (the story's peer and hub are disposed when the returned cleanup runs).
 * The stories are the catalogue of every element's states; a test that walks them all follows
 * every state a story is added for.
 */
import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import { disposeStoryResources } from '../../stories/support/peer.js';

type AnyArgs = Record<string, unknown>;
// Each module's Meta has its own Args: the runner reads them as plain records.
export interface StoriesModule {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  default: Meta<any>;
  [name: string]: unknown;
}

export interface ComposedStory {
  /** The export's name ("Running"). */
  name: string;
  /** Renders it into `canvas` and runs its play function; resolves to its cleanup. */
  run(canvas: HTMLElement, globals: Record<string, unknown>): Promise<() => void>;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Storybook's parameter merge: plain objects key by key, anything else replaced. */
function merge(a: unknown, b: unknown): unknown {
  if (!isPlain(a) || !isPlain(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
  return out;
}

/** Every story of a stories module, in export order. */
export function storiesOf(mod: StoriesModule): ComposedStory[] {
  const meta = mod.default as Meta<AnyArgs>;
  return Object.entries(mod)
    .filter(([name, v]) => name !== 'default' && isPlain(v))
    .map(([name, value]) => {
      const story = value as StoryObj<AnyArgs>;
      return {
        name,
        async run(canvas, globals) {
          const context = {
            id: `${meta.title}--${name}`,
            name,
            title: meta.title,
            args: { ...meta.args, ...story.args },
            parameters: merge(meta.parameters ?? {}, story.parameters ?? {}),
            globals: { ...globals, ...story.globals },
            loaded: {},
            canvasElement: canvas,
          } as unknown as StoryContext<AnyArgs>;
          const cleanup = disposeStoryResources(context);
          try {
            const loaders = [meta.loaders ?? [], story.loaders ?? []].flat();
            for (const load of loaders) Object.assign(context.loaded, await load(context));
            const decorators = [story.decorators ?? [], meta.decorators ?? []].flat() as Decorator<AnyArgs>[];
            const base = (story.render ?? meta.render)!;
            const decorated = decorators.reduce<() => unknown>((inner, decorate) => () => decorate(inner as never, context), () => base(context.args, context));
            render(decorated() as TemplateResult, canvas);
            await (story.play ?? meta.play)?.(context as never);
          } catch (e) {
            cleanup();
            throw e;
          }
          return () => {
            render(null, canvas);
            cleanup();
          };
        },
      };
    });
}
