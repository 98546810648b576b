/** The main breaker and the two relays, each with what its state means for the customer. */
import { memo } from 'react';
import type { ControlState } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { ControlStateRow } from './ControlStateRow.tsx';

interface Props {
  breaker: ControlState | undefined;
  relay1: ControlState | undefined;
  relay2: ControlState | undefined;
}

function BreakerPanelInner({ breaker, relay1, relay2 }: Props) {
  return (
    <section className="tile" data-testid="tile-breaker" aria-labelledby="breaker-title">
      <h2 id="breaker-title">{t('breaker.title')}</h2>
      <dl className="controls">
        <ControlStateRow label={t('breaker.main')} name="breaker" state={breaker} explain={(c) => t(`breaker.explain.${c}`)} main />
        {relay1 !== undefined && (
          <ControlStateRow label={t('breaker.relay1')} name="relay-1" state={relay1} explain={(c) => t(`relay.explain.${c}`)} />
        )}
        {relay2 !== undefined && (
          <ControlStateRow label={t('breaker.relay2')} name="relay-2" state={relay2} explain={(c) => t(`relay.explain.${c}`)} />
        )}
      </dl>
    </section>
  );
}

/** Props are strings: re-renders only when a switch changes state. */
export const BreakerPanel = memo(BreakerPanelInner);
