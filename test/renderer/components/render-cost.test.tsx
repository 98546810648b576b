// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BreakerPanel } from '../../../renderer/components/BreakerPanel.tsx';
import { MbusTile } from '../../../renderer/components/MbusTile.tsx';
import { useApp } from '../../../renderer/state/context.tsx';
import { T0, reading, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

// Count renders of the leaves each tile draws: a leaf renders only when its memoised tile does.
const renders = vi.hoisted(() => ({ controlRow: 0, field: 0 }));
vi.mock('../../../renderer/components/ControlStateRow.tsx', async (original) => {
  const m = await original<typeof import('../../../renderer/components/ControlStateRow.tsx')>();
  return { ControlStateRow: (p: Parameters<typeof m.ControlStateRow>[0]) => (renders.controlRow++, m.ControlStateRow(p)) };
});
vi.mock('../../../renderer/components/Field.tsx', async (original) => {
  const m = await original<typeof import('../../../renderer/components/Field.tsx')>();
  return { Field: (p: Parameters<typeof m.Field>[0]) => (renders.field++, m.Field(p)) };
});

/** Draws the breaker and one M-Bus tile from the store, as the Dashboard does. */
function Probe() {
  const e = useApp((s) => s.latest?.telegram.electricity);
  const m = useApp((s) => s.latest?.telegram.mbus[0]);
  if (!e || !m) return null;
  return (
    <>
      <BreakerPanel breaker={e.breaker} relay1={e.relays?.relay1} relay2={e.relays?.relay2} />
      <MbusTile m={m} />
    </>
  );
}

const gas = (value: number) => ({ channel: 1, kind: 'gas' as const, value, unit: 'm3', capturedAt: '2025-03-12T14:00:00+01:00' });

describe('render cost of a new telegram', () => {
  it('re-renders only the tiles whose data changed', () => {
    const { store } = renderApp(<Probe />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0, { mbus: [gas(100)] }) })));
    expect(renders).toEqual({ controlRow: 3, field: 4 }); // breaker + 2 relays; 4 M-Bus fields

    // A new telegram brings new objects with the same values: nothing redraws.
    act(() => store.getState().applyReading(reading(T0 + 10_000, { mbus: [gas(100)] })));
    expect(renders).toEqual({ controlRow: 3, field: 4 });

    // The gas value moves: only the M-Bus tile redraws.
    act(() => store.getState().applyReading(reading(T0 + 20_000, { mbus: [gas(100.5)] })));
    expect(renders).toEqual({ controlRow: 3, field: 8 });
  });
});
