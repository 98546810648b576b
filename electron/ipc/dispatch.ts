/**
 * The one path a renderer request takes into the host services, whatever the transport:
 * channel check, payload validation, then `services.handle`. A service that throws anyway
 * becomes an INTERNAL error value, so neither IPC nor the WebSocket ever sees an exception.
 */
import type { ApiResult, HostServices } from '../../contracts/ipc.ts';
import { isChannel, validatePayload } from './validate.ts';

/** Validates and forwards one request from `client` (a window or connection); always resolves to an ApiResult. */
export async function dispatchRequest(
  services: HostServices,
  channel: unknown,
  payload: unknown,
  client?: string,
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'BAD_CHANNEL', message: `unknown channel ${JSON.stringify(String(channel).slice(0, 64))}` } };
  }
  const checked = validatePayload(channel, payload);
  if (!checked.ok) return checked;
  try {
    return await services.handle(channel, checked.value, client);
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: `${channel}: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
