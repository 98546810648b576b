/** The newest frames, one line each; picking one shows it in full (the newest by default). */
import { useState } from 'react';
import type { FrameRecord } from '../../../electron/ipc/contract.ts';
import { FrameDetail } from './FrameDetail.tsx';
import { t } from '../../i18n/index.ts';

/** `frames` newest first. */
export function FrameList(props: { frames: FrameRecord[] }) {
  const [pickedAt, setPickedAt] = useState<number | null>(null);
  const picked = props.frames.find((f) => f.at === pickedAt) ?? props.frames[0];
  return (
    <section className="card" data-testid="service-frames">
      <h3>{t('service.frames')}</h3>
      {props.frames.length === 0 ? (
        <p>{t('service.frames.none')}</p>
      ) : (
        <ol className="frame-list">
          {props.frames.slice(0, 20).map((f) => (
            <li key={f.at} data-testid="service-frame-row" data-status={f.status}>
              <button type="button" aria-pressed={f === picked} onClick={() => setPickedAt(f.at)}>
                {new Date(f.at).toLocaleTimeString()} · {f.frame ? `#${f.frame.frameCounter}` : t('service.frame.plain')} · {f.status}
              </button>
            </li>
          ))}
        </ol>
      )}
      {picked && <FrameDetail frame={picked} />}
    </section>
  );
}
