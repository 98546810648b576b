/**
 * Timing a page against Node: the offset between the page's clock (performance.timeOrigin + now)
 * and ours, and a MutationObserver that timestamps each new text of one `data-testid` element the
 * moment React puts it in the DOM.
 */
import type { Page } from 'playwright-core';

/** Node's epoch-ms clock with sub-millisecond resolution (the same base as the page's). */
export const nodeNow = (): number => performance.timeOrigin + performance.now();

/**
 * page clock - Node clock, in ms, from the round trip with the smallest delay (its midpoint is the
 * best guess of when the page read its clock). Returns the offset and that round trip's length.
 */
export async function pageClockOffset(page: Page, rounds = 30): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Infinity };
  for (let i = 0; i < rounds; i++) {
    const t0 = nodeNow();
    const pageT = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = nodeNow();
    if (t1 - t0 < best.rttMs) best = { offsetMs: pageT - (t0 + t1) / 2, rttMs: t1 - t0 };
  }
  return best;
}

/**
 * Starts recording every number `[data-testid=testId]` shows (its digits, so "1,234 W" is "1234"),
 * with the page-clock time it appeared, into `window.__seen`. Survives React replacing the element.
 */
export async function watchText(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { __seen: Map<string, number> };
    w.__seen = new Map();
    let last: string | null = null;
    const check = () => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\D/g, '') ?? null;
      if (text === null || text === last) return;
      last = text;
      if (!w.__seen.has(text)) w.__seen.set(text, performance.timeOrigin + performance.now());
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  }, testId);
}

/** Waits until the number `text` (digits only) was seen and returns the page-clock time it appeared. */
export async function seenAt(page: Page, text: string, timeoutMs = 10_000): Promise<number> {
  const handle = await page.waitForFunction((t) => (window as unknown as { __seen: Map<string, number> }).__seen.get(t) ?? null, text, {
    timeout: timeoutMs,
  });
  return (await handle.jsonValue()) as number;
}

/** Forgets recorded texts (keeps the page's memory flat during long replays). */
export function clearSeen(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __seen: Map<string, number> }).__seen.clear());
}
