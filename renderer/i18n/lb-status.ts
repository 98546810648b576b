/** Luxembourgish strings of the port status; see en-status.ts. */
import type { enStatus } from './en-status.ts';

export const lbStatus: Record<keyof typeof enStatus, string> = {
  'status.host-down': 'De LuxP1-Service äntwert net: D’Wäerter, déi ugewise ginn, sinn nach vu virdrun.',
  'status.no-source': 'Et ass nach keen Zieler verbonnen: Wielt seng Schnëttstell an den Astellungen.',
  'status.link-connecting': 'Verbindung mam Zieler gëtt opgebaut…',
  'status.link-reconnecting': 'D’Verbindung mam Zieler ass ofgebrach: Nei Verbindung gëtt opgebaut.',
  'status.link-error': 'D’Schnëttstell vum Zieler kann net gelies ginn: De Grond steet ënner Verbindung.',
  'status.link-silent': 'Verbonnen, mee den Zieler schéckt näischt.',
  'status.needs-key':
    'Ären Zieler verschlësselt seng Donnéeën. Koppelt en iwwer Ären Netzbedreiwer oder gitt de Schlëssel an den Astellungen an.',
  'status.wrong-key':
    'Falsche Schlëssel: Et kënne keng nei Wäerter gelies ginn. Koppelt den Zieler nach eng Kéier oder kontrolléiert de Schlëssel an den Astellungen.',
  'status.key-rotated':
    'De Schlëssel funktionéiert net méi: Ären Netzbedreiwer huet e wahrscheinlech geännert. Nei Wäerter kënnen eréischt gelies ginn, wann Dir den Zieler nach eng Kéier koppelt oder den neie Schlëssel an den Astellungen agitt.',
  'status.ok-encrypted': 'De Schlëssel funktionéiert: D’Donnéeë gi gelies a gepréift.',
  'status.ok-plain': 'Den Zieler schéckt net verschlësselt Donnéeën: Et gëtt kee Schlëssel gebraucht.',
  'status.no-signal': 'Kee Signal: Op der Schnëttstell kënnt näischt un. Kontrolléiert de Kabel an ob d’P1-Schnëttstell aktivéiert ass.',
  'status.noise': 'Et kommen Bytes un, mee keng Donnéeë vum Zieler: Kontrolléiert de Kabel, d’Signalinversioun an d’Vitess (115200 Baud).',
  'status.waiting': 'Et kommen Donnéeën un, mee zënter enger Zäit konnt näischt dovu gelies ginn.',
  'status.unreadableSince': 'lescht liesbar Donnéeën {seconds} s hier; Frames kommen un, mee kënnen net gelies ginn',
  'status.rejectedNone': 'keng',
  'status.rejectedSince': 'zënter {time}',
  'reject.AUTH_FAILED': 'falsche Schlëssel oder beschiedegt',
  'reject.CRC_MISMATCH': 'Préifzomm',
  'reject.REPLAY': 'widderholl',
  'reject.NO_KEY': 'kee Schlëssel',
  'reject.MALFORMED': 'feelerhaft',
  'reject.PLAIN_REFUSED': 'net verschlësselt, refuséiert',
  'mbus.notPushed':
    'D’Schnëttstell vun Ärem Zieler schéckt keng Wäerter fir Gas, Waasser oder Wäermt: Entweder ass esou en Zieler net ugeschloss, oder Ären Netzbedreiwer huet se op der Schnëttstell net fräigeschalt.',
  'status.plain-refused':
    'Äre Zieler schéckt elo onverschlësselt Donnéeën. LuxP1 weist se net: dat géif och een schécken, deen Donnéeën an d’Leitung aschleist. Wann Äre Netzbedreiwer d’Verschlësselung ausgeschalt huet, weist se.',
  'plain.accept': 'Onverschlësselt Donnéeë weisen',
  'plain.refuse': 'Weider refuséieren',
  'plain.setting.title': 'Onverschlësselt Donnéeën',
  'plain.setting.explain':
    'Wann den Zieler no verschlësselten Donnéeën onverschlësselt schéckt, kann Äre Netzbedreiwer d’Verschlësselung ausgeschalt hunn – oder een schleist falsch Wäerter an d’Leitung an.',
  'plain.setting.ask': 'All Kéier froen (recommandéiert)',
  'plain.setting.accept': 'Ëmmer weisen',
  'plain.setting.refuse': 'Ni weisen',
};
