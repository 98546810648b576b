/** German strings of the pairing flow; see en-pairing.ts. */
import type { enPairing } from './en-pairing.ts';

export const dePairing: Record<keyof typeof enPairing, string> = {
  'pairing.title': 'Ihren Zähler verbinden',
  'pairing.intro':
    'LuxP1 beobachtet die Schnittstelle und zeigt Ihnen, was dort ankommt. Danach holt es den Schlüssel Ihres Zählers bei Ihrem Netzbetreiber ab.',
  'pairing.step.port': '1. Was an der Schnittstelle ankommt',
  'pairing.step.pair': '2. Über Ihren Netzbetreiber koppeln',
  'pairing.port.waiting': 'Warten, bis die Schnittstelle geöffnet ist…',
  'pairing.port.noSignal': 'Kein Signal: An der Schnittstelle kommt nichts an.',
  'pairing.port.noise': 'Es kommen Bytes an, aber kein Telegramm: Die Leitung scheint gestört.',
  'pairing.port.plain': 'Ihr Zähler sendet unverschlüsselte Telegramme: Es wird kein Schlüssel benötigt.',
  'pairing.port.encrypted': 'Ihr Zähler sendet verschlüsselte Datenpakete mit dem Systemtitel {title}. Sie benötigen seinen Schlüssel.',
  'pairing.port.keyOk': 'Ihr Schlüssel öffnet die Datenpakete mit dem Systemtitel {title}. Alles bereit.',
  'pairing.port.wrongKey': 'Der gespeicherte Schlüssel öffnet die Datenpakete mit dem Systemtitel {title} nicht.',
  'pairing.port.rotated': 'Ihr Netzbetreiber hat den Schlüssel geändert. Koppeln Sie erneut, um den neuen abzuholen.',
  'pairing.port.systemTitle': 'Systemtitel:',
  'pairing.hint.cable': 'Prüfen Sie, ob das Kabel fest in der P1-Buchse (RJ12) des Zählers und im Computer steckt.',
  'pairing.hint.request':
    'Der Zähler sendet nur, solange die Datenanforderungsleitung (Pin 2) auf High liegt: Verwenden Sie ein P1-Kabel, das dies tut.',
  'pairing.hint.inverted': 'Die P1-Leitung ist invertiert: Ein einfacher USB-Seriell-Adapter braucht ein invertierendes Kabel.',
  'pairing.hint.baud': 'Smarty-Zähler senden mit 115200 Baud, 8N1.',
  'pairing.repair': 'Erneut koppeln',
  'pairing.meterId': 'Zählernummer (auf dem Etikett des Zählers, beginnt mit SAG)',
  'pairing.code': 'Kopplungscode Ihres Netzbetreibers',
  'pairing.centralUrl': 'Adresse des Netzbetreibers (leer lassen für die Standardadresse)',
  'pairing.advanced': 'Erweitert',
  'pairing.submit': 'Schlüssel abholen und prüfen',
  'pairing.busy': 'Anfrage bei Ihrem Netzbetreiber läuft…',
  'pairing.outcome.paired': 'Schlüssel für Zähler {meterId} angenommen. Er ist verschlüsselt auf diesem Computer gespeichert.',
  'pairing.outcome.pairedUnverified': 'Schlüssel für Zähler {meterId} gespeichert. Er wird mit dem ersten Datenpaket des Zählers geprüft.',
  'pairing.outcome.badCode':
    'Dieser Kopplungscode ist falsch. {attempts, plural, one {Sie haben noch # Versuch.} other {Sie haben noch # Versuche.}}',
  'pairing.outcome.locked':
    'Zu viele falsche Codes: Die Kopplung ist bis {until} gesperrt. Fragen Sie Ihren Netzbetreiber in der Zwischenzeit nach einem neuen Code.',
  'pairing.outcome.unknownMeter': 'Ihr Netzbetreiber kennt diese Zählernummer nicht. Prüfen Sie sie auf dem Etikett des Zählers.',
  'pairing.outcome.unreachable':
    'Das System Ihres Netzbetreibers ist nicht erreichbar ({message}). Versuchen Sie es erneut oder geben Sie den Schlüssel von Hand ein.',
  'pairing.outcome.keyFails':
    'Der Schlüssel wurde abgeholt, öffnet die Datenpakete des Zählers aber nicht: Der Schlüssel des Zählers wurde geändert. Koppeln Sie erneut.',
  'pairing.outcome.publishedKey':
    'Das ist der veröffentlichte Authentifizierungsschlüssel, in jedem Zähler derselbe, nicht der Schlüssel Ihres Zählers. Verwenden Sie den Schlüssel aus dem Schreiben Ihres Netzbetreibers.',
  'pairing.outcome.error': 'Die Kopplung ist fehlgeschlagen: {message}',
  'pairing.retry': 'Erneut versuchen',
  'pairing.manualOpen': 'Schlüssel von Hand eingeben',
  'pairing.manual.title': 'Schlüssel aus einem Schreiben',
  'pairing.manual.help': 'Im Schreiben Ihres Netzbetreibers steht der Schlüssel als 32 Hexadezimalziffern (0-9, A-F).',
  'pairing.manual.label': 'Zählerschlüssel',
  'pairing.manual.submit': 'Schlüssel speichern',
  'pairing.manual.badFormat': 'Ein Schlüssel hat 32 Hexadezimalziffern; Leerzeichen sind erlaubt.',
  'pairing.manual.saved': 'Schlüssel gespeichert. LuxP1 prüft ihn mit dem nächsten Datenpaket.',
  'pairing.manual.error': 'Der Schlüssel wurde nicht gespeichert: {message}',
  'pairing.repair.code': 'Neuer Kopplungscode für Zähler {meterId}',
  'pairing.repair.help':
    'Ihr Netzbetreiber gibt Ihnen nach dem Schlüsselwechsel einen neuen Kopplungscode. Nur der Code wird benötigt: LuxP1 kennt Ihren Zähler.',
  'pairing.port.plainRefused':
    'Es kommen unverschlüsselte Telegramme, wo zuvor verschlüsselte geprüft wurden: LuxP1 zeigt sie ohne Ihre Zustimmung nicht an (siehe Anzeige des Anschlusses).',
};
