/** Each staff change and its effect on the port, timed: requested → accepted → seen on the port. */
import type { ChangeTiming } from '../../../contracts/ipc.ts';
import { describeChange } from './describe-change.ts';
import { t } from '../../i18n/index.ts';

/** `timings` newest first. */
export function ChangeLog(props: { timings: ChangeTiming[] }) {
  return (
    <section data-testid="service-timings">
      <h3>{t('service.timings')}</h3>
      {props.timings.length === 0 && <p>{t('service.timings.none')}</p>}
      <ol className="timings">
        {props.timings.map((timing) => (
          <li
            key={timing.id}
            data-testid="service-timing"
            data-id={timing.id}
            data-seen={timing.seenAt !== null}
            data-error={timing.error !== undefined}
          >
            <strong>{describeChange(timing.change)}</strong>{' '}
            {timing.error !== undefined ? (
              t('service.timings.error', { error: timing.error })
            ) : (
              <>
                {timing.acceptedAt === null
                  ? t('service.timings.pendingAccept')
                  : t('service.timings.accepted', { ms: timing.acceptedAt - timing.requestedAt })}
                {' · '}
                {timing.seenAt === null
                  ? t('service.timings.pendingSeen')
                  : t('service.timings.seen', { ms: timing.seenAt - timing.requestedAt })}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
