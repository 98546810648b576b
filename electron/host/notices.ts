/**
 * One-line notices the user must see, not only the console: a settings file that was unusable and
 * replaced by defaults, a key file others could read, a messages file kept as `.bad`, a demo
 * central that crashed and was restarted. Listed in the snapshot (`Snapshot.notices`), newest last.
 */
export interface Notices {
  add(text: string): void;
  list(): string[];
}

const MAX_NOTICES = 20;

/** A capped list; `onAdd` also hears each one (the console log). */
export function createNotices(onAdd: (text: string) => void = () => {}): Notices {
  let notices: string[] = [];
  return {
    add(text) {
      notices = [...notices, text].slice(-MAX_NOTICES);
      onAdd(text);
    },
    list: () => [...notices],
  };
}
