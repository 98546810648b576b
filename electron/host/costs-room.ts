/**
 * The costs room: the household's tariff, reference and peer opt-in (settings.json `costs`), and the
 * anonymous peer figures, asked of the central system only after the opt-in and only for a class the
 * central aggregates.
 */
import { createCentralClient } from '../../contracts/central-client.ts';
import type { ApiResult, Payload, Value } from '../../contracts/ipc.ts';
import { PEER_CLASSES_KW } from '../../contracts/peers.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { SettingsStore } from './settings.ts';

export type CostsChannel = 'costs:get' | 'costs:set' | 'peers:daily';
type Handlers = { [C in CostsChannel]: (payload: Payload<C>) => Promise<ApiResult<Value<C>>> };

export function createCostsRoom(opts: { settings: SettingsStore; centralUrl: () => string | null; fetch?: typeof fetch }): {
  handlers: Handlers;
} {
  const { settings } = opts;
  const handlers: Handlers = {
    'costs:get': async () => ok(settings.get().costs),
    'costs:set': async (costs) => {
      await settings.update({ costs });
      return ok(costs);
    },
    'peers:daily': async ({ date }) => {
      const { peersOptIn, tariff } = settings.get().costs;
      if (!peersOptIn) return fail('PEERS_OFF', 'peer figures are off: switch them on in Settings → Comparisons');
      if (!(PEER_CLASSES_KW as readonly number[]).includes(tariff.referenceKw)) {
        return fail('PEERS_OFF', `peer figures exist for the 3, 7 and 12 kW classes, not ${tariff.referenceKw} kW`);
      }
      const url = opts.centralUrl();
      if (!url) return fail('NO_CENTRAL', 'no central system is known: pair the meter first');
      return createCentralClient({ baseUrl: url, ...(opts.fetch ? { fetch: opts.fetch } : {}) }).peersDaily(date, tariff.referenceKw);
    },
  };
  return { handlers };
}
