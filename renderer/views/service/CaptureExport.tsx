/** Export a capture (`capture:export`): NDJSON that `luxp1 decode` and the file source replay. */
import { useState } from 'react';
import { useApi } from '../../state/context.tsx';
import { t } from '../../i18n/index.ts';

/** A redact switch (on by default) and a button that downloads the capture. */
export function CaptureExport() {
  const api = useApi();
  const [redact, setRedact] = useState(true);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (): Promise<void> => {
    const r = await api['capture:export']({ redact });
    if (!r.ok) return setNote({ ok: false, text: t('service.export.error', { message: r.error.message }) });
    const lines = r.value.ndjson.split('\n').filter((l) => l.trim() !== '').length;
    download(r.value.fileName, r.value.ndjson);
    setNote({ ok: true, text: t('service.export.done', { fileName: r.value.fileName, lines }) });
  };

  return (
    <section className="card" data-testid="service-export">
      <h3>{t('service.export')}</h3>
      <label className="checkbox">
        <input type="checkbox" data-testid="service-export-redact" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        {t('service.export.redact')}
      </label>
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
