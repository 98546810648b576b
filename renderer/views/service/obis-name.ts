/** Readable names for OBIS codes through the catalogue (en-obis.ts); M-Bus objects per channel. */
import { en } from '../../i18n/en.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

const MBUS = /^0-([1-4]):(24\.1\.0|96\.1\.0|24\.2\.1|24\.4\.0)$/;

/** The object's name, e.g. "Energy imported (A+)" for 1-0:1.8.0; null for a code LuxP1 does not know. */
export function obisName(code: string): string | null {
  const m = MBUS.exec(code);
  if (m) return t(`obis.mbus.${m[2]}` as MessageKey, { n: Number(m[1]) });
  const key = `obis.${code}`;
  return key in en ? t(key as MessageKey) : null;
}

/** "Name (code)", or the code with a note when unnamed. */
export function obisLabel(code: string): string {
  return t('service.compare.field', { name: obisName(code) ?? t('service.compare.unnamed'), obis: code });
}
