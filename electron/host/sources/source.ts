/**
 * The one small interface every byte source implements (serial, TCP, file, demo-over-TCP).
 * A source makes a single connection attempt per `open`; reconnecting and silence detection live in
 * link.ts, shared by all of them.
 */

/** What a source reports about its connection. `ended` = finite input ran out (a replayed file). */
export type SourceEvent =
  | { status: 'open' }
  | { status: 'closed'; message: string } // dropped after opening: unplugged, peer closed
  | { status: 'failed'; message: string; fatal?: boolean } // could not open; fatal = retrying cannot help
  | { status: 'ended'; message: string };

export interface Source {
  /** One-line description for messages, e.g. "/dev/ttyUSB0" or "10.0.0.5:2001". */
  readonly label: string;
  /** Starts one connection attempt; reports through `onState` exactly one terminal event per attempt. */
  open(onBytes: (bytes: Uint8Array) => void, onState: (event: SourceEvent) => void): void;
  /** Closes the current connection, if any; no further callbacks after it resolves. */
  close(): Promise<void>;
}
