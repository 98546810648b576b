import { describe, expect, it } from 'vitest';
import { HISTORY_MAX_SPAN_MS, validatePayload } from '../../../electron/ipc/validate.ts';

const DAY = 86_400_000;
const FROM = Date.parse('2026-03-29T00:00:00+01:00');

describe('history payloads', () => {
  it('accepts a series and a power request within their span, copying only the known fields', () => {
    const series = { meterId: 'SAG1030700012701', kind: 'electricity', step: '15m', from: FROM, to: FROM + DAY };
    expect(validatePayload('history:series', { ...series, extra: 1 })).toEqual({ ok: true, value: series });
    expect(validatePayload('history:series', { ...series, step: '1d', to: FROM + 3 * 366 * DAY }).ok).toBe(true);
    expect(validatePayload('history:power', { meterId: 'M', from: FROM, to: FROM + DAY })).toEqual({
      ok: true,
      value: { meterId: 'M', from: FROM, to: FROM + DAY },
    });
    expect(validatePayload('history:info', null).ok).toBe(true);
    expect(validatePayload('history:retention', { days: 400 })).toEqual({ ok: true, value: { days: 400 } });
  });

  it.each([
    ['history:series', { meterId: 'M', kind: 'electricity', step: '15m', from: FROM, to: FROM }, 'payload.to: expected after from'],
    ['history:series', { meterId: 'M', kind: 'electricity', step: '15m', from: FROM, to: FROM - 1 }, 'payload.to'],
    ['history:series', { meterId: 'M', kind: 'electricity', step: '10s', from: FROM, to: FROM + 9 * DAY }, 'at most 8 days'],
    [
      'history:series',
      { meterId: 'M', kind: 'electricity', step: '15m', from: FROM, to: FROM + HISTORY_MAX_SPAN_MS['15m'] + 1 },
      'at most 32 days',
    ],
    ['history:series', { meterId: 'M', kind: 'electricity', step: '1h', from: FROM, to: FROM + 94 * DAY }, 'at most 93 days'],
    ['history:series', { meterId: 'M', kind: 'oil', step: '1h', from: FROM, to: FROM + DAY }, 'payload.kind'],
    ['history:series', { meterId: 'M', kind: 'gas', step: '1w', from: FROM, to: FROM + DAY }, 'payload.step'],
    ['history:series', { meterId: '', kind: 'gas', step: '1h', from: FROM, to: FROM + DAY }, 'payload.meterId'],
    ['history:series', { meterId: 'M', kind: 'gas', step: '1h', from: 1.5, to: FROM }, 'payload.from'],
    ['history:series', { meterId: 'M', kind: 'gas', step: '1h', from: -1, to: FROM }, 'payload.from'],
    ['history:series', { meterId: 'M', kind: 'gas', step: '1h', from: FROM, to: '2026-03-30' }, 'payload.to'],
    ['history:power', { meterId: 'M', from: FROM, to: FROM + 9 * DAY }, 'at most 8 days'],
    ['history:power', { meterId: 'M', from: FROM + DAY, to: FROM }, 'payload.to'],
    ['history:retention', { days: 0 }, 'payload.days'],
    ['history:retention', { days: 3651 }, 'payload.days'],
    ['history:retention', { days: 10.5 }, 'payload.days'],
  ] as const)('rejects %s %j', (channel, payload, message) => {
    const r = validatePayload(channel, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_PAYLOAD');
      expect(r.error.message).toContain(message);
    }
  });
});
