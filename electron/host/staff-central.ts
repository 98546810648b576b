/**
 * The staff side of the central system, as the service view uses it: each staff change is one call
 * of the shared central client (contracts/central-client.ts), which answers with the meter after it.
 */
import { type CentralClient, type CentralResult, createCentralClient, type FetchLike } from '../../contracts/central-client.ts';
import type { CentralMeter, StaffChange } from '../../contracts/ipc.ts';

export type { FetchLike };

/** A client for the central at `baseUrl`, signed in with a staff token. */
export function staffClient(baseUrl: string, token: string, fetchFn?: FetchLike): CentralClient {
  return createCentralClient({ baseUrl, token, timeoutMs: 10_000, ...(fetchFn ? { fetch: fetchFn } : {}) });
}

/** Makes a staff change through the central route that makes it (API.md, "Staff routes"). */
export function applyChange(client: CentralClient, meterId: string, change: StaffChange): Promise<CentralResult<CentralMeter>> {
  switch (change.kind) {
    case 'patch':
      return client.patch(meterId, change.body);
    case 'message':
      return client.setMessage(meterId, change.channel, change.text);
    case 'mbus-attach':
      return client.attachMbus(meterId, change.channel, change.body);
    case 'mbus-detach':
      return client.detachMbus(meterId, change.channel);
    case 'valve':
      return client.setValve(meterId, change.channel, change.valve);
    case 'rotate-key':
      return client.rotateKey(meterId);
  }
}
