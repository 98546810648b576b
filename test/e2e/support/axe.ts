/**
 * axe-core in the end-to-end pages: the script is copied beside the built renderer (the browser
 * loads nothing from outside), injected on first use, and run against WCAG 2.x A and AA.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE_URL = 'axe.min.js';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Copies axe-core into a built renderer directory, so that `axeViolations` can load it. */
export function installAxe(staticDir: string): void {
  copyFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), join(staticDir, AXE_URL));
}

/** axe-core's WCAG A/AA violations on the page as it is now, one readable block per rule. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, WCAG_TAGS);
  return (violations as AxeViolation[]).map((v) =>
    [
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
      ...v.nodes.map((n) => `  at ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
    ].join('\n'),
  );
}
