/** Renderer entry: pick the API, bind the store, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApi } from './api/pick-api.ts';
import { App } from './components/App.tsx';
import { t } from './i18n/index.ts';
import { startLanguage } from './i18n/preference.ts';
import { bindApi } from './state/bind-api.ts';
import { AppProvider } from './state/context.tsx';
import { nextFrame } from './state/frame-updates.ts';
import { createAppStore } from './state/store.ts';
import './styles/app.css';
import './styles/costs.css';

const api = pickApi(window);
const store = createAppStore();
bindApi(api, store);
// Values grow old without any event: the port status is re-derived on the renderer's clock each second.
setInterval(() => store.getState().tick(Date.now()), 1_000);
document.documentElement.lang = startLanguage();
document.title = t('app.title');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider store={store} api={api} schedule={nextFrame}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
}
