/**
 * Import and export power over the last 5 minutes, hour or 24 hours (the range selector). No
 * animation (a point every 1-10 s would restart it), no dots, a fixed time domain so the line slides
 * instead of rescaling on every point. The store keeps 24 h at one point per 10 s (8,641 at most,
 * filled from the recorder on load); the range drawn is merged down to at most MAX_DRAWN points, and
 * the chart redraws at most once per CHART_REDRAW_MS, so a fast replay does not make recharts
 * rebuild for every telegram (the tiles show each value at once).
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/index.ts';
import { formatClock, formatClockShort, formatWatt } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import type { ChartPoint, ChartRange } from '../state/store.ts';
import { useThrottled } from '../state/use-throttled.ts';

/** The chart's own refresh limit; at the meter's 10 s pace every telegram still redraws it. */
export const CHART_REDRAW_MS = 1000;

// Stable props: recharts recomputes its layout when any of them is a new object.
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const INITIAL = { width: 640, height: 240 };
const formatAxisWatt = (w: number): string => formatWatt(w);
const formatLabel = (ms: unknown): string => formatClock(Number(ms));
const formatTooltip = (value: unknown): string => (typeof value === 'number' ? formatWatt(value) : t('value.null'));

export const RANGE_MS: Record<ChartRange, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000, '24h': 24 * 60 * 60_000 };
const RANGES = Object.keys(RANGE_MS) as ChartRange[];
/** More points than a chart is wide in pixels only cost time: 24 h draws 2-minute means. */
export const MAX_DRAWN = 720;

/** The points of the last `rangeMs`, consecutive ones merged (means weighted by readings) down to MAX_DRAWN. */
export function visiblePoints(points: ChartPoint[], rangeMs: number): ChartPoint[] {
  const last = points.at(-1)?.at ?? 0;
  const shown = points.filter((p) => p.at > last - rangeMs);
  if (shown.length <= MAX_DRAWN) return shown;
  const group = Math.ceil(shown.length / MAX_DRAWN);
  const out: ChartPoint[] = [];
  for (let i = 0; i < shown.length; i += group) {
    const part = shown.slice(i, i + group);
    const mean = (pick: (p: ChartPoint) => number | null): number | null => {
      let sum = 0;
      let n = 0;
      for (const p of part) {
        const v = pick(p);
        if (v !== null) (sum += v * p.readings), (n += p.readings);
      }
      return n === 0 ? null : Math.round(sum / n);
    };
    out.push({
      at: part.at(-1)!.at,
      importPowerW: mean((p) => p.importPowerW),
      exportPowerW: mean((p) => p.exportPowerW),
      readings: part.reduce((r, p) => r + p.readings, 0),
    });
  }
  return out;
}

function summarise(points: ChartPoint[]): { readings: number; max: number | null } {
  let readings = 0;
  let max: number | null = null;
  for (const p of points) {
    readings += p.readings;
    if (p.importPowerW !== null && (max === null || p.importPowerW > max)) max = p.importPowerW;
  }
  return { readings, max };
}

const ChartBody = memo(function ChartBody({ points, rangeMs }: { points: ChartPoint[]; rangeMs: number }) {
  const last = points.at(-1)?.at ?? 0;
  return (
    <ResponsiveContainer width="100%" height={240} initialDimension={INITIAL}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" />
        <XAxis dataKey="at" type="number" domain={[last - rangeMs, last]} tickFormatter={formatClockShort} stroke="var(--muted)" />
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
  const all = useThrottled(
    useApp((s) => s.chart),
    CHART_REDRAW_MS,
  );
  const range = useApp((s) => s.chartRange);
  const setRange = useApp((s) => s.setChartRange);
  const points = useMemo(() => visiblePoints(all, RANGE_MS[range]), [all, range]);
  const { readings, max } = summarise(points);
  return (
    <section className="tile tile-wide" data-testid="tile-chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{t(`chart.titleFor.${range}`)}</h2>
      <div className="chart-range" role="group" aria-label={t('chart.range')}>
        {RANGES.map((r) => (
          <button key={r} type="button" data-testid={`chart-range-${r}`} aria-pressed={r === range} onClick={() => setRange(r)}>
            {t(`chart.range.${r}`)}
          </button>
        ))}
      </div>
      <figure className="chart" data-testid="power-chart" data-range={range} data-points={points.length} data-readings={readings}>
        {points.length > 0 && <ChartBody points={points} rangeMs={RANGE_MS[range]} />}
        <figcaption>
          {points.length === 0
            ? t('chart.empty')
            : t(`chart.summaryFor.${range}`, { count: readings, max: max === null ? t('value.null') : formatWatt(max) })}
        </figcaption>
      </figure>
    </section>
  );
}

/** Takes no props and selects only the chart array: telegrams re-render it, nothing else does. */
export const PowerChart = memo(PowerChartInner);
