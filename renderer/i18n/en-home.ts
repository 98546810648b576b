/**
 * English strings of the first screen (Dashboard): power now, today, the supply banner, the
 * details disclosure and the operator messages. Spread into the one catalogue in en.ts.
 */
export const enHome = {
  'home.powerNow': 'Power now',
  'home.sending': 'Sending {power} to the grid',
  'home.today': 'Today',
  'home.todayImport': 'Used today',
  'home.todayUnknown': 'not known yet',
  'home.details': 'Details',
  'home.detailsHint': 'meter totals, reactive power, phases',
  'home.supplyCut': 'Your electricity supply is cut.',
  'home.supplyReady': 'Your supply can be switched back on.',
  'home.relays': 'Relays',
  'home.relayOff': 'Off',
  'home.relayOn': 'On',
  'home.channel.0': 'General message',
  'home.channel.2': 'Message 2',
  'home.channel.3': 'Message 3',
  'home.channel.4': 'Message 4',
  'home.channel.5': 'Message 5',
  'home.markAllRead': 'Mark all as read',
  'home.showMore': 'Show the whole message',
  'home.showLess': 'Show less',
  'home.olderMessages': '{count, plural, one {# older message} other {# older messages}}',
} as const satisfies Record<string, string>;
