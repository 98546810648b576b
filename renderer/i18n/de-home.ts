/** German strings of the first screen; see en-home.ts. */
import type { enHome } from './en-home.ts';

export const deHome: Record<keyof typeof enHome, string> = {
  'home.powerNow': 'Leistung jetzt',
  'home.sending': '{power} ins Netz eingespeist',
  'home.today': 'Heute',
  'home.todayImport': 'Heute verbraucht',
  'home.todayUnknown': 'noch nicht bekannt',
  'home.details': 'Details',
  'home.detailsHint': 'Zählerstände, Blindleistung, Phasen',
  'home.supplyCut': 'Ihre Stromversorgung ist unterbrochen.',
  'home.supplyReady': 'Ihre Stromversorgung kann wieder eingeschaltet werden.',
  'home.relays': 'Relais',
  'home.relayOff': 'Aus',
  'home.relayOn': 'Ein',
  'home.channel.0': 'Allgemeine Nachricht',
  'home.channel.2': 'Nachricht 2',
  'home.channel.3': 'Nachricht 3',
  'home.channel.4': 'Nachricht 4',
  'home.channel.5': 'Nachricht 5',
  'home.markAllRead': 'Alle als gelesen markieren',
  'home.showMore': 'Ganze Nachricht anzeigen',
  'home.showLess': 'Weniger anzeigen',
  'home.olderMessages': '{count, plural, one {# ältere Nachricht} other {# ältere Nachrichten}}',
};
