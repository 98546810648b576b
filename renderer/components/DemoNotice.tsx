/**
 * Says plainly, on every view, that the values come from the bundled demo meter and not the
 * customer's own, with the way out (Settings). Shown while the link's source is the demo.
 */
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';

export function DemoNotice() {
  const demo = useApp((s) => s.link?.source?.kind === 'demo');
  const onSettings = useApp((s) => s.view === 'settings');
  const setView = useApp((s) => s.setView);
  if (!demo) return null;
  return (
    <aside className="demo-notice" data-testid="demo-notice" aria-label={t('demo.label')}>
      <span className="demo-badge" aria-hidden="true">
        {t('demo.badge')}
      </span>
      <p>{t('demo.notice')}</p>
      {!onSettings && (
        <button type="button" data-testid="demo-open-settings" onClick={() => setView('settings')}>
          {t('demo.openSettings')}
        </button>
      )}
    </aside>
  );
}
