/**
 * Pairing an other meter the way the main one pairs: its meter id and the code from the grid
 * operator; the host fetches the key from the central system and keeps it only if the meter's own
 * frames open with it. The answers reuse the pairing view's words.
 */
import { type FormEvent, useId, useState } from 'react';
import type { MeterState } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useApi, useApp } from '../state/context.tsx';

export function OtherMeterPair({ meter, onResult }: { meter: MeterState; onResult: (text: string) => void }) {
  const api = useApi();
  const applyMeterState = useApp((s) => s.applyMeterState);
  const [meterId, setMeterId] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!meterId.trim() || !code.trim()) return;
    setBusy(true);
    const r = await api['meters:pair']({ id: meter.id, meterId: meterId.trim(), code: code.trim() });
    setBusy(false);
    if (r.ok) {
      applyMeterState(r.value);
      setCode('');
      onResult(t('pairing.outcome.paired', { meterId: meterId.trim() }));
      return;
    }
    const err = r.error as typeof r.error & { attemptsLeft?: number; lockedUntil?: string };
    if (err.code === 'BAD_CODE') onResult(t('pairing.outcome.badCode', { attempts: err.attemptsLeft ?? 0 }));
    else if (err.code === 'LOCKED') onResult(t('pairing.outcome.locked', { until: formatDateTime(err.lockedUntil ?? '') }));
    else if (err.code === 'UNKNOWN_METER') onResult(t('pairing.outcome.unknownMeter'));
    else if (err.code === 'KEY_FAILS') onResult(t('pairing.outcome.keyFails'));
    else if (err.code === 'UNREACHABLE') onResult(t('pairing.outcome.unreachable', { message: err.message }));
    else onResult(t('pairing.outcome.error', { message: err.message }));
  };

  return (
    <details className="other-meter-pair">
      <summary>{t('meters.settings.pairTitle', { label: meter.label })}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-meter`}>{t('pairing.meterId')}</label>
        <input
          id={`${id}-meter`}
          data-testid="other-meter-pair-id"
          value={meterId}
          autoComplete="off"
          onChange={(e) => setMeterId(e.target.value)}
        />
        <label htmlFor={`${id}-code`}>{t('pairing.code')}</label>
        <input
          id={`${id}-code`}
          data-testid="other-meter-pair-code"
          value={code}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="actions">
          <button type="submit" data-testid="other-meter-pair-submit" disabled={busy}>
            {t('pairing.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
