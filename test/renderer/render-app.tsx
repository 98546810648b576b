/** Render a component inside AppProvider with a fresh store and a fake API. */
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { LuxApi } from '../../contracts/ipc.ts';
import { AppProvider } from '../../renderer/state/context.tsx';
import type { AppStore } from '../../renderer/state/store.ts';
import { fakeApi, liveStore } from './fixtures.ts';

afterEach(cleanup);

export function renderApp(ui: ReactNode, options: { store?: AppStore; api?: LuxApi } = {}) {
  const store = options.store ?? liveStore();
  const fake = fakeApi();
  const api = options.api ?? fake.api;
  const view = render(
    <AppProvider store={store} api={api}>
      {ui}
    </AppProvider>,
  );
  return { ...view, store, api, calls: fake.calls };
}
