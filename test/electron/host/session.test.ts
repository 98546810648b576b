import { describe, expect, it } from 'vitest';
import type { Events } from '../../../contracts/ipc.ts';
import { createInbox } from '../../../electron/host/inbox.ts';
import { createSession } from '../../../electron/host/session.ts';
import { createStreamDecoder } from '../../../protocol/index.ts';
import { createFakeClock } from './fake-clock.ts';
import { NEXXT_KEY, NEXXT_TITLE, nexxtFrame, plainTelegram } from './vectors.ts';

const key = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

/** The NEXXT frame with its frame counter set to `counter` (the tag then fails: new bytes, same tag). */
function withCounter(counter: number): Uint8Array {
  const f = nexxtFrame();
  new DataView(f.buffer).setUint32(14, counter);
  return f;
}

function setup(k: string | null) {
  const clock = createFakeClock();
  const events: { name: keyof Events; payload: unknown }[] = [];
  const session = createSession({
    createDecoder: (o) => createStreamDecoder({ key: o.key }),
    key: k === null ? null : key(k),
    inbox: createInbox(null),
    clock,
    emit: (name, payload) => events.push({ name, payload }),
  });
  const of = <E extends keyof Events>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as Events[E]);
  return { clock, session, of };
}

describe('session', () => {
  it('decodes the real NEXXT frame with its key: reading, frame record, key-ok health', () => {
    const { clock, session, of } = setup(NEXXT_KEY);
    expect(session.health().lastTelegramAt).toBeNull();
    const frame = nexxtFrame();
    for (let i = 0; i < frame.length; i += 100) session.push(frame.subarray(i, i + 100));
    const readings = of('meter:reading');
    expect(readings).toHaveLength(1);
    expect(readings[0]!.encrypted).toBe(true);
    expect(readings[0]!.frame?.systemTitle).toBe(NEXXT_TITLE);
    expect(of('meter:frame')[0]).toMatchObject({ status: 'ok', rawHex: Buffer.from(frame).toString('hex').toUpperCase() });
    const h = session.health();
    expect(h).toMatchObject({
      encrypted: true,
      systemTitle: NEXXT_TITLE,
      lastFrameCounter: 0x0005a8e3,
      framesDecoded: 1,
      diagnosis: 'key-ok',
    });
    expect(h.lastTelegramAt).toBe(clock.now());
    expect(h.rejected.AUTH_FAILED).toBe(0);
    const snap = session.snapshotPart();
    expect(snap.history).toHaveLength(1);
    // Never a 0 for a missing value: the point carries exactly what the telegram had.
    expect(snap.history[0]!.importPowerW).toBe(readings[0]!.telegram.electricity.importPowerW ?? null);
  });

  it('a wrong key: diagnosis wrong-key, AUTH_FAILED counted, no reading', () => {
    const { session, of } = setup('000102030405060708090A0B0C0D0E0F');
    session.push(nexxtFrame());
    expect(of('meter:reading')).toHaveLength(0);
    expect(session.health()).toMatchObject({ diagnosis: 'wrong-key', framesDecoded: 0, encrypted: true, systemTitle: NEXXT_TITLE });
    expect(session.health().rejected.AUTH_FAILED).toBe(1);
    expect(of('meter:problem')[0]).toMatchObject({ kind: 'error', code: 'AUTH_FAILED', frameCounter: 0x0005a8e3 });
    expect(of('meter:frame')[0]).toMatchObject({ status: 'AUTH_FAILED', text: null });
  });

  it('no key: encrypted-no-key; setting the right key re-diagnoses on the last frame', () => {
    const { session } = setup(null);
    session.push(nexxtFrame());
    expect(session.health().diagnosis).toBe('encrypted-no-key');
    expect(session.health().rejected.NO_KEY).toBe(1);
    expect(session.verifyKey(key('000102030405060708090A0B0C0D0E0F'))).toEqual({ result: 'fails', systemTitle: NEXXT_TITLE });
    expect(session.setKey(key(NEXXT_KEY))).toBe('ok');
    expect(session.health().diagnosis).toBe('key-ok');
  });

  it('a key that worked and then fails on consecutive frames from the same meter: key-rotated', () => {
    const { session } = setup(NEXXT_KEY);
    session.push(nexxtFrame());
    session.push(withCounter(0x0005a8e4));
    expect(session.health().diagnosis).toBe('key-ok'); // one bad frame can be line damage
    session.push(withCounter(0x0005a8e5));
    expect(session.health().diagnosis).toBe('key-rotated');
    expect(session.health().rejected.AUTH_FAILED).toBe(2);
  });

  it('plain telegrams: diagnosis plain, messages and counts; noise bytes counted', () => {
    const { session, of } = setup(null);
    const noise = new Uint8Array(300).fill(0x55);
    session.push(noise);
    session.push(plainTelegram());
    session.push(plainTelegram());
    expect(of('meter:reading')).toHaveLength(2);
    expect(session.health()).toMatchObject({ encrypted: false, diagnosis: 'plain', framesDecoded: 2, systemTitle: null });
    expect(session.health().noiseBytes).toBe(300);
  });

  it('only noise: diagnosis noise; nothing at all: no-signal', () => {
    const quiet = setup(null);
    expect(quiet.session.health().diagnosis).toBe('no-signal');
    const { session } = setup(null);
    session.push(new Uint8Array(5000).fill(0x55));
    expect(session.health().diagnosis).toBe('noise');
  });

  it('throttles meter:health to one per 250 ms, with a trailing update', () => {
    const { clock, session, of } = setup(null);
    for (let i = 0; i < 20; i++) session.push(plainTelegram());
    expect(of('meter:health')).toHaveLength(1);
    clock.advance(250);
    expect(of('meter:health')).toHaveLength(2);
    expect(of('meter:health')[1]!.framesDecoded).toBe(20);
    clock.advance(1000);
    expect(of('meter:health')).toHaveLength(2);
  });
});
