/**
 * A staff request's error in words: known codes through the catalogue, otherwise the reason the
 * host or central gave, without the channel prefixes (`staff:change: staff: …`) meant for logs.
 */
import type { ApiError } from '../../../contracts/ipc.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

const KNOWN = new Set(['UNAUTHORIZED', 'UNREACHABLE', 'NO_CENTRAL', 'UNKNOWN_METER', 'UNKNOWN_DEVICE', 'CONFLICT', 'BAD_ANSWER']);
const REFUSALS = new Set(['BAD_PAYLOAD', 'BAD_REQUEST', 'BAD_JSON', 'TOO_LARGE', 'FORBIDDEN']);

/** The reason without `channel:` and `staff:` prefixes, first letter up. */
export function plainReason(message: string): string {
  const bare = message.replace(/^(?:[a-z]+:[a-zA-Z]+:\s*|staff:\s*)+/, '').trim();
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** One sentence for `error`. */
export function staffErrorText(error: ApiError): string {
  if (KNOWN.has(error.code)) return t(`service.error.${error.code}` as MessageKey);
  const reason = plainReason(error.message);
  return REFUSALS.has(error.code) ? t('service.error.refused', { reason }) : t('service.error.other', { reason });
}
