/** Counts of every error code, and frame-counter continuity, from the port health. */
import type { PortHealth } from '../../../contracts/ipc.ts';
import type { ErrorCode } from '../../../protocol/types.ts';
import { t } from '../../i18n/index.ts';

// Every error code the decoder has, zero included; a new code appears here without a change.
const codes = (h: PortHealth): ErrorCode[] => Object.keys(h.rejected) as ErrorCode[];

/** Shows `health`'s counters; every error code is listed, zero included, so a rise is easy to spot. */
export function PortCounters(props: { health: PortHealth | null }) {
  const h = props.health;
  if (!h) return null;
  const continuous = h.counterGaps === 0 && h.framesMissed === 0;
  return (
    <section className="card" data-testid="service-counters">
      <h3>{t('service.counters')}</h3>
      <dl className="pairs">
        <dt>{t('service.counters.decoded')}</dt>
        <dd data-testid="service-count-decoded">{h.framesDecoded}</dd>
        {codes(h).map((c) => (
          <div key={c}>
            <dt>{c}</dt>
            <dd data-testid={`service-count-${c}`}>{h.rejected[c] ?? 0}</dd>
          </div>
        ))}
        <dt>{t('service.counters.noise')}</dt>
        <dd data-testid="service-count-noise">{h.noiseBytes}</dd>
        <dt>{t('service.counters.continuity')}</dt>
        <dd data-testid="service-continuity" data-continuous={continuous}>
          {continuous ? t('service.counters.continuous') : t('service.counters.broken', { gaps: h.counterGaps, missed: h.framesMissed })}
          {h.lastFrameCounter !== null && ` (#${h.lastFrameCounter})`}
        </dd>
      </dl>
    </section>
  );
}
