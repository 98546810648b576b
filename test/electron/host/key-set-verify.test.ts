/**
 * `key:set` tries a typed key on the live frames before it replaces the stored one: a key that does
 * not open them is refused in words and the working key stays; with no encrypted frame yet, the key
 * is stored and said to be unchecked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Harness } from './host-harness.ts';
import { NEXXT_KEY, NEXXT_TITLE, nexxtFrame } from './vectors.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function replay(harness: Harness, frames: Uint8Array[]): Promise<void> {
  const path = join(harness.dir, `replay-${harness.events.length}.raw`);
  writeFileSync(path, Buffer.concat(frames));
  const mark = harness.events.length;
  await harness.host.handle('source:set', { kind: 'file', path, speed: 0 });
  await harness.next('meter:link', (s) => s.status === 'idle' && /finished/.test(s.message ?? ''), mark);
}

describe('key:set', () => {
  it('keeps the working key when a typed one does not open the frames', async () => {
    h = await startHost();
    await replay(h, [nexxtFrame()]);
    expect(await h.host.handle('key:set', { hex: NEXXT_KEY })).toMatchObject({ ok: true, value: { hasKey: true, check: 'verified' } });
    const typo = `${NEXXT_KEY.slice(0, 31)}0`;
    const r = await h.host.handle('key:set', { hex: typo });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_FAILS', message: expect.stringContaining(NEXXT_TITLE) } });
    const snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.health.diagnosis).toBe('key-ok');
    await replay(h, [nexxtFrame()]);
    const after = await h.host.handle('app:snapshot', null);
    expect(after.ok && after.value.health.diagnosis).toBe('key-ok');
  });

  it('stores a key unchecked when no encrypted frame has arrived', async () => {
    h = await startHost();
    expect(await h.host.handle('key:set', { hex: NEXXT_KEY })).toMatchObject({ ok: true, value: { hasKey: true, check: 'unchecked' } });
  });
});
