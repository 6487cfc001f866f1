import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  contractBook,
  contractionRate,
  expansionRate,
  grossRevenueChurnRate,
  grr,
  logoChurnRate,
  logoRetentionRate,
  netLogoChurnRate,
  netRevenueChurnRate,
  nrr,
  revenueChurnRate,
  revenueMovements,
  revenueReport,
} from "../../src/index.js";
import { asInput, contractBookArb } from "../support/contractArbitraries.js";
import { naiveRows } from "../support/naiveMovements.js";
import { Exact, exactSum, expectClose, expectDecimal } from "../support/decimals.js";

describe("rate properties", () => {
  test.prop([contractBookArb()])("NRR = GRR + expansion rate and net revenue churn = 1 − NRR (within 1e-30)", ({ records, period }) => {
    const book = contractBook(asInput(records));
    const n = nrr(book, period);
    const g = grr(book, period);
    const e = expansionRate(book, period);
    if (n === null || g === null || e === null) {
      expect([n, g, e]).toEqual([null, null, null]);
      return;
    }
    expectClose(n, exactSum(g, e));
    expectClose(netRevenueChurnRate(book, period), new Exact(1).minus(n));
    expectClose(grossRevenueChurnRate(book, period), new Exact(1).minus(g));
    // gross revenue churn = revenue churn + contraction rate
    expectClose(grossRevenueChurnRate(book, period), exactSum(revenueChurnRate(book, period)!, contractionRate(book, period)!));
  });

  test.prop([contractBookArb()])("GRR and the churn, contraction and logo rates lie in [0, 1]; NRR and expansion ≥ 0", ({ records, period }) => {
    const book = contractBook(asInput(records));
    for (const rate of [grr, contractionRate, revenueChurnRate, grossRevenueChurnRate, logoChurnRate, logoRetentionRate]) {
      const value = rate(book, period);
      if (value === null) continue;
      expect(value.gte(0) && value.lte(1), `${rate.name} = ${value.toString()}`).toBe(true);
    }
    for (const rate of [nrr, expansionRate]) {
      const value = rate(book, period);
      if (value !== null) expect(value.gte(0), `${rate.name} = ${value.toString()}`).toBe(true);
    }
    const churn = logoChurnRate(book, period);
    if (churn !== null) expectDecimal(logoRetentionRate(book, period), new Exact(1).minus(churn));
  });

  test.prop([contractBookArb()])("rates are null exactly when their base is empty", ({ records, period }) => {
    const book = contractBook(asInput(records));
    const m = revenueMovements(book, period);
    const report = revenueReport(book, period, { subtractReactivation: true });
    const revenueBaseEmpty = m.startingMrr.isZero();
    const logoBaseEmpty = m.startingCustomers === 0;
    // Zero-amount lines never put a customer in the starting cohort, so the two bases are empty together.
    expect(revenueBaseEmpty).toBe(logoBaseEmpty);
    const { logoChurnRate: lc, logoRetentionRate: lr, netLogoChurnRate: nl, ...revenueRates } = report.rates;
    for (const [name, value] of Object.entries(revenueRates)) expect(value === null, name).toBe(revenueBaseEmpty);
    for (const value of [lc, lr, nl]) expect(value === null).toBe(logoBaseEmpty);
    expect(netLogoChurnRate(book, period) === null).toBe(logoBaseEmpty);
  });

  test.prop([contractBookArb({ exactMrr: true })])(
    "the subtractReactivation variant = (churn + contraction − expansion − reactivation) / S, from the records",
    ({ records, period }) => {
      // Independent of the library's movements: each customer's M0 and M1 summed from the raw records.
      const rows = naiveRows(records, period);
      const sum = (movement: string, amount: (row: (typeof rows)[number]) => bigint): bigint =>
        rows.filter((row) => row.movement === movement).reduce((total, row) => total + amount(row), 0n);
      const starting = rows.reduce((total, row) => total + row.m0, 0n);
      const numerator =
        sum("churn", (r) => r.m0) + sum("contraction", (r) => r.m0 - r.m1) - sum("expansion", (r) => r.m1 - r.m0) - sum("reactivation", (r) => r.m1);
      const variant = netRevenueChurnRate(contractBook(asInput(records)), period, { subtractReactivation: true });
      if (starting === 0n) expect(variant).toBeNull();
      else expectClose(variant, new Exact(numerator.toString()).div(starting.toString()));
    },
  );

  test.prop([contractBookArb(), fc.constantFrom("month" as const, "day" as const)])(
    "revenueReport agrees with the individual functions",
    ({ records, period }, proration) => {
      const book = contractBook(asInput(records));
      const report = revenueReport(book, period, { proration });
      const singles = {
        nrr: nrr(book, period),
        grr: grr(book, period),
        expansionRate: expansionRate(book, period),
        contractionRate: contractionRate(book, period),
        revenueChurnRate: revenueChurnRate(book, period),
        grossRevenueChurnRate: grossRevenueChurnRate(book, period),
        netRevenueChurnRate: netRevenueChurnRate(book, period),
        logoChurnRate: logoChurnRate(book, period),
        logoRetentionRate: logoRetentionRate(book, period),
        netLogoChurnRate: netLogoChurnRate(book, period),
      };
      expect(JSON.stringify(report.rates)).toBe(JSON.stringify(singles));
      const { period: _period, customers: _customers, ...totals } = revenueMovements(book, period);
      expect(JSON.stringify(report.movements)).toBe(JSON.stringify(totals));
    },
  );
});
