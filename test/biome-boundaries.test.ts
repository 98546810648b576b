/**
 * The layer boundaries of biome.json, proved on probe files: each rule fails the lint on a violating
 * import and lets the allowed one through. A rule that silently stopped matching would pass here no more.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

// The project's own biome.json, in a scratch tree with the project's layout (no git there, so no VCS).
const scratch = mkdtempSync(join(tmpdir(), 'luxp1-lint-'));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<string, unknown>;
delete config.$schema;
delete config.vcs;
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let probes = 0;
/** Lints `source` as the file at `path` of the project's layout. */
function lint(path: string, source: string): { ok: boolean; output: string } {
  const file = join(scratch, `${path}.${++probes}.ts`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const r = spawnSync(biome, ['lint', '--only=style/noRestrictedImports', file], { cwd: scratch, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const cases: { file: string; allowed: string[]; refused: string[] }[] = [
  {
    file: 'protocol/dsmr/probe',
    allowed: ["import { crc16 } from './crc16.ts';", "import { gcm } from '@noble/ciphers/aes.js';"],
    refused: [
      "import { readFileSync } from 'node:fs';",
      "import { createHash } from 'crypto';",
      "import type { ApiResult } from '../../contracts/ipc.ts';",
      "import { createHostServices } from '../../electron/host/services.ts';",
    ],
  },
  {
    file: 'contracts/probe',
    allowed: ["import type { Telegram } from '../protocol/types.ts';"],
    refused: [
      "import { readFile } from 'node:fs/promises';",
      "import { t } from '../renderer/i18n/index.ts';",
      "import '../central-mock/meter.ts';",
    ],
  },
  {
    file: 'renderer/components/probe',
    allowed: ["import type { LuxApi } from '../../contracts/ipc.ts';", "import { MESSAGE_CHANNELS } from '../../protocol/index.ts';"],
    refused: [
      "import type { HostServicesOptions } from '../../electron/host/services.ts';",
      "import { ipcRenderer } from 'electron';",
      "import { spawn } from 'node:child_process';",
      "import { startSimulator } from '../../central-mock/simulator/run-meter.ts';",
    ],
  },
  {
    file: 'central-mock/probe',
    allowed: ["import { checkMeterPatch } from '../contracts/central.ts';"],
    refused: ["import { createHostServices } from '../electron/host/services.ts';", "import { t } from '../renderer/i18n/index.ts';"],
  },
  {
    file: 'electron/host/probe',
    allowed: ["import { createCentralClient } from '../../contracts/central-client.ts';"],
    refused: ["import { t } from '../../renderer/i18n/index.ts';", "import { create } from 'zustand';"],
  },
];

describe('layer boundaries (biome.json)', () => {
  for (const c of cases) {
    it(`${c.file.split('/')[0]}/: refuses what it must not import`, () => {
      for (const line of c.refused) {
        const r = lint(c.file, `${line}\nexport {};\n`);
        expect(r.ok, line).toBe(false);
        expect(r.output).toMatch(/noRestrictedImports/);
      }
    });
    it(`${c.file.split('/')[0]}/: lets the allowed imports through`, () => {
      for (const line of c.allowed) {
        const r = lint(c.file, `${line}\nexport {};\n`);
        expect(r.ok, r.output).toBe(true);
        expect(r.output).not.toMatch(/noRestrictedImports/);
      }
    });
  }
});
