/**
 * English strings of the port status (state/port-status.ts): one sentence per status, and the names
 * of the reasons a frame is rejected. Spread into the one catalogue in en.ts.
 */
export const enStatus = {
  'status.host-down': 'LuxP1’s own service does not answer: the values shown are from before it stopped.',
  'status.no-source': 'No meter is connected yet: choose its port in Settings.',
  'status.link-connecting': 'Connecting to the meter…',
  'status.link-reconnecting': 'The connection to the meter was lost: reconnecting.',
  'status.link-error': 'The meter’s port cannot be read: see the reason under Link.',
  'status.link-silent': 'Connected, but the meter sends nothing.',
  'status.needs-key': 'Your meter encrypts its data. Pair with your grid operator, or enter the key in Settings.',
  'status.wrong-key': 'Wrong key: no new values can be read. Pair with your grid operator again, or check the key in Settings.',
  'status.key-rotated':
    'The key stopped working: your operator has probably changed it. No new values can be read until you pair again or enter the new key in Settings.',
  'status.plain-refused':
    'Your meter now sends unencrypted data. LuxP1 does not show it: that is what someone injecting data on the line would send too. If your grid operator switched encryption off, show it.',
  'plain.accept': 'Show the unencrypted data',
  'plain.refuse': 'Keep refusing it',
  'plain.setting.title': 'Unencrypted data',
  'plain.setting.explain':
    'When the meter sends unencrypted data after encrypted data, it may be your grid operator switching encryption off, or someone injecting false values on the line.',
  'plain.setting.ask': 'Ask me each time (recommended)',
  'plain.setting.accept': 'Always show it',
  'plain.setting.refuse': 'Never show it',
  'status.ok-encrypted': 'The key works: data is read and verified.',
  'status.ok-plain': 'The meter sends unencrypted data: no key is needed.',
  'status.no-signal': 'No signal: nothing arrives on the port. Check the cable and that the P1 port is enabled.',
  'status.noise': 'Bytes arrive but no meter data: check the cable, the signal inversion and the speed (115200 baud).',
  'status.waiting': 'Data arrives, but none of it could be read for a while.',
  'status.unreadableSince': 'last readable data {seconds} s ago; frames arrive but cannot be read',
  'status.rejectedNone': 'none',
  'status.rejectedSince': 'since {time}',
  'reject.AUTH_FAILED': 'wrong key or damaged',
  'reject.CRC_MISMATCH': 'checksum',
  'reject.REPLAY': 'replayed',
  'reject.NO_KEY': 'no key',
  'reject.MALFORMED': 'malformed',
  'reject.PLAIN_REFUSED': 'unencrypted, refused',
  'mbus.notPushed':
    'Your meter’s port sends no gas, water or heat readings: either no such meter is connected, or your grid operator has not enabled them on the port.',
} as const satisfies Record<string, string>;
