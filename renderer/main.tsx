/** Renderer entry: pick the API, bind the store, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AlertProvider } from './alerts/alert-context.tsx';
import { createAlertStore, watchAlerts } from './alerts/alert-store.ts';
import { describeAlert } from './alerts/alert-text.ts';
import { pickNotifier } from './alerts/notifier.ts';
import { readAlertPrefs } from './alerts/prefs.ts';
import { pickApi } from './api/pick-api.ts';
import { App } from './components/App.tsx';
import { t } from './i18n/index.ts';
import { pageStorage, startLanguage } from './i18n/preference.ts';
import { bindApi } from './state/bind-api.ts';
import { AppProvider } from './state/context.tsx';
import { nextFrame } from './state/frame-updates.ts';
import { createAppStore } from './state/store.ts';
import './styles/app.css';
import './styles/costs.css';
import './styles/home.css';

const api = pickApi(window);
const store = createAppStore();
bindApi(api, store);
// Values grow old without any event: the port status is re-derived on the renderer's clock each second.
setInterval(() => store.getState().tick(Date.now()), 1_000);
// Alerts (banners, OS notifications) follow the store; the costs code raises its own through `raise`.
const notifier = pickNotifier(window);
const alerts = createAlertStore({ prefs: readAlertPrefs(pageStorage()), storage: pageStorage(), notifier, describe: describeAlert });
watchAlerts(store, alerts);
document.documentElement.lang = startLanguage();
document.title = t('app.title');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProvider store={store} api={api} schedule={nextFrame}>
        <AlertProvider store={alerts} notifier={notifier}>
          <App />
        </AlertProvider>
      </AppProvider>
    </StrictMode>,
  );
}
