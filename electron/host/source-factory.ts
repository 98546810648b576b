/**
 * Turns a SourceConfig into a Source. The demo is a TCP source whose endpoint comes from the
 * shell's `demo` hook (it starts the bundled central system and a simulated meter); the hook may
 * also hand over a pairing code, which the services redeem like any other.
 */
import type { SourceConfig } from '../../contracts/ipc.ts';
import { fail, ok } from '../../protocol/index.ts';
import type { Failure, Result } from '../../protocol/types.ts';
import type { Clock } from './clock.ts';
import { createFileSource } from './sources/file.ts';
import type { Source } from './sources/source.ts';
import { createTcpSource } from './sources/tcp.ts';

export interface DemoEndpoint {
  host: string;
  port: number;
  centralUrl?: string; // the bundled central system, for pairing and central:info
  pairing?: { meterId: string; code: string }; // redeemed when no key is stored yet
}

/** What the shell passes to run the demo: start (or reuse) the central + simulator, say where to connect. */
export type DemoHook = (opts: { intervalMs?: number }) => Promise<DemoEndpoint>;

/** A built source, or why it cannot be built (one line, for the link state). */
export type SourceBuild = Result<{ source: Source; demo: DemoEndpoint | null }, Failure<'SOURCE_UNAVAILABLE'>>;

/** Builds the source for `config`; serial is loaded lazily so a box without the native binding still runs TCP and files. */
export async function buildSource(config: SourceConfig, clock: Clock, demo: DemoHook | undefined): Promise<SourceBuild> {
  switch (config.kind) {
    case 'serial': {
      try {
        const { createSerialSource } = await import('./sources/serial.ts');
        return ok({ source: createSerialSource(config), demo: null });
      } catch (err) {
        return fail('SOURCE_UNAVAILABLE', `serial ports unavailable: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    case 'tcp':
      return ok({ source: createTcpSource(config.host, config.port), demo: null });
    case 'file':
      return ok({ source: createFileSource(config.path, config.speed, clock), demo: null });
    case 'demo': {
      if (!demo) return fail('SOURCE_UNAVAILABLE', 'demo: not available in this shell');
      try {
        const endpoint = await demo(config.intervalMs === undefined ? {} : { intervalMs: config.intervalMs });
        return ok({ source: createTcpSource(endpoint.host, endpoint.port), demo: endpoint });
      } catch (err) {
        return fail('SOURCE_UNAVAILABLE', `demo: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  }
}
