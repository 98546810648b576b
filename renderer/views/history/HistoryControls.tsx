/** What the History view shows and when: period, energy, the week's resolution, and moving through time. */
import type { MessageKey } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import type { ShownKind } from './history-bars.ts';
import { isoDate, PERIOD_KINDS, type Period, type PeriodKind, parseIsoDate, type WeekResolution } from './period.ts';

export interface HistoryControlsProps {
  period: Period;
  title: string;
  shown: ShownKind;
  kinds: ShownKind[];
  week: WeekResolution;
  first: number;
  last: number;
  onPeriodKind(kind: PeriodKind): void;
  onShown(kind: ShownKind): void;
  onWeek(week: WeekResolution): void;
  onAnchor(at: number): void;
  onShift(by: -1 | 1): void;
}

export function HistoryControls(p: HistoryControlsProps) {
  return (
    <div className="history-controls">
      <fieldset className="segmented" aria-label={t('history.period')}>
        {PERIOD_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            data-testid={`history-period-${k}`}
            aria-pressed={k === p.period.kind}
            onClick={() => p.onPeriodKind(k)}
          >
            {t(`history.period.${k}` as MessageKey)}
          </button>
        ))}
      </fieldset>
      <label className="field-inline">
        {t('history.kind')}
        <select data-testid="history-kind" value={p.shown} onChange={(e) => p.onShown(e.target.value as ShownKind)}>
          {p.kinds.map((k) => (
            <option key={k} value={k}>
              {t(`history.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {p.period.kind === 'week' && (
        <label className="field-inline">
          {t('history.week.resolution')}
          <select data-testid="history-week" value={p.week} onChange={(e) => p.onWeek(e.target.value as WeekResolution)}>
            <option value="hours">{t('history.week.hours')}</option>
            <option value="days">{t('history.week.days')}</option>
          </select>
        </label>
      )}
      <nav className="history-nav" aria-label={t('history.navigation')}>
        <button type="button" data-testid="history-first" disabled={p.period.from <= p.first} onClick={() => p.onAnchor(p.first)}>
          {t('history.first')}
        </button>
        <button
          type="button"
          data-testid="history-prev"
          aria-label={t('history.prev')}
          disabled={p.period.from <= p.first}
          onClick={() => p.onShift(-1)}
        >
          ‹
        </button>
        <h3 className="history-title" data-testid="history-title" aria-live="polite">
          {p.title}
        </h3>
        <button
          type="button"
          data-testid="history-next"
          aria-label={t('history.next')}
          disabled={p.period.to > p.last}
          onClick={() => p.onShift(1)}
        >
          ›
        </button>
        <button type="button" data-testid="history-latest" disabled={p.period.to > p.last} onClick={() => p.onAnchor(p.last)}>
          {t('history.latest')}
        </button>
        <label className="field-inline">
          {t('history.date')}
          <input
            type="date"
            data-testid="history-date"
            value={isoDate(p.period.from)}
            min={isoDate(p.first)}
            max={isoDate(p.last)}
            onChange={(e) => {
              const at = parseIsoDate(e.target.value);
              if (at !== null) p.onAnchor(at);
            }}
          />
        </label>
      </nav>
    </div>
  );
}
