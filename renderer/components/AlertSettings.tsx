/**
 * Settings: which alerts LuxP1 raises, in the app and as OS notifications, and the minutes without
 * data before it says so. Kept on this device (alerts/prefs.ts). The browser's notification
 * permission is asked only here, when the user turns a notification on.
 */
import { useId, useState } from 'react';
import { useAlerts, useNotifier } from '../alerts/alert-context.tsx';
import { NO_DATA_MINUTES, validNoDataMinutes, type AlertChannels } from '../alerts/prefs.ts';
import { ALERT_KINDS, type AlertKind } from '../alerts/rules.ts';
import { t } from '../i18n/index.ts';

type Note = 'denied' | 'unsupported' | null;

export function AlertSettings() {
  const id = useId();
  const prefs = useAlerts((s) => s.prefs);
  const updatePrefs = useAlerts((s) => s.updatePrefs);
  const notifier = useNotifier();
  const [note, setNote] = useState<Note>(null);
  const [minutes, setMinutes] = useState(String(prefs.noDataMinutes));
  const minutesValid = validNoDataMinutes(minutes) !== null;

  const change = async (kind: AlertKind, channel: keyof AlertChannels, on: boolean): Promise<void> => {
    if (channel === 'notify' && on) {
      const permission = notifier.permission() === 'default' ? await notifier.request() : notifier.permission();
      if (permission !== 'granted') {
        setNote(permission === 'unsupported' ? 'unsupported' : 'denied');
        return;
      }
    }
    setNote(null);
    updatePrefs((p) => {
      p.kinds[kind][channel] = on;
    });
  };
  const changeMinutes = (text: string): void => {
    setMinutes(text);
    const n = validNoDataMinutes(text);
    if (n !== null)
      updatePrefs((p) => {
        p.noDataMinutes = n;
      });
  };

  return (
    <section className="tile tile-wide" data-testid="alert-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('alerts.settings.title')}</h2>
      <p className="hint">{t('alerts.settings.hint')}</p>
      <div className="alert-kinds">
        {ALERT_KINDS.map((kind) => (
          <fieldset key={kind} className="alert-kind" data-testid={`alert-setting-${kind}`}>
            <legend>{t(`alerts.title.${kind}`)}</legend>
            {(['banner', 'notify'] as const).map((channel) => (
              <label key={channel} className="checkbox">
                <input
                  type="checkbox"
                  data-testid={`alert-${kind}-${channel}`}
                  checked={prefs.kinds[kind][channel]}
                  onChange={(e) => void change(kind, channel, e.target.checked)}
                />{' '}
                {t(`alerts.settings.${channel}`)}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <p className="notice" role="status" data-testid="alert-permission-note">
        {note ? t(`alerts.settings.${note}`) : ''}
      </p>
      <div className="form-group">
        <label htmlFor={`${id}-minutes`}>{t('alerts.settings.noDataMinutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={NO_DATA_MINUTES.min}
          max={NO_DATA_MINUTES.max}
          step={1}
          className="input-short"
          data-testid="alert-no-data-minutes"
          value={minutes}
          aria-invalid={!minutesValid}
          aria-describedby={minutesValid ? undefined : `${id}-minutes-error`}
          onChange={(e) => changeMinutes(e.target.value)}
        />
        {!minutesValid && (
          <p className="field-error" id={`${id}-minutes-error`} data-testid="alert-minutes-error">
            {t('alerts.settings.minutesInvalid', { min: NO_DATA_MINUTES.min, max: NO_DATA_MINUTES.max })}
          </p>
        )}
      </div>
    </section>
  );
}
