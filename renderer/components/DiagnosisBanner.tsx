/** What is wrong (or right) with the port, in plain words, announced politely when it changes. */
import type { KeyDiagnosis } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';

const SEVERITY: Record<KeyDiagnosis, 'ok' | 'warn' | 'bad'> = {
  'no-signal': 'warn',
  noise: 'warn',
  plain: 'ok',
  'encrypted-no-key': 'warn',
  'key-ok': 'ok',
  'wrong-key': 'bad',
  'key-rotated': 'bad',
};
const ICON = { ok: '✓', warn: '!', bad: '✕' } as const;
const NEEDS_KEY: ReadonlySet<KeyDiagnosis> = new Set(['encrypted-no-key', 'wrong-key', 'key-rotated']);

export function DiagnosisBanner({ diagnosis }: { diagnosis: KeyDiagnosis | null }) {
  const setView = useApp((s) => s.setView);
  const view = useApp((s) => s.view);
  if (diagnosis === null) return null;
  const severity = SEVERITY[diagnosis];
  return (
    <div className={`diagnosis diagnosis-${severity}`} data-testid="diagnosis" data-diagnosis={diagnosis} data-severity={severity}>
      <span className="diagnosis-icon" aria-hidden="true">
        {ICON[severity]}
      </span>
      <span>{t(`diagnosis.${diagnosis}`)}</span>
      {NEEDS_KEY.has(diagnosis) && view !== 'pairing' && (
        <button type="button" className="link-button" data-testid="diagnosis-open-pairing" onClick={() => setView('pairing')}>
          {t('diagnosis.openPairing')}
        </button>
      )}
      {NEEDS_KEY.has(diagnosis) && view !== 'settings' && (
        <button type="button" className="link-button" data-testid="diagnosis-open-settings" onClick={() => setView('settings')}>
          {t('diagnosis.openSettings')}
        </button>
      )}
    </div>
  );
}
