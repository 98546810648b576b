/**
 * What happened at the meter in the period shown: breaker and relay changes, power failures,
 * operator messages, a counter that started again, lost connections and key changes, newest first,
 * as the recorder kept them, said in the chosen language (event-text.ts).
 */
import { useEffect, useState } from 'react';
import type { HistoryEvent } from '../../../contracts/history.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useApi } from '../../state/context.tsx';
import { eventText } from './event-text.ts';
import type { Period } from './period.ts';

const SHOWN = 200; // the host's limit (history-room.ts)

export function EventsPanel({ meterId, period }: { meterId: string; period: Period }) {
  const api = useApi();
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const { from, to } = period;
  useEffect(() => {
    let live = true;
    setEvents(null);
    void api['history:events']({ meterId, from, to }).then((r) => live && setEvents(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, meterId, from, to]);
  if (events === null) return null;
  return (
    <section className="tile" data-testid="history-events" aria-labelledby="history-events-title">
      <h3 id="history-events-title">{t('history.events.title')}</h3>
      {events.length === 0 ? (
        <p>{t('history.events.none')}</p>
      ) : (
        <ul className="history-events">
          {events.map((e) => {
            const detail = eventText(e);
            return (
              <li key={`${e.at}|${e.kind}|${e.detail}`} data-kind={e.kind}>
                <span className="history-event-time">{formatDateTime(e.at)}</span> <strong>{t(`history.events.kind.${e.kind}`)}</strong>{' '}
                <span className="hint" {...(detail.english ? { lang: 'en' } : {})}>
                  {detail.text}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {events.length >= SHOWN && <p className="hint">{t('history.events.more')}</p>}
    </section>
  );
}
