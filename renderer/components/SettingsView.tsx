/** The settings view: data source, meter key, unencrypted data after encrypted, other meters, language, alerts, tariff, comparisons, history and integrations. */
import { t } from '../i18n/index.ts';
import { AlertSettings } from './AlertSettings.tsx';
import { CompareSettings } from './CompareSettings.tsx';
import { HistorySettings } from '../views/history/HistorySettings.tsx';
import { IntegrationsSection } from './IntegrationsSection.tsx';
import { KeyEntry } from './KeyEntry.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { OtherMetersSettings } from './OtherMetersSettings.tsx';
import { PlainDataSetting } from './PlainDataSetting.tsx';
import { SourcePicker } from './SourcePicker.tsx';
import { TariffSettings } from './TariffSettings.tsx';

export function SettingsView() {
  return (
    <div className="view" data-testid="view-settings">
      <h2 className="visually-hidden">{t('settings.title')}</h2>
      <div className="grid">
        <SourcePicker />
        <KeyEntry />
        <PlainDataSetting />
        <OtherMetersSettings />
        <LanguagePicker />
        <AlertSettings />
        <TariffSettings />
        <CompareSettings />
        <HistorySettings />
        <IntegrationsSection />
      </div>
    </div>
  );
}
