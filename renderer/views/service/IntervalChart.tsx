/** The telegram interval over time: a steady line at the meter's push interval, spikes where frames were lost. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock } from '../../i18n/format.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { useApp } from '../../state/context.tsx';
import { drawnIntervals, type IntervalPoint } from '../../state/port-log.ts';
import { useThrottled } from '../../state/use-throttled.ts';

/** Redraw limit: a fast meter must not make recharts rebuild its layout for every telegram. */
const REDRAW_MS = 1000;
const formatLabel = (v: unknown): string => formatClock(Number(v));
const formatSeconds = (v: unknown): string => t('service.interval.seconds', { value: Number(v) });
const formatTick = (v: unknown): string => formatNumber(Number(v), 2); // "0,25" in French and German

const ChartBody = memo(function ChartBody(props: { points: IntervalPoint[] }) {
  return (
    <div style={{ width: '100%', height: 160 }}>
      <ResponsiveContainer>
        <LineChart data={props.points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} />
          <YAxis
            dataKey="seconds"
            tickFormatter={formatTick}
            label={{ value: t('service.interval.axis'), angle: -90, position: 'insideLeft' }}
          />
          <Tooltip labelFormatter={formatLabel} formatter={formatSeconds} />
          <Line type="stepAfter" dataKey="seconds" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

/** The store's last hour of intervals; the attribute shows the newest at once, the chart follows within REDRAW_MS. */
export function IntervalChart() {
  const points = useApp((s) => s.intervals);
  const shown = useThrottled(points, REDRAW_MS);
  const drawn = useMemo(() => drawnIntervals(shown), [shown]);
  const last = points.at(-1);
  return (
    <section className="card" data-testid="service-interval" data-last-seconds={last ? last.seconds.toFixed(3) : ''}>
      <h3>{t('service.interval')}</h3>
      {points.length === 0 ? <p>{t('service.interval.none')}</p> : <ChartBody points={drawn} />}
    </section>
  );
}
