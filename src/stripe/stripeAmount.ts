/**
 * Exact arithmetic on Stripe amounts in minor units: `coefficient × 10^-scale` with bigint
 * coefficients, so `unit_amount_decimal` × quantity × (1 − percent_off / 100) − amount_off is never
 * rounded.
 * @module
 */

/** An exact non-negative decimal `coefficient × 10^-scale`. */
export interface MinorAmount {
  readonly coefficient: bigint;
  readonly scale: number;
}

/** Plain non-negative decimal text (`"1250"`, `"0.5"`, `"25.5"`, already validated) read exactly. */
export function readDecimalText(text: string): MinorAmount {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text)!;
  const fraction = match[2] ?? "";
  return { coefficient: BigInt(match[1]! + fraction), scale: fraction.length };
}

/** a × n. */
export function times(a: MinorAmount, n: bigint): MinorAmount {
  return { coefficient: a.coefficient * n, scale: a.scale };
}

/** a × (100 − percent) / 100, for 0 ≤ percent ≤ 100. */
export function percentOff(a: MinorAmount, percent: MinorAmount): MinorAmount {
  const hundred = 100n * 10n ** BigInt(percent.scale);
  return { coefficient: a.coefficient * (hundred - percent.coefficient), scale: a.scale + percent.scale + 2 };
}

/** a − b when a ≥ b, else 0 (`rest`), and b − a when b > a, else 0 (`left`): b taken off a as far as it goes. */
export function takeOff(a: MinorAmount, b: MinorAmount): { rest: MinorAmount; left: MinorAmount } {
  const scale = Math.max(a.scale, b.scale);
  const difference = a.coefficient * 10n ** BigInt(scale - a.scale) - b.coefficient * 10n ** BigInt(scale - b.scale);
  return {
    rest: { coefficient: difference > 0n ? difference : 0n, scale },
    left: { coefficient: difference < 0n ? -difference : 0n, scale },
  };
}

/** `true` when the amount is 0. */
export function isZeroAmount(a: MinorAmount): boolean {
  return a.coefficient === 0n;
}

/** The amount in major units (minor / 10^digits) as plain decimal text without trailing zeros. */
export function majorUnitText(a: MinorAmount, digits: number): string {
  const scale = a.scale + digits;
  let text = a.coefficient.toString().padStart(scale + 1, "0");
  if (scale === 0) return text;
  text = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
  return text.replace(/\.?0+$/, "");
}
