/** The view switcher: one tab per `View`, in the order a customer needs them. */
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';
import type { View } from '../state/store.ts';

const VIEWS: { view: View; label: MessageKey }[] = [
  { view: 'dashboard', label: 'nav.dashboard' },
  { view: 'history', label: 'nav.history' },
  { view: 'pairing', label: 'nav.pairing' },
  { view: 'service', label: 'nav.service' },
  { view: 'settings', label: 'nav.settings' },
];

export function NavTabs() {
  const current = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const unread = useApp((s) => s.unread.length);
  return (
    <nav aria-label={t('nav.label')} className="nav">
      <ul>
        {VIEWS.map(({ view, label }) => (
          <li key={view}>
            <button
              type="button"
              data-testid={`tab-${view}`}
              aria-current={view === current ? 'page' : undefined}
              onClick={() => setView(view)}
            >
              {t(label)}
              {view === 'dashboard' && unread > 0 && <span className="badge">{String(unread)}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
