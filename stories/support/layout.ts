/** Small helpers shared by the stories: theme, width and a deterministic hour of metrics. */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { MetricsSample } from '../../src/elements/vm-metrics/vm-metrics.js';
import { seededRandom } from '../../src/testing/index.js';

export type Theme = 'light' | 'dark';

/** The `theme` arg when set, else the toolbar's theme. */
export function themeOf(args: { theme?: Theme | '' }, context: { globals: Record<string, unknown> }): Theme {
  if (args.theme === 'light' || args.theme === 'dark') return args.theme;
  return context.globals.theme === 'dark' ? 'dark' : 'light';
}

/**
 * Story width from `parameters.width` (a number of px, or `'wide'` for 1280 px): the frame is that
 * wide inside the preview iframe, so a 360 px story is 360 px wide wherever it is opened.
 */
export const withWidth: Decorator = (story, context) => {
  const w = context.parameters.width as number | 'wide' | undefined;
  if (w === undefined) return story();
  const px = w === 'wide' ? 1280 : w;
  return html`<div class="story-width" data-width=${px} style=${styleMap({ width: `${px}px`, maxWidth: 'none' })}>${story()}</div>`;
};

export const NARROW = { width: 360 };
export const WIDE = { width: 'wide' as const };

/**
 * One hour of samples at LibGo's 5 s interval, ending at a fixed time, from a seeded generator:
 * the same chart on every run. CPU follows a daily-ish wave with a spike, memory creeps up and
 * drops after a "GC", network and disk counters grow at varying rates (one counter reset).
 */
export function hourOfSamples(endT = Date.UTC(2026, 4, 12, 10, 0, 0), stepMs = 5000, seed = 7): MetricsSample[] {
  const random = seededRandom(seed);
  const count = Math.round(3_600_000 / stepMs);
  const out: MetricsSample[] = [];
  const total = 8 * 1024 ** 3;
  let rx = 9e9;
  let tx = 2e9;
  let read = 4e10;
  let write = 1.5e10;
  for (let i = 0; i < count; i++) {
    const t = endT - (count - 1 - i) * stepMs;
    const phase = i / count;
    const spike = phase > 0.35 && phase < 0.42 ? 45 : 0;
    const cpu = Math.min(100, Math.max(0, 28 + 14 * Math.sin(phase * Math.PI * 4) + spike + (random() - 0.5) * 10));
    const used = total * (0.52 + 0.18 * ((phase * 3) % 1) + (random() - 0.5) * 0.01);
    rx += (stepMs / 1000) * (2.2e6 + 1.5e6 * Math.sin(phase * Math.PI * 6) + random() * 4e5);
    tx += (stepMs / 1000) * (6e5 + 3e5 * Math.cos(phase * Math.PI * 5) + random() * 1e5);
    read += (stepMs / 1000) * (spike ? 4.8e7 : 3e6 + random() * 2e6);
    write += (stepMs / 1000) * (1.2e6 + random() * 8e5);
    // The guest rebooted its NIC two thirds in: the counters start again from zero.
    if (i === Math.floor(count * 0.66)) {
      rx = 1e5;
      tx = 4e4;
    }
    out.push({
      timestamp: t,
      cpu: { utilization: Math.round(cpu * 10) / 10 },
      memory: { used: Math.round(used), total },
      network: { rxBytes: Math.round(rx), txBytes: Math.round(tx) },
      disk: { readBytes: Math.round(read), writeBytes: Math.round(write) },
    });
  }
  return out;
}
