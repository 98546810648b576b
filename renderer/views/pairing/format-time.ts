/** Dates for the pairing and service views, in the current UI locale. */
import { currentLocale } from '../../i18n/index.ts';

/** An ISO time or epoch ms as a local date and time; text that is not a date is shown as is. */
export function formatDateTime(at: string | number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}
