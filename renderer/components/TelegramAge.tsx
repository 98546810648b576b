/**
 * The age of the last *verified* reading: "12 s ago", ticking; "no data for 35 s" once readings
 * stop coming; and when frames keep arriving that cannot be read, it says so instead of "no data".
 */
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';
import { FRESH_MS } from '../state/port-status.ts';
import { selectPortStatus } from '../state/store.ts';

/** The text for a last reading at `at` seen from `now` (both renderer time). */
export function describeAge(at: number | null, now: number, receiving: boolean): { text: string; silent: boolean } {
  if (at === null) return { text: t('health.never'), silent: false };
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (now - at <= FRESH_MS) return { text: t('health.ago', { seconds }), silent: false };
  return { text: receiving ? t('status.unreadableSince', { seconds }) : t('health.silentFor', { seconds }), silent: true };
}

export function TelegramAge() {
  const at = useApp((s) => s.readingSeenAt);
  const now = useApp((s) => s.now);
  const receiving = useApp((s) => selectPortStatus(s).receiving);
  const { text, silent } = describeAge(at, now, receiving);
  return (
    <span data-testid="health-age" data-silent={silent} className={silent ? 'warn-text' : undefined}>
      {silent && <span aria-hidden="true">{'⚠ '}</span>}
      {text}
    </span>
  );
}
