/**
 * The History chart: one bar per bucket of the period (recharts, no animation), estimated bars
 * hatched and lighter, and on a day of electricity the power line over the quarter-hour bars (the
 * 10-s telegrams as one-minute means, on its own axis). The bars' band axis and the line's time
 * axis both span the period edge to edge, so a quarter-hour's bar sits under its minutes.
 */
import { memo, useMemo } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryPower } from '../../../contracts/history.ts';
import { formatSignificant, formatWatt } from '../../i18n/format.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Bar as HistoryBar } from './history-bars.ts';
import { barLabel, tickLabel } from './history-format.ts';
import type { Period } from './period.ts';

const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
const INITIAL = { width: 640, height: 280 };
const MINUTE = 60_000;

/** No telegram for longer than this: the line breaks instead of drawing across the gap. */
function gapMinutes(at: readonly number[]): number {
  const steps = at.slice(1).map((t, i) => t - at[i]!);
  steps.sort((a, b) => a - b);
  const usual = steps[Math.floor(steps.length / 2)] ?? 0; // the meter's pace: 10 s, or a sparser import
  return Math.max(5, Math.ceil((3 * usual) / MINUTE));
}

/** The power line as one-minute means: 1,440 points a day instead of 8,640; a gap is a null (a break). */
export function minuteMeans(power: HistoryPower): { at: number; w: number | null }[] {
  const out: { at: number; w: number | null }[] = [];
  const gap = gapMinutes(power.at);
  let minute = Number.NaN;
  let sum = 0;
  let n = 0;
  const close = () => n > 0 && out.push({ at: minute * MINUTE + MINUTE / 2, w: Math.round(sum / n) });
  power.at.forEach((at, i) => {
    const w = power.importW[i];
    if (w === null || w === undefined) return;
    const m = Math.floor(at / MINUTE);
    if (m !== minute) {
      close();
      if (m - minute > gap) out.push({ at: (m + minute + 1) * (MINUTE / 2), w: null });
      minute = m;
      sum = 0;
      n = 0;
    }
    sum += w;
    n++;
  });
  close();
  return out;
}

export interface HistoryChartProps {
  period: Period;
  bars: HistoryBar[];
  unit: string;
  power: HistoryPower | null;
  label: string;
}

export const HistoryChart = memo(function HistoryChart({ period, bars, unit, power, label }: HistoryChartProps) {
  const line = useMemo(() => (power ? minuteMeans(power) : null), [power]);
  const value = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, 3)} ${unit}` : t('value.null'));
  return (
    <figure className="history-chart" data-testid="history-chart" data-bars={bars.length} aria-label={label}>
      <ResponsiveContainer width="100%" height={280} initialDimension={INITIAL}>
        <ComposedChart data={bars} margin={MARGIN}>
          <defs>
            <pattern id="history-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="var(--hist-estimated-bg)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="var(--hist-bar)" strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="2 4" stroke="var(--grid)" vertical={false} />
          <XAxis
            xAxisId="bars"
            dataKey="start"
            type="category"
            tickFormatter={(s: number) => tickLabel(period, s)}
            interval="preserveStartEnd"
            minTickGap={16}
            stroke="var(--muted)"
          />
          <YAxis yAxisId="energy" tickFormatter={formatSignificant} width={64} stroke="var(--muted)" />
          <Tooltip
            // With the power line's own axis the label may be an index: the bar's start is in its payload.
            labelFormatter={(s: unknown, items: readonly { payload?: { start?: number } }[]) =>
              barLabel(period, items?.[0]?.payload?.start ?? Number(s))
            }
            formatter={value}
          />
          <Bar xAxisId="bars" yAxisId="energy" dataKey="value" name={unit} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.start} fill={b.estimated ? 'url(#history-hatch)' : 'var(--hist-bar)'} data-estimated={b.estimated} />
            ))}
          </Bar>
          {line && <XAxis xAxisId="power" dataKey="at" type="number" domain={[period.from, period.to]} hide />}
          {line && (
            <YAxis yAxisId="power" orientation="right" tickFormatter={(w: number) => formatWatt(w)} width={72} stroke="var(--import)" />
          )}
          {line && (
            <Line
              xAxisId="power"
              yAxisId="power"
              data={line}
              dataKey="w"
              name={t('history.legend.power')}
              stroke="var(--import)"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              tooltipType="none"
              connectNulls={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="history-legend">
        <span className="swatch swatch-measured" aria-hidden="true" /> {t('history.legend.measured')}
        <span className="swatch swatch-estimated" aria-hidden="true" /> {t('history.legend.estimated')}
        {line && (
          <>
            <span className="swatch swatch-power" aria-hidden="true" /> {t('history.legend.power')}
          </>
        )}
      </figcaption>
    </figure>
  );
});
