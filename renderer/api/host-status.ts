/** The renderer's own connection to the host, which only the browser-mode client can lose. */
import type { HostConnection } from '../state/store.ts';

export interface HostStatusSource {
  /** Calls `listener` with the current status at once, then on every change; returns unsubscribe. */
  onHostStatus(listener: (status: HostConnection) => void): () => void;
}
