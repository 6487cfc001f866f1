import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { contractBook, monthsOf, revenueMovements } from "../../src/index.js";
import { asInput, contractBookArb } from "../support/contractArbitraries.js";
import { Exact, exactSum, expectClose, expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";
import { NAIVE_DENOMINATOR, naiveRows } from "../support/naiveMovements.js";

describe("revenueMovements properties", () => {
  test.prop([contractBookArb({ exactMrr: true })])(
    "the movement identity holds exactly when every MRR is a whole amount",
    ({ records, period }) => {
      const m = revenueMovements(asInput(records), period);
      // ending − starting = new + reactivation + expansion − contraction − churned, with no rounding anywhere.
      const bridge = exactSum(m.newMrr, m.reactivationMrr, m.expansionMrr).minus(m.contractionMrr).minus(m.churnedMrr);
      expectDecimal(new Exact(m.endingMrr).minus(m.startingMrr), bridge);
      expectDecimal(m.netNewMrr, bridge);
    },
  );

  test.prop([contractBookArb()])("the movement identity holds within 1e-30 for any amounts", ({ records, period }) => {
    // Quarterly and multi-year MRRs (e.g. 100.01 / 3) are rounded to 40 significant digits, so the
    // bridge of rounded totals may differ from the rounded net change in the last digits only.
    const m = revenueMovements(asInput(records), period);
    const bridge = exactSum(m.newMrr, m.reactivationMrr, m.expansionMrr).minus(m.contractionMrr).minus(m.churnedMrr);
    expectClose(new Exact(m.endingMrr).minus(m.startingMrr), bridge);
  });

  test.prop([contractBookArb()])("classifies every customer as an independent naive scan of the records does", ({ records, period }) => {
    const m = revenueMovements(asInput(records), period);
    const expected = naiveRows(records, period);
    expect(m.customers.map((row) => [row.customerId, row.movement])).toEqual(expected.map((row) => [row.customerId, row.movement]));
    m.customers.forEach((row, index) => {
      const naive = expected[index]!;
      expectDecimal(row.startingMrr, fraction(naive.m0.toString(), NAIVE_DENOMINATOR.toString()));
      expectDecimal(row.endingMrr, fraction(naive.m1.toString(), NAIVE_DENOMINATOR.toString()));
    });
    // Logo counts are counts of those rows.
    const count = (movement: string): number => expected.filter((row) => row.movement === movement).length;
    expect([m.newCustomers, m.reactivatedCustomers, m.expandedCustomers, m.contractedCustomers, m.churnedCustomers, m.flatCustomers]).toEqual(
      ["new", "reactivation", "expansion", "contraction", "churn", "flat"].map(count),
    );
    expect(m.startingCustomers).toBe(expected.filter((row) => row.m0 > 0n).length);
    expect(m.endingCustomers).toBe(expected.filter((row) => row.m1 > 0n).length);
  });

  test.prop([contractBookArb({ exactMrr: true })])("periods chain: each month's ending MRR is the next month's starting MRR", ({ records, period }) => {
    const book = contractBook(asInput(records));
    const months = monthsOf(period);
    const movements = months.map((m) => revenueMovements(book, m));
    for (let index = 1; index < movements.length; index++) {
      const previous = movements[index - 1]!;
      const current = movements[index]!;
      expectDecimal(current.startingMrr, previous.endingMrr);
      const endingByCustomer = new Map(previous.customers.map((row) => [row.customerId, row.endingMrr.toString()]));
      for (const row of current.customers) {
        if (row.startingMrr.isZero()) continue;
        expect(endingByCustomer.get(row.customerId)).toBe(row.startingMrr.toString());
      }
    }
    // Over the whole period, the months' net changes add up to the period's net change.
    const whole = revenueMovements(book, period);
    expectDecimal(exactSum(...movements.map((m) => m.netNewMrr)), whole.netNewMrr);
  });
});
