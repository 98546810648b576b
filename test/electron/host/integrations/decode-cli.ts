/** `luxp1 decode` run in this process on some bytes, for checking what an integration hands on. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main as decodeMain } from '../../../../electron/cli/decode.ts';

/** The NDJSON records of `luxp1 decode ARGS FILE`, `bytes` written to a fresh file in `dir`. */
export async function decodeCli(dir: string, args: string[], bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = join(dir, `decode-${Math.random().toString(36).slice(2)}.bin`);
  writeFileSync(file, bytes);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  let code: number;
  try {
    code = await decodeMain([...args, file]);
  } finally {
    spy.mockRestore();
  }
  if (code !== 0) throw new Error(`luxp1 decode exited ${code}`);
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
