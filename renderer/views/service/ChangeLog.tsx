/** Each staff change and its effect on the port, timed: requested → accepted → seen on the port. */
import type { ChangeTiming } from '../../../contracts/ipc.ts';
import { describeChange } from './describe-change.ts';
import { staffErrorText } from './staff-errors.ts';
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
            data-superseded={timing.supersededBy !== undefined}
          >
            <strong>{describeChange(timing.change)}</strong>{' '}
            {timing.error !== undefined ? (
              staffErrorText(timing.error)
            ) : timing.supersededBy !== undefined ? (
              <>
                {t('service.timings.accepted', { ms: (timing.acceptedAt ?? timing.requestedAt) - timing.requestedAt })}
                {' · '}
                {t('service.timings.superseded', { id: String(timing.supersededBy) })}
              </>
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
