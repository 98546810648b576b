// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ControlState } from '../../../protocol/types.ts';
import { BreakerPanel } from '../../../renderer/components/BreakerPanel.tsx';
import { renderApp } from '../render-app.tsx';

const EXPECTED: [ControlState, string, RegExp][] = [
  ['connected', 'Connected', /supplied with electricity/],
  ['disconnected', 'Disconnected', /cut the supply/],
  ['ready', 'Ready for reconnection', /allowed reconnection: press the button on the meter/],
];

describe('BreakerPanel', () => {
  it.each(EXPECTED)('says %s in words and explains it', (state, label, explanation) => {
    renderApp(<BreakerPanel breaker={state} relay1={undefined} relay2={undefined} />);
    expect(screen.getByTestId('breaker-state').dataset.state).toBe(state);
    expect(screen.getByTestId('value-breaker').textContent).toBe(label);
    expect(screen.getByTestId('breaker-explanation').textContent).toMatch(explanation);
    expect(screen.queryByTestId('relay-1-state')).toBeNull();
  });

  it('shows the relays when pushed and an absent breaker as not pushed', () => {
    renderApp(<BreakerPanel breaker={undefined} relay1="connected" relay2="disconnected" />);
    expect(screen.getByTestId('value-breaker').textContent).toBe('not pushed by your grid operator');
    expect(screen.queryByTestId('breaker-explanation')).toBeNull();
    expect(screen.getByTestId('value-relay-1').textContent).toBe('Connected');
    expect(screen.getByTestId('value-relay-2').textContent).toBe('Disconnected');
    expect(screen.getByTestId('relay-2-explanation').textContent).toMatch(/open/);
  });
});
