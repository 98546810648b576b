/**
 * The History view (issue 10): the recorder's quarter-hours, hours, days and months for one meter,
 * by day, week, month and year, back to the first record; electricity used and sent back, and the
 * gas, water and heat the meter has. Totals come from the registers; estimated bars are hatched.
 * "Download CSV" saves the shown period as `luxp1 history export` would.
 */
import { useMemo, useState } from 'react';
import type { HistoryMeter } from '../../../contracts/history.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { useApp } from '../../state/context.tsx';
import { downloadCsv } from './csv-download.ts';
import { barsOf, seriesKind, type ShownKind, shownKinds } from './history-bars.ts';
import { periodTitle } from './history-format.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { HistoryControls } from './HistoryControls.tsx';
import { HistoryExtras } from './HistoryExtras.tsx';
import { HistoryTotals } from './HistoryTotals.tsx';
import { periodAt, type PeriodKind, shiftPeriod, type WeekResolution } from './period.ts';
import { useHistoryInfo, usePeriodData } from './use-history.ts';

export function HistoryView() {
  const info = useHistoryInfo();
  const liveMeter = useApp((s) => s.latest?.telegram.electricity.meterId ?? null);
  const [chosen, setChosen] = useState<string | null>(null);
  let body: React.ReactNode;
  if (info.state === 'loading') body = <p>{t('history.loading')}</p>;
  else if (info.state === 'failed') body = <p role="alert">{t('history.unavailable', { message: info.error.message })}</p>;
  else {
    const meters = info.value.meters.filter((m) => m.first !== null && m.last !== null);
    const meter = meters.find((m) => m.meterId === chosen) ?? meters.find((m) => m.meterId === liveMeter) ?? meters[0];
    body = meter ? (
      <>
        {meters.length > 1 && (
          <label className="field-inline">
            {t('history.meter')}
            <select data-testid="history-meter" value={meter.meterId} onChange={(e) => setChosen(e.target.value)}>
              {meters.map((m) => (
                <option key={m.meterId} value={m.meterId}>
                  {m.meterId}
                </option>
              ))}
            </select>
          </label>
        )}
        <MeterHistory key={meter.meterId} meter={meter} />
      </>
    ) : (
      <p>{t('history.empty')}</p>
    );
  }
  return (
    <div className="view" data-testid="view-history">
      <section className="tile tile-wide" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.title')}</h2>
        {body}
      </section>
    </div>
  );
}

function MeterHistory({ meter }: { meter: HistoryMeter }) {
  const first = Date.parse(meter.first!);
  const last = Date.parse(meter.last!) - 1; // `last` ends the newest record: its period is the one before
  const [kind, setKind] = useState<PeriodKind>('day');
  const [anchor, setAnchor] = useState(last);
  const [shown, setShown] = useState<ShownKind>('import');
  const [week, setWeek] = useState<WeekResolution>('days');
  const kinds = useMemo(() => shownKinds(meter.channels), [meter.channels]);
  const history = seriesKind(shown);
  const period = useMemo(() => periodAt(kind, anchor, history, week), [kind, anchor, history, week]);
  const data = usePeriodData(meter.meterId, history, period);
  const ready = data.state === 'ready' ? data.value : null;
  const { bars, totals } = useMemo(() => barsOf(period.buckets, ready?.series ?? null, shown), [period, ready, shown]);
  const title = periodTitle(period);
  return (
    <>
      <HistoryControls
        period={period}
        title={title}
        shown={shown}
        kinds={kinds}
        week={week}
        first={first}
        last={last}
        onPeriodKind={setKind}
        onShown={setShown}
        onWeek={setWeek}
        onAnchor={setAnchor}
        onShift={(by) => setAnchor(shiftPeriod(period, by, history, week).from)}
      />
      {data.state === 'failed' && <p role="alert">{t('history.loadFailed', { message: data.error.message })}</p>}
      <div className="history-body" data-testid="history-body" data-state={data.state} data-from={period.from} data-to={period.to}>
        <HistoryChart
          period={period}
          bars={bars}
          unit={totals.unit}
          power={ready?.power ?? null}
          label={t('history.chartLabel', { kind: t(`history.kind.${shown}` as MessageKey), period: title })}
        />
        <HistoryTotals totals={totals} shown={shown} bars={bars.length} />
        <p>
          <button type="button" data-testid="history-csv" disabled={!ready} onClick={() => ready && downloadCsv(ready.series, period)}>
            {t('history.csv')}
          </button>{' '}
          <span className="muted">{t('history.csvHint')}</span>
        </p>
      </div>
      <HistoryExtras meterId={meter.meterId} period={period} series={ready?.series ?? null} />
    </>
  );
}
