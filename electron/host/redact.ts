/**
 * Redaction for exported captures (capture-export.ts): a decoded record keeps the frame's place in
 * the stream, its status and the meter's configuration (KEEP); every measured value, message text
 * and checksum becomes REDACTED; meter ids, equipment ids and system titles become pseudonyms, the
 * same original always the same pseudonym, so a shared capture still shows which records came from
 * which device without saying whose meter it is.
 */

/** What a measured value, a message text or a checksum becomes in a redacted record. */
export const REDACTED = '(redacted)';

/**
 * Keys of a decoded record kept as they are. Anything else that is not an id (energy, power,
 * voltage, current, counts, M-Bus readings, operator messages, unknown lines' values, the CRC,
 * and any field added to the record format later) is redacted.
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

/** A decoder's message without what it may quote from the telegram: object values and long hex. */
function decoderWords(message: string): string {
  return message
    .replace(/(\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3})((?:\([^)]*\))+)/g, `$1(${REDACTED})`)
    .replace(/\b[0-9A-Fa-f]{12,}\b/g, REDACTED);
}

function asciiHex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(2, '0').toUpperCase();
  return out;
}

export interface Redactor {
  /** A decoded record as a redacted export keeps it, marked `"redacted": true`. */
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

  /** A decoder's message may name a system title or an id seen so far (as text or as hex): pseudonymise them. */
  function scrub(s: string): string {
    let out = s;
    for (const [orig, p] of ids) {
      if (orig.length < 4) continue;
      out = out.split(orig).join(p).split(asciiHex(orig)).join(asciiHex(p)).split(asciiHex(orig).toLowerCase()).join(asciiHex(p));
    }
    for (const [orig, p] of titles) out = out.split(orig).join(p).split(orig.toLowerCase()).join(p);
    return out;
  }

  function walk(v: unknown, key: string | null, inTelegram: boolean): unknown {
    if (v === null || typeof v === 'boolean') return v; // null: pushed empty, says nothing
    if (key === 'meterId' || key === 'equipmentId') return typeof v === 'string' ? idFor(v) : v;
    if (key === 'systemTitle') return typeof v === 'string' ? titleFor(v) : v;
    if (key === 'header' && typeof v === 'string') return `${v.slice(0, 5)}${REDACTED}`; // keeps the maker flag
    if (key === 'message' && !inTelegram && typeof v === 'string') return decoderWords(scrub(v));
    if (key !== null && KEEP.has(key)) return v;
    if (typeof v === 'string') return v === '' ? v : REDACTED; // an empty channel stays visibly empty
    if (typeof v === 'number') return REDACTED;
    if (Array.isArray(v)) return v.map((x) => walk(x, null, inTelegram));
    if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k, inTelegram)]));
    return REDACTED;
  }

  return {
    record(record) {
      const out = walk(record, null, record.type === 'telegram') as Record<string, unknown>;
      delete out.rawHex;
      return { ...out, redacted: true };
    },
  };
}
