/**
 * A button for an action that cannot be taken back: the first press only asks, inline, with the
 * question, a confirm button and Cancel (focused, the safe answer); Escape cancels. No window.confirm:
 * it blocks the page, cannot be styled or translated, and screen readers announce it poorly.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { t } from '../../i18n/index.ts';

export interface ConfirmActionProps {
  testId: string;
  label: ReactNode;
  question: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
  /** When false, the action runs at once (e.g. reconnecting a breaker needs no question). */
  ask?: boolean;
}

/** See the module comment. */
export function ConfirmAction(props: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={triggerRef}
        data-testid={props.testId}
        disabled={props.disabled}
        onClick={() => (props.ask === false ? props.onConfirm() : setAsking(true))}
      >
        {props.label}
      </button>
    );
  }
  return (
    <fieldset
      className="confirm"
      data-testid={`${props.testId}-confirm`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <legend id={`${id}-q`}>{props.question}</legend>
      <div className="actions">
        <button
          type="button"
          className="danger-confirm"
          data-testid={`${props.testId}-yes`}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" ref={cancelRef} className="secondary" data-testid={`${props.testId}-cancel`} onClick={() => setAsking(false)}>
          {t('service.confirm.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
