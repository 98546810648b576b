/**
 * The project's one result shape. Bad input is a value, never a throw across a boundary: bytes off
 * the wire, a request from the renderer, a reply from the central system, a file on disk.
 * A failure carries a typed `code` (a union the compiler checks at every comparison), a one-line
 * `message` for people, and whatever a caller needs besides (attempts left, the frame header).
 */
export interface Failure<C extends string = string> {
  code: C;
  message: string;
}

export type Result<T, E extends Failure = Failure> = { ok: true; value: T } | { ok: false; error: E };

/** A success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failure with just a code and a message. */
export function fail<C extends string>(code: C, message: string): { ok: false; error: Failure<C> } {
  return { ok: false, error: { code, message } };
}
