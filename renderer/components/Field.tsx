/** A labelled reading inside a `<dl>`: the label and its FieldValue. */
import { FieldValue } from './FieldValue.tsx';

interface Props<T> {
  label: string;
  name: string;
  value: T | null | undefined;
  format: (value: T) => string;
}

export function Field<T>({ label, name, value, format }: Props<T>) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        <FieldValue name={name} value={value} format={format} />
      </dd>
    </div>
  );
}
