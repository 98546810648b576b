/** Manual key entry, for users whose operator sends the key by letter. */
import { useState, type FormEvent } from 'react';
import { useApi, useApp } from '../../state/context.tsx';
import { checkMeterKey } from '../../../contracts/meter-key.ts';
import { t } from '../../i18n/index.ts';

type Note = { kind: 'saved' | 'saved-unchecked' | 'bad-format' | 'published' | 'fails' } | { kind: 'error'; message: string };

/** A key field that refuses the published authentication key before it reaches the host. */
export function ManualKeyForm() {
  const api = useApi();
  const [text, setText] = useState('');
  const [note, setNote] = useState<Note | null>(null);
  const title = useApp((s) => s.health?.systemTitle ?? '?');

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const check = checkMeterKey(text);
    if (!check.ok) return setNote({ kind: check.error.code === 'PUBLISHED_AUTH_KEY' ? 'published' : 'bad-format' });
    const r = await api['key:set']({ hex: check.value });
    if (r.ok) setNote({ kind: r.value.check === 'verified' ? 'saved' : 'saved-unchecked' });
    else setNote(r.error.code === 'KEY_FAILS' ? { kind: 'fails' } : { kind: 'error', message: r.error.message });
    if (r.ok) setText('');
  };

  return (
    <section className="card" data-testid="pairing-manual">
      <h3>{t('pairing.manual.title')}</h3>
      <p>{t('pairing.manual.help')}</p>
      <form className="stacked" onSubmit={(e) => void submit(e)}>
        <label>
          {t('pairing.manual.label')}
          <input
            className="mono"
            data-testid="pairing-manual-key"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
          />
        </label>
        <button type="submit" data-testid="pairing-manual-submit">
          {t('pairing.manual.submit')}
        </button>
      </form>
      {note && (
        <p
          className={`note ${note.kind.startsWith('saved') ? 'note-ok' : 'note-bad'}`}
          data-testid="pairing-manual-note"
          data-status={note.kind}
          role={note.kind.startsWith('saved') ? 'status' : 'alert'}
        >
          {note.kind === 'saved' && t('key.saved')}
          {note.kind === 'saved-unchecked' && t('pairing.manual.saved')}
          {note.kind === 'fails' && t('key.fails', { title })}
          {note.kind === 'bad-format' && t('pairing.manual.badFormat')}
          {note.kind === 'published' && t('pairing.outcome.publishedKey')}
          {note.kind === 'error' && t('pairing.manual.error', { message: note.message })}
        </p>
      )}
    </section>
  );
}
