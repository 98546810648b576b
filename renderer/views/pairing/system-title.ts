/**
 * The system title as people read it: the first 3 bytes are the maker's FLAG id (Sagemcom "SAG"),
 * the other 5 identify the device, so "5341476770 01BD54" reads "SAG 677001BD54".
 */

/** Formats 16 hex digits as printable ASCII where a byte is printable, hex elsewhere. */
export function describeSystemTitle(hex: string): string {
  const clean = hex.replace(/\s+/g, '').toUpperCase();
  if (!/^([0-9A-F]{2})+$/.test(clean)) return hex;
  const bytes = clean.match(/../g) ?? [];
  let ascii = '';
  let i = 0;
  // Only a leading run of letters is the FLAG id; the device bytes stay hex even when printable.
  for (; i < bytes.length && i < 3; i++) {
    const b = parseInt(bytes[i]!, 16);
    if (b < 0x41 || b > 0x5a) break;
    ascii += String.fromCharCode(b);
  }
  const rest = bytes.slice(i).join('');
  return ascii ? `${ascii} ${rest} (${clean})` : clean;
}
