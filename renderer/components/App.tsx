/** The page: banner with the view tabs, the always-visible port health, and the current view. */
import type { ComponentType, MouseEvent } from 'react';
import { t } from '../i18n/index.ts';
import { useDocumentLanguage } from '../i18n/use-language.ts';
import { useApp } from '../state/context.tsx';
import { AlertBanners } from './AlertBanners.tsx';
import { HomeView } from './HomeView.tsx';
import { DemoNotice } from './DemoNotice.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import { HistoryView } from '../views/history/HistoryView.tsx';
import { PairingView } from '../views/pairing/PairingView.tsx';
import { ServiceView } from '../views/service/ServiceView.tsx';
import { NavTabs } from './NavTabs.tsx';
import { PowerClassWatch } from './PowerClassWatch.tsx';
import { SettingsView } from './SettingsView.tsx';
import type { View } from '../state/store.ts';

const VIEWS: Record<View, ComponentType> = {
  dashboard: HomeView,
  history: HistoryView,
  pairing: PairingView,
  service: ServiceView,
  settings: SettingsView,
};

// Focus moves without a fragment navigation, which the desktop shell would have to allow.
const skipToMain = (e: MouseEvent<HTMLAnchorElement>): void => {
  e.preventDefault();
  document.getElementById('main')?.focus();
};

export function App() {
  const view = useApp((s) => s.view);
  const Current = VIEWS[view];
  // Keyed by language: a change redraws every view, memoised ones included (state lives in the store).
  const language = useDocumentLanguage();
  return (
    <div className="app" key={language}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a real in-page anchor; onClick only moves focus as well */}
      <a className="skip-link" href="#main" data-testid="skip-to-main" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <NavTabs />
      </header>
      <DemoNotice />
      <HealthPanel />
      <AlertBanners />
      <PowerClassWatch />
      <main id="main" tabIndex={-1}>
        <Current />
      </main>
    </div>
  );
}
