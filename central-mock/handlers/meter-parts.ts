/** Staff routes on parts of a meter: text-message channels and M-Bus devices (gas, water, heat). */
import { fail, json } from '../http.ts';
import { MBUS_DEVICE_TYPES, type MessageChannel } from '../../protocol/index.ts';
import { emptyMessages } from '../meter.ts';
import type { Route } from '../router.ts';
import { checkMbus, checkMbusChannel, checkMessage, checkMessageChannel, checkValve } from '../validate.ts';

/** A stable equipment id when staff give none: medium letter + the meter's serial digits + channel. */
function defaultEquipmentId(kind: string, meterId: string, channel: number): string {
  return kind[0]!.toUpperCase() + meterId.slice(3).replace(/[^0-9]/g, '0') + String(channel).padStart(3, '0');
}

export const partRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/api/meters/:id/messages/:channel',
    staff: true,
    handle({ deps, body, actor, meter, params }) {
      const ch = checkMessageChannel(params.channel!);
      if (!ch.ok) return fail(400, 'BAD_REQUEST', ch.error.message);
      const text = checkMessage(body);
      if (!text.ok) return fail(400, 'BAD_REQUEST', text.error.message);
      const view = deps.audit.change(meter, actor, `message ${ch.value} set`, () => {
        const messages: Record<MessageChannel, string> = meter.messages === null ? emptyMessages() : JSON.parse(meter.messages);
        messages[ch.value] = text.value;
        meter.messages = Object.values(messages).every((m) => m === '') ? null : JSON.stringify(messages);
        deps.store.save(meter);
      });
      return json(200, view);
    },
  },
  {
    method: 'PUT',
    path: '/api/meters/:id/mbus/:channel',
    staff: true,
    handle({ deps, body, actor, meter, params }) {
      const ch = checkMbusChannel(params.channel!);
      if (!ch.ok) return fail(400, 'BAD_REQUEST', ch.error.message);
      const b = checkMbus(body);
      if (!b.ok) return fail(400, 'BAD_REQUEST', b.error.message);
      const { kind, equipmentId, unit } = b.value;
      const view = deps.audit.change(meter, actor, `M-Bus ${ch.value} attached`, () => {
        deps.store.putMbus(meter, {
          channel: ch.value,
          kind,
          deviceType: MBUS_DEVICE_TYPES[kind].deviceType,
          equipmentId: equipmentId ?? defaultEquipmentId(kind, meter.meter_id, ch.value),
          unit: unit ?? MBUS_DEVICE_TYPES[kind].unit,
          valve: 'connected',
        });
        deps.store.save(meter);
      });
      return json(200, view);
    },
  },
  {
    method: 'PATCH',
    path: '/api/meters/:id/mbus/:channel',
    staff: true,
    handle({ deps, body, actor, meter, params }) {
      const ch = checkMbusChannel(params.channel!);
      if (!ch.ok) return fail(400, 'BAD_REQUEST', ch.error.message);
      const valve = checkValve(body);
      if (!valve.ok) return fail(400, 'BAD_REQUEST', valve.error.message);
      const device = deps.store.view(meter).mbus.find((d) => d.channel === ch.value);
      if (!device) return fail(404, 'UNKNOWN_DEVICE', `no M-Bus device on channel ${ch.value}`);
      const view = deps.audit.change(meter, actor, `M-Bus ${ch.value} valve set`, () => {
        deps.store.putMbus(meter, { ...device, valve: valve.value });
        deps.store.save(meter);
      });
      return json(200, view);
    },
  },
  {
    method: 'DELETE',
    path: '/api/meters/:id/mbus/:channel',
    staff: true,
    handle({ deps, actor, meter, params }) {
      const ch = checkMbusChannel(params.channel!);
      if (!ch.ok) return fail(400, 'BAD_REQUEST', ch.error.message);
      let found = false;
      const view = deps.audit.change(meter, actor, `M-Bus ${ch.value} detached`, () => {
        found = deps.store.deleteMbus(meter, ch.value);
        if (found) deps.store.save(meter);
      });
      return found ? json(200, view) : fail(404, 'UNKNOWN_DEVICE', `no M-Bus device on channel ${ch.value}`);
    },
  },
];
