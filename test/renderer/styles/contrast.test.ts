// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../renderer/styles/app.css'), 'utf8');
const palette = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));

/** WCAG 2.x relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background, minimum]: 4.5 for text, 3 for graphics (lines, bars, focus ring).
const PAIRS: [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['on-accent', 'accent', 4.5],
  ['accent', 'surface', 4.5],
  ['on-accent', 'bad', 4.5],
  ['bad', 'surface', 4.5],
  ['warn', 'surface', 4.5],
  ['ok', 'surface', 4.5],
  ['text', 'ok-bg', 4.5],
  ['text', 'warn-bg', 4.5],
  ['text', 'bad-bg', 4.5],
  ['bad', 'bad-bg', 4.5], // danger buttons
  ['muted', 'warn-bg', 4.5],
  ['warn', 'warn-bg', 4.5],
  ['on-accent', 'warn', 4.5], // the demo badge
  // The service view's frame bytes: header parts coloured as text on the --bg block.
  ['accent', 'bg', 4.5],
  ['ok', 'bg', 4.5],
  ['bad', 'bg', 4.5],
  ['import', 'surface', 3],
  ['export', 'surface', 3],
  ['hist-bar', 'surface', 3], // History bars
  ['hist-bar', 'hist-estimated-bg', 3], // the hatching of estimated bars stays visible
  ['focus', 'surface', 3],
  ['focus', 'bg', 3],
  ['ok', 'bg', 3],
  ['warn', 'bg', 3],
  ['bad', 'bg', 3],
];

describe('palette', () => {
  it.each(PAIRS)('%s on %s reaches %d:1 (WCAG AA)', (fg, bg, min) => {
    expect(palette[fg], fg).toBeDefined();
    expect(palette[bg], bg).toBeDefined();
    expect(contrast(palette[fg] as string, palette[bg] as string)).toBeGreaterThanOrEqual(min);
  });
});
