/** The meter's configuration on the central system beside what the port actually sends. */
import { expectedFields, fieldsPresent } from '../../../protocol/index.ts';
import type { CentralMeter, ReadingRecord } from '../../../contracts/ipc.ts';
import { diffFields } from './field-diff.ts';
import { obisName } from './obis-name.ts';
import { t } from '../../i18n/index.ts';

const onOff = (v: boolean | null): string =>
  v === null ? t('service.compare.unknown') : v ? t('service.compare.on') : t('service.compare.off');

/** Fields configured and missing, fields sent but not configured, encryption expected vs seen. */
export function ConfigCompare(props: { meter: CentralMeter; latest: ReadingRecord | null; portEncrypted?: boolean | null }) {
  const { meter, latest } = props;
  const diff = latest
    ? diffFields(
        expectedFields(
          meter.fields,
          meter.mbus.map((m) => m.channel),
        ),
        fieldsPresent(latest.telegram),
      )
    : null;
  // The port's health also counts plain telegrams the app refused: the port follows even then.
  const seen = props.portEncrypted ?? (latest ? latest.encrypted : null);
  const same = diff !== null && diff.missing.length === 0 && diff.extra.length === 0 && seen === meter.encryption;
  return (
    <section data-testid="service-compare" data-same={same}>
      <h3>{t('service.compare')}</h3>
      <p data-testid="service-meter">
        {t('service.compare.meter', { meterId: meter.meterId, systemTitle: meter.systemTitle, keyVersion: String(meter.keyVersion) })}
      </p>
      <p
        className={seen === meter.encryption ? 'status-ok' : 'status-bad'}
        data-testid="service-compare-encryption"
        data-match={seen === meter.encryption}
      >
        {t('service.compare.encryption', { expected: onOff(meter.encryption), seen: onOff(seen) })}
      </p>
      {diff === null && <p>{t('service.compare.noTelegram')}</p>}
      {same && (
        <p className="note note-ok" data-testid="service-compare-same">
          {t('service.compare.same')}
        </p>
      )}
      {diff && diff.missing.length > 0 && (
        <FieldList testId="service-compare-missing" title={t('service.compare.missing')} fields={diff.missing} />
      )}
      {diff && diff.extra.length > 0 && <FieldList testId="service-compare-extra" title={t('service.compare.extra')} fields={diff.extra} />}
    </section>
  );
}

function FieldList(props: { testId: string; title: string; fields: string[] }) {
  return (
    <div data-testid={props.testId}>
      <h4>{props.title}</h4>
      <ul>
        {props.fields.map((f) => (
          <li key={f} data-obis={f}>
            {obisName(f) ?? t('service.compare.unnamed')} <code>{f}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
