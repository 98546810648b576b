/** A custom field list: every Luxembourg object by name, the always-sent ones fixed. */
import { useId, useState } from 'react';
import { ALWAYS_SENT, OBIS_FIELDS } from '../../../protocol/index.ts';
import { t } from '../../i18n/index.ts';
import { obisLabel } from './obis-name.ts';

const CHOOSABLE = OBIS_FIELDS.filter((f) => f.scope === 'lux').map((f) => f.obis);
const FIXED = new Set(ALWAYS_SENT);

/** Starts from `configured`; `onApply` gets the chosen OBIS codes in catalogue order. */
export function FieldChooser(props: { configured: readonly string[]; busy: boolean; onApply: (fields: string[]) => void }) {
  const [chosen, setChosen] = useState(() => new Set([...props.configured, ...ALWAYS_SENT]));
  const id = useId();
  const toggle = (obis: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(obis);
    else next.delete(obis);
    setChosen(next);
  };
  const list = CHOOSABLE.filter((f) => chosen.has(f));
  return (
    <fieldset className="field-chooser" data-testid="staff-field-chooser">
      <legend id={`${id}-legend`}>{t('service.change.choose')}</legend>
      <ul className="field-list">
        {CHOOSABLE.map((obis) => (
          <li key={obis}>
            <label className="checkbox">
              <input
                type="checkbox"
                data-obis={obis}
                checked={chosen.has(obis)}
                disabled={FIXED.has(obis)}
                onChange={(e) => toggle(obis, e.target.checked)}
              />
              {obisLabel(obis)}
            </label>
          </li>
        ))}
      </ul>
      <p role="status">{t('service.change.chosen', { count: list.length })}</p>
      <button type="button" data-testid="staff-fields-apply" disabled={props.busy} onClick={() => props.onApply(list)}>
        {t('service.change.chooseApply')}
      </button>
    </fieldset>
  );
}
