/**
 * `correlation` against the exact correlation oracle (correlationOracle.ts: bigint rationals over the
 * values' exact binary values, no src/). The library computes in double precision, so the comparison
 * states its tolerance:
 * - null exactly when the oracle says r is undefined (fewer than 2 pairs, a side without variance);
 * - Spearman: the ranks are half-integers, so every sum is exact in doubles and only √ and the last
 *   division round — equal to the correctly rounded r when r is a fraction, else within 2^-50;
 * - Pearson: within 1e-9 of the exact r (a centred two-pass sum in doubles errs by about n³·2^-53 ≈
 *   2e-13 for these n ≤ 12, with the mean's rounding corrected), including series that differ only in
 *   their last bits, huge (1e300, 2^1000) and subnormal (2^-1060) values, and two points (r = ±1).
 * Counters assert that every kind of series was drawn.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correlation } from "../../../src/index.js";
import { type OracleCorrelation, approximateR, oracleCorrelation } from "./correlationOracle.js";
import { nextUp } from "./doubles.js";
import { hitFloor, runs, timeoutFor } from "../support/runs.js";

type Kind = "lattice" | "ties" | "constant" | "two" | "nearConstant" | "offset" | "doubles";

/** Scale factors: exact (powers of two, subnormal and huge) and inexact (powers of ten). */
const SCALES = [1, 0.1, 1e-7, 1e-300, 2 ** -1060, 1e300, 2 ** 1000, -3] as const;
/** Centres for series that differ only in their last bits. */
const CENTRES = [1, 0.1, 1e6, 1e-300, 1e300, -7.5, 2 ** -1030] as const;

const lattice = (n: number, max: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: -max, max }), { minLength: n, maxLength: n });

/** `k` units in the last place above `centre`. */
function ulpsAbove(centre: number, k: number): number {
  let value = centre;
  for (let i = 0; i < k; i++) value = nextUp(value);
  return value;
}

function seriesArbitrary(kind: Kind, n: number): fc.Arbitrary<number[]> {
  switch (kind) {
    case "lattice":
    case "two":
      return fc.tuple(lattice(n, 50), fc.constantFrom(...SCALES)).map(([ks, scale]) => ks.map((k) => k * scale));
    case "ties":
      return lattice(n, 2);
    case "constant":
      return fc.constantFrom(...CENTRES, 0, 5e-324, Number.MAX_VALUE).map((c) => Array.from({ length: n }, () => c));
    case "nearConstant":
      return fc.tuple(fc.constantFrom(...CENTRES), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n })).map(([c, ks]) => ks.map((k) => ulpsAbove(c, k)));
    case "offset":
      return fc.tuple(fc.constantFrom(1e6, 1e9, -1e12, 2 ** 40), lattice(n, 20)).map(([offset, ks]) => ks.map((k) => offset + k));
    case "doubles":
      return fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n });
  }
}

const KINDS: readonly Kind[] = ["lattice", "ties", "constant", "two", "nearConstant", "offset", "doubles"];

/** Paired series: each side of its own kind (so one constant side meets a varying one), same length. */
const pairArbitrary = fc
  .record({ xKind: fc.constantFrom(...KINDS), yKind: fc.constantFrom(...KINDS), n: fc.integer({ min: 0, max: 12 }) })
  .chain(({ xKind, yKind, n }) => {
    const length = xKind === "two" || yKind === "two" ? 2 : n;
    return fc.record({ xKind: fc.constant(xKind), yKind: fc.constant(yKind), xs: seriesArbitrary(xKind, length), ys: seriesArbitrary(yKind, length) });
  });

const show = (o: OracleCorrelation | null): string => (o === null ? "null" : `sign ${o.sign}, r² = ${o.squared.n}/${o.squared.d}`);

describe("correlation differential oracle: library = exact Pearson / Spearman within the stated tolerance", () => {
  it(
    "Pearson and Spearman on lattices, ties, constant, two-point, near-constant, offset, huge and subnormal series",
    () => {
      const counters: Record<string, number> = {};
      const bump = (key: string): void => {
        counters[key] = (counters[key] ?? 0) + 1;
      };
      fc.assert(
        fc.property(pairArbitrary, fc.constantFrom("pearson" as const, "spearman" as const), ({ xKind, yKind, xs, ys }, method) => {
          const actual = correlation(xs, ys, { method });
          const expected = oracleCorrelation(xs, ys, method);
          bump(`x:${xKind}`);
          bump(`method:${method}`);
          if (xs.length === 2) bump("twoPoints");
          if (xs.some((x) => x !== 0 && (Math.abs(x) < 2 ** -1022 || Math.abs(x) >= 1e300))) bump("extreme");
          const label = `${method} of ${JSON.stringify(xs)} and ${JSON.stringify(ys)}: oracle ${show(expected)}`;
          if (expected === null) {
            bump("null");
            expect(actual, label).toBeNull();
            return;
          }
          expect(actual, label).not.toBeNull();
          const r = approximateR(expected);
          if (method === "spearman") {
            if (expected.exact !== null) {
              bump("spearmanExact");
              expect(actual, label).toBe(r);
            } else expect(Math.abs(actual! - r), label).toBeLessThanOrEqual(2 ** -50);
          } else {
            if (xKind === "nearConstant" || yKind === "nearConstant") bump("pearsonNearConstant");
            expect(Math.abs(actual! - r), label).toBeLessThanOrEqual(1e-9);
          }
        }),
        { numRuns: runs(1000) },
      );
      for (const kind of KINDS) expect(counters[`x:${kind}`] ?? 0, JSON.stringify(counters)).toBeGreaterThanOrEqual(hitFloor(50));
      for (const key of ["null", "twoPoints", "extreme", "spearmanExact", "pearsonNearConstant"]) expect(counters[key] ?? 0, `${key}: ${JSON.stringify(counters)}`).toBeGreaterThanOrEqual(hitFloor(20));
    },
    timeoutFor(60_000),
  );
});
