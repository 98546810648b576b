/**
 * French typography: a non-breaking space before ":", ";", "!" and "?", so that the sign never
 * starts a line. The catalogue is written with plain spaces, which are easy to read and review.
 */
export function frenchSpacing<T extends Record<string, string>>(catalogue: T): T {
  const spaced: Record<string, string> = {};
  for (const [key, text] of Object.entries(catalogue)) spaced[key] = text.replace(/ ([:;!?])/g, '\u00a0$1');
  return spaced as T;
}
