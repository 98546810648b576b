import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBlock, encodeBlock } from '../../../../electron/host/history/block-codec.ts';
import type { Sample } from '../../../../electron/host/history/block-codec.ts';

const register = fc.integer({ min: 0, max: 2 ** 40 });
const power = fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null });

describe('history block codec', () => {
  it('gives back exactly what it packed: any registers (also going back), powers or none', () => {
    const block = fc
      .array(
        fc.record({
          dt: fc.integer({ min: 1, max: 400 }),
          imp: register,
          exp: register,
          impR: register,
          expR: register,
          pImp: power,
          pExp: power,
        }),
        {
          maxLength: 400,
        },
      )
      .map((xs) => {
        let t = 1_767_225_600 - 1;
        const out: Sample[] = [];
        for (const { dt, ...rest } of xs) {
          t += dt;
          if (t < 1_767_225_600 + 3600) out.push({ t, ...rest });
        }
        return out;
      });
    fc.assert(
      fc.property(block, (samples) => {
        expect(decodeBlock(1_767_225_600, encodeBlock(1_767_225_600, samples))).toEqual(samples);
      }),
    );
  });

  it('packs an hour of 10-s telegrams into well under 10 bytes each', () => {
    const samples: Sample[] = [];
    for (let i = 0; i < 360; i++) {
      const imp = 5_000_000 + i * 3 + (i % 2);
      samples.push({
        t: 1_767_225_600 + i * 10,
        imp,
        exp: 100_000,
        impR: 400_000 + (i >> 1),
        expR: 2_000,
        pImp: 1_000 + ((i * 37) % 200),
        pExp: 0,
      });
    }
    expect(encodeBlock(1_767_225_600, samples).length / 360).toBeLessThan(4);
  });

  it('refuses a damaged blob with an error instead of wrong values', () => {
    const blob = encodeBlock(0, [{ t: 5, imp: 1, exp: 2, impR: 3, expR: 4, pImp: 5, pExp: null }]);
    expect(() => decodeBlock(0, blob.subarray(0, blob.length - 2))).toThrow();
  });
});
