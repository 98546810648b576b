/**
 * Settings → tariff and prices: the power class, the network's prices and fees, and the supplier's
 * price (single or by time of day). The form keeps what is typed as text; saving checks it with the
 * contract's one check (contracts/tariff.ts) and the host keeps it.
 */
import { useEffect, useId, useState } from 'react';
import { POWER_CLASSES_KW, type Tariff, type TouWindow } from '../../contracts/tariff.ts';
import { checkTariff } from '../../contracts/tariff.ts';
import { t } from '../i18n/index.ts';
import { formatKilowatt, formatPlainNumber } from '../i18n/format.ts';
import { useCostSettings } from '../state/use-costs.ts';

type Draft = {
  classKw: string;
  within: string;
  overuse: string;
  networkFixed: string;
  kind: 'single' | 'tou';
  price: string; // the single price, or the base price outside the windows
  windows: { fromHour: string; toHour: string; weekdaysOnly: boolean; eurPerKwh: string }[];
  supplyFixed: string;
};

// Shown as the language writes numbers (0,0759 in French and German); `num` reads either mark back.
const text = formatPlainNumber;
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));

function toDraft(tariff: Tariff): Draft {
  const s = tariff.supply;
  return {
    classKw: text(tariff.referenceKw),
    within: text(tariff.network.withinEurPerKwh),
    overuse: text(tariff.network.overuseEurPerKwh),
    networkFixed: text(tariff.network.fixedEurPerMonth),
    kind: s.kind,
    price: text(s.kind === 'single' ? s.eurPerKwh : s.baseEurPerKwh),
    windows:
      s.kind === 'tou'
        ? s.windows.map((w) => ({
            fromHour: text(w.fromHour),
            toHour: text(w.toHour),
            weekdaysOnly: w.weekdaysOnly,
            eurPerKwh: text(w.eurPerKwh),
          }))
        : [],
    supplyFixed: text(tariff.supplyFixedEurPerMonth),
  };
}

function fromDraft(d: Draft): unknown {
  const windows: TouWindow[] = d.windows.map((w) => ({
    fromHour: num(w.fromHour),
    toHour: num(w.toHour),
    weekdaysOnly: w.weekdaysOnly,
    eurPerKwh: num(w.eurPerKwh),
  }));
  return {
    example: false,
    referenceKw: num(d.classKw),
    network: { withinEurPerKwh: num(d.within), overuseEurPerKwh: num(d.overuse), fixedEurPerMonth: num(d.networkFixed) },
    supply: d.kind === 'single' ? { kind: 'single', eurPerKwh: num(d.price) } : { kind: 'tou', baseEurPerKwh: num(d.price), windows },
    supplyFixedEurPerMonth: num(d.supplyFixed),
  };
}

export function TariffSettings() {
  const { costs, save } = useCostSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  useEffect(() => {
    if (costs && !draft) setDraft(toDraft(costs.tariff));
  }, [costs, draft]);
  if (!costs || !draft) return null;

  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setStatus(null);
  };
  const editWindow = (i: number, patch: Partial<Draft['windows'][number]>) =>
    edit({ windows: draft.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  const isClass = (POWER_CLASSES_KW as readonly number[]).includes(num(draft.classKw));
  const submit = async () => {
    const checked = checkTariff(fromDraft(draft));
    if (!checked.ok) return setStatus({ ok: false, text: t('costs.settings.notSaved', { message: checked.error.message }) });
    const r = await save({ ...costs, tariff: checked.value });
    setStatus(
      r.ok
        ? { ok: true, text: t('costs.settings.saved') }
        : { ok: false, text: t('costs.settings.notSaved', { message: r.error.message }) },
    );
  };
  const field = (label: string, value: string, onChange: (v: string) => void, testId: string) => (
    <label>
      {label}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );

  return (
    <section className="tile tariff-form" data-testid="tariff-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('costs.settings.title')}</h3>
      <p>{t('costs.settings.explain')}</p>
      {costs.tariff.example && <p className="hint">{t('costs.example')}</p>}
      <fieldset>
        <legend>{t('costs.settings.class')}</legend>
        {POWER_CLASSES_KW.map((kw) => (
          <label key={kw} className="radio-row">
            <input type="radio" name={`${id}-class`} checked={num(draft.classKw) === kw} onChange={() => edit({ classKw: String(kw) })} />
            {formatKilowatt(kw * 1000)}
          </label>
        ))}
        <label className="radio-row">
          <input type="radio" name={`${id}-class`} checked={!isClass} onChange={() => edit({ classKw: '' })} />
          {t('costs.settings.classOther')}
        </label>
        {!isClass && field(t('costs.settings.classKw'), draft.classKw, (v) => edit({ classKw: v }), 'tariff-class-kw')}
      </fieldset>
      {field(t('costs.settings.within'), draft.within, (v) => edit({ within: v }), 'tariff-within')}
      {field(t('costs.settings.overuse'), draft.overuse, (v) => edit({ overuse: v }), 'tariff-overuse')}
      {field(t('costs.settings.networkFixed'), draft.networkFixed, (v) => edit({ networkFixed: v }), 'tariff-network-fixed')}
      <fieldset>
        <legend>{t('costs.settings.supplyKind')}</legend>
        {(['single', 'tou'] as const).map((kind) => (
          <label key={kind} className="radio-row">
            <input type="radio" name={`${id}-kind`} checked={draft.kind === kind} onChange={() => edit({ kind })} />
            {t(`costs.settings.${kind}`)}
          </label>
        ))}
        {field(
          t(draft.kind === 'single' ? 'costs.settings.supply' : 'costs.settings.base'),
          draft.price,
          (v) => edit({ price: v }),
          'tariff-supply',
        )}
        {draft.kind === 'tou' &&
          draft.windows.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
            <fieldset key={i}>
              <legend>{t('costs.settings.window', { n: i + 1 })}</legend>
              {field(t('costs.settings.from'), w.fromHour, (v) => editWindow(i, { fromHour: v }), `tariff-window-${i}-from`)}
              {field(t('costs.settings.to'), w.toHour, (v) => editWindow(i, { toHour: v }), `tariff-window-${i}-to`)}
              {field(t('costs.settings.windowPrice'), w.eurPerKwh, (v) => editWindow(i, { eurPerKwh: v }), `tariff-window-${i}-price`)}
              <label>
                <input type="checkbox" checked={w.weekdaysOnly} onChange={(e) => editWindow(i, { weekdaysOnly: e.target.checked })} />
                {t('costs.settings.weekdays')}
              </label>
              <button type="button" onClick={() => edit({ windows: draft.windows.filter((_, j) => j !== i) })}>
                {t('costs.settings.removeWindow', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
        {draft.kind === 'tou' && draft.windows.length < 8 && (
          <button
            type="button"
            data-testid="tariff-add-window"
            onClick={() =>
              edit({ windows: [...draft.windows, { fromHour: '22', toHour: '6', weekdaysOnly: false, eurPerKwh: draft.price }] })
            }
          >
            {t('costs.settings.addWindow')}
          </button>
        )}
      </fieldset>
      {field(t('costs.settings.supplyFixed'), draft.supplyFixed, (v) => edit({ supplyFixed: v }), 'tariff-supply-fixed')}
      <button type="button" data-testid="tariff-save" onClick={() => void submit()}>
        {t('costs.settings.save')}
      </button>
      {status && (
        <p className={status.ok ? undefined : 'error-text'} role={status.ok ? 'status' : 'alert'} data-testid="tariff-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
