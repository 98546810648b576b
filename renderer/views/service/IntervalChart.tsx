/** The telegram interval over time: a steady line at the meter's push interval, spikes where frames were lost. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IntervalPoint } from './use-port-frames.ts';
import { t } from '../../i18n/index.ts';

/** Draws `points` (oldest first). */
export function IntervalChart(props: { points: IntervalPoint[] }) {
  const last = props.points.at(-1);
  return (
    <section className="card" data-testid="service-interval" data-last-seconds={last ? last.seconds.toFixed(3) : ''}>
      <h3>{t('service.interval')}</h3>
      {props.points.length === 0 ? (
        <p>{t('service.interval.none')}</p>
      ) : (
        <div style={{ width: '100%', height: 160 }}>
          <ResponsiveContainer>
            <LineChart data={props.points}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => new Date(v).toLocaleTimeString()} />
              <YAxis dataKey="seconds" label={{ value: t('service.interval.axis'), angle: -90, position: 'insideLeft' }} />
              <Tooltip labelFormatter={(v) => new Date(Number(v)).toLocaleTimeString()} />
              <Line type="stepAfter" dataKey="seconds" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
