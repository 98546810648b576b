/**
 * The text-message inbox: the five message channels (0-0:96.13.0 and 96.13.2..5). The meter repeats
 * a message in every telegram, so a record is made only when a channel's text changes to a
 * non-empty value. Kept in the data directory across restarts, newest first, capped, with the time
 * each channel was last marked read: a record is read when its channel was marked at or after it.
 */
import { basename } from 'node:path';
import type { MessageRecord } from '../../contracts/ipc.ts';
import { MESSAGE_CHANNELS } from '../../protocol/index.ts';
import type { Telegram } from '../../protocol/types.ts';
import { keepBadCopy, readTextIfExists, writeFileAtomic } from './atomic-file.ts';

type Channel = MessageRecord['channel'];
const CHANNELS = MESSAGE_CHANNELS;
const MAX_RECORDS = 200;

/** A record as stored: its read time is derived from the channel's, so it is never saved twice. */
type Stored = Omit<MessageRecord, 'readAt'>;

interface InboxFile {
  records: Stored[];
  readAt: Partial<Record<Channel, number>>;
}

export interface Inbox {
  /** Reads the stored inbox; a one-line warning when the file was unusable (it is then started afresh). */
  load(): Promise<string | null>;
  /** New records for channels whose text changed to something non-empty (each also goes to `onRecord`). */
  onTelegram(telegram: Telegram, at: number): MessageRecord[];
  list(): MessageRecord[];
  /** Marks `channel` read at `at`; returns (and passes to `onRecord`) the records whose readAt changed. */
  markRead(channel: Channel, at: number): Promise<MessageRecord[]>;
  readAt(channel: Channel): number | null;
  /** Resolves when every pending write has reached the disk. */
  flush(): Promise<void>;
}

function textOf(telegram: Telegram, channel: Channel): string | undefined {
  return channel === '0' ? telegram.message : telegram.channelMessages?.[channel];
}

function isStored(v: unknown): v is Stored {
  const r = v as Stored;
  return (
    typeof r === 'object' && r !== null && CHANNELS.includes(r.channel) && typeof r.text === 'string' && typeof r.firstSeenAt === 'number'
  );
}

/** Only finite times for known channels: a hand-edited file must not mark everything read. */
function readTimes(v: unknown): InboxFile['readAt'] {
  const out: InboxFile['readAt'] = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const channel of CHANNELS) {
    const at = (v as Record<string, unknown>)[channel];
    if (typeof at === 'number' && Number.isFinite(at)) out[channel] = at;
  }
  return out;
}

/** What a parsed messages.json holds that we understand, and what we could not (null: all of it). */
function readInboxFile(file: unknown): InboxFile & { problem: string | null } {
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    return { records: [], readAt: {}, problem: 'is not an inbox (expected an object with "records"); started an empty inbox' };
  const raw = (file as Record<string, unknown>).records;
  const list = Array.isArray(raw) ? raw : [];
  const records = list.filter(isStored).map((r) => ({ channel: r.channel, text: r.text, firstSeenAt: r.firstSeenAt }));
  const readAt = readTimes((file as Record<string, unknown>).readAt);
  let problem: string | null = null;
  if (raw !== undefined && !Array.isArray(raw)) problem = 'has "records" that is not a list; started an empty inbox';
  else if (records.length < list.length)
    problem = `had ${list.length - records.length} of ${list.length} messages in a shape we cannot read; kept the others`;
  return { records, readAt, problem };
}

/**
 * An inbox persisted at `path` (null = memory only). `onRecord` hears every new record and every
 * record whose read state changed, so the host can forward them to the renderer.
 */
export function createInbox(path: string | null, onRecord: (record: MessageRecord) => void = () => {}): Inbox {
  let records: Stored[] = [];
  let readAt: InboxFile['readAt'] = {};
  const withRead = (r: Stored): MessageRecord => {
    const at = readAt[r.channel];
    return { channel: r.channel, text: r.text, firstSeenAt: r.firstSeenAt, readAt: at !== undefined && at >= r.firstSeenAt ? at : null };
  };
  const current = new Map<Channel, string>(); // the text each channel shows now
  let writing: Promise<void> = Promise.resolve();

  function save(): void {
    if (path === null) return;
    const file: InboxFile = { records, readAt };
    const text = `${JSON.stringify(file)}\n`;
    writing = writing.then(() => writeFileAtomic(path, text)).catch(() => {}); // a full disk must not stop the meter view
  }

  return {
    async load() {
      if (path === null) return null;
      const text = await readTextIfExists(path);
      if (text === null) return null;
      let file: unknown;
      try {
        file = JSON.parse(text);
      } catch {
        await keepBadCopy(path);
        return `messages: ${path} was unreadable; kept a copy as ${basename(path)}.bad and started an empty inbox`;
      }
      const read = readInboxFile(file);
      records = read.records.slice(0, MAX_RECORDS);
      readAt = read.readAt;
      // Seed what each channel shows from the newest stored record, so a restart does not re-announce it.
      for (const r of [...records].reverse()) current.set(r.channel, r.text);
      if (!read.problem) return null;
      // The next save writes only what was understood: keep the original for recovery.
      await keepBadCopy(path);
      return `messages: ${path} ${read.problem}; kept a copy as ${basename(path)}.bad`;
    },
    onTelegram(telegram, at) {
      const fresh: Stored[] = [];
      for (const channel of CHANNELS) {
        const text = textOf(telegram, channel);
        if (text === undefined) continue; // not pushed: says nothing about the channel
        if (text !== '' && current.get(channel) !== text) fresh.push({ channel, text, firstSeenAt: at });
        current.set(channel, text);
      }
      if (fresh.length === 0) return [];
      // Stored newest first; told in channel order, so a listener that prepends each ends in the same order.
      records = [...[...fresh].reverse(), ...records].slice(0, MAX_RECORDS);
      save();
      const out = fresh.map(withRead);
      out.forEach(onRecord);
      return out;
    },
    list: () => records.map(withRead),
    async markRead(channel, at) {
      const before = records.filter((r) => r.channel === channel).map(withRead);
      // A clock stepping back must not make read messages unread again.
      readAt = { ...readAt, [channel]: Math.max(at, readAt[channel] ?? at) };
      save();
      await writing;
      const changed = before.map((old) => ({ old, now: withRead(old) })).filter(({ old, now }) => old.readAt !== now.readAt);
      changed.forEach(({ now }) => onRecord(now));
      return changed.map(({ now }) => now);
    },
    readAt: (channel) => readAt[channel] ?? null,
    flush: () => writing,
  };
}
