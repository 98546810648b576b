/**
 * Import and export power over the last hour. No animation (a point every 1-10 s would restart it),
 * no dots, a fixed time domain so the line slides instead of rescaling on every point.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/index.ts';
import { formatClock, formatWatt } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { CHART_WINDOW_MS, type PowerPoint } from '../state/store.ts';

const formatTick = (ms: number): string => formatClock(ms).slice(0, 5);
const formatTooltip = (value: unknown): string => (typeof value === 'number' ? formatWatt(value) : t('value.null'));

function maxImport(points: PowerPoint[]): number | null {
  let max: number | null = null;
  for (const p of points) if (p.importPowerW !== null && (max === null || p.importPowerW > max)) max = p.importPowerW;
  return max;
}

function PowerChartInner() {
  const points = useApp((s) => s.chart);
  const last = points.at(-1)?.at ?? 0;
  const max = maxImport(points);
  return (
    <section className="tile tile-wide" data-testid="tile-chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{t('chart.title')}</h2>
      <figure className="chart" data-testid="power-chart" data-points={points.length}>
        {points.length > 0 && (
          <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 640, height: 240 }}>
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" />
              <XAxis dataKey="at" type="number" domain={[last - CHART_WINDOW_MS, last]} tickFormatter={formatTick} stroke="var(--muted)" />
              <YAxis tickFormatter={(w: number) => formatWatt(w)} width={80} stroke="var(--muted)" />
              <Tooltip labelFormatter={(ms) => formatClock(Number(ms))} formatter={formatTooltip} />
              <Legend />
              <Line name={t('chart.import')} dataKey="importPowerW" stroke="var(--import)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
              <Line name={t('chart.export')} dataKey="exportPowerW" stroke="var(--export)" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
        <figcaption>
          {points.length === 0
            ? t('chart.empty')
            : t('chart.summary', { count: points.length, max: max === null ? t('value.null') : formatWatt(max) })}
        </figcaption>
      </figure>
    </section>
  );
}

/** Takes no props and selects only the chart array: telegrams re-render it once, nothing else does. */
export const PowerChart = memo(PowerChartInner);
