/**
 * What the history room hears from the rest of the host: every verified telegram of the main meter,
 * its link losses and key changes (compared by the key's bytes, never stored or shown), the
 * operator's rotation seen on the port, the other meters' links and keys, and once, for a fresh demo
 * meter, the demo's simulated past (demo-past.ts), handed over before its first live telegram.
 */
import type { KeyStatus } from '../../contracts/ipc.ts';
import { demoPast } from './demo-past.ts';
import type { EventHub } from './events.ts';
import type { HistoryRoom } from './history-room.ts';

/** How far back the demo's simulated household goes: enough for a year's comparisons. */
const DEMO_PAST_DAYS = 400;

export function feedHistory(opts: { hub: EventHub; history: HistoryRoom; key: () => Uint8Array | null; isDemo: () => boolean }): void {
  const { hub, history } = opts;
  let pastAsked = false;
  hub.on('meter:reading', (reading) => {
    if (pastAsked || !opts.isDemo()) return;
    pastAsked = true;
    const meterId = reading.telegram.electricity.meterId;
    if (meterId && !history.hasMeter(meterId)) history.recordPast(demoPast(reading, DEMO_PAST_DAYS));
  });
  hub.on('meter:reading', (reading) => history.record(reading)); // after the past, so nothing is fitted in late
  hub.on('meter:link', (link) => history.linkChanged(link));

  const hex = () => {
    const key = opts.key();
    return key ? Buffer.from(key).toString('hex') : null;
  };
  let keyHex = hex();
  hub.on('key:status', (status: KeyStatus) => {
    const now = hex();
    if (now === keyHex) return;
    keyHex = now;
    history.keyChanged(now === null ? 'key removed' : `new key (${status.origin ?? 'manual'})`);
  });
  let rotated = false;
  hub.on('meter:health', (health) => {
    if (health.diagnosis === 'key-rotated' && !rotated) history.keyChanged('the key stopped opening the frames: changed by the operator');
    rotated = health.diagnosis === 'key-rotated';
  });

  const otherKeys = new Map<string, boolean>();
  hub.on('meters:state', (m) => {
    history.linkChanged(m.link, `other:${m.id}`);
    if (otherKeys.has(m.id) && otherKeys.get(m.id) !== m.hasKey) history.keyChanged(m.hasKey ? 'new key' : 'key removed', `other:${m.id}`);
    otherKeys.set(m.id, m.hasKey);
  });
}
