/**
 * The audit log (every change: who, when, before, after) and the event log (pairing attempts,
 * lockouts, key rotations), as ILR E16/39 asks for versioning of every modification.
 * Entries are built from `CentralMeter`s, which never hold key material; a rotation is logged as
 * its key version only.
 */
import type { MeterRow, CentralMeter } from './meter.ts';
import type { Store } from './store.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface EventEntry {
  at: string;
  type: string;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  /** Applies `change` to `row` in one transaction and logs what it changed; returns the new view. */
  change(row: MeterRow, actor: string, action: string, change: () => void): CentralMeter;
  record(meter: number, actor: string, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): void;
  /** `record` with a pre-serialised `after` and timestamp (bulk provisioning). */
  recordJson(meter: number, at: string, actor: string, action: string, before: string | null, after: string | null): void;
  event(meter: number, type: string, detail: Record<string, unknown>): void;
  entries(meter: number, limit: number): AuditEntry[];
  events(meter: number, limit: number): EventEntry[];
}

/** Fields that differ between two views, as a before/after pair. */
export function diffViews(before: CentralMeter, after: CentralMeter): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof CentralMeter)[]) {
    if (k === 'updatedAt') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/** Binds the audit and event logs to `store`. */
export function createAuditLog(store: Store): AuditLog {
  const db = store.db;
  const q = {
    audit: db.prepare('INSERT INTO audit (meter, at, actor, action, before, after) VALUES (?, ?, ?, ?, ?, ?)'),
    event: db.prepare('INSERT INTO events (meter, at, type, detail) VALUES (?, ?, ?, ?)'),
    entries: db.prepare('SELECT at, actor, action, before, after FROM audit WHERE meter = ? ORDER BY id DESC LIMIT ?'),
    events: db.prepare('SELECT at, type, detail FROM events WHERE meter = ? ORDER BY id DESC LIMIT ?'),
    byId: db.prepare('SELECT * FROM meters WHERE id = ?'),
  };
  const log: AuditLog = {
    change(row, actor, action, change) {
      return store.tx(() => {
        const before = store.view(row);
        change();
        const after = store.view(q.byId.get(row.id) as unknown as MeterRow);
        const d = diffViews(before, after);
        if (Object.keys(d.after).length > 0) log.record(row.id, actor, action, d.before, d.after);
        return after;
      });
    },
    record(meter, actor, action, before, after) {
      q.audit.run(
        meter,
        store.iso(),
        actor,
        action,
        before === null ? null : JSON.stringify(before),
        after === null ? null : JSON.stringify(after),
      );
    },
    recordJson(meter, at, actor, action, before, after) {
      q.audit.run(meter, at, actor, action, before, after);
    },
    event(meter, type, detail) {
      q.event.run(meter, store.iso(), type, JSON.stringify(detail));
    },
    entries(meter, limit) {
      return (
        q.entries.all(meter, limit) as { at: string; actor: string; action: string; before: string | null; after: string | null }[]
      ).map((r) => ({
        at: r.at,
        actor: r.actor,
        action: r.action,
        before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
        after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
      }));
    },
    events(meter, limit) {
      return (q.events.all(meter, limit) as { at: string; type: string; detail: string }[]).map((r) => ({
        at: r.at,
        type: r.type,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },
  };
  return log;
}
