/**
 * Export a capture (`capture:export`): NDJSON for `luxp1 decode`. Next to the Redact switch it says
 * exactly what a redacted capture keeps and removes (capture-export.ts and redact.ts make it so).
 */
import { useId, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { useApi } from '../../state/context.tsx';
import { plainReason } from './staff-errors.ts';

/** A redact switch (on by default) and a button that downloads the capture. */
export function CaptureExport() {
  const api = useApi();
  const id = useId();
  const [redact, setRedact] = useState(true);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (): Promise<void> => {
    const r = await api['capture:export']({ redact });
    if (!r.ok) return setNote({ ok: false, text: t('service.export.error', { message: plainReason(r.error.message) }) });
    download(r.value.fileName, r.value.ndjson);
    const params = { fileName: r.value.fileName, frames: r.value.frames };
    setNote({ ok: true, text: redact ? t('service.export.doneRedacted', params) : t('service.export.done', params) });
  };

  return (
    <section className="card" data-testid="service-export">
      <h3>{t('service.export')}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="service-export-redact"
          checked={redact}
          aria-describedby={`${id}-what`}
          onChange={(e) => setRedact(e.target.checked)}
        />
        {t('service.export.redact')}
      </label>
      <div id={`${id}-what`} className="hint" data-testid="service-export-what">
        {redact ? (
          <>
            <p>{t('service.export.redactKeeps')}</p>
            <p>{t('service.export.redactRemoves')}</p>
          </>
        ) : (
          <p>{t('service.export.plainNote')}</p>
        )}
      </div>
      <button type="button" className="export-button" data-testid="service-export-button" onClick={() => void run()}>
        {t('service.export.button')}
      </button>
      {note && (
        <p className={`note ${note.ok ? 'note-ok' : 'note-bad'}`} data-testid="service-export-note" role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </section>
  );
}

function download(fileName: string, text: string): void {
  // jsdom has no object URLs; the note above still reports the export.
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
