/** An error shown where the user acted: next to the control, referenced by its aria-describedby. */
export type Place =
  | 'panel'
  | 'encryption'
  | 'fields'
  | 'powerLimit'
  | 'breaker'
  | 'relay1'
  | 'relay2'
  | 'mbus'
  | 'valve'
  | 'message'
  | 'rotate'
  | 'code'
  | 'audit';

export type PlaceErrors = Partial<Record<Place, string>>;

/** The element id of a place's error, for aria-describedby. */
export const errorId = (scope: string, place: Place): string => `${scope}-error-${place}`;

/** Renders the error of `place`, if any. */
export function PlaceError(props: { scope: string; place: Place; errors: PlaceErrors }) {
  const text = props.errors[props.place];
  if (!text) return null;
  return (
    <p id={errorId(props.scope, props.place)} className="field-error" role="alert" data-testid={`staff-error-${props.place}`}>
      {text}
    </p>
  );
}
