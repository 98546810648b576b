/** "12 s ago", ticking; "no data for 35 s" once telegrams (due every 10 s) stop coming. */
import { t } from '../i18n/index.ts';
import { useNow } from '../state/use-now.ts';

// Three missed 10-second telegrams: a pause the customer should be told about.
export const SILENT_AFTER_MS = 30_000;

/** The text for a last telegram at `at` seen from `now`. */
export function describeAge(at: number | null, now: number): { text: string; silent: boolean } {
  if (at === null) return { text: t('health.never'), silent: false };
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (now - at > SILENT_AFTER_MS) return { text: t('health.silentFor', { seconds }), silent: true };
  return { text: t('health.ago', { seconds }), silent: false };
}

export function TelegramAge({ at }: { at: number | null }) {
  const now = useNow(1000);
  const { text, silent } = describeAge(at, now);
  return (
    <span data-testid="health-age" data-silent={silent} className={silent ? 'warn-text' : undefined}>
      {silent && <span aria-hidden="true">{'⚠ '}</span>}
      {text}
    </span>
  );
}
