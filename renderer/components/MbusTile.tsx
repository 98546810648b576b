/** One M-Bus device (gas, water, heat, ...) by its channel: the medium comes from the device type. */
import { memo } from 'react';
import type { ControlState, MbusChannel } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { formatCapture, formatMeasure } from '../i18n/format.ts';
import { Field } from './Field.tsx';

const asText = (s: string): string => s;
const controlLabel = (c: ControlState): string => t(`control.${c}`);

function MbusTileInner({ m }: { m: MbusChannel }) {
  const formatValue = (v: number): string => formatMeasure(v, m.unit);
  const titleId = `mbus-${m.channel}-title`;
  return (
    <section className="tile" data-testid={`tile-mbus-${m.channel}`} data-kind={m.kind} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span className={`kind-badge kind-${m.kind}`}>{t(`mbus.kind.${m.kind}`)}</span>{' '}
        <span className="channel">{t('mbus.channel', { channel: String(m.channel) })}</span>
      </h3>
      <dl className="fields">
        <Field label={t('mbus.value')} name={`mbus-${m.channel}-value`} value={m.value} format={formatValue} />
        <Field
          label={t('mbus.capturedAt')}
          name={`mbus-${m.channel}-capturedAt`}
          value={m.capturedAt}
          format={(iso) => formatCapture(iso)}
        />
        <Field label={t('mbus.valve')} name={`mbus-${m.channel}-valve`} value={m.valve} format={controlLabel} />
        <Field label={t('mbus.equipmentId')} name={`mbus-${m.channel}-equipmentId`} value={m.equipmentId} format={asText} />
      </dl>
    </section>
  );
}

/** Each telegram brings a new object; redraw only when a shown field actually changed. */
const sameChannel = (a: { m: MbusChannel }, b: { m: MbusChannel }): boolean =>
  a.m.channel === b.m.channel &&
  a.m.kind === b.m.kind &&
  a.m.value === b.m.value &&
  a.m.unit === b.m.unit &&
  a.m.capturedAt === b.m.capturedAt &&
  a.m.valve === b.m.valve &&
  a.m.equipmentId === b.m.equipmentId;

export const MbusTile = memo(MbusTileInner, sameChannel);
