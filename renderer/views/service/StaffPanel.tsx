/**
 * The staff part of the service view: sign in, a visible "signed in as staff" state with sign-out,
 * the central's view of this meter beside the port's, the changes, and their timings.
 *
 * The session is this window's only (the host keeps one per client) and ends after the host's idle
 * timeout; when it ends, or the central stops answering, the panel says so instead of going quiet.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiError, CentralMeter, StaffChange } from '../../../contracts/ipc.ts';
import { t } from '../../i18n/index.ts';
import { useApi, useApp } from '../../state/context.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { ConfigCompare } from './ConfigCompare.tsx';
import { PlaceError, type Place, type PlaceErrors } from './PlaceError.tsx';
import { StaffControls } from './StaffControls.tsx';
import { StaffExtras } from './StaffExtras.tsx';
import { StaffSignIn } from './StaffSignIn.tsx';
import { staffErrorText } from './staff-errors.ts';

type Ended = { kind: 'idle'; minutes: number } | { kind: 'lost' } | { kind: 'revoked' };
type Session =
  | { signedIn: false; ended: Ended | null }
  | { signedIn: true; meter: CentralMeter | null; centralUrl: string | null; idleMinutes: number | null; unreachable: boolean };

const ENDED_TEXT = (e: Ended): string =>
  e.kind === 'idle'
    ? t('service.staff.ended.idle', { minutes: e.minutes })
    : e.kind === 'lost'
      ? t('service.staff.ended.lost')
      : t('service.staff.ended.revoked');

/** See the module comment. */
export function StaffPanel() {
  const api = useApi();
  const latest = useApp((s) => s.latest);
  const portEncrypted = useApp((s) => s.health?.encrypted ?? null);
  const timings = useApp((s) => s.timings);
  const applyTiming = useApp((s) => s.applyTiming);
  const staffEnded = useApp((s) => s.staffEnded);
  const setStaffEnded = useApp((s) => s.setStaffEnded);
  const [session, setSession] = useState<Session>({ signedIn: false, ended: null });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlaceErrors>({});
  const acted = useRef(false); // the user signed in or out: a late restore answer must not undo it
  // Where and for how long this window is signed in, kept in the store so a tab switch does not lose it.
  const storedTerms = useApp((s) => s.staffTerms);
  const termsAtMount = useRef(storedTerms);
  const setStaffTerms = useApp((s) => s.setStaffTerms);
  useEffect(() => {
    if (!session.signedIn) setStaffTerms(null);
    else if (session.centralUrl !== null && session.idleMinutes !== null)
      setStaffTerms({ centralUrl: session.centralUrl, idleMinutes: session.idleMinutes });
  }, [session, setStaffTerms]);

  // This window's session may outlive the view (switching tabs): pick it up again on return.
  useEffect(() => {
    void api['staff:meter'](null).then((r) => {
      if (acted.current) return;
      const terms = termsAtMount.current;
      const base = { signedIn: true as const, centralUrl: terms?.centralUrl ?? null, idleMinutes: terms?.idleMinutes ?? null };
      if (r.ok) setSession({ ...base, meter: r.value, unreachable: false });
      else if (r.error.code === 'UNKNOWN_METER') setSession({ ...base, meter: null, unreachable: false });
      else if (r.error.code === 'UNREACHABLE') setSession({ ...base, meter: null, unreachable: true });
    });
  }, [api]);

  // The host ended this window's session on its own (idle timeout).
  useEffect(() => {
    if (!staffEnded) return;
    setSession({ signedIn: false, ended: { kind: 'idle', minutes: staffEnded.idleMinutes } });
    setStaffEnded(null);
  }, [staffEnded, setStaffEnded]);

  // Browser mode: a new connection to the host is a new client, and the old one's session ended with it.
  const host = useApp((s) => s.host);
  const dropped = useRef(false);
  useEffect(() => {
    if (host !== 'open') dropped.current = true;
    else if (dropped.current) {
      dropped.current = false;
      setSession((s) => (s.signedIn ? { signedIn: false, ended: { kind: 'lost' } } : s));
    }
  }, [host]);

  /** Errors that concern the whole session: true when handled here. */
  const sessionError = (error: ApiError): boolean => {
    const minutes = session.signedIn ? session.idleMinutes : null;
    if (error.code === 'SESSION_EXPIRED') setSession({ signedIn: false, ended: { kind: 'idle', minutes: minutes ?? 15 } });
    else if (error.code === 'NOT_SIGNED_IN') setSession({ signedIn: false, ended: { kind: 'lost' } });
    else if (error.code === 'UNAUTHORIZED') setSession({ signedIn: false, ended: { kind: 'revoked' } });
    else if (error.code === 'UNREACHABLE' && session.signedIn) setSession({ ...session, unreachable: true });
    else return false;
    return error.code !== 'UNREACHABLE';
  };

  const refresh = async (): Promise<void> => {
    const r = await api['staff:meter'](null);
    if (r.ok && session.signedIn) setSession({ ...session, meter: r.value, unreachable: false });
    if (r.ok || !sessionError(r.error)) setErrors({ panel: r.ok ? undefined : staffErrorText(r.error) });
  };

  const change = async (c: StaffChange, place: Place): Promise<void> => {
    setBusy(true);
    setErrors({});
    const r = await api['staff:change'](c);
    setBusy(false);
    if (!r.ok) {
      if (!sessionError(r.error) || r.error.code === 'UNREACHABLE') setErrors({ [place]: staffErrorText(r.error) });
      return;
    }
    applyTiming(r.value);
    if (r.value.error !== undefined) setErrors({ [place]: staffErrorText(r.value.error) });
    await refresh();
  };

  const signOut = async (): Promise<void> => {
    acted.current = true;
    await api['staff:signOut'](null);
    setSession({ signedIn: false, ended: null });
    setErrors({});
  };

  return (
    <section className="card" data-testid="service-staff" data-signed-in={session.signedIn}>
      <h3>{t('service.staff')}</h3>
      {!session.signedIn ? (
        <>
          {session.ended && (
            <p className="note note-bad" role="alert" data-testid="staff-ended" data-reason={session.ended.kind}>
              {ENDED_TEXT(session.ended)}
            </p>
          )}
          <StaffSignIn
            onSignedIn={(v) => {
              acted.current = true;
              setErrors({});
              setSession({ signedIn: true, meter: v.meter, centralUrl: v.centralUrl, idleMinutes: v.idleMinutes, unreachable: false });
            }}
          />
        </>
      ) : (
        <>
          <p className="note note-ok" role="status" data-testid="staff-signed-in">
            {session.centralUrl !== null && session.idleMinutes !== null
              ? t('service.staff.signedIn', { url: session.centralUrl, minutes: session.idleMinutes })
              : t('service.staff.signedInHere')}
          </p>
          <div className="actions">
            <button type="button" className="secondary" data-testid="staff-signout" onClick={() => void signOut()}>
              {t('service.staff.signOut')}
            </button>
            <button type="button" className="secondary" data-testid="staff-refresh" onClick={() => void refresh()}>
              {t('service.staff.refresh')}
            </button>
          </div>
          {session.unreachable && (
            <p className="note note-bad" role="alert" data-testid="staff-unreachable">
              {t('service.staff.unreachable')}
            </p>
          )}
          <PlaceError scope="staff-panel" place="panel" errors={errors} />
          {session.meter === null ? (
            <p data-testid="staff-no-meter">{t('service.staff.noMeter')}</p>
          ) : (
            <>
              <ConfigCompare meter={session.meter} latest={latest} portEncrypted={portEncrypted} />
              <StaffControls
                meter={session.meter}
                busy={busy}
                errors={errors}
                onChange={(c, place) => void change(c, place)}
                onInvalid={(place, text) => setErrors({ [place]: text })}
              />
              <StaffExtras meter={session.meter} onSessionError={sessionError} />
            </>
          )}
          <ChangeLog timings={timings} />
        </>
      )}
    </section>
  );
}
