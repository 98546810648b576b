/**
 * What is wrong (or right) with the port, in plain words, announced politely when it changes. It
 * says the one port status (state/port-status.ts), so it never claims a working key while the
 * source, the link or the host has failed.
 */
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import type { PortStatusKind } from '../state/port-status.ts';
import { selectPortStatus } from '../state/store.ts';

const ICON = { ok: '✓', warn: '!', bad: '✕' } as const;
const NEEDS_KEY: ReadonlySet<PortStatusKind> = new Set(['needs-key', 'wrong-key', 'key-rotated']);

export function DiagnosisBanner() {
  const setView = useApp((s) => s.setView);
  const view = useApp((s) => s.view);
  const kind = useApp((s) => selectPortStatus(s).kind);
  const severity = useApp((s) => selectPortStatus(s).severity);
  const diagnosis = useApp((s) => s.health?.diagnosis ?? null);
  const loaded = useApp((s) => s.loaded);
  const asking = useApp((s) => s.plain?.asking === true);
  const setPlain = useApp((s) => s.setPlain);
  const api = useApi();
  const answer = async (accept: boolean): Promise<void> => {
    const r = await api['plain:answer']({ accept });
    if (r.ok) setPlain(r.value);
  };
  if (!loaded) return null; // nothing is known before the first snapshot
  return (
    <div
      className={`diagnosis diagnosis-${severity}`}
      data-testid="diagnosis"
      data-status={kind}
      data-diagnosis={diagnosis ?? undefined}
      data-severity={severity}
    >
      <span className="diagnosis-icon" aria-hidden="true">
        {ICON[severity]}
      </span>
      <span>{t(`status.${kind}`)}</span>
      {kind === 'plain-refused' && asking && (
        <>
          <button type="button" className="link-button" data-testid="plain-accept" onClick={() => void answer(true)}>
            {t('plain.accept')}
          </button>
          <button type="button" className="link-button" data-testid="plain-refuse" onClick={() => void answer(false)}>
            {t('plain.refuse')}
          </button>
        </>
      )}
      {NEEDS_KEY.has(kind) && view !== 'pairing' && (
        <button type="button" className="link-button" data-testid="diagnosis-open-pairing" onClick={() => setView('pairing')}>
          {t('diagnosis.openPairing')}
        </button>
      )}
      {NEEDS_KEY.has(kind) && view !== 'settings' && (
        <button type="button" className="link-button" data-testid="diagnosis-open-settings" onClick={() => setView('settings')}>
          {t('diagnosis.openSettings')}
        </button>
      )}
    </div>
  );
}
