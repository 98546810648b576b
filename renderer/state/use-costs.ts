/** The household's cost settings (tariff, reference, peer opt-in): asked of the host once, saved through it. */
import { useEffect } from 'react';
import type { CostSettings } from '../../contracts/cost-settings.ts';
import type { ApiResult, LuxApi } from '../../contracts/ipc.ts';
import { useApi, useApp } from './context.tsx';

// Home mounts several users of the settings at once (today's cost, the power class, its alert): one request serves them.
const pending = new WeakMap<LuxApi, Promise<ApiResult<CostSettings>>>();
function askOnce(api: LuxApi): Promise<ApiResult<CostSettings>> {
  let asked = pending.get(api);
  if (!asked) {
    asked = api['costs:get'](null).finally(() => pending.delete(api));
    pending.set(api, asked);
  }
  return asked;
}

export function useCostSettings(): { costs: CostSettings | null; save(next: CostSettings): Promise<ApiResult<CostSettings>> } {
  const api = useApi();
  const costs = useApp((s) => s.costs);
  const setCosts = useApp((s) => s.setCosts);
  useEffect(() => {
    if (costs) return;
    let live = true;
    void askOnce(api).then((r) => {
      if (live && r.ok) setCosts(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, costs, setCosts]);
  const save = async (next: CostSettings) => {
    const r = await api['costs:set'](next);
    if (r.ok) setCosts(r.value);
    return r;
  };
  return { costs, save };
}
