/** German strings of the alerts; see en-alerts.ts. */
import type { enAlerts } from './en-alerts.ts';

export const deAlerts: Record<keyof typeof enAlerts, string> = {
  'alerts.region': 'Hinweise',
  'alerts.dismiss': 'Schließen',
  'alerts.title.supply-cut': 'Stromversorgung unterbrochen',
  'alerts.title.supply-ready': 'Bereit zum Wiedereinschalten',
  'alerts.title.message': 'Neue Nachricht',
  'alerts.title.key-rotated': 'Schlüssel geändert',
  'alerts.title.no-data': 'Keine Daten',
  'alerts.title.over-power-class': 'Über Ihrer Leistungsklasse',
  'alerts.body.supply-cut': 'Ihr Netzbetreiber hat die Stromversorgung unterbrochen ({time}).',
  'alerts.body.supply-ready': 'Drücken Sie die Taste am Zähler, um die Stromversorgung wieder einzuschalten ({time}).',
  'alerts.body.message':
    '{count, plural, one {Eine neue Nachricht Ihres Netzbetreibers.} other {# neue Nachrichten Ihres Netzbetreibers.}}',
  'alerts.body.key-rotated': 'Ihr Netzbetreiber hat den Zählerschlüssel geändert: Koppeln Sie erneut, um neue Werte zu sehen.',
  'alerts.body.no-data': '{count, plural, one {Seit # Minute keine Daten vom Zähler.} other {Seit # Minuten keine Daten vom Zähler.}}',
  'alerts.body.over-power-class': 'In dieser Viertelstunde verbrauchen Sie mehr als Ihre Leistungsklasse ({limit} kW).',
  'alerts.settings.title': 'Hinweise',
  'alerts.settings.hint': 'Wählen Sie, worauf LuxP1 Sie hinweist: in der App und als Benachrichtigung Ihres Systems.',
  'alerts.settings.banner': 'In der App',
  'alerts.settings.notify': 'Als Benachrichtigung',
  'alerts.settings.noDataMinutes': 'Hinweis nach so vielen Minuten ohne Daten',
  'alerts.settings.minutesInvalid': 'Geben Sie eine ganze Zahl von {min} bis {max} Minuten ein.',
  'alerts.settings.denied': 'Benachrichtigungen sind für LuxP1 blockiert: Erlauben Sie sie in den Einstellungen des Browsers oder Systems.',
  'alerts.settings.unsupported': 'Dieser Browser kann hier keine Benachrichtigungen zeigen; die Hinweise erscheinen in der App.',
};
