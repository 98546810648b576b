// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldValue, fieldState } from '../../../renderer/components/FieldValue.tsx';
import { formatKwh, formatWatt } from '../../../renderer/i18n/format.ts';
import { health } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

describe('FieldValue', () => {
  it('shows a value, absent or null in words, and never a 0 for a missing value', () => {
    renderApp(
      <>
        <FieldValue name="a" value={0} format={formatWatt} />
        <FieldValue name="b" value={undefined} format={formatWatt} />
        <FieldValue name="c" value={null} format={formatWatt} />
      </>,
    );
    const [a, b, c] = ['a', 'b', 'c'].map((n) => screen.getByTestId(`value-${n}`));
    expect(a).toHaveProperty('textContent', '0 W'); // a real zero is a value
    expect(a?.dataset.state).toBe('value');
    expect(b?.textContent).toBe('not pushed by your grid operator');
    expect(b?.dataset.state).toBe('absent');
    expect(c?.textContent).toBe('no reading yet');
    expect(c?.dataset.state).toBe('null');
    for (const el of [b, c]) expect(el?.textContent).not.toMatch(/\d/);
  });

  it('formats integer Wh as kWh at register resolution', () => {
    renderApp(<FieldValue name="e" value={12_345_678} format={formatKwh} />);
    expect(screen.getByTestId('value-e').textContent).toBe('12,345.678 kWh');
  });

  it('marks values stale (in words for screen readers) while the key fails', () => {
    const { store } = renderApp(<FieldValue name="p" value={5} format={formatWatt} />);
    expect(screen.getByTestId('value-p').dataset.stale).toBeUndefined();
    store.getState().setHealth(health({ diagnosis: 'wrong-key' }));
    return expect.poll(() => screen.getByTestId('value-p').textContent).toBe('5 W (old value)');
  });

  it('classifies raw fields by the Telegram convention', () => {
    expect([fieldState(undefined), fieldState(null), fieldState(0), fieldState('')]).toEqual(['absent', 'null', 'value', 'value']);
  });
});
