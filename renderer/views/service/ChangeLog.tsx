/** Each staff change and its effect on the port, timed: requested → accepted → seen on the port. */
import type { ChangeTiming, StaffChange } from '../../../electron/ipc/contract.ts';
import { t } from '../../i18n/index.ts';

/** `timings` newest first. */
export function ChangeLog(props: { timings: ChangeTiming[] }) {
  return (
    <section data-testid="service-timings">
      <h3>{t('service.timings')}</h3>
      {props.timings.length === 0 && <p>{t('service.timings.none')}</p>}
      <ol className="timings">
        {props.timings.map((timing) => (
          <li key={timing.id} data-testid="service-timing" data-id={timing.id} data-seen={timing.seenAt !== null} data-error={timing.error !== undefined}>
            <code>{describeChange(timing.change)}</code>{' '}
            {timing.error !== undefined ? (
              t('service.timings.error', { error: timing.error })
            ) : (
              <>
                {timing.acceptedAt === null ? t('service.timings.pendingAccept') : t('service.timings.accepted', { ms: timing.acceptedAt - timing.requestedAt })}
                {' · '}
                {timing.seenAt === null ? t('service.timings.pendingSeen') : t('service.timings.seen', { ms: timing.seenAt - timing.requestedAt })}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A short, stable description of a change (also what the e2e tests look for). */
export function describeChange(c: StaffChange): string {
  switch (c.kind) {
    case 'patch':
      return `patch ${JSON.stringify(c.body)}`;
    case 'message':
      return `message ${c.channel} (${c.text.length} chars)`;
    case 'mbus-attach':
      return `attach ${c.body.kind} on M-Bus ${c.channel}`;
    case 'mbus-detach':
      return `detach M-Bus ${c.channel}`;
    case 'valve':
      return `valve ${c.channel} ${c.valve}`;
    case 'rotate-key':
      return 'rotate key';
  }
}

/** Merges a timing into a newest-first list by id (events and replies may come in any order). */
export function mergeTiming(list: ChangeTiming[], next: ChangeTiming): ChangeTiming[] {
  const i = list.findIndex((x) => x.id === next.id);
  if (i < 0) return [next, ...list].slice(0, 50);
  const old = list[i]!;
  // Never lose a filled-in time to an older, emptier copy.
  const merged = { ...old, ...next, acceptedAt: next.acceptedAt ?? old.acceptedAt, seenAt: next.seenAt ?? old.seenAt };
  return list.map((x, j) => (j === i ? merged : x));
}
