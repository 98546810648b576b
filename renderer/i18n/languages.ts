/**
 * The language registry. Adding a language = its catalogue files (each typed against the English
 * part it translates, so a missing or extra key fails the type-check) plus one line here.
 */
import { deCore } from './de.ts';
import { deCosts } from './de-costs.ts';
import { deHistory } from './de-history.ts';
import { dePairing } from './de-pairing.ts';
import { deObis } from './de-obis.ts';
import { deService } from './de-service.ts';
import { deStatus } from './de-status.ts';
import { deHome } from './de-home.ts';
import { deAlerts } from './de-alerts.ts';
import type { Catalogue } from './en.ts';
import { en } from './en.ts';
import { frCore } from './fr.ts';
import { frCosts } from './fr-costs.ts';
import { frHistory } from './fr-history.ts';
import { frPairing } from './fr-pairing.ts';
import { frObis } from './fr-obis.ts';
import { frService } from './fr-service.ts';
import { frStatus } from './fr-status.ts';
import { frHome } from './fr-home.ts';
import { frAlerts } from './fr-alerts.ts';
import { frenchSpacing } from './fr-spacing.ts';
import { lbCore } from './lb.ts';
import { lbCosts } from './lb-costs.ts';
import { lbHistory } from './lb-history.ts';
import { lbPairing } from './lb-pairing.ts';
import { lbObis } from './lb-obis.ts';
import { lbService } from './lb-service.ts';
import { lbStatus } from './lb-status.ts';
import { lbHome } from './lb-home.ts';
import { lbAlerts } from './lb-alerts.ts';
import { deIntegrations } from './de-integrations.ts';
import { frIntegrations } from './fr-integrations.ts';
import { lbIntegrations } from './lb-integrations.ts';
import { deMeters } from './de-meters.ts';
import { frMeters } from './fr-meters.ts';
import { lbMeters } from './lb-meters.ts';

export interface Language {
  catalogue: Catalogue;
  /** Intl locales, best first: Intl uses the first one it has data for. */
  locales: readonly [string, ...string[]];
  /** The language's own name, as the picker shows it. */
  name: string;
}

export const LANGUAGES = {
  en: { catalogue: en, locales: ['en-GB'], name: 'English' },
  fr: {
    catalogue: frenchSpacing({
      ...frCore,
      ...frPairing,
      ...frService,
      ...frObis,
      ...frStatus,
      ...frHistory,
      ...frCosts,
      ...frHome,
      ...frAlerts,
      ...frIntegrations,
      ...frMeters,
    }),
    locales: ['fr-LU'],
    name: 'Français',
  },
  de: {
    catalogue: {
      ...deCore,
      ...dePairing,
      ...deService,
      ...deObis,
      ...deStatus,
      ...deHistory,
      ...deCosts,
      ...deHome,
      ...deAlerts,
      ...deIntegrations,
      ...deMeters,
    },
    locales: ['de-LU'],
    name: 'Deutsch',
  },
  // Chromium, and so Electron, has plural rules for lb but no number or date formats: de-LU is next.
  lb: {
    catalogue: {
      ...lbCore,
      ...lbPairing,
      ...lbService,
      ...lbObis,
      ...lbStatus,
      ...lbHistory,
      ...lbCosts,
      ...lbHome,
      ...lbAlerts,
      ...lbIntegrations,
      ...lbMeters,
    },
    locales: ['lb-LU', 'de-LU'],
    name: 'Lëtzebuergesch',
  },
} as const satisfies Record<string, Language>;

export type LanguageCode = keyof typeof LANGUAGES;

export const LANGUAGE_CODES = Object.keys(LANGUAGES) as LanguageCode[];

export const isLanguageCode = (value: unknown): value is LanguageCode => typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
