/**
 * English strings of several meters (issue 12): Home's "Your meters" tile and Settings → Other
 * meters. Spread into the one catalogue in en.ts.
 */
export const enMeters = {
  'meters.title': 'Your meters',
  'meters.primary': 'Main meter',
  'meters.col.meter': 'Meter',
  'meters.col.import': 'Taking',
  'meters.col.export': 'Sending',
  'meters.col.link': 'Link',
  'meters.old': 'old value',
  'meters.none': 'no value yet',
  'meters.net.from': 'Your home takes {power} from the grid.',
  'meters.net.to': 'Your home sends {power} to the grid.',
  'meters.net.zero': 'Your home takes nothing from the grid and sends nothing to it.',
  'meters.net.old': 'Some of these values are old.',
  'meters.settings.title': 'Other meters',
  'meters.settings.explain':
    'A second meter read next to the main one, such as the production meter of solar panels. Each has its own port and its own key.',
  'meters.settings.label': 'Name',
  'meters.settings.address': 'Port or address',
  'meters.settings.addressHint': 'host:port for a network adapter (e.g. 192.168.1.20:2001), or a serial port such as /dev/ttyUSB1',
  'meters.settings.add': 'Add meter',
  'meters.settings.added': '{label} added.',
  'meters.settings.badLabel': 'Give the meter a name.',
  'meters.settings.badAddress': 'Type host:port or the path of a serial port.',
  'meters.settings.full': 'At most {max} other meters can be added.',
  'meters.settings.failed': 'Could not save: {message}',
  'meters.settings.keyFor': 'Key for {label}',
  'meters.settings.saveKey': 'Save key',
  'meters.settings.pairTitle': 'Or pair {label} with the code from your grid operator',
  'meters.settings.keySaved': 'Key saved for {label}.',
  'meters.settings.keyFails': 'This key does not open the data of {label}; the key in use is kept.',
  'meters.settings.hasKey': 'A key is stored.',
  'meters.settings.noKey': 'No key yet.',
  'meters.settings.remove': 'Remove {label}',
  'meters.settings.removed': '{label} removed.',
} as const satisfies Record<string, string>;
