/** Luxembourgish strings of the pairing flow; see en-pairing.ts. */
import type { enPairing } from './en-pairing.ts';

export const lbPairing: Record<keyof typeof enPairing, string> = {
  'pairing.title': 'Ären Zieler verbannen',
  'pairing.intro':
    'LuxP1 iwwerwaacht d’Schnëttstell a seet Iech, wat do ukënnt. Dono hëlt et de Schlëssel vun Ärem Zieler bei Ärem Netzbedreiwer.',
  'pairing.step.port': '1. Wat op der Schnëttstell ukënnt',
  'pairing.step.pair': '2. Iwwer Ären Netzbedreiwer koppelen',
  'pairing.port.waiting': 'Waarden, bis d’Schnëttstell op ass…',
  'pairing.port.noSignal': 'Kee Signal: Op der Schnëttstell kënnt näischt un.',
  'pairing.port.noise': 'Et kommen Bytes un, mee keen Telegramm: D’Leitung schéngt gestéiert.',
  'pairing.port.plain': 'Ären Zieler schéckt onverschlësselt Telegrammer: Et gëtt kee Schlëssel gebraucht.',
  'pairing.port.encrypted': 'Ären Zieler schéckt verschlësselt Frames mam Systemtitel {title}. Dir braucht säi Schlëssel.',
  'pairing.port.keyOk': 'Äre Schlëssel mécht d’Frames mam Systemtitel {title} op. Alles ass prett.',
  'pairing.port.wrongKey': 'De gespäicherte Schlëssel mécht d’Frames mam Systemtitel {title} net op.',
  'pairing.port.rotated': 'Ären Netzbedreiwer huet de Schlëssel geännert. Koppelt nach eng Kéier, fir deen neien ze kréien.',
  'pairing.port.systemTitle': 'Systemtitel:',
  'pairing.hint.cable': 'Kontrolléiert, ob de Kabel fest an der P1-Schnëttstell (RJ12) vum Zieler an am Computer stécht.',
  'pairing.hint.request':
    'Den Zieler schéckt nëmmen, soulaang d’Leitung fir d’Datenufro (Pin 2) op High ass: Benotzt e P1-Kabel, deen dat mécht.',
  'pairing.hint.inverted': 'D’P1-Leitung ass invertéiert: En einfachen USB-Seriell-Adapter brauch en invertéierende Kabel.',
  'pairing.hint.baud': 'Smarty-Zieler schécke mat 115200 Baud, 8N1.',
  'pairing.repair': 'Nach eng Kéier koppelen',
  'pairing.meterId': 'Zielernummer (um Etikett vum Zieler, fänkt mat SAG un)',
  'pairing.code': 'Koppelcode vun Ärem Netzbedreiwer',
  'pairing.centralUrl': 'Adress vum Netzbedreiwer (eidel loosse fir d’Standardadress)',
  'pairing.advanced': 'Erweidert',
  'pairing.submit': 'Schlëssel sichen a préiwen',
  'pairing.busy': 'Ufro bei Ärem Netzbedreiwer leeft…',
  'pairing.outcome.paired': 'Schlëssel fir den Zieler {meterId} ugeholl. E gëtt verschlësselt op dësem Computer gespäichert.',
  'pairing.outcome.pairedUnverified': 'Schlëssel fir den Zieler {meterId} gespäichert. E gëtt mam éischte Frame vum Zieler gepréift.',
  'pairing.outcome.badCode':
    'Dëse Koppelcode ass falsch. {attempts, plural, one {Dir hutt nach # Versuch.} other {Dir hutt nach # Versich.}}',
  'pairing.outcome.locked':
    'Ze vill falsch Coden: D’Koppelen ass bis {until} gespaart. Frot Ären Netzbedreiwer an der Tëschenzäit no engem neie Code.',
  'pairing.outcome.unknownMeter': 'Ären Netzbedreiwer kennt dës Zielernummer net. Kontrolléiert se um Etikett vum Zieler.',
  'pairing.outcome.unreachable':
    'De System vun Ärem Netzbedreiwer ass net z’erreechen ({message}). Probéiert et nach eng Kéier oder gitt de Schlëssel mat der Hand an.',
  'pairing.outcome.keyFails':
    'De Schlëssel gouf geholl, mee e mécht d’Frames vum Zieler net op: De Schlëssel vum Zieler gouf geännert. Koppelt nach eng Kéier.',
  'pairing.outcome.publishedKey':
    'Dat ass de publizéierten Authentifikatiounsschlëssel, an all Zieler deeselwechten, net de Schlëssel vun Ärem Zieler. Benotzt de Schlëssel aus dem Bréif vun Ärem Netzbedreiwer.',
  'pairing.outcome.error': 'D’Koppelen huet net geklappt: {message}',
  'pairing.retry': 'Nach eng Kéier probéieren',
  'pairing.manualOpen': 'Schlëssel mat der Hand aginn',
  'pairing.manual.title': 'Schlëssel aus engem Bréif',
  'pairing.manual.help': 'Am Bréif vun Ärem Netzbedreiwer steet de Schlëssel als 32 Hexadezimalzifferen (0-9, A-F).',
  'pairing.manual.label': 'Schlëssel vum Zieler',
  'pairing.manual.submit': 'Schlëssel späicheren',
  'pairing.manual.badFormat': 'E Schlëssel huet 32 Hexadezimalzifferen; Espacen sinn erlaabt.',
  'pairing.manual.saved': 'Schlëssel gespäichert. LuxP1 préift e mam nächste Frame.',
  'pairing.manual.error': 'De Schlëssel gouf net gespäichert: {message}',
  'pairing.repair.code': 'Neie Koppelcode fir den Zieler {meterId}',
  'pairing.repair.help':
    'Ären Netzbedreiwer gëtt Iech no engem Schlësselwiessel en neie Koppelcode. Nëmmen de Code gëtt gebraucht: LuxP1 kennt Ären Zieler.',
  'pairing.port.plainRefused':
    'Et kommen onverschlësselt Telegrammer, wou virdru verschlësselt gepréift goufen: LuxP1 weist se net ouni Är Zoustëmmung (kuckt d’Uzeig vum Port).',
};
