/** German strings of Settings → Integrations; see en-integrations.ts. */
import type { enIntegrations } from './en-integrations.ts';

export const deIntegrations: Record<keyof typeof enIntegrations, string> = {
  'integrations.title': 'Integrationen',
  'integrations.explain':
    'Teilen Sie die geprüften Messwerte mit anderen Programmen: einem MQTT-Broker (Home Assistant findet den Zähler von selbst), DSMR-Programmen über TCP und einer lokalen JSON-API.',
  'integrations.fromFlags': 'Für diesen Lauf auf der Befehlszeile festgelegt: {parts}. Übernehmen ersetzt sie.',
  'integrations.mqtt.title': 'MQTT',
  'integrations.mqtt.enable': 'An einen MQTT-Broker senden',
  'integrations.mqtt.url': 'Broker-URL (mqtt:// oder mqtts://)',
  'integrations.mqtt.user': 'Benutzername',
  'integrations.mqtt.password': 'Passwort',
  'integrations.mqtt.passwordKept': 'Ein Passwort ist gespeichert. Lassen Sie das Feld leer, um es zu behalten.',
  'integrations.mqtt.baseTopic': 'Basis-Topic',
  'integrations.mqtt.discovery': 'Home-Assistant-Erkennung',
  'integrations.mqtt.caFile': 'CA-Zertifikatsdatei (PEM)',
  'integrations.mqtt.certFile': 'Client-Zertifikatsdatei (PEM)',
  'integrations.mqtt.keyFile': 'Client-Schlüsseldatei (PEM)',
  'integrations.reserve.title': 'DSMR-Weitergabe (TCP)',
  'integrations.reserve.enable': 'Telegramme entschlüsselt als einfaches DSMR weitergeben',
  'integrations.reserve.warning':
    'Diese Adresse ist von anderen Computern aus erreichbar: Jedes Telegramm geht entschlüsselt hinaus, lesbar für alle im Netzwerk.',
  'integrations.api.title': 'Lokale JSON-API',
  'integrations.api.enable': 'Lokale JSON-API bereitstellen',
  'integrations.api.token': 'Außerhalb dieses Computers verlangt die API ein Token; es steht in {file}.',
  'integrations.address': 'Adresse (HOST:PORT)',
  'integrations.badAddress': 'Erwartet wird eine Adresse als HOST:PORT, zum Beispiel 127.0.0.1:2001.',
  'integrations.save': 'Übernehmen',
  'integrations.saved': 'Übernommen.',
  'integrations.state.off': 'Aus',
  'integrations.state.connecting': 'Verbinde…',
  'integrations.state.connected': 'Verbunden mit {address}',
  'integrations.state.listening': 'Wartet auf {address}',
  'integrations.state.error': 'Fehler: {message}',
};
