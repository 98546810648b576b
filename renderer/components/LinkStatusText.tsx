/** The link state in words, with the reconnect countdown while retrying. */
import type { LinkState } from '../../electron/ipc/contract.ts';
import { t } from '../i18n/index.ts';
import { RetryCountdown } from './RetryCountdown.tsx';

export function LinkStatusText({ link }: { link: LinkState | null }) {
  const status = link?.status ?? 'idle';
  return (
    <span data-testid="health-link" data-status={status}>
      {t(`link.${status}`)}
      {link?.message && <span className="link-message">{` (${link.message})`}</span>}
      {status === 'reconnecting' && link?.retryAt !== undefined && (
        <>
          {', '}
          <RetryCountdown retryAt={link.retryAt} />
        </>
      )}
    </span>
  );
}
