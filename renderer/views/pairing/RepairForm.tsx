/**
 * Re-pairing after the operator changed the key, in one step: LuxP1 already knows the meter id, so
 * only the new pairing code is asked for, right where "your operator changed the key" is said.
 */
import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/index.ts';
import { useApi } from '../../state/context.tsx';
import { PairOutcomeNote, type PairAttempt } from './PairOutcomeNote.tsx';

/** The code field and the outcome of the last attempt. */
export function RepairForm(props: { meterId: string; onManual: () => void }) {
  const api = useApi();
  const id = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState<PairAttempt | null>(null);
  const [attempts, setAttempts] = useState(0);

  const pair = async (): Promise<void> => {
    setBusy(true);
    const r = await api['pairing:pair']({ meterId: props.meterId, code: code.trim() });
    setBusy(false);
    setAttempts((n) => n + 1);
    setAttempt(r.ok ? { kind: 'outcome', outcome: r.value } : { kind: 'failed', message: r.error.message });
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (code.trim() !== '') void pair();
  };

  const paired = attempt?.kind === 'outcome' && attempt.outcome.status === 'paired';
  return (
    <div data-testid="pairing-repair-form">
      {!paired && (
        <form className="stacked" onSubmit={submit}>
          <label htmlFor={`${id}-code`}>{t('pairing.repair.code', { meterId: props.meterId })}</label>
          <p id={`${id}-help`} className="hint">
            {t('pairing.repair.help')}
          </p>
          <input
            id={`${id}-code`}
            className="mono"
            data-testid="pairing-repair-code"
            value={code}
            aria-describedby={`${id}-help`}
            onChange={(e) => setCode(e.target.value)}
            required
            maxLength={64}
            autoComplete="off"
          />
          <button type="submit" data-testid="pairing-repair" disabled={busy}>
            {busy ? t('pairing.busy') : t('pairing.repair')}
          </button>
        </form>
      )}
      {attempt && <PairOutcomeNote attempt={attempt} count={attempts} onRetry={() => void pair()} onManual={props.onManual} />}
    </div>
  );
}
