/**
 * The staff part of the service view: sign in, the central's view of this meter beside the port's,
 * the changes, and their timings. Staff actions appear only once the host holds a valid token.
 */
import { useEffect, useRef, useState } from 'react';
import type { CentralMeter, StaffChange } from '../../../contracts/ipc.ts';
import { useApi, useApp } from '../../state/context.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { ConfigCompare } from './ConfigCompare.tsx';
import { StaffControls } from './StaffControls.tsx';
import { StaffSignIn } from './StaffSignIn.tsx';
import { t } from '../../i18n/index.ts';

type Session = { signedIn: false } | { signedIn: true; meter: CentralMeter | null };

/** See the module comment. */
export function StaffPanel() {
  const api = useApi();
  const latest = useApp((s) => s.latest);
  const [session, setSession] = useState<Session>({ signedIn: false });
  const timings = useApp((s) => s.timings);
  const applyTiming = useApp((s) => s.applyTiming);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const acted = useRef(false); // the user signed in or out: a late restore answer must not undo it

  // The host keeps the staff token while the view is not shown: pick the session up again on return.
  useEffect(() => {
    void api['staff:meter'](null).then((r) => {
      if (acted.current) return;
      if (r.ok) setSession({ signedIn: true, meter: r.value });
      else if (r.error.code === 'UNKNOWN_METER') setSession({ signedIn: true, meter: null });
    });
  }, [api]);

  const refresh = async (): Promise<void> => {
    const r = await api['staff:meter'](null);
    if (r.ok) setSession({ signedIn: true, meter: r.value });
    setError(r.ok ? null : r.error.message);
  };

  const change = async (c: StaffChange): Promise<void> => {
    setBusy(true);
    const r = await api['staff:change'](c);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    applyTiming(r.value);
    await refresh();
  };

  const signOut = async (): Promise<void> => {
    acted.current = true;
    await api['staff:signOut'](null);
    setSession({ signedIn: false });
  };

  return (
    <section className="card" data-testid="service-staff" data-signed-in={session.signedIn}>
      <h3>{t('service.staff')}</h3>
      {!session.signedIn ? (
        <StaffSignIn
          onSignedIn={(meter) => {
            acted.current = true;
            setSession({ signedIn: true, meter });
          }}
        />
      ) : (
        <>
          <div className="actions">
            <button type="button" className="secondary" data-testid="staff-signout" onClick={() => void signOut()}>
              {t('service.staff.signOut')}
            </button>
            <button type="button" className="secondary" data-testid="staff-refresh" onClick={() => void refresh()}>
              {t('service.staff.refresh')}
            </button>
          </div>
          {error && (
            <p className="note note-bad" role="alert" data-testid="staff-error">
              {t('service.staff.error', { message: error })}
            </p>
          )}
          {session.meter === null ? (
            <p data-testid="staff-no-meter">{t('service.staff.noMeter')}</p>
          ) : (
            <>
              <ConfigCompare meter={session.meter} latest={latest} />
              <StaffControls meter={session.meter} busy={busy} onChange={(c) => void change(c)} />
            </>
          )}
          <ChangeLog timings={timings} />
        </>
      )}
    </section>
  );
}
