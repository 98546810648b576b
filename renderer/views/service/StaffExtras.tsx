/**
 * The staff tools beside the configuration: issue a new pairing code for the meter (asks first: the
 * old code stops working) and read the central's audit log for it.
 */
import { useId, useState } from 'react';
import type { ApiError, AuditEntry, CentralMeter } from '../../../contracts/ipc.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import { useApi } from '../../state/context.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { PlaceError, type PlaceErrors } from './PlaceError.tsx';
import { staffErrorText } from './staff-errors.ts';

export interface ExtrasProps {
  meter: CentralMeter;
  /** Session-level errors (signed out, central gone) go to the panel; true when it took the error. */
  onSessionError: (error: ApiError) => boolean;
}

/** Pairing code and audit log. */
export function StaffExtras(props: ExtrasProps) {
  const api = useApi();
  const scope = useId();
  const [code, setCode] = useState<string | null>(null);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [errors, setErrors] = useState<PlaceErrors>({});

  const issue = async (): Promise<void> => {
    setErrors({ ...errors, code: undefined });
    const r = await api['staff:pairingCode'](null);
    if (r.ok) return setCode(r.value.pairingCode);
    if (!props.onSessionError(r.error)) setErrors({ ...errors, code: staffErrorText(r.error) });
  };
  const loadAudit = async (): Promise<void> => {
    setErrors({ ...errors, audit: undefined });
    const r = await api['staff:audit'](null);
    if (r.ok) return setEntries(r.value.entries);
    if (!props.onSessionError(r.error)) setErrors({ ...errors, audit: staffErrorText(r.error) });
  };

  return (
    <>
      <section data-testid="staff-code">
        <h3>{t('service.code')}</h3>
        <ConfirmAction
          testId="staff-code-issue"
          label={t('service.code.issue')}
          question={t('service.confirm.code', { meterId: props.meter.meterId })}
          confirmLabel={t('service.confirm.codeYes')}
          onConfirm={() => void issue()}
        />
        {code !== null && (
          <p className="note note-ok" role="status" data-testid="staff-code-shown">
            {t('service.code.shown', { meterId: props.meter.meterId, code })}
          </p>
        )}
        <PlaceError scope={scope} place="code" errors={errors} />
      </section>
      <section data-testid="staff-audit">
        <h3>{t('service.audit')}</h3>
        <button type="button" className="secondary" data-testid="staff-audit-load" onClick={() => void loadAudit()}>
          {entries === null ? t('service.audit.show') : t('service.audit.reload')}
        </button>
        <PlaceError scope={scope} place="audit" errors={errors} />
        {entries !== null && entries.length === 0 && <p>{t('service.audit.none')}</p>}
        {entries !== null && entries.length > 0 && (
          <ol className="audit" data-testid="staff-audit-list">
            {entries.map((e) => (
              <li key={`${e.at}|${e.actor}|${e.action}|${JSON.stringify(e.after ?? null)}`} data-testid="staff-audit-entry">
                {t('service.audit.entry', { at: formatDateTime(e.at), actor: e.actor, action: e.action })}
                {e.before && e.after && (
                  <>
                    {' '}
                    <code>{t('service.audit.changed', { before: JSON.stringify(e.before), after: JSON.stringify(e.after) })}</code>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
