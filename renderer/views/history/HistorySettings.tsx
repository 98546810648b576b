/**
 * Settings → History: how many days of 10-s detail the recorder keeps (saved by the host in
 * settings.json, `historyRetentionDays`), and how large the database is on disk.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { HistoryInfo } from '../../../contracts/history.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { useApi } from '../../state/context.tsx';

export function HistorySettings() {
  const api = useApi();
  const id = useId();
  const [info, setInfo] = useState<HistoryInfo | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [days, setDays] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void api['history:info'](null).then((r) => {
      if (!live) return;
      if (r.ok) {
        setInfo(r.value);
        setDays(String(r.value.detailRetentionDays));
      } else setUnavailable(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const n = Number(days);
    if (!/^\d+$/.test(days.trim()) || n < 1 || n > 3650) return setNote({ ok: false, text: t('history.settings.invalid') });
    const r = await api['history:retention']({ days: n });
    if (r.ok) {
      setInfo(r.value);
      setNote({ ok: true, text: t('history.settings.saved', { count: r.value.detailRetentionDays }) });
    } else setNote({ ok: false, text: t('history.settings.failed', { message: r.error.message }) });
  };
  return (
    <section className="tile" data-testid="history-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('history.settings.title')}</h3>
      {unavailable !== null && (
        <p data-testid="history-settings-unavailable">{t('history.settings.unavailable', { message: unavailable })}</p>
      )}
      {info && (
        <>
          <form onSubmit={(e) => void save(e)}>
            <label htmlFor={`${id}-days`}>{t('history.settings.retention')}</label>
            <p className="muted" id={`${id}-hint`}>
              {t('history.settings.retentionHint')}
            </p>
            <input
              id={`${id}-days`}
              data-testid="history-retention"
              inputMode="numeric"
              aria-describedby={`${id}-hint`}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />{' '}
            <button type="submit" data-testid="history-retention-save">
              {t('history.settings.save')}
            </button>
          </form>
          {note && (
            <p className={note.ok ? undefined : 'error-text'} role={note.ok ? 'status' : 'alert'} data-testid="history-retention-note">
              {note.text}
            </p>
          )}
          <dl>
            <dt>{t('history.settings.size')}</dt>
            <dd data-testid="history-size" data-bytes={info.bytes}>
              {t('history.settings.sizeValue', { value: formatNumber(info.bytes / 1e6, 1, 1) })}
            </dd>
            <dt>{t('history.settings.meters')}</dt>
            <dd>{formatNumber(info.meters.length, 0)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
