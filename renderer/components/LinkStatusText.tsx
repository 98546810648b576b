/**
 * The link state in words: "Reconnecting to /dev/ttyUSB0 in 3 s" while retrying, with the host's
 * reason on a line of its own ("port closed (unplugged?)") and the full path as a tooltip.
 */
import type { LinkState } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { linkReason, linkTarget } from './link-target.ts';
import { RetryCountdown } from './RetryCountdown.tsx';

export function LinkStatusText({ link }: { link: LinkState | null }) {
  const status = link?.status ?? 'idle';
  const target = linkTarget(link?.source ?? null);
  const reason = link ? linkReason(link) : null;
  return (
    <span data-testid="health-link" data-status={status} className="link-status" title={target?.full}>
      <span className="link-state">
        {status === 'reconnecting' && link?.retryAt !== undefined ? (
          <RetryCountdown retryAt={link.retryAt} target={target?.short ?? null} />
        ) : (
          t(`link.${status}`)
        )}
      </span>
      {reason !== null && (
        <span className="link-reason" data-testid="health-link-reason">
          {reason}
        </span>
      )}
    </span>
  );
}
