/**
 * The fast contract reader must agree with the schema: whatever it accepts, the schema accepts with
 * the same normalised values; whatever is unusual, it leaves to the schema.
 */
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { parseCalendarDate } from "../../src/dates/calendarDate.js";
import { toScaledInteger } from "../../src/money/exactDecimal.js";
import { epochDayOfIsoText } from "../../src/dates/isoDateText.js";
import { readPlainAmount, readPlainContract } from "../../src/revenue/plainContractReader.js";
import { ContractSchema } from "../../src/schemas/contract.js";
import { AmountSchema } from "../../src/schemas/primitives.js";
import { runs } from "../hardening/support/runs.js";

const dateTextArb = fc.oneof(
  // Real dates across the whole range, and near-dates that do not exist.
  fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "2025-1-01", " 2025-01-01", "2025-01-01\n", "２０２５-01-01"),
);

const amountArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 10_000_000 }),
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map((n) => n.toString()),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 20 })).map(([n, s]) => {
    const text = n.toString().padStart(s + 1, "0");
    return s === 0 ? text : `${text.slice(0, -s)}.${text.slice(-s)}`;
  }),
  // around the 100-decimal-place limit, with and without trailing zeros (which do not count)
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 94, max: 102 }), fc.integer({ min: 0, max: 3 })).map(
    ([digits, zeros, trailing]) => `0.${"0".repeat(zeros)}${digits}${"0".repeat(trailing)}`,
  ),
  fc.constantFrom("1.", ".5", "0.000", "-0", "+1", "1e3", " 12", "12 ", "", ".", "1.2.3", "007.50", -0, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e21, 1e-7, Infinity),
  fc.string({ maxLength: 6 }),
);

describe("plain contract reader", { timeout: 60_000 }, () => {
  test.prop([dateTextArb], { numRuns: runs(2000) })("epochDayOfIsoText agrees with parseCalendarDate", (text) => {
    expect(epochDayOfIsoText(text)).toBe(parseCalendarDate(text));
  });

  test.prop([amountArb], { numRuns: runs(2000) })("readPlainAmount accepts only valid amounts, with the schema's exact value", (value) => {
    const fast = readPlainAmount(value);
    if (fast === null) return;
    const parsed = AmountSchema.safeParse(value);
    expect(parsed.success).toBe(true);
    const exact = toScaledInteger(parsed.data!);
    expect([BigInt(fast.coefficient), fast.scale]).toEqual([exact.coefficient, exact.scale]);
  });

  const recordArb = fc.record(
    {
      id: fc.oneof(fc.constantFrom("c1", "", "c-2"), fc.integer({ min: -3, max: 3 }), fc.constant(1.5), fc.constant(null)),
      customerId: fc.oneof(fc.constantFrom("acme", "beta", ""), fc.integer({ min: 0, max: 3 }), fc.constant(undefined)),
      start: fc.oneof(dateTextArb, fc.constant(new Date("2025-01-01T00:00:00Z")), fc.constant(undefined)),
      end: fc.oneof(dateTextArb, fc.constant(null), fc.constant(undefined), fc.constant(5)),
      amount: fc.oneof(amountArb, fc.constantFrom(null, true, undefined, [1])),
      interval: fc.oneof(fc.constantFrom("month", "quarter", "year", "week", "day", "fortnight", undefined)),
      intervalCount: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 4 }), fc.constant(1.5), fc.constant("2")),
      currency: fc.constantFrom("JPY", "USD", "XYZ", "jpy", "Usd", "ｊｐｙ", "jpyy", undefined),
      product: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 3 }), fc.constant(7)),
      plan: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 3 })),
      seats: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 50 }), fc.constant(2.5)),
    },
    { requiredKeys: [] },
  );

  test.prop([recordArb], { numRuns: runs(3000) })("readPlainContract accepts only what the schema accepts, with the same values", (record) => {
    const fast = readPlainContract(record);
    if (fast === null) return;
    const parsed = ContractSchema.safeParse(record);
    expect(parsed.success).toBe(true);
    const contract = parsed.data!;
    expect(fast.id).toBe(contract.id);
    expect(fast.customerId).toBe(contract.customerId);
    expect(fast.startDay).toBe(parseCalendarDate(contract.start));
    expect(fast.endDay).toBe(contract.end === null ? Number.POSITIVE_INFINITY : parseCalendarDate(contract.end));
    const exact = toScaledInteger(contract.amount);
    expect([BigInt(fast.coefficient), fast.scale]).toEqual([exact.coefficient, exact.scale]);
    expect([fast.interval, fast.intervalCount, fast.currency]).toEqual([contract.interval, contract.intervalCount, contract.currency]);
    expect([fast.product, fast.plan, fast.seats]).toEqual([contract.product, contract.plan, contract.seats]);
  });

  test.prop([fc.constantFrom(-0, 0, 1200, Number.MAX_SAFE_INTEGER)])("a whole-number amount is read as it is, -0 as 0", (amount) => {
    const fast = readPlainContract({ id: "c1", customerId: "a", start: "2025-01-01", amount, currency: "JPY" });
    // coefficient × 10^-0 = amount; -0 and 0 are the same amount, kept as +0 (as decimal.js prints "0").
    expect(fast?.scale).toBe(0);
    expect(Object.is(fast?.coefficient, amount === 0 ? 0 : amount)).toBe(true);
  });

  test.prop([fc.constantFrom(null, undefined, 5, "x", [], new Date(0))])("non-records go to the schema", (record) => {
    expect(readPlainContract(record)).toBeNull();
  });
});
