/** Gas, water and heat: one tile per M-Bus channel the meter pushes, in channel order. */
import type { MbusChannel } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { MbusTile } from './MbusTile.tsx';

export function MbusSection({ channels }: { channels: MbusChannel[] }) {
  return (
    <section className="tile tile-wide" data-testid="tile-mbus" aria-labelledby="mbus-title">
      <h2 id="mbus-title">{t('mbus.title')}</h2>
      {channels.length === 0 ? (
        <p data-testid="mbus-none">{t('mbus.notPushed')}</p>
      ) : (
        <div className="mbus-grid">
          {channels.map((m) => (
            <MbusTile key={m.channel} m={m} />
          ))}
        </div>
      )}
    </section>
  );
}
