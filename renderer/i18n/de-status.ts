/** German strings of the port status; see en-status.ts. */
import type { enStatus } from './en-status.ts';

export const deStatus: Record<keyof typeof enStatus, string> = {
  'status.host-down': 'Der LuxP1-Dienst antwortet nicht: Die angezeigten Werte stammen von vor seinem Ausfall.',
  'status.no-source': 'Noch ist kein Zähler verbunden: Wählen Sie seine Schnittstelle in den Einstellungen.',
  'status.link-connecting': 'Verbindung zum Zähler wird aufgebaut…',
  'status.link-reconnecting': 'Die Verbindung zum Zähler ist unterbrochen: Neue Verbindung wird aufgebaut.',
  'status.link-error': 'Die Schnittstelle des Zählers kann nicht gelesen werden: Den Grund sehen Sie unter Verbindung.',
  'status.link-silent': 'Verbunden, aber der Zähler sendet nichts.',
  'status.needs-key':
    'Ihr Zähler verschlüsselt seine Daten. Koppeln Sie ihn über Ihren Netzbetreiber oder geben Sie den Schlüssel in den Einstellungen ein.',
  'status.wrong-key':
    'Falscher Schlüssel: Es können keine neuen Werte gelesen werden. Koppeln Sie den Zähler erneut oder prüfen Sie den Schlüssel in den Einstellungen.',
  'status.key-rotated':
    'Der Schlüssel funktioniert nicht mehr: Ihr Netzbetreiber hat ihn wahrscheinlich geändert. Neue Werte können erst gelesen werden, wenn Sie den Zähler erneut koppeln oder den neuen Schlüssel in den Einstellungen eingeben.',
  'status.ok-encrypted': 'Der Schlüssel funktioniert: Die Daten werden gelesen und geprüft.',
  'status.ok-plain': 'Der Zähler sendet unverschlüsselte Daten: Es wird kein Schlüssel benötigt.',
  'status.no-signal': 'Kein Signal: An der Schnittstelle kommt nichts an. Prüfen Sie das Kabel und ob die P1-Schnittstelle aktiviert ist.',
  'status.noise':
    'Es kommen Bytes an, aber keine Zählerdaten: Prüfen Sie das Kabel, die Signalinvertierung und die Geschwindigkeit (115200 Baud).',
  'status.waiting': 'Es kommen Daten an, aber seit einer Weile konnte nichts davon gelesen werden.',
  'status.unreadableSince': 'letzte lesbare Daten vor {seconds} s; Datenpakete kommen an, können aber nicht gelesen werden',
  'status.rejectedNone': 'keine',
  'status.rejectedSince': 'seit {time}',
  'reject.AUTH_FAILED': 'falscher Schlüssel oder beschädigt',
  'reject.CRC_MISMATCH': 'Prüfsumme',
  'reject.REPLAY': 'wiederholt',
  'reject.NO_KEY': 'kein Schlüssel',
  'reject.MALFORMED': 'fehlerhaft',
  'reject.PLAIN_REFUSED': 'unverschlüsselt, abgewiesen',
  'mbus.notPushed':
    'Die Schnittstelle Ihres Zählers sendet keine Gas-, Wasser- oder Wärmewerte: Entweder ist kein solcher Zähler angeschlossen, oder Ihr Netzbetreiber hat sie an der Schnittstelle nicht freigeschaltet.',
  'status.plain-refused':
    'Ihr Zähler sendet jetzt unverschlüsselte Daten. LuxP1 zeigt sie nicht an: Genau das würde auch jemand senden, der Daten in die Leitung einschleust. Wenn Ihr Netzbetreiber die Verschlüsselung abgeschaltet hat, zeigen Sie sie an.',
  'plain.accept': 'Unverschlüsselte Daten anzeigen',
  'plain.refuse': 'Weiter ablehnen',
  'plain.setting.title': 'Unverschlüsselte Daten',
  'plain.setting.explain':
    'Sendet der Zähler nach verschlüsselten Daten unverschlüsselte, kann Ihr Netzbetreiber die Verschlüsselung abgeschaltet haben – oder jemand schleust falsche Werte in die Leitung ein.',
  'plain.setting.ask': 'Jedes Mal fragen (empfohlen)',
  'plain.setting.accept': 'Immer anzeigen',
  'plain.setting.refuse': 'Nie anzeigen',
};
