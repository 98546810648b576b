/** "Reconnecting to /dev/ttyUSB0 in 4 s", ticking on its own so the rest of the panel does not re-render. */
import { t } from '../i18n/index.ts';
import { useNow } from '../state/use-now.ts';

export function RetryCountdown({ retryAt, target }: { retryAt: number; target: string | null }) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return (
    <span data-testid="health-retry">
      {target === null ? t('link.reconnectingIn', { seconds }) : t('link.reconnectingTo', { target, seconds })}
    </span>
  );
}
