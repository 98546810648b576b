/** The answer to a pairing attempt, in plain words, each with its next step. */
import type { ReactNode } from 'react';
import type { PairingOutcome } from '../../../contracts/ipc.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';

export type PairAttempt = { kind: 'outcome'; outcome: PairingOutcome } | { kind: 'failed'; message: string };

/** Shows `attempt` and offers the buttons that lead on from it. */
export function PairOutcomeNote(props: { attempt: PairAttempt; count?: number; onRetry: () => void; onManual: () => void }) {
  const { attempt } = props;
  if (attempt.kind === 'failed') {
    return (
      <div className="note note-bad" role="alert" data-testid="pairing-outcome" data-status="error" data-attempt={props.count}>
        {t('pairing.outcome.error', { message: attempt.message })}
      </div>
    );
  }
  const o = attempt.outcome;
  const retry = (
    <button type="button" data-testid="pairing-retry" onClick={props.onRetry}>
      {t('pairing.retry')}
    </button>
  );
  const manual = (
    <button type="button" data-testid="pairing-manual-open" onClick={props.onManual}>
      {t('pairing.manualOpen')}
    </button>
  );
  let text: string;
  let actions: ReactNode = null;
  switch (o.status) {
    case 'paired':
      text = t(o.verified ? 'pairing.outcome.paired' : 'pairing.outcome.pairedUnverified', { meterId: o.meterId });
      break;
    case 'bad-code':
      text = t('pairing.outcome.badCode', { attempts: o.attemptsLeft });
      break;
    case 'locked':
      text = t('pairing.outcome.locked', { until: formatDateTime(o.until) });
      actions = manual;
      break;
    case 'unknown-meter':
      text = t('pairing.outcome.unknownMeter');
      break;
    case 'unreachable':
      text = t('pairing.outcome.unreachable', { message: o.message });
      actions = (
        <>
          {retry}
          {manual}
        </>
      );
      break;
    case 'key-fails':
      text = t('pairing.outcome.keyFails');
      actions = retry;
      break;
    case 'published-auth-key':
      text = t('pairing.outcome.publishedKey');
      actions = manual;
      break;
  }
  return (
    <div
      className={`note ${o.status === 'paired' ? 'note-ok' : 'note-bad'}`}
      role={o.status === 'paired' ? 'status' : 'alert'}
      data-testid="pairing-outcome"
      data-status={o.status}
      data-attempt={props.count}
    >
      <p>{text}</p>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}
