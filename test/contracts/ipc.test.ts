/**
 * The contract's error codes are a union the compiler checks: a renderer that compares against a code
 * no handler returns does not type-check. `npm test` runs tsc over this file first, so each
 * `@ts-expect-error` below fails the run the day its line becomes valid.
 */
import { describe, expect, it } from 'vitest';
import type { ApiErrorCode, ApiResult } from '../../contracts/ipc.ts';
import { fail, ok } from '../../protocol/index.ts';

function refusal(code: ApiErrorCode): ApiResult<null> {
  return fail(code, 'refused');
}

describe('ApiResult', () => {
  it('carries a typed code, checked at every comparison', () => {
    const r = refusal('UNKNOWN_METER');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code === 'UNKNOWN_METER').toBe(true);
    // @ts-expect-error a misspelt code is a compile error, not a branch that never runs
    expect(r.error.code === 'UNKNOWN_METRE').toBe(false);
  });

  it('refuses to build a failure with a code outside the contract', () => {
    // @ts-expect-error 'KEY_STORE' is not one of ApiErrorCode
    const bad: ApiResult<null> = fail('KEY_STORE', 'disk full');
    expect(bad.ok).toBe(false);
    expect(ok(1)).toEqual({ ok: true, value: 1 });
  });
});
