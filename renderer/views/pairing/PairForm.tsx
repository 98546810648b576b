/** Step 2 of pairing: meter id and pairing code, sent to the host's `pairing:pair`. */
import { useState, type FormEvent } from 'react';
import { useApi } from '../../state/context.tsx';
import { PairOutcomeNote, type PairAttempt } from './PairOutcomeNote.tsx';
import { t } from '../../i18n/index.ts';

/** The pairing form and the outcome of the last attempt. */
export function PairForm(props: { initialMeterId: string; onManual: () => void }) {
  const api = useApi();
  // null = not typed yet: follow what the port or the key store suggests, which may arrive after mount.
  const [typedId, setMeterId] = useState<string | null>(null);
  const meterId = typedId ?? props.initialMeterId;
  const [code, setCode] = useState('');
  const [centralUrl, setCentralUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState<PairAttempt | null>(null);
  const [attempts, setAttempts] = useState(0);

  const pair = async (): Promise<void> => {
    setBusy(true);
    const url = centralUrl.trim();
    const r = await api['pairing:pair']({ meterId: meterId.trim(), code: code.trim(), ...(url ? { centralUrl: url } : {}) });
    setBusy(false);
    setAttempts((n) => n + 1);
    setAttempt(r.ok ? { kind: 'outcome', outcome: r.value } : { kind: 'failed', message: r.error.message });
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void pair();
  };

  return (
    <section className="card" data-testid="pairing-form-section">
      <h3>{t('pairing.step.pair')}</h3>
      <form className="stacked" onSubmit={submit} data-testid="pairing-form">
        <label>
          {t('pairing.meterId')}
          <input
            className="mono"
            data-testid="pairing-meter-id"
            value={meterId}
            onChange={(e) => setMeterId(e.target.value)}
            required
            maxLength={64}
            autoComplete="off"
          />
        </label>
        <label>
          {t('pairing.code')}
          <input
            className="mono"
            data-testid="pairing-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
            maxLength={64}
            autoComplete="off"
          />
        </label>
        <details>
          <summary>{t('pairing.advanced')}</summary>
          <label>
            {t('pairing.centralUrl')}
            <input data-testid="pairing-central-url" type="url" value={centralUrl} onChange={(e) => setCentralUrl(e.target.value)} />
          </label>
        </details>
        <button type="submit" data-testid="pairing-submit" disabled={busy}>
          {busy ? t('pairing.busy') : t('pairing.submit')}
        </button>
      </form>
      {attempt && <PairOutcomeNote attempt={attempt} count={attempts} onRetry={() => void pair()} onManual={props.onManual} />}
    </section>
  );
}
