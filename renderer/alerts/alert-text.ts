/** An alert in words, in the current language: the banner's and the OS notification's title and body. */
import { formatClockShort } from '../i18n/format.ts';
import { formatNumber, t } from '../i18n/index.ts';
import type { Alert } from './rules.ts';

export function describeAlert(a: Alert): { title: string; body: string } {
  // count: messages or minutes; for the power class, its limit in kW.
  const params = { time: formatClockShort(a.at), count: a.count ?? 0, limit: formatNumber(a.count ?? 0, 2) };
  return { title: t(`alerts.title.${a.kind}`), body: t(`alerts.body.${a.kind}`, params) };
}
