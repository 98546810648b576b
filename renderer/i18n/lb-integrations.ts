/** Luxembourgish strings of Settings → Integrations; see en-integrations.ts. */
import type { enIntegrations } from './en-integrations.ts';

export const lbIntegrations: Record<keyof typeof enIntegrations, string> = {
  'integrations.title': 'Integratiounen',
  'integrations.explain':
    'Deelt déi iwwerpréifte Wäerter mat anere Programmer: engem MQTT-Broker (Home Assistant fënnt de Compteur vum selwen), DSMR-Programmer iwwer TCP an enger lokaler JSON-API.',
  'integrations.fromFlags': 'Fir dëse Laf op der Kommandozeil festgeluecht: {parts}. Hei applizéieren ersetzt se.',
  'integrations.mqtt.title': 'MQTT',
  'integrations.mqtt.enable': 'Un e MQTT-Broker schécken',
  'integrations.mqtt.url': 'URL vum Broker (mqtt:// oder mqtts://)',
  'integrations.mqtt.user': 'Benotzernumm',
  'integrations.mqtt.password': 'Passwuert',
  'integrations.mqtt.passwordKept': 'E Passwuert ass gespäichert. Loosst dëst Feld eidel, fir et ze halen.',
  'integrations.mqtt.baseTopic': 'Basis-Topic',
  'integrations.mqtt.discovery': 'Home-Assistant-Erkennung',
  'integrations.mqtt.caFile': 'CA-Zertifikatsdatei (PEM)',
  'integrations.mqtt.certFile': 'Client-Zertifikatsdatei (PEM)',
  'integrations.mqtt.keyFile': 'Client-Schlësseldatei (PEM)',
  'integrations.reserve.title': 'DSMR-Weiderginn (TCP)',
  'integrations.reserve.enable': 'D’Telegrammer entschlësselt als einfacht DSMR weiderginn',
  'integrations.reserve.warning':
    'Dës Adress ass vun anere Computeren aus z’erreechen: all Telegramm geet entschlësselt eraus, liesbar fir jiddereen am Netzwierk.',
  'integrations.api.title': 'Lokal JSON-API',
  'integrations.api.enable': 'Déi lokal JSON-API ubidden',
  'integrations.api.token': 'Ausserhalb vun dësem Computer freet d’API no engem Token; et steet an {file}.',
  'integrations.address': 'Adress (HOST:PORT)',
  'integrations.badAddress': 'Erwaart gëtt eng Adress als HOST:PORT, zum Beispill 127.0.0.1:2001.',
  'integrations.save': 'Applizéieren',
  'integrations.saved': 'Applizéiert.',
  'integrations.state.off': 'Aus',
  'integrations.state.connecting': 'Verbannen…',
  'integrations.state.connected': 'Verbonne mat {address}',
  'integrations.state.listening': 'Lauschtert op {address}',
  'integrations.state.error': 'Feeler: {message}',
};
