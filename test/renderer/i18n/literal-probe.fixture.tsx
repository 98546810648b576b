// Input for the literal-text scan in catalogue.test.ts: three literals it must report.
export function Probe() {
  return (
    <button type="button" aria-label="Close" data-testid="not-ui-text">
      Hello
      {'World'}
      {' · '}
    </button>
  );
}
