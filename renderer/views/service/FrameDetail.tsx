/** One frame: its bytes with the header fields picked out, the telegram text, and its status. */
import type { FrameRecord } from '../../../contracts/ipc.ts';
import { splitFrame, spaced } from './frame-parts.ts';
import { t } from '../../i18n/index.ts';

/** Shows `frame` in full. */
export function FrameDetail(props: { frame: FrameRecord }) {
  const { frame } = props;
  const h = frame.frame;
  return (
    <article className="frame-detail" data-testid="service-frame-detail" data-status={frame.status}>
      {h && (
        <dl className="pairs mono-values" data-testid="service-frame-header">
          <dt>{t('service.header.systemTitle')}</dt>
          <dd data-testid="service-header-system-title">{h.systemTitle}</dd>
          <dt>{t('service.header.counter')}</dt>
          <dd data-testid="service-header-counter">{h.frameCounter}</dd>
          <dt>{t('service.header.length')}</dt>
          <dd data-testid="service-header-length">{h.length}</dd>
          <dt>{t('service.header.tag')}</dt>
          <dd data-testid="service-header-tag">{h.tag}</dd>
        </dl>
      )}
      <p>
        {t('service.frame.status')}:{' '}
        <strong className={frame.status === 'ok' ? 'status-ok' : 'status-bad'} data-testid="service-frame-status">
          {frame.status === 'ok' ? t('service.frame.statusOk') : frame.status}
        </strong>
      </p>
      <h4>{t('service.frame.hex')}</h4>
      <pre data-testid="service-frame-hex" className="hex" tabIndex={0} aria-label={t('service.frame.hex')}>
        {splitFrame(frame.rawHex).map((p) => (
          <span key={p.part} data-part={p.part} title={t(p.label)}>
            {spaced(p.hex)}{' '}
          </span>
        ))}
      </pre>
      <h4>{t('service.frame.text')}</h4>
      {frame.text === null ? (
        <p>{t('service.frame.noText')}</p>
      ) : (
        <pre className="telegram-text" data-testid="service-frame-text" tabIndex={0} aria-label={t('service.frame.text')}>
          {frame.text}
        </pre>
      )}
    </article>
  );
}
