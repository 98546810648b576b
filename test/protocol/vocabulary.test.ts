/**
 * The meter's words and limits have one home, protocol/vocabulary.ts. This scans every source file
 * for a second declaration of them (the way they were once copied into every layer).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_STATES, MBUS_DEVICE_TYPES, MESSAGE_CHANNELS, mbusKind, PUBLISHED_AUTH_KEY_HEX } from '../../protocol/index.ts';

const root = join(import.meta.dirname, '..', '..');
const HOME = 'protocol/vocabulary.ts';
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && !f.startsWith('test/') && f !== HOME);

const copies: [string, RegExp][] = [
  ['the message channels', /['"]0['"],\s*['"]2['"],\s*['"]3['"],\s*['"]4['"],\s*['"]5['"]/],
  ['the control states', /['"]disconnected['"],\s*['"]connected['"],\s*['"]ready['"]/],
  ['the published authentication key', /['"`]00112233445566778899AABBCCDDEEFF['"`]/i],
  ['the power-limit maximum', /\b999\.9\b(?!\s*kVA)/],
  ['the message length limit', /(?:length|maxLength|MAX)\D{0,12}\b1024\b/],
  ['the M-Bus device-type table', /gas:\s*\{?\s*(?:deviceType:\s*)?3\b/],
];

describe('one vocabulary', () => {
  it('declares the meter words only in protocol/vocabulary.ts', () => {
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [what, pattern] of copies) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps the words consistent with the wire', () => {
    expect(CONTROL_STATES.indexOf('connected')).toBe(1); // 0-0:96.3.10(1) is connected
    expect(MESSAGE_CHANNELS).not.toContain('1');
    expect(PUBLISHED_AUTH_KEY_HEX).toMatch(/^[0-9A-F]{32}$/);
    for (const [kind, { deviceType }] of Object.entries(MBUS_DEVICE_TYPES)) expect(mbusKind(deviceType)).toBe(kind);
  });
});
