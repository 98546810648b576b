/**
 * The operator's text messages (five channels) as an inbox: history from the host, a polite live
 * notice when a new one arrives, "mark read" per channel and "mark all as read". Channels have
 * names a household reads; a long message shows its start until opened; older ones fold away.
 */
import type { MessageRecord } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { formatCapture } from '../i18n/format.ts';
import { useApi, useApp } from '../state/context.tsx';
import { messageId, type MessageChannel } from '../state/messages.ts';
import { MessageText } from './MessageText.tsx';

const SHOWN = 5; // the newest ones; the rest behind a disclosure
const channelLabel = (c: MessageChannel): string => t(`home.channel.${c}`);

export function Inbox() {
  const messages = useApp((s) => s.messages);
  const unread = useApp((s) => s.unread);
  const markReadLocally = useApp((s) => s.markRead);
  const api = useApi();
  const unreadSet = new Set(unread);
  const buttonShown = new Set<MessageChannel>(); // one "mark read" per channel, on its newest unread

  const markRead = (channel: MessageChannel): void => {
    markReadLocally(channel);
    void api['messages:markRead']({ channel });
  };
  const markAllRead = (): void => {
    const channels = new Set(messages.filter((m) => unreadSet.has(messageId(m))).map((m) => m.channel));
    for (const c of channels) markRead(c);
  };

  const item = (m: MessageRecord) => {
    const isNew = unreadSet.has(messageId(m));
    const showButton = isNew && !buttonShown.has(m.channel);
    if (showButton) buttonShown.add(m.channel);
    return (
      <li
        key={messageId(m)}
        className={isNew ? 'message is-new' : 'message'}
        data-testid="message"
        data-channel={m.channel}
        data-unread={isNew}
      >
        <p className="message-meta">
          {isNew && <strong className="badge">{t('inbox.new')}</strong>} <span className="message-channel">{channelLabel(m.channel)}</span>
          {' · '}
          <span>{t('inbox.received', { when: formatCapture(new Date(m.firstSeenAt).toISOString()) })}</span>
        </p>
        <MessageText text={m.text} />
        {showButton && (
          <button type="button" data-testid={`mark-read-${m.channel}`} onClick={() => markRead(m.channel)}>
            {t('inbox.markRead', { channel: channelLabel(m.channel) })}
          </button>
        )}
      </li>
    );
  };

  const older = messages.slice(SHOWN);
  return (
    <section className="tile" data-testid="inbox" aria-labelledby="inbox-title">
      <div className="tile-head">
        <h2 id="inbox-title">{t('inbox.title')}</h2>
        {unread.length > 1 && (
          <button type="button" className="link-button" data-testid="mark-all-read" onClick={markAllRead}>
            {t('home.markAllRead')}
          </button>
        )}
      </div>
      <p className="notice" role="status" aria-live="polite" data-testid="inbox-notice">
        {unread.length > 0 ? t('inbox.newNotice', { count: unread.length }) : ''}
      </p>
      {messages.length === 0 ? <p>{t('inbox.empty')}</p> : <ul className="messages">{messages.slice(0, SHOWN).map(item)}</ul>}
      {older.length > 0 && (
        <details className="older-messages" data-testid="older-messages">
          <summary>{t('home.olderMessages', { count: older.length })}</summary>
          <ul className="messages">{older.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
