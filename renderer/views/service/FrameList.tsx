/** The newest frames, one line each; picking one shows it in full (the newest by default). */
import { useState } from 'react';
import type { FrameRecord } from '../../../contracts/ipc.ts';
import { formatClock } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { useApp } from '../../state/context.tsx';
import { FrameDetail } from './FrameDetail.tsx';

/** Rows on screen; the store keeps more (port-log.ts), so a picked frame stays for a while. */
const ROWS = 20;

// Frames of a fast replay can share a millisecond, so neither `at` nor the counter (plain telegrams
// have none) identifies one: each record object gets its own key the first time it is drawn.
const keys = new WeakMap<FrameRecord, number>();
let nextKey = 0;
function keyOf(frame: FrameRecord): number {
  let key = keys.get(frame);
  if (key === undefined) {
    key = nextKey++;
    keys.set(frame, key);
  }
  return key;
}

/** The store's frames, newest first. */
export function FrameList() {
  const frames = useApp((s) => s.frames);
  const [pickedFrame, setPickedFrame] = useState<FrameRecord | null>(null);
  const picked = (pickedFrame !== null && frames.includes(pickedFrame) ? pickedFrame : null) ?? frames[0];
  return (
    <section className="card" data-testid="service-frames">
      <h3>{t('service.frames')}</h3>
      {frames.length === 0 ? (
        <p>{t('service.frames.none')}</p>
      ) : (
        <ol className="frame-list">
          {frames.slice(0, ROWS).map((f) => (
            <li key={keyOf(f)} data-testid="service-frame-row" data-status={f.status}>
              <button type="button" aria-pressed={f === picked} onClick={() => setPickedFrame(f)}>
                {formatClock(f.at)} · {f.frame ? `#${f.frame.frameCounter}` : t('service.frame.plain')} · {f.status}
              </button>
            </li>
          ))}
        </ol>
      )}
      {picked && <FrameDetail frame={picked} />}
    </section>
  );
}
