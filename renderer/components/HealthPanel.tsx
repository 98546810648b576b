/**
 * Port health, always on screen: encryption, last telegram age, link, frame counts, diagnosis.
 * Only the diagnosis and host-connection notices are a live region; the ticking age is not.
 */
import type { PortHealth } from '../../contracts/ipc.ts';
import type { ErrorCode } from '../../protocol/types.ts';
import { formatClock } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';
import { DiagnosisBanner } from './DiagnosisBanner.tsx';
import { LinkStatusText } from './LinkStatusText.tsx';
import { TelegramAge } from './TelegramAge.tsx';

/** "23: 20 no key, 3 checksum", every reason that occurred, or "none". */
function rejectedText(h: PortHealth): string {
  const reasons = (Object.entries(h.rejected) as [ErrorCode, number][]).filter(([, n]) => n > 0);
  const total = reasons.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return t('status.rejectedNone');
  return `${total}: ${reasons.map(([code, n]) => `${n} ${t(`reject.${code}`)}`).join(', ')}`;
}

function encryptionText(h: PortHealth | null): string {
  if (!h || h.encrypted === null) return t('health.encryptionUnknown');
  return h.encrypted ? t('health.encrypted') : t('health.plain');
}

export function HealthPanel() {
  const health = useApp((s) => s.health);
  const link = useApp((s) => s.link);
  const host = useApp((s) => s.host);
  const offset = useApp((s) => s.hostOffsetMs);
  // Before the first snapshot there are no counts: say so rather than show zeros.
  const none = t('value.null');
  return (
    <aside className="health" data-testid="health" aria-labelledby="health-title">
      <h2 id="health-title" className="health-title">
        {t('health.title')}
      </h2>
      <div role="status" aria-live="polite" className="health-notices">
        {host === 'closed' && (
          <p className="diagnosis diagnosis-warn" data-testid="host-disconnected">
            {t('app.hostDisconnected')}
          </p>
        )}
        <DiagnosisBanner />
      </div>
      <dl className="health-items">
        <div>
          <dt>{t('health.encryption')}</dt>
          <dd data-testid="health-encryption" data-encrypted={String(health?.encrypted ?? 'unknown')}>
            {encryptionText(health)}
          </dd>
        </div>
        <div>
          <dt>{t('health.lastTelegram')}</dt>
          <dd>
            <TelegramAge />
          </dd>
        </div>
        <div>
          <dt>{t('health.link')}</dt>
          <dd>
            <LinkStatusText link={link} />
          </dd>
        </div>
        <div>
          <dt>{t('health.decoded')}</dt>
          <dd data-testid="health-decoded">{health ? String(health.framesDecoded) : none}</dd>
        </div>
        <div>
          <dt>{t('health.rejected')}</dt>
          <dd data-testid="health-rejected">
            {health ? rejectedText(health) : none}
            {health?.countingSince != null && (
              <span className="health-since"> ({t('status.rejectedSince', { time: formatClock(health.countingSince + offset) })})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('health.gaps')}</dt>
          <dd data-testid="health-gaps">
            {health ? t('health.gapsDetail', { gaps: health.counterGaps, missed: health.framesMissed }) : none}
          </dd>
        </div>
      </dl>
    </aside>
  );
}
