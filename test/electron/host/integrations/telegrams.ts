/** Telegrams for the integration tests: real vectors through the real decoder, and frames built from them. */
import { asciiToBytes, createStreamDecoder, encodeTelegram, encryptFrame, hexToBytes, parseTelegram } from '../../../../protocol/index.ts';
import type { DecoderEvent, Telegram } from '../../../../protocol/types.ts';
import { NEXXT_KEY, NEXXT_TITLE, nexxtFrame, plainTelegram } from '../vectors.ts';

export type TelegramEvent = Extract<DecoderEvent, { type: 'telegram' }>;
export const KEY = hexToBytes(NEXXT_KEY);
export const TITLE = hexToBytes(NEXXT_TITLE);

/** Every telegram event the decoder makes of `bytes`. */
export function decodeAll(bytes: Uint8Array, opts: Parameters<typeof createStreamDecoder>[0] = {}): TelegramEvent[] {
  const d = createStreamDecoder({ plain: 'accept', ...opts });
  const events = [...d.push(bytes), ...d.finish()];
  return events.filter((e): e is TelegramEvent => e.type === 'telegram');
}

/** The real NEXXT encrypted frame, decrypted. */
export const nexxtEvent = (): TelegramEvent => decodeAll(nexxtFrame(), { key: KEY })[0]!;
/** The real plain Luxembourg telegram (gas on M-Bus channel 1, relays, three phases). */
export const plainEvent = (): TelegramEvent => decodeAll(plainTelegram())[0]!;

/** The real plain telegram, parsed, for building variants. */
export function realTelegram(): Telegram {
  const parsed = parseTelegram(new TextDecoder().decode(plainTelegram()));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The real telegram plus a water meter on channel 2, with its valve. */
export function gasAndWater(): Telegram {
  const t = realTelegram();
  t.mbus = [
    ...t.mbus,
    {
      channel: 2,
      kind: 'water',
      deviceType: 7,
      equipmentId: 'WAT0000000000042',
      value: 123.456,
      unit: 'm3',
      capturedAt: t.timestamp ?? null,
      valve: 'connected',
    },
  ];
  return t;
}

/** An encrypted frame (the NEXXT key and system title) carrying `t`. */
export function frameOf(t: Telegram, frameCounter: number, fields?: readonly string[]): Uint8Array {
  const text = encodeTelegram(t, fields ? { fields } : {});
  return encryptFrame({ key: KEY, systemTitle: TITLE, frameCounter, plaintext: asciiToBytes(text) });
}
