/**
 * The one way a reading is shown: a formatted value, "not pushed by your grid operator" (absent),
 * or "no reading yet" (null). A missing value is never drawn as 0.
 */
import { memo } from 'react';
import { t } from '../i18n/index.ts';
import { selectStale } from '../state/store.ts';
import { useApp } from '../state/context.tsx';

export type FieldState = 'value' | 'absent' | 'null';

interface Props<T> {
  name: string; // becomes data-testid="value-<name>"
  value: T | null | undefined;
  format: (value: T) => string;
}

/** The state a raw field is in, by the Telegram convention (undefined = absent, null = not yet). */
export function fieldState(value: unknown): FieldState {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  return 'value';
}

function FieldValueInner<T>({ name, value, format }: Props<T>) {
  const stale = useApp(selectStale);
  const state = fieldState(value);
  const text = state === 'value' ? format(value as T) : t(state === 'absent' ? 'value.absent' : 'value.null');
  const isStale = stale && state === 'value';
  return (
    <span
      className={`field-value is-${state}${isStale ? ' is-stale' : ''}`}
      data-testid={`value-${name}`}
      data-state={state}
      data-stale={isStale || undefined}
    >
      {text}
      {isStale && <span className="visually-hidden">{` (${t('value.stale')})`}</span>}
    </span>
  );
}

export const FieldValue = memo(FieldValueInner) as typeof FieldValueInner;
