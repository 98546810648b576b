/** Step 1 of pairing: what the port shows, in plain words, with hints when nothing useful arrives. */
import type { KeyDiagnosis, LinkState, PortHealth } from '../../../electron/ipc/contract.ts';
import { describeSystemTitle } from './system-title.ts';
import { t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

const HINTS: Partial<Record<KeyDiagnosis, MessageKey[]>> = {
  'no-signal': ['pairing.hint.cable', 'pairing.hint.request', 'pairing.hint.inverted'],
  noise: ['pairing.hint.inverted', 'pairing.hint.baud', 'pairing.hint.cable'],
};

/** What the port shows, from the link state and the port health's diagnosis. */
export function PortFinding(props: { link: LinkState | null; health: PortHealth | null; onRepair: () => void }) {
  const { link, health } = props;
  const waiting = !link || link.status === 'idle' || link.status === 'connecting';
  const diagnosis: KeyDiagnosis = health?.diagnosis ?? 'no-signal';
  const title = health?.systemTitle ? describeSystemTitle(health.systemTitle) : '?';
  return (
    <section className="card" data-testid="pairing-port" data-diagnosis={waiting ? 'waiting' : diagnosis}>
      <h3>{t('pairing.step.port')}</h3>
      <p data-testid="pairing-port-finding">{waiting ? t('pairing.port.waiting') : findingText(diagnosis, title)}</p>
      {!waiting && health?.systemTitle && <p className="mono" data-testid="pairing-system-title">{title}</p>}
      {!waiting && (HINTS[diagnosis] ?? []).length > 0 && (
        <ul className="hints" data-testid="pairing-hints">
          {(HINTS[diagnosis] ?? []).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      )}
      {diagnosis === 'key-rotated' && (
        <button type="button" data-testid="pairing-repair" onClick={props.onRepair}>
          {t('pairing.repair')}
        </button>
      )}
    </section>
  );
}

function findingText(d: KeyDiagnosis, title: string): string {
  switch (d) {
    case 'no-signal':
      return t('pairing.port.noSignal');
    case 'noise':
      return t('pairing.port.noise');
    case 'plain':
      return t('pairing.port.plain');
    case 'encrypted-no-key':
      return t('pairing.port.encrypted', { title });
    case 'key-ok':
      return t('pairing.port.keyOk', { title });
    case 'wrong-key':
      return t('pairing.port.wrongKey', { title });
    case 'key-rotated':
      return t('pairing.port.rotated');
  }
}
