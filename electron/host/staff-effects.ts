/**
 * When does the port show a staff change? One check per change, built when the central accepts it,
 * then run on every decoder event until one passes. Pure: no clock, no I/O.
 */
import { expectedFields, fieldsPresent } from '../../protocol/index.ts';
import type { DecoderEvent, Telegram } from '../../protocol/types.ts';
import type { CentralMeter, StaffChange } from '../../contracts/ipc.ts';

export type EffectCheck = (event: DecoderEvent) => boolean;

/** What the port looked like when the change was requested. */
export interface PortMark {
  frameCounter: number | null;
}

/**
 * The check for one change. `after` is the meter the central returned (its configured field set is
 * the target of a field change, whichever preset or list was asked for).
 */
export function effectCheck(change: StaffChange, after: CentralMeter | null, mark: PortMark): EffectCheck {
  switch (change.kind) {
    case 'patch':
      return patchCheck(change.body, after);
    case 'message':
      return onTelegram((t) => messageOn(t, change.channel) === change.text);
    case 'mbus-attach':
      return onTelegram((t) => t.mbus.some((m) => m.channel === change.channel && m.kind === change.body.kind));
    case 'mbus-detach':
      return onTelegram((t) => !t.mbus.some((m) => m.channel === change.channel));
    case 'valve':
      return onTelegram((t) => t.mbus.find((m) => m.channel === change.channel)?.valve === change.valve);
    case 'rotate-key':
      return (event) => {
        if (event.type === 'error' && event.code === 'AUTH_FAILED') return true;
        if (event.type === 'warning' && event.code === 'COUNTER_RESET') return true;
        const counter = event.frame?.frameCounter;
        return mark.frameCounter !== null && counter !== undefined && counter < mark.frameCounter;
      };
  }
}

/**
 * What a change sets on the meter, as names: a later accepted change with a common target overrides
 * it, so the port can never show the earlier one (it is superseded).
 */
export function changeTargets(change: StaffChange): string[] {
  switch (change.kind) {
    case 'patch': {
      const b = change.body;
      const targets: string[] = [];
      if (b.encryption !== undefined) targets.push('encryption');
      if (b.fields !== undefined) targets.push('fields');
      if (b.powerLimitKva !== undefined) targets.push('powerLimit');
      if (b.breaker !== undefined) targets.push('breaker');
      if (b.relays?.relay1 !== undefined) targets.push('relay1');
      if (b.relays?.relay2 !== undefined) targets.push('relay2');
      return targets;
    }
    case 'message':
      return [`message:${change.channel}`];
    case 'mbus-attach':
    case 'mbus-detach':
      return [`mbus:${change.channel}`];
    case 'valve':
      return [`valve:${change.channel}`];
    case 'rotate-key':
      return ['key'];
  }
}

/** What a change overrides: its own targets, and for an M-Bus attach or detach also that channel's valve. */
export function changeOverrides(change: StaffChange): string[] {
  const targets = changeTargets(change);
  return change.kind === 'mbus-attach' || change.kind === 'mbus-detach' ? [...targets, `valve:${change.channel}`] : targets;
}

/** The text a telegram carries on a message channel ('' when the channel was pushed empty or not at all). */
export function messageOn(t: Telegram, channel: '0' | '2' | '3' | '4' | '5'): string {
  const text = channel === '0' ? t.message : t.channelMessages?.[channel];
  return text ?? '';
}

/** True when the telegram pushes exactly the configured OBIS fields. */
export function fieldsMatch(t: Telegram, configured: readonly string[]): boolean {
  const present = new Set(fieldsPresent(t));
  const wanted = new Set(configured);
  if (present.size !== wanted.size) return false;
  for (const f of wanted) if (!present.has(f)) return false;
  return true;
}

type PatchBody = Extract<StaffChange, { kind: 'patch' }>['body'];

function patchCheck(body: PatchBody, after: CentralMeter | null): EffectCheck {
  const checks: ((t: Telegram) => boolean)[] = [];
  if (body.fields !== undefined && after)
    checks.push((t) =>
      fieldsMatch(
        t,
        expectedFields(
          after.fields,
          after.mbus.map((m) => m.channel),
        ),
      ),
    );
  if (body.powerLimitKva !== undefined) checks.push((t) => t.electricity.powerLimitKva === body.powerLimitKva);
  if (body.breaker !== undefined) checks.push((t) => t.electricity.breaker === body.breaker);
  const relays = body.relays ?? {};
  if (relays.relay1 !== undefined) checks.push((t) => t.electricity.relays?.relay1 === relays.relay1);
  if (relays.relay2 !== undefined) checks.push((t) => t.electricity.relays?.relay2 === relays.relay2);
  const encryption = body.encryption;
  return (event) => {
    if (encryption !== undefined) {
      // An encrypted frame that fails with the stored key still shows encryption is on; a plain
      // telegram the app refuses (plain-data.ts) shows it is off: the port follows either way.
      const encrypted =
        event.type === 'telegram'
          ? event.encrypted
          : event.type === 'error' && event.code === 'PLAIN_REFUSED'
            ? false
            : event.type === 'error' && event.frame !== null
              ? true
              : null;
      if (encrypted !== encryption) return false;
      if (checks.length === 0) return true;
    }
    return event.type === 'telegram' && checks.every((c) => c(event.telegram));
  };
}

function onTelegram(check: (t: Telegram) => boolean): EffectCheck {
  return (event) => event.type === 'telegram' && check(event.telegram);
}
