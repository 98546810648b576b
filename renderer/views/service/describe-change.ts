/** A staff change in words, through the translation layer: the change log's first column. */
import type { StaffChange } from '../../../contracts/ipc.ts';
import { formatKva } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';

type PatchBody = Extract<StaffChange, { kind: 'patch' }>['body'];

/** A short description of `c`, e.g. "Encryption off" or "Message on channel 0 (1,024 characters)". */
export function describeChange(c: StaffChange): string {
  switch (c.kind) {
    case 'patch':
      return describePatch(c.body);
    case 'message':
      return t('service.changeLog.message', { channel: c.channel, count: c.text.length });
    case 'mbus-attach':
      return t('service.changeLog.attach', { kind: t(`mbus.kind.${c.body.kind}`), channel: c.channel });
    case 'mbus-detach':
      return t('service.changeLog.detach', { channel: c.channel });
    case 'valve':
      return t('service.changeLog.valve', { channel: c.channel, state: t(`service.control.${c.valve}`) });
    case 'rotate-key':
      return t('service.changeLog.rotate');
  }
}

function describePatch(body: PatchBody): string {
  const parts: string[] = [];
  if (body.encryption !== undefined) parts.push(t(body.encryption ? 'service.changeLog.encryptionOn' : 'service.changeLog.encryptionOff'));
  if (body.fields !== undefined) {
    const set =
      typeof body.fields === 'string'
        ? t(`service.changeLog.preset.${body.fields}`)
        : t('service.changeLog.preset.custom', { count: body.fields.length });
    parts.push(t('service.changeLog.fields', { set }));
  }
  if (body.powerLimitKva !== undefined) parts.push(t('service.changeLog.powerLimit', { value: formatKva(body.powerLimitKva) }));
  if (body.breaker !== undefined) parts.push(t('service.changeLog.breaker', { state: t(`service.control.${body.breaker}`) }));
  for (const [relay, n] of [
    ['relay1', 1],
    ['relay2', 2],
  ] as const) {
    const state = body.relays?.[relay];
    if (state !== undefined) parts.push(t('service.changeLog.relay', { n, state: t(`service.control.${state}`) }));
  }
  return parts.length > 0 ? parts.join(t('service.changeLog.separator')) : t('service.changeLog.empty');
}
