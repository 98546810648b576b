import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInbox } from '../../../electron/host/inbox.ts';
import type { MessageRecord } from '../../../contracts/ipc.ts';
import type { Telegram } from '../../../protocol/types.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const telegram = (message?: string, ch3?: string): Telegram => ({
  header: '/Lux5\\253663629_D',
  electricity: {},
  mbus: [],
  unknown: [],
  crc: 0,
  ...(message === undefined ? {} : { message }),
  ...(ch3 === undefined ? {} : { channelMessages: { '3': ch3 } }),
});

describe('inbox', () => {
  it('records a channel only when its text changes to non-empty, and remembers across restarts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-inbox-'));
    const path = join(dir, 'messages.json');
    const a = createInbox(path);
    expect(a.onTelegram(telegram(''), 1)).toEqual([]);
    expect(a.onTelegram(telegram('Coupure 14h'), 2)).toEqual([{ channel: '0', text: 'Coupure 14h', firstSeenAt: 2, readAt: null }]);
    expect(a.onTelegram(telegram('Coupure 14h', 'gas'), 3)).toEqual([{ channel: '3', text: 'gas', firstSeenAt: 3, readAt: null }]);
    expect(a.onTelegram(telegram(undefined), 4)).toEqual([]); // not pushed says nothing
    a.onTelegram(telegram(''), 5);
    expect(a.onTelegram(telegram('Coupure 14h'), 6)).toHaveLength(1); // cleared, then shown again: new record
    await a.markRead('0', 7);
    const b = createInbox(path);
    expect(await b.load()).toBeNull();
    expect(b.list().map((r) => r.firstSeenAt)).toEqual([6, 3, 2]);
    expect(b.readAt('0')).toBe(7);
    expect(b.onTelegram(telegram('Coupure 14h', 'gas'), 8)).toEqual([]); // still showing: not announced again
  });

  it("keeps each record's read state across restarts and tells every change to its listener", async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-inbox-'));
    const path = join(dir, 'messages.json');
    const heard: MessageRecord[] = [];
    const a = createInbox(path, (r) => heard.push(r));
    a.onTelegram(telegram('Coupure 14h', 'gas'), 10);
    expect(heard).toEqual([
      { channel: '0', text: 'Coupure 14h', firstSeenAt: 10, readAt: null },
      { channel: '3', text: 'gas', firstSeenAt: 10, readAt: null },
    ]);
    heard.length = 0;
    expect(await a.markRead('0', 20)).toEqual([{ channel: '0', text: 'Coupure 14h', firstSeenAt: 10, readAt: 20 }]);
    expect(heard).toEqual([{ channel: '0', text: 'Coupure 14h', firstSeenAt: 10, readAt: 20 }]);
    expect(await a.markRead('0', 15)).toEqual([]); // an earlier mark (clock stepped back) unreads nothing
    a.onTelegram(telegram('Travaux 16h', 'gas'), 30); // after the mark: unread
    await a.flush();

    const b = createInbox(path);
    expect(await b.load()).toBeNull();
    expect(b.list().map((r) => [r.text, r.readAt])).toEqual([
      ['Travaux 16h', null],
      ['gas', null],
      ['Coupure 14h', 20],
    ]);
    expect(await b.markRead('4', 40)).toEqual([]); // a channel with no record: nothing to tell
  });

  it('ignores read times that are not numbers for known channels', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-inbox-'));
    const path = join(dir, 'messages.json');
    const record = { channel: '2', text: 'x', firstSeenAt: 5, readAt: 99 };
    writeFileSync(path, JSON.stringify({ records: [record], readAt: { '2': 'always', '9': 50 } }));
    const inbox = createInbox(path);
    expect(await inbox.load()).toBeNull();
    expect(inbox.list()).toEqual([{ channel: '2', text: 'x', firstSeenAt: 5, readAt: null }]); // a stored readAt is not trusted
  });

  it('keeps an unreadable history as messages.json.bad before a new message overwrites it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-inbox-'));
    const path = join(dir, 'messages.json');
    writeFileSync(path, '{"records": [ {"channel": "0", "te');
    const inbox = createInbox(path);
    expect(await inbox.load()).toMatch(/unreadable; kept a copy as messages\.json\.bad/);
    inbox.onTelegram(telegram('Coupure 14h'), 1);
    await inbox.flush();
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('{"records": [ {"channel": "0", "te');
    expect(JSON.parse(readFileSync(path, 'utf8')).records).toHaveLength(1);
  });

  it.each([
    ['a list instead of an inbox', '[{"channel":"0","text":"Coupure","firstSeenAt":1}]', 0, /is not an inbox/],
    ['records that are not a list', '{"records":{"0":"Coupure"}}', 0, /"records" that is not a list/],
    [
      'one record of another shape among good ones',
      '{"records":[{"channel":"0","text":"Coupure","firstSeenAt":1},{"channel":"0","message":"x","at":"yesterday"}]}',
      1,
      /had 1 of 2 messages in a shape we cannot read; kept the others; kept a copy as messages\.json\.bad/,
    ],
  ])('keeps a file of the wrong shape (%s) as messages.json.bad and says so', async (_what, text, kept, warning) => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-inbox-'));
    const path = join(dir, 'messages.json');
    writeFileSync(path, text);
    const inbox = createInbox(path);
    expect(await inbox.load()).toMatch(warning);
    expect(inbox.list()).toHaveLength(kept);
    inbox.onTelegram(telegram('Travaux'), 2);
    await inbox.flush();
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe(text); // what the next save dropped is still there
  });
});
