/** One class-70 switch (breaker, relay) in a `<dl>`: its state in words and what it means. */
import type { ControlState } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { FieldValue } from './FieldValue.tsx';

interface Props {
  label: string;
  name: string; // data-testid="<name>-state", "<name>-explanation", "value-<name>"
  state: ControlState | undefined;
  explain: (c: ControlState) => string;
  main?: boolean;
}

const controlLabel = (c: ControlState): string => t(`control.${c}`);
// A shape beside the words, so the state never rests on colour.
const STATE_ICON: Record<ControlState, string> = { connected: '●', disconnected: '○', ready: '◐' };

export function ControlStateRow({ label, name, state, explain, main }: Props) {
  return (
    <div className={`control-row${main ? ' control-main' : ''}`} data-testid={`${name}-state`} data-state={state ?? 'absent'}>
      <dt>{label}</dt>
      <dd>
        {state && (
          <span className={`state-icon state-${state}`} aria-hidden="true">
            {STATE_ICON[state]}
          </span>
        )}
        <FieldValue name={name} value={state} format={controlLabel} />
        {state && (
          <p className="explain" data-testid={`${name}-explanation`}>
            {explain(state)}
          </p>
        )}
      </dd>
    </div>
  );
}
