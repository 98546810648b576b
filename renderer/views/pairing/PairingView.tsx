/**
 * The guided pairing flow: what the port shows, then meter id + pairing code, then the outcome with
 * its next step. A key rotation shows up as "your operator changed the key" with a one-click re-pair.
 */
import { useRef, useState } from 'react';
import { useApp } from '../../state/context.tsx';
import { ManualKeyForm } from './ManualKeyForm.tsx';
import { PairForm } from './PairForm.tsx';
import { PortFinding } from './PortFinding.tsx';
import { t } from '../../i18n/index.ts';

/** The pairing view; reads link, health and key status from the store. */
export function PairingView() {
  const link = useApp((s) => s.link);
  const health = useApp((s) => s.health);
  const key = useApp((s) => s.key);
  const seenId = useApp((s) => s.latest?.telegram.electricity.meterId ?? null);
  const [manual, setManual] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  // Without a known meter id, re-pairing goes through the full form (meter id + code).
  const repair = (): void => {
    formRef.current?.querySelector<HTMLInputElement>('[data-testid="pairing-code"]')?.focus();
  };

  return (
    <section className="view view-pairing" data-testid="view-pairing" aria-labelledby="pairing-title">
      <h2 id="pairing-title">{t('pairing.title')}</h2>
      <p>{t('pairing.intro')}</p>
      <PortFinding link={link} health={health} meterId={key?.meterId ?? seenId} onRepair={repair} onManual={() => setManual(true)} />
      <div ref={formRef}>
        <PairForm initialMeterId={key?.meterId ?? seenId ?? ''} onManual={() => setManual(true)} />
      </div>
      {manual ? (
        <ManualKeyForm />
      ) : (
        <button type="button" className="secondary" data-testid="pairing-manual-toggle" onClick={() => setManual(true)}>
          {t('pairing.manualOpen')}
        </button>
      )}
    </section>
  );
}
