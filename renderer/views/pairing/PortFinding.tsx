/** Step 1 of pairing: what the port shows, in plain words, with hints when nothing useful arrives. */
import { useEffect, useState } from 'react';
import type { KeyDiagnosis, LinkState, PortHealth } from '../../../contracts/ipc.ts';
import { RepairForm } from './RepairForm.tsx';
import { describeSystemTitle } from './system-title.ts';
import { t } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

const HINTS: Partial<Record<KeyDiagnosis, MessageKey[]>> = {
  'no-signal': ['pairing.hint.cable', 'pairing.hint.request', 'pairing.hint.inverted'],
  noise: ['pairing.hint.inverted', 'pairing.hint.baud', 'pairing.hint.cable'],
};

const FINDING: Record<KeyDiagnosis, MessageKey> = {
  'no-signal': 'pairing.port.noSignal',
  noise: 'pairing.port.noise',
  plain: 'pairing.port.plain',
  'encrypted-no-key': 'pairing.port.encrypted',
  'key-ok': 'pairing.port.keyOk',
  'wrong-key': 'pairing.port.wrongKey',
  'key-rotated': 'pairing.port.rotated',
  'plain-refused': 'pairing.port.plainRefused',
};

// Stands in for the title while translating, so the title can be its own element inside the sentence.
const MARK = '\u0001';

/** What the port shows, from the link state and the port health's diagnosis. */
export function PortFinding(props: {
  link: LinkState | null;
  health: PortHealth | null;
  /** The meter id LuxP1 knows (key store or port): re-pairing then asks only for the code. */
  meterId: string | null;
  onRepair: () => void;
  onManual: () => void;
}) {
  const { link, health } = props;
  const waiting = !link || link.status === 'idle' || link.status === 'connecting';
  const diagnosis: KeyDiagnosis = health?.diagnosis ?? 'no-signal';
  const title = health?.systemTitle ? describeSystemTitle(health.systemTitle) : null;
  const hints = waiting ? [] : (HINTS[diagnosis] ?? []);
  // Once offered, the re-pair form stays: its answer must not vanish when the new key turns the port to key-ok.
  const [repairing, setRepairing] = useState(false);
  useEffect(() => {
    if (diagnosis === 'key-rotated' && props.meterId) setRepairing(true);
  }, [diagnosis, props.meterId]);
  return (
    <section className="card" data-testid="pairing-port" data-diagnosis={waiting ? 'waiting' : diagnosis}>
      <h3>{t('pairing.step.port')}</h3>
      {waiting ? (
        <p data-testid="pairing-port-finding">{t('pairing.port.waiting')}</p>
      ) : (
        <Finding sentence={FINDING[diagnosis]} title={title} />
      )}
      {hints.length > 0 && (
        <ul className="hints" data-testid="pairing-hints">
          {hints.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      )}
      {(diagnosis === 'key-rotated' || repairing) &&
        (props.meterId ? (
          <RepairForm meterId={props.meterId} onManual={props.onManual} />
        ) : (
          <button type="button" data-testid="pairing-repair" onClick={props.onRepair}>
            {t('pairing.repair')}
          </button>
        ))}
    </section>
  );
}

/**
 * The finding, naming the system title once: inside the sentence when it has a place for it,
 * otherwise (when known) on a line of its own.
 */
function Finding(props: { sentence: MessageKey; title: string | null }) {
  const titleEl = (title: string) => (
    <span className="mono" data-testid="pairing-system-title">
      {title}
    </span>
  );
  const [before, after] = t(props.sentence, { title: MARK }).split(MARK);
  if (after !== undefined) {
    return (
      <p data-testid="pairing-port-finding">
        {before}
        {titleEl(props.title ?? '?')}
        {after}
      </p>
    );
  }
  return (
    <>
      <p data-testid="pairing-port-finding">{before}</p>
      {props.title !== null && (
        <p>
          {t('pairing.port.systemTitle')} {titleEl(props.title)}
        </p>
      )}
    </>
  );
}
