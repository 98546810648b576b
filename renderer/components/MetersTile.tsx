/**
 * Home's "Your meters" (issue 12), shown once there is at least one other meter: one row per meter
 * (the main one first) with its power taken and sent and its link, old values marked; under it the
 * property's net flow, the sum over every meter of import − export.
 */
import { t } from '../i18n/index.ts';
import { formatWatt } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { type MeterRow, meterRow, netFlow } from '../state/meters-view.ts';

function Watts({ value, old }: { value: number | null; old: boolean }) {
  if (value === null) return <span className="field-value is-null">{t('meters.none')}</span>;
  return (
    <span className={`field-value${old ? ' is-stale' : ''}`} title={old ? t('meters.old') : undefined}>
      {formatWatt(value)}
      {old && <span className="visually-hidden"> ({t('meters.old')})</span>}
    </span>
  );
}

function Row({ row }: { row: MeterRow }) {
  return (
    <tr data-testid={`meter-row-${row.id}`} data-old={row.old}>
      <th scope="row">{row.label ?? t('meters.primary')}</th>
      <td data-testid="meter-import">
        <Watts value={row.importW} old={row.old} />
      </td>
      <td data-testid="meter-export">
        <Watts value={row.exportW} old={row.old} />
      </td>
      <td data-testid="meter-link" data-status={row.link}>
        {t(`link.${row.link}`)}
      </td>
    </tr>
  );
}

export function MetersTile() {
  const meters = useApp((s) => s.meters);
  const latest = useApp((s) => s.latest);
  const link = useApp((s) => s.link?.status ?? 'idle');
  const now = useApp((s) => s.now);
  const offset = useApp((s) => s.hostOffsetMs);
  if (meters.length === 0) return null;
  const rows = [
    meterRow('primary', null, latest, link, now, offset),
    ...meters.map((m) => meterRow(m.id, m.label, m.latest, m.link.status, now, offset)),
  ];
  const net = netFlow(rows);
  return (
    <section className="tile tile-wide" data-testid="tile-meters" aria-labelledby="meters-title">
      <h2 id="meters-title">{t('meters.title')}</h2>
      <table className="phases meters-table">
        <thead>
          <tr>
            <th scope="col">{t('meters.col.meter')}</th>
            <th scope="col">{t('meters.col.import')}</th>
            <th scope="col">{t('meters.col.export')}</th>
            <th scope="col">{t('meters.col.link')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.id} row={row} />
          ))}
        </tbody>
      </table>
      {net && (
        <p className="meters-net" data-testid="meters-net" data-watts={net.watts}>
          {net.watts > 0
            ? t('meters.net.from', { power: formatWatt(net.watts) })
            : net.watts < 0
              ? t('meters.net.to', { power: formatWatt(-net.watts) })
              : t('meters.net.zero')}
          {net.old && <span className="meters-net-old"> {t('meters.net.old')}</span>}
        </p>
      )}
    </section>
  );
}
