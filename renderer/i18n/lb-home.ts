/** Luxembourgish strings of the first screen; see en-home.ts. */
import type { enHome } from './en-home.ts';

export const lbHome: Record<keyof typeof enHome, string> = {
  'home.powerNow': 'Leeschtung elo',
  'home.sending': '{power} an d’Netz ageschass',
  'home.today': 'Haut',
  'home.todayImport': 'Haut verbraucht',
  'home.todayUnknown': 'nach net bekannt',
  'home.details': 'Detailer',
  'home.detailsHint': 'Zielerstänn, Blannleeschtung, Phasen',
  'home.supplyCut': 'Äre Stroum ass ofgeschalt.',
  'home.supplyReady': 'Äre Stroum kann erëm ageschalt ginn.',
  'home.relays': 'Relaisen',
  'home.relayOff': 'Aus',
  'home.relayOn': 'Un',
  'home.channel.0': 'Allgemeng Noriicht',
  'home.channel.2': 'Noriicht 2',
  'home.channel.3': 'Noriicht 3',
  'home.channel.4': 'Noriicht 4',
  'home.channel.5': 'Noriicht 5',
  'home.markAllRead': 'Alles als gelies markéieren',
  'home.showMore': 'Ganz Noriicht weisen',
  'home.showLess': 'Manner weisen',
  'home.olderMessages': '{count, plural, one {# méi al Noriicht} other {# méi al Noriichten}}',
};
