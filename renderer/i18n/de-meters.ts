/** German strings of several meters; see en-meters.ts. */
import type { enMeters } from './en-meters.ts';

export const deMeters: Record<keyof typeof enMeters, string> = {
  'meters.title': 'Ihre Zähler',
  'meters.primary': 'Hauptzähler',
  'meters.col.meter': 'Zähler',
  'meters.col.import': 'Bezug',
  'meters.col.export': 'Einspeisung',
  'meters.col.link': 'Verbindung',
  'meters.old': 'alter Wert',
  'meters.none': 'noch kein Wert',
  'meters.net.from': 'Ihr Haus bezieht {power} aus dem Netz.',
  'meters.net.to': 'Ihr Haus speist {power} ins Netz ein.',
  'meters.net.zero': 'Ihr Haus bezieht nichts aus dem Netz und speist nichts ein.',
  'meters.net.old': 'Einige dieser Werte sind alt.',
  'meters.settings.title': 'Weitere Zähler',
  'meters.settings.explain':
    'Ein zweiter Zähler, der neben dem Hauptzähler gelesen wird, etwa der Erzeugungszähler einer Solaranlage. Jeder hat seinen eigenen Anschluss und seinen eigenen Schlüssel.',
  'meters.settings.label': 'Name',
  'meters.settings.address': 'Anschluss oder Adresse',
  'meters.settings.addressHint':
    'Host:Port für einen Netzwerkadapter (z. B. 192.168.1.20:2001) oder eine serielle Schnittstelle wie /dev/ttyUSB1',
  'meters.settings.add': 'Zähler hinzufügen',
  'meters.settings.added': '{label} hinzugefügt.',
  'meters.settings.badLabel': 'Geben Sie dem Zähler einen Namen.',
  'meters.settings.badAddress': 'Geben Sie Host:Port oder den Pfad einer seriellen Schnittstelle ein.',
  'meters.settings.full': 'Es können höchstens {max} weitere Zähler hinzugefügt werden.',
  'meters.settings.failed': 'Speichern nicht möglich: {message}',
  'meters.settings.keyFor': 'Schlüssel für {label}',
  'meters.settings.saveKey': 'Schlüssel speichern',
  'meters.settings.pairTitle': 'Oder {label} mit dem Code Ihres Netzbetreibers koppeln',
  'meters.settings.keySaved': 'Schlüssel für {label} gespeichert.',
  'meters.settings.keyFails': 'Dieser Schlüssel öffnet die Daten von {label} nicht; der bisherige Schlüssel bleibt in Gebrauch.',
  'meters.settings.hasKey': 'Ein Schlüssel ist gespeichert.',
  'meters.settings.noKey': 'Noch kein Schlüssel.',
  'meters.settings.remove': '{label} entfernen',
  'meters.settings.removed': '{label} entfernt.',
};
