/**
 * "Today" on Home: today's import energy once the history supplies it, and a slot for what the
 * costs code adds later (cost so far, the power-class state). Today's energy is not worked out
 * here: "first reading seen today vs now" is wrong after a restart, so it comes from the history.
 * The `dashboard-today` area is always there (empty and hidden until something fills it).
 */
import type { ReactNode } from 'react';
import { t } from '../i18n/index.ts';
import { formatKwh } from '../i18n/format.ts';

export interface TodayProps {
  /** Wh imported since local midnight: undefined = not provided, null = not known (yet). */
  todayWh?: number | null;
  /** The costs component (cost today, the power class this quarter-hour). */
  children?: ReactNode;
}

export function TodaySlot({ todayWh, children }: TodayProps) {
  const hasEnergy = todayWh !== undefined;
  return (
    <div className="today-slot" data-testid="dashboard-today">
      {(hasEnergy || children) && (
        <section className="tile" aria-labelledby="today-title">
          <h2 id="today-title">{t('home.today')}</h2>
          {hasEnergy && (
            <dl className="fields fields-big">
              <div className="field">
                <dt>{t('home.todayImport')}</dt>
                <dd>
                  <span
                    className={`field-value is-${todayWh === null ? 'null' : 'value'}`}
                    data-testid="today-import"
                    data-state={todayWh === null ? 'null' : 'value'}
                  >
                    {todayWh === null ? t('home.todayUnknown') : formatKwh(todayWh)}
                  </span>
                </dd>
              </div>
            </dl>
          )}
          {children}
        </section>
      )}
    </div>
  );
}
