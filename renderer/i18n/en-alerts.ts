/**
 * English strings of the alerts (alerts/): each kind's banner and notification, and their settings.
 * Spread into the one catalogue in en.ts.
 */
export const enAlerts = {
  'alerts.region': 'Alerts',
  'alerts.dismiss': 'Dismiss',
  'alerts.title.supply-cut': 'Supply cut',
  'alerts.title.supply-ready': 'Ready for reconnection',
  'alerts.title.message': 'New message',
  'alerts.title.key-rotated': 'Key changed',
  'alerts.title.no-data': 'No data',
  'alerts.title.over-power-class': 'Over your power class',
  'alerts.body.supply-cut': 'Your grid operator has cut the electricity supply ({time}).',
  'alerts.body.supply-ready': 'Press the button on the meter to switch the supply back on ({time}).',
  'alerts.body.message': '{count, plural, one {A new message from your operator.} other {# new messages from your operator.}}',
  'alerts.body.key-rotated': 'Your operator changed the meter key: pair again to see new values.',
  'alerts.body.no-data': '{count, plural, one {No data from the meter for # minute.} other {No data from the meter for # minutes.}}',
  'alerts.body.over-power-class': 'This quarter-hour you are using more than your power class ({limit} kW).',
  'alerts.settings.title': 'Alerts',
  'alerts.settings.hint': 'Choose what LuxP1 tells you about, in the app and as a notification from your system.',
  'alerts.settings.banner': 'In the app',
  'alerts.settings.notify': 'As a notification',
  'alerts.settings.noDataMinutes': 'Alert after this many minutes without data',
  'alerts.settings.minutesInvalid': 'Type a whole number of minutes from {min} to {max}.',
  'alerts.settings.denied': 'Notifications are blocked for LuxP1: allow them in your browser’s or system’s settings.',
  'alerts.settings.unsupported': 'This browser cannot show notifications here; the alerts stay in the app.',
} as const satisfies Record<string, string>;
