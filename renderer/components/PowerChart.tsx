/**
 * Import and export power over the last hour. No animation (a point every 1-10 s would restart it),
 * no dots, a fixed time domain so the line slides instead of rescaling on every point. The store
 * downsamples to at most 361 points; the chart redraws at most once per CHART_REDRAW_MS, so a fast
 * replay does not make recharts rebuild for every telegram (the tiles show each value at once).
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/index.ts';
import { formatClock, formatClockShort, formatWatt } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { CHART_WINDOW_MS, type ChartPoint } from '../state/store.ts';
import { useThrottled } from '../state/use-throttled.ts';

/** The chart's own refresh limit; at the meter's 10 s pace every telegram still redraws it. */
export const CHART_REDRAW_MS = 1000;

// Stable props: recharts recomputes its layout when any of them is a new object.
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const INITIAL = { width: 640, height: 240 };
const formatAxisWatt = (w: number): string => formatWatt(w);
const formatLabel = (ms: unknown): string => formatClock(Number(ms));
const formatTooltip = (value: unknown): string => (typeof value === 'number' ? formatWatt(value) : t('value.null'));

function summarise(points: ChartPoint[]): { readings: number; max: number | null } {
  let readings = 0;
  let max: number | null = null;
  for (const p of points) {
    readings += p.readings;
    if (p.importPowerW !== null && (max === null || p.importPowerW > max)) max = p.importPowerW;
  }
  return { readings, max };
}

const ChartBody = memo(function ChartBody({ points }: { points: ChartPoint[] }) {
  const last = points.at(-1)?.at ?? 0;
  return (
    <ResponsiveContainer width="100%" height={240} initialDimension={INITIAL}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" />
        <XAxis dataKey="at" type="number" domain={[last - CHART_WINDOW_MS, last]} tickFormatter={formatClockShort} stroke="var(--muted)" />
        <YAxis tickFormatter={formatAxisWatt} width={80} stroke="var(--muted)" />
        <Tooltip labelFormatter={formatLabel} formatter={formatTooltip} />
        <Legend />
        <Line
          name={t('chart.import')}
          dataKey="importPowerW"
          stroke="var(--import)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          name={t('chart.export')}
          dataKey="exportPowerW"
          stroke="var(--export)"
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
});

function PowerChartInner() {
  const points = useThrottled(
    useApp((s) => s.chart),
    CHART_REDRAW_MS,
  );
  const { readings, max } = summarise(points);
  return (
    <section className="tile tile-wide" data-testid="tile-chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{t('chart.title')}</h2>
      <figure className="chart" data-testid="power-chart" data-points={points.length} data-readings={readings}>
        {points.length > 0 && <ChartBody points={points} />}
        <figcaption>
          {points.length === 0
            ? t('chart.empty')
            : t('chart.summary', { count: readings, max: max === null ? t('value.null') : formatWatt(max) })}
        </figcaption>
      </figure>
    </section>
  );
}

/** Takes no props and selects only the chart array: telegrams re-render it, nothing else does. */
export const PowerChart = memo(PowerChartInner);
