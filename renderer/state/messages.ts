/**
 * Operator text messages as an inbox. The host keeps the history and each message's read state
 * across restarts (Snapshot.messages, then `meter:message` for new and re-read records); the
 * renderer only merges what it is told, plus an optimistic "read" while the host confirms.
 */
import type { MessageRecord } from '../../contracts/ipc.ts';

import type { MessageChannel } from '../../protocol/types.ts';

export type { MessageChannel };
export { MESSAGE_CHANNELS } from '../../protocol/index.ts';
const MAX_MESSAGES = 200;

/** Stable identity of a message record (a channel shows one text at a time), for keys and updates. */
export const messageId = (m: Pick<MessageRecord, 'channel' | 'firstSeenAt'>): string => `${m.channel}@${m.firstSeenAt}`;

/** `record` merged into the newest-first `known`: replaces the same message, or is added in time order. */
export function upsertMessage(known: readonly MessageRecord[], record: MessageRecord): MessageRecord[] {
  const id = messageId(record);
  if (known.some((m) => messageId(m) === id)) return known.map((m) => (messageId(m) === id ? record : m));
  const at = known.findIndex((m) => m.firstSeenAt <= record.firstSeenAt);
  const merged = at < 0 ? [...known, record] : [...known.slice(0, at), record, ...known.slice(at)];
  return merged.slice(0, MAX_MESSAGES);
}

/** The ids of the unread messages, newest first. */
export const unreadIds = (messages: readonly MessageRecord[]): string[] => messages.filter((m) => m.readAt === null).map(messageId);

/** `messages` with every unread one of `channel` marked read at `at` (until the host's own time arrives). */
export function markChannelRead(messages: readonly MessageRecord[], channel: MessageChannel, at: number): MessageRecord[] {
  return messages.map((m) => (m.channel === channel && m.readAt === null ? { ...m, readAt: at } : m));
}
