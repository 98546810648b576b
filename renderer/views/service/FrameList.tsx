/** The newest frames, one line each; picking one shows it in full (the newest by default). */
import { useState } from 'react';
import { formatClock } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { useApp } from '../../state/context.tsx';
import { FrameDetail } from './FrameDetail.tsx';

/** Rows on screen; the store keeps more (port-log.ts), so a picked frame stays for a while. */
const ROWS = 20;

/** The store's frames, newest first. */
export function FrameList() {
  const frames = useApp((s) => s.frames);
  const [pickedAt, setPickedAt] = useState<number | null>(null);
  const picked = frames.find((f) => f.at === pickedAt) ?? frames[0];
  return (
    <section className="card" data-testid="service-frames">
      <h3>{t('service.frames')}</h3>
      {frames.length === 0 ? (
        <p>{t('service.frames.none')}</p>
      ) : (
        <ol className="frame-list">
          {frames.slice(0, ROWS).map((f) => (
            <li key={f.at} data-testid="service-frame-row" data-status={f.status}>
              <button type="button" aria-pressed={f === picked} onClick={() => setPickedAt(f.at)}>
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
