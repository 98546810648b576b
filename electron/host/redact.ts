/**
 * Redaction for exported captures: meter ids, equipment ids and system titles are replaced by
 * pseudonyms, the same original always by the same pseudonym, so a shared capture still shows
 * which frames came from which device without saying whose meter it is. Plain telegrams keep a
 * valid CRC when they had one, so a redacted capture still replays.
 */
import { asciiToBytes, bytesToAscii, bytesToHex, crc16, parseHex } from '../../protocol/index.ts';

/** 0-0:42.0.0 (Lux meter id), 0-0:96.1.1 (Dutch), 0-n:96.1.0 (M-Bus equipment ids): hex-encoded text. */
const ID_LINE = /^(0-0:42\.0\.0|\d-\d:96\.1\.[01])\(([0-9A-Fa-f]*)\)/gm;
const CRC_TAIL = /!([0-9A-Fa-f]{1,4})\r?\n?$/;

/** CRC-16/ARC over '/'..'!' (DSMR5 §6.2), on the telegram as Latin-1 bytes. */
function crcOf(text: string): number {
  return crc16(asciiToBytes(text));
}

function asciiHex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(2, '0').toUpperCase();
  return out;
}

/** What a measured value, a message text or a checksum becomes in a redacted record. */
export const REDACTED = '(redacted)';

/**
 * Keys of a decoded record kept as they are in a redacted export: the frame's place in the stream,
 * its status, and the meter's configuration and control states. Everything else that is not an id
 * (energy, power, voltage, current, counts, M-Bus readings, operator messages, unknown lines'
 * values, the CRC) becomes REDACTED; ids and system titles become pseudonyms.
 */
const KEEP = new Set([
  'type',
  'code',
  'encrypted',
  'frameCounter',
  'missed',
  'skippedBytes',
  'version',
  'timestamp',
  'powerLimitKva',
  'breaker',
  'relay1',
  'relay2',
  'channel',
  'kind',
  'deviceType',
  'unit',
  'capturedAt',
  'valve',
  'obis',
]);

export interface Redactor {
  /** Redacts the id lines of a telegram's text, fixing its CRC if it was valid. */
  text(telegram: string): string;
  /** Redacts one frame as hex off the wire: the system title of an encrypted frame, or a plain telegram. */
  frameHex(rawHex: string): string;
  /** Deep copy of a JSON value with ids, titles and telegram texts redacted. */
  value<T>(value: T): T;
  /** A decoded record as a redacted export keeps it (see KEEP), marked `"redacted": true`. */
  record(record: Record<string, unknown>): Record<string, unknown>;
}

/** A redactor with its own pseudonym tables (use one per export). */
export function createRedactor(): Redactor {
  const ids = new Map<string, string>();
  const titles = new Map<string, string>();

  function idFor(original: string): string {
    if (original === '') return original;
    let p = ids.get(original);
    if (p === undefined) {
      const n = String(ids.size + 1);
      p = original.length > n.length + 4 ? `ANON${n.padStart(original.length - 4, '0')}` : 'X'.repeat(original.length);
      ids.set(original, p);
    }
    return p;
  }

  function titleFor(original: string): string {
    const key = original.toUpperCase();
    let p = titles.get(key);
    if (p === undefined) {
      p = `A0A0A0${(titles.size + 1).toString(16).toUpperCase().padStart(10, '0')}`.slice(0, key.length);
      titles.set(key, p);
    }
    return p;
  }

  /** Final pass over any string: known originals (as text, as hex) become their pseudonyms. */
  function scrub(s: string): string {
    let out = s;
    for (const [orig, p] of ids) {
      if (orig.length < 4) continue;
      out = out.split(orig).join(p).split(asciiHex(orig)).join(asciiHex(p)).split(asciiHex(orig).toLowerCase()).join(asciiHex(p));
    }
    for (const [orig, p] of titles) out = out.split(orig).join(p).split(orig.toLowerCase()).join(p);
    return out;
  }

  function text(telegram: string): string {
    const tail = CRC_TAIL.exec(telegram);
    const bang = tail ? telegram.length - tail[0].length : -1;
    const crcWasValid = tail !== null && parseInt(tail[1]!, 16) === crcOf(telegram.slice(0, bang + 1));
    let out = telegram.replace(ID_LINE, (_m, obis: string, hex: string) => {
      const bytes = parseHex(hex);
      return `${obis}(${bytes ? asciiHex(idFor(bytesToAscii(bytes))) : hex})`;
    });
    out = scrub(out);
    if (!crcWasValid) return out;
    const newBang = out.length - tail![0].length;
    const crc = crcOf(out.slice(0, newBang + 1))
      .toString(16)
      .toUpperCase()
      .padStart(4, '0');
    return `${out.slice(0, newBang + 1)}${crc}${tail![0].slice(1 + tail![1]!.length)}`;
  }

  function frameHex(rawHex: string): string {
    const bytes = parseHex(rawHex);
    if (bytes === null) return scrub(rawHex);
    if (bytes.length >= 10 && bytes[0] === 0xdb && bytes[1] === 0x08) {
      return `${rawHex.slice(0, 4)}${titleFor(rawHex.slice(4, 20))}${rawHex.slice(20)}`.toUpperCase();
    }
    return bytesToHex(asciiToBytes(text(bytesToAscii(bytes))));
  }

  function walk(v: unknown, key: string | null): unknown {
    if (typeof v === 'string') {
      if (key === 'meterId' || key === 'equipmentId') return idFor(v);
      if (key === 'systemTitle') return titleFor(v);
      if (key === 'text' || key === 'line' || key === 'telegram') return text(v);
      if (key === 'rawHex' || key === 'raw') return frameHex(v);
      return scrub(v);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  }

  function measured(v: unknown, key: string | null, inTelegram: boolean): unknown {
    if (v === null || typeof v === 'boolean') return v; // null: pushed empty, says nothing
    if (key === 'meterId' || key === 'equipmentId') return typeof v === 'string' ? idFor(v) : v;
    if (key === 'systemTitle') return typeof v === 'string' ? titleFor(v) : v;
    if (key === 'header' && typeof v === 'string') return `${v.slice(0, 5)}${REDACTED}`; // keeps the maker flag
    if (key === 'message' && !inTelegram && typeof v === 'string') return scrub(v); // a decoder's words
    if (key !== null && KEEP.has(key)) return v;
    if (typeof v === 'string') return v === '' ? v : REDACTED; // an empty channel stays visibly empty
    if (typeof v === 'number') return REDACTED;
    if (Array.isArray(v)) return v.map((x) => measured(x, null, inTelegram));
    if (typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, measured(x, k, inTelegram)]));
    }
    return REDACTED;
  }

  return {
    text,
    frameHex,
    record(record) {
      const out = measured(record, null, record.type === 'telegram') as Record<string, unknown>;
      delete out.rawHex;
      return { ...out, redacted: true };
    },
    value<T>(value: T): T {
      walk(value, null); // learn every id first, so free text anywhere is scrubbed with all of them
      return walk(value, null) as T;
    },
  };
}
