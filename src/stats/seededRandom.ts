/**
 * A small seeded pseudo-random generator, so that resampling results are reproducible (internal).
 * @module
 */

/**
 * mulberry32 (Tommy Ettinger, 2017, public domain): a 32-bit state advanced by the Weyl constant
 * 0x6D2B79F5 and mixed by two xorshift-multiply rounds. Period 2³², equidistributed, passes gjrand and
 * PractRand to 8 GB — more than the 10⁵–10⁷ draws of a bootstrap need; not for cryptography.
 * @returns A function giving the next integer in [0, bound) for a whole `bound` ≥ 1.
 */
export function seededIntegers(seed: number): (bound: number) => number {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296; // [0, 1)
    // unit · bound: the bias against any value is below bound / 2³², negligible for groups of customers.
    return Math.floor(unit * bound);
  };
}
