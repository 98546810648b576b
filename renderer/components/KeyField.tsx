/**
 * A meter key typed by hand, for the main meter (KeyEntry) and the others (OtherMeterKey): 32 hex
 * digits checked as they are typed (contracts/meter-key.ts), the published authentication key refused
 * with the reason, the problem said once the field has been left.
 */
import { useState } from 'react';
import { checkMeterKey } from '../../contracts/meter-key.ts';
import { t } from '../i18n/index.ts';

function problemText(check: ReturnType<typeof checkMeterKey>): string | null {
  if (check.ok || check.error.code === 'EMPTY') return null;
  if (check.error.code === 'BAD_CHARS') return t('key.invalidChars');
  if (check.error.code === 'PUBLISHED_AUTH_KEY') return t('key.published');
  return t('key.invalid', { count: check.error.length });
}

/** The field's state: what is typed, its check, and the problem to show (once touched). */
export function useKeyField() {
  const [input, setInput] = useState('');
  const [touched, setTouched] = useState(false);
  const check = checkMeterKey(input);
  return {
    input,
    setInput,
    check,
    problem: touched ? problemText(check) : null,
    /** Submitting counts as leaving the field: the problem shows. */
    touch: () => setTouched(true),
    blur: () => setTouched(input.length > 0),
    reset: () => {
      setInput('');
      setTouched(false);
    },
  };
}

export function KeyField(props: {
  id: string;
  label: string;
  hint?: string;
  field: ReturnType<typeof useKeyField>;
  testId: string;
  errorTestId?: string;
}) {
  const { id, field } = props;
  const describedBy = [props.hint ? `${id}-hint` : '', field.problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <>
      <label htmlFor={`${id}-input`}>{props.label}</label>
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <input
        id={`${id}-input`}
        data-testid={props.testId}
        className="mono"
        value={field.input}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => field.setInput(e.target.value)}
        onBlur={field.blur}
        aria-invalid={field.problem !== null}
        aria-describedby={describedBy || undefined}
      />
      {field.problem && (
        <p id={`${id}-problem`} className="field-error" data-testid={props.errorTestId} role="alert">
          {field.problem}
        </p>
      )}
    </>
  );
}
