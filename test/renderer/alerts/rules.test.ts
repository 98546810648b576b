import { describe, expect, it } from 'vitest';
import {
  type AlertFacts,
  type AlertKind,
  type AlertRuleOptions,
  alertStillApplies,
  alertsBetween,
} from '../../../renderer/alerts/rules.ts';

const T = Date.parse('2026-01-15T18:00:00Z');
const MIN = 60_000;
const facts = (patch: Partial<AlertFacts> = {}): AlertFacts => ({
  breaker: 'connected',
  unread: [],
  keyRotated: false,
  lastDataAt: T,
  now: T + 10_000,
  ...patch,
});
const all: AlertRuleOptions = { enabled: () => true, noDataMinutes: 5 };
const kinds = (prev: AlertFacts | null, next: AlertFacts, opts = all): AlertKind[] => alertsBetween(prev, next, opts).map((a) => a.kind);

describe('alertsBetween', () => {
  it('raises nothing on the first look, whatever is already so', () => {
    expect(kinds(null, facts({ breaker: 'disconnected', unread: ['2@1'], keyRotated: true, lastDataAt: T - 60 * MIN }))).toEqual([]);
  });

  it('nothing changed: nothing raised', () => {
    expect(kinds(facts(), facts({ now: T + 20_000 }))).toEqual([]);
  });

  it('supply cut when the breaker goes from connected (or ready) to disconnected', () => {
    expect(kinds(facts(), facts({ breaker: 'disconnected' }))).toEqual(['supply-cut']);
    expect(kinds(facts({ breaker: 'ready' }), facts({ breaker: 'disconnected' }))).toEqual(['supply-cut']);
    expect(kinds(facts({ breaker: 'disconnected' }), facts({ breaker: 'disconnected' }))).toEqual([]);
  });

  it('ready for reconnection when the breaker goes to ready', () => {
    expect(kinds(facts({ breaker: 'disconnected' }), facts({ breaker: 'ready' }))).toEqual(['supply-ready']);
    expect(kinds(facts({ breaker: 'ready' }), facts({ breaker: 'connected' }))).toEqual([]);
  });

  it('a breaker first seen (no reading before) raises nothing: it is on screen', () => {
    expect(kinds(facts({ breaker: null }), facts({ breaker: 'disconnected' }))).toEqual([]);
  });

  it('new unread messages, counted; reading one raises nothing', () => {
    const raised = alertsBetween(facts({ unread: ['2@1'] }), facts({ unread: ['3@5', '4@5', '2@1'] }), all);
    expect(raised).toEqual([{ id: `message@${T + 10_000}`, kind: 'message', at: T + 10_000, count: 2 }]);
    expect(kinds(facts({ unread: ['2@1'] }), facts({ unread: [] }))).toEqual([]);
  });

  it('key rotated when the status becomes key-rotated, once', () => {
    expect(kinds(facts(), facts({ keyRotated: true }))).toEqual(['key-rotated']);
    expect(kinds(facts({ keyRotated: true }), facts({ keyRotated: true }))).toEqual([]);
  });

  it('no data for N minutes, once the threshold is crossed, and again only after data came back', () => {
    const before = facts({ now: T + 5 * MIN - 1 });
    const after = facts({ now: T + 5 * MIN });
    expect(alertsBetween(before, after, all)).toEqual([{ id: `no-data@${T + 5 * MIN}`, kind: 'no-data', at: T + 5 * MIN, count: 5 }]);
    expect(kinds(after, facts({ now: T + 9 * MIN }))).toEqual([]);
    expect(kinds(facts({ now: T + 9 * MIN }), facts({ lastDataAt: T + 9 * MIN, now: T + 9 * MIN }))).toEqual([]);
    expect(kinds(before, after, { ...all, noDataMinutes: 10 })).toEqual([]);
  });

  it('never raises no-data before any data arrived', () => {
    expect(kinds(facts({ lastDataAt: null }), facts({ lastDataAt: null, now: T + 99 * MIN }))).toEqual([]);
  });

  it('raises only the kinds switched on', () => {
    const opts: AlertRuleOptions = { enabled: (k) => k !== 'supply-cut', noDataMinutes: 5 };
    expect(kinds(facts(), facts({ breaker: 'disconnected', keyRotated: true }), opts)).toEqual(['key-rotated']);
  });
});

describe('alertStillApplies', () => {
  const alert = (kind: AlertKind) => ({ id: 'x', kind, at: T });
  it('a cut or ready supply alert goes once the supply is back', () => {
    expect(alertStillApplies(alert('supply-cut'), facts({ breaker: 'disconnected' }), all)).toBe(true);
    expect(alertStillApplies(alert('supply-cut'), facts({ breaker: 'connected' }), all)).toBe(false);
    expect(alertStillApplies(alert('supply-cut'), facts({ breaker: 'ready' }), all)).toBe(false);
    expect(alertStillApplies(alert('supply-ready'), facts({ breaker: 'ready' }), all)).toBe(true);
    expect(alertStillApplies(alert('supply-ready'), facts({ breaker: 'connected' }), all)).toBe(false);
  });
  it('no-data goes when data comes back, key-rotated when the key works again', () => {
    expect(alertStillApplies(alert('no-data'), facts({ now: T + 6 * MIN }), all)).toBe(true);
    expect(alertStillApplies(alert('no-data'), facts({ now: T + 6 * MIN, lastDataAt: T + 6 * MIN }), all)).toBe(false);
    expect(alertStillApplies(alert('key-rotated'), facts({ keyRotated: false }), all)).toBe(false);
  });
  it('messages and the power class stay until dismissed', () => {
    expect(alertStillApplies(alert('message'), facts(), all)).toBe(true);
    expect(alertStillApplies(alert('over-power-class'), facts(), all)).toBe(true);
  });
});
