/** Staff sign-in with a token; the token goes to the host and is forgotten here. */
import { useState, type FormEvent } from 'react';
import type { Value } from '../../../contracts/ipc.ts';
import { useApi } from '../../state/context.tsx';
import { t } from '../../i18n/index.ts';
import { staffErrorText } from './staff-errors.ts';

/** Calls `onSignedIn` with the matched meter (null when the central does not know it) and the session's terms. */
export function StaffSignIn(props: { onSignedIn: (value: Value<'staff:signIn'>) => void }) {
  const api = useApi();
  const [token, setToken] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await api['staff:signIn']({ token: token.trim(), ...(url.trim() ? { centralUrl: url.trim() } : {}) });
    if (!r.ok) return setError(staffErrorText(r.error));
    setToken('');
    setError(null);
    props.onSignedIn(r.value);
  };

  return (
    <form className="stacked" data-testid="staff-signin" onSubmit={(e) => void submit(e)}>
      <label>
        {t('service.staff.token')}
        <input
          data-testid="staff-token"
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
          autoComplete="off"
        />
      </label>
      <label>
        {t('service.staff.centralUrl')}
        <input data-testid="staff-central-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <button type="submit" data-testid="staff-signin-submit">
        {t('service.staff.signIn')}
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid="staff-error">
          {error}
        </p>
      )}
    </form>
  );
}
