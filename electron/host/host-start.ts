/**
 * How a shell starts the host: takes the data directory's lock (one LuxP1 per directory), creates
 * the host services and, with no meter configured, selects the demo source. Shared by the Electron
 * main process and browser mode, so both start the same way.
 */
import type { HostServices } from '../../contracts/ipc.ts';
import { DataDirBusy, lockDataDir } from './data-lock.ts';
import { createDemo, type DemoOptions } from './demo.ts';
import type { KeyProtector } from './key-store.ts';
import { createNotices } from './notices.ts';
import { createHostServices } from './services.ts';
import type { IntegrationsSettings } from '../../contracts/integrations.ts';

export interface RunningHost {
  services: HostServices;
  demo: boolean; // the demo source is selected
  /** Records where this instance listens, for a second start on the same data directory to find. */
  publish(url: string): Promise<void>;
  close(): Promise<void>; // services first (they hold the demo's TCP link), then central and simulator, then the lock
}

export type HostStartOptions = DemoOptions & {
  protector?: KeyProtector | 'file' | 'memory';
  integrations?: Partial<IntegrationsSettings>; // `luxp1 serve` flags (issue 12)
};

/** Starts the host; throws DataDirBusy when another instance runs on the same data directory. */
export async function startHost(opts: HostStartOptions): Promise<RunningHost> {
  const locked = await lockDataDir(opts.dataDir, Date.now());
  if (!locked.ok) throw new DataDirBusy(opts.dataDir, locked.holder);
  const { lock } = locked;
  try {
    const log = opts.log ?? ((line: string) => console.error(line));
    const notices = createNotices(log);
    const demo = createDemo({ ...opts, log, notice: (line) => notices.add(line) });
    const services = await createHostServices({
      dataDir: opts.dataDir,
      demo: demo.hook,
      notices,
      log,
      ...(opts.protector ? { protector: opts.protector } : {}),
      ...(opts.integrations ? { integrations: opts.integrations } : {}),
    });
    const source = await services.handle('source:get', null);
    const configured = source.ok ? source.value : null;
    if (configured === null) {
      const set = await services.handle('source:set', { kind: 'demo' });
      const problem = !set.ok ? set.error.message : set.value.status === 'error' ? set.value.message : null;
      if (problem) notices.add(`LuxP1: the demo did not start: ${problem}`);
    }
    return {
      services,
      demo: configured === null || configured.kind === 'demo',
      publish: (url) => lock.publish(url),
      close: async () => {
        await services.close();
        await demo.stop();
        await lock.release();
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}
