/** A select of the three control states (breaker, relays, valves). */
import { CONTROL_STATES } from '../../../protocol/index.ts';
import type { ControlState } from '../../../contracts/ipc.ts';
import { t } from '../../i18n/index.ts';

const STATES = CONTROL_STATES;

/** A select of the three control states. */
export function StateSelect(props: {
  id?: string;
  testId: string;
  value: ControlState;
  onChange: (v: ControlState) => void;
  describedBy?: string;
}) {
  return (
    <select
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onChange(e.target.value as ControlState)}
    >
      {STATES.map((s) => (
        <option key={s} value={s}>
          {t(`service.control.${s}`)}
        </option>
      ))}
    </select>
  );
}
