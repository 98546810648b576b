/** The settings view: data source, meter key, unencrypted data after encrypted, language, and integrations. */
import { t } from '../i18n/index.ts';
import { IntegrationsSection } from './IntegrationsSection.tsx';
import { KeyEntry } from './KeyEntry.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { PlainDataSetting } from './PlainDataSetting.tsx';
import { SourcePicker } from './SourcePicker.tsx';

export function SettingsView() {
  return (
    <div className="view" data-testid="view-settings">
      <h2 className="visually-hidden">{t('settings.title')}</h2>
      <div className="grid">
        <SourcePicker />
        <KeyEntry />
        <PlainDataSetting />
        <LanguagePicker />
        <IntegrationsSection />
      </div>
    </div>
  );
}
