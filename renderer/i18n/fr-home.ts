/** French strings of the first screen; see en-home.ts. */
import type { enHome } from './en-home.ts';

export const frHome: Record<keyof typeof enHome, string> = {
  'home.powerNow': 'Puissance actuelle',
  'home.sending': '{power} injectés sur le réseau',
  'home.today': 'Aujourd’hui',
  'home.todayImport': 'Consommé aujourd’hui',
  'home.todayUnknown': 'pas encore connu',
  'home.details': 'Détails',
  'home.detailsHint': 'index du compteur, puissance réactive, phases',
  'home.supplyCut': 'Votre alimentation en électricité est coupée.',
  'home.supplyReady': 'Votre alimentation peut être rétablie.',
  'home.relays': 'Relais',
  'home.relayOff': 'Éteint',
  'home.relayOn': 'Allumé',
  'home.channel.0': 'Message général',
  'home.channel.2': 'Message 2',
  'home.channel.3': 'Message 3',
  'home.channel.4': 'Message 4',
  'home.channel.5': 'Message 5',
  'home.markAllRead': 'Tout marquer comme lu',
  'home.showMore': 'Afficher tout le message',
  'home.showLess': 'Afficher moins',
  'home.olderMessages': '{count, plural, one {# message plus ancien} other {# messages plus anciens}}',
};
