/** One operator message's text: a long one (up to 1024 bytes) shows its start until the user opens it. */
import { useId, useState } from 'react';
import { t } from '../i18n/index.ts';

const LONG = 180; // characters: about three lines on a phone

export function MessageText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (text.length <= LONG) return <p className="message-text">{text}</p>;
  return (
    <>
      <p className={`message-text${open ? '' : ' is-clamped'}`} id={id} data-testid="message-text" data-open={open}>
        {text}
      </p>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="message-toggle"
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'home.showLess' : 'home.showMore')}
      </button>
    </>
  );
}
