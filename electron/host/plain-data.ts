/**
 * Unencrypted data after encrypted (issue 9, "Downgrade"). Once encrypted frames have verified
 * under the key, a plain telegram on the line is either the operator switching encryption off or
 * someone injecting data: the two look the same. So with the setting `ask` (the default) the decoder
 * refuses plain telegrams ('auto'), the app asks once, and follows the answer:
 *  - accept: plain telegrams are readings again, until an encrypted frame verifies (then a later
 *    plain telegram is refused, and asked about, once more);
 *  - refuse: they stay refused, and the app does not ask again until encryption has come back.
 * `accept` and `refuse` settings serve integrators who have decided once for all.
 */
import type { PlainDataSetting, PlainDataState } from '../../contracts/ipc.ts';
import type { DecoderEvent, PlainPolicy } from '../../protocol/types.ts';
import type { Session } from './session.ts';
import type { SettingsStore } from './settings.ts';

export interface PlainData {
  state(): PlainDataState;
  /** Every decoder event (the session's watcher). */
  observe(event: DecoderEvent): void;
  answer(accept: boolean): PlainDataState;
  setSetting(setting: PlainDataSetting): Promise<PlainDataState>;
}

/** The decoder's policy for a setting, before any answer. */
export function policyFor(setting: PlainDataSetting): PlainPolicy {
  return setting === 'ask' ? 'auto' : setting;
}

export function createPlainData(opts: {
  settings: SettingsStore;
  session: Pick<Session, 'setPlainPolicy'>;
  emit: (state: PlainDataState) => void;
}): PlainData {
  let asking = false;
  let accepted = false;
  let declined = false; // answered "refuse": no more asking until encryption is back
  const state = (): PlainDataState => ({ setting: opts.settings.get().plainData, asking, accepted });
  const changed = () => opts.emit(state());

  return {
    state,
    observe(event) {
      if (opts.settings.get().plainData !== 'ask') return;
      if (event.type === 'error' && event.code === 'PLAIN_REFUSED' && event.policy === 'auto' && !asking && !declined) {
        asking = true;
        changed();
      } else if (event.type === 'telegram' && event.encrypted && (accepted || declined || asking)) {
        // Encryption is back: from now on a plain telegram is suspect again.
        if (accepted) opts.session.setPlainPolicy('auto');
        accepted = false;
        declined = false;
        asking = false;
        changed();
      }
    },
    answer(accept) {
      if (opts.settings.get().plainData !== 'ask') return state();
      asking = false;
      accepted = accept;
      declined = !accept;
      opts.session.setPlainPolicy(accept ? 'accept' : 'auto');
      changed();
      return state();
    },
    async setSetting(setting) {
      await opts.settings.update({ plainData: setting });
      asking = false;
      accepted = false;
      declined = false;
      opts.session.setPlainPolicy(policyFor(setting));
      changed();
      return state();
    },
  };
}
