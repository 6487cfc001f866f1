/**
 * Differential testing: the library against the naive day-by-day oracle (test/hardening/oracle/) on
 * random contract books. Every figure must equal the oracle's exact rational, or that rational
 * correctly rounded to 40 significant digits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arrOn,
  cohortRetention,
  contractBook,
  contractionRate,
  expansionRate,
  grossRevenueChurnRate,
  grr,
  logoChurnRate,
  logoRetentionRate,
  lostRevenue,
  mrrOn,
  mrrSeries,
  netLogoChurnRate,
  netRevenueChurnRate,
  nrr,
  revenueChurnRate,
  revenueMovements,
  revenueReport,
} from "../../../src/index.js";
import { bookAndPeriodArbitrary, bookWithMovementsArbitrary } from "../support/bookArbitrary.js";
import { expectSame } from "../support/exactMatch.js";
import { runs, timeoutFor } from "../support/runs.js";
import { civilFromDays, daysInMonth, formatDay, parseDay } from "./calendar.js";
import { oracleCohorts, oracleLostRevenue, oracleMrrOn, oracleRates, oracleRows, oracleTotals } from "./revenueOracle.js";
import { mul, rat } from "./rational.js";

const withCurrency = <T extends object>(contracts: readonly T[]) => contracts.map((c) => ({ ...c, currency: "USD" }));

describe("differential oracle: library = naive day-by-day rational evaluation", () => {
  it(
    "movements, per-customer rows and every rate",
    () => {
      fc.assert(
        fc.property(bookAndPeriodArbitrary, ({ contracts, period }) => {
          const book = contractBook(withCurrency(contracts));
          const rows = oracleRows(contracts, period);
          const totals = oracleTotals(rows);
          const rates = oracleRates(totals);
          const m = revenueMovements(book, period);
          expectSame("startingMrr", m.startingMrr, totals.starting);
          expectSame("endingMrr", m.endingMrr, totals.ending);
          expectSame("newMrr", m.newMrr, totals.newMrr);
          expectSame("reactivationMrr", m.reactivationMrr, totals.reactivation);
          expectSame("expansionMrr", m.expansionMrr, totals.expansion);
          expectSame("contractionMrr", m.contractionMrr, totals.contraction);
          expectSame("churnedMrr", m.churnedMrr, totals.churned);
          expect([m.startingCustomers, m.endingCustomers, m.newCustomers, m.reactivatedCustomers, m.expandedCustomers, m.contractedCustomers, m.churnedCustomers, m.flatCustomers]).toEqual([
            totals.counts.starting,
            totals.counts.ending,
            totals.counts.new,
            totals.counts.reactivation,
            totals.counts.expansion,
            totals.counts.contraction,
            totals.counts.churn,
            totals.counts.flat,
          ]);
          expect(m.customers.map((c) => [c.customerId, c.movement])).toEqual(rows.map((r) => [r.customerId, r.movement]));
          m.customers.forEach((c, i) => {
            expectSame(`${c.customerId}.startingMrr`, c.startingMrr, rows[i]!.m0);
            expectSame(`${c.customerId}.endingMrr`, c.endingMrr, rows[i]!.m1);
          });

          expectSame("nrr", nrr(book, period), rates.nrr);
          expectSame("grr", grr(book, period), rates.grr);
          expectSame("expansionRate", expansionRate(book, period), rates.expansionRate);
          expectSame("contractionRate", contractionRate(book, period), rates.contractionRate);
          expectSame("revenueChurnRate", revenueChurnRate(book, period), rates.revenueChurnRate);
          expectSame("grossRevenueChurnRate", grossRevenueChurnRate(book, period), rates.grossRevenueChurnRate);
          expectSame("netRevenueChurnRate", netRevenueChurnRate(book, period), rates.netRevenueChurnRate);
          expectSame("netRevenueChurnRate+react", netRevenueChurnRate(book, period, { subtractReactivation: true }), rates.netRevenueChurnRateWithReactivation);
          expectSame("logoChurnRate", logoChurnRate(book, period), rates.logoChurnRate);
          expectSame("logoRetentionRate", logoRetentionRate(book, period), rates.logoRetentionRate);
          expectSame("netLogoChurnRate", netLogoChurnRate(book, period), rates.netLogoChurnRate);

          const report = revenueReport(book, period, { subtractReactivation: true, proration: "day" });
          expectSame("report.nrr", report.rates.nrr, rates.nrr);
          expectSame("report.netRevenueChurnRate", report.rates.netRevenueChurnRate, rates.netRevenueChurnRateWithReactivation);
          expectSame("report.churnedMrr", report.movements.churnedMrr, totals.churned);
          expectSame("report.lostRevenue", report.lostRevenue.total, oracleLostRevenue(rows, period, "day").total);
        }),
        { numRuns: runs(400) },
      );
    },
    timeoutFor(120_000),
  );

  it(
    "lost revenue under both prorations, row by row",
    () => {
      const hits = { churn: 0, firstDayChurn: 0, reactivation: 0 };
      fc.assert(
        fc.property(bookWithMovementsArbitrary, fc.constantFrom("month" as const, "day" as const), ({ contracts, period, firstDayChurn }, proration) => {
          const rows = oracleRows(contracts, period);
          const expected = oracleLostRevenue(rows, period, proration);
          // The planted customers make the loops below check something in every run.
          const movementOf = (id: string): string | undefined => rows.find((r) => r.customerId === id)?.movement;
          expect([movementOf("churner"), movementOf("returner"), movementOf("starter")]).toEqual(["churn", "reactivation", "new"]);
          hits.churn += expected.rows.length > 0 ? 1 : 0;
          hits.firstDayChurn += firstDayChurn && expected.rows.some((r) => r.churnDate === period.start) ? 1 : 0;
          hits.reactivation += rows.some((r) => r.movement === "reactivation") ? 1 : 0;
          const actual = lostRevenue(withCurrency(contracts), period, proration === "month" ? {} : { proration });
          expect(actual.proration).toBe(proration);
          expectSame("total", actual.total, expected.total);
          expect(actual.customers.map((r) => [r.customerId, r.churnDate, r.remainingDays])).toEqual(
            expected.rows.map((r) => [r.customerId, r.churnDate, r.remainingDays]),
          );
          actual.customers.forEach((row, i) => {
            const want = expected.rows[i]!;
            expectSame(`${row.customerId}.baseArr`, row.baseArr, want.baseArr);
            expectSame(`${row.customerId}.remainingMonths`, row.remainingMonths, want.remainingMonths);
            expectSame(`${row.customerId}.lostRevenue`, row.lostRevenue, want.lost);
          });
        }),
        { numRuns: runs(400) },
      );
      // Every run has a churn and a reactivation; about half a first-day churn.
      const total = runs(400);
      expect(hits.churn, JSON.stringify(hits)).toBe(total);
      expect(hits.reactivation, JSON.stringify(hits)).toBe(total);
      expect(hits.firstDayChurn, JSON.stringify(hits)).toBeGreaterThanOrEqual(Math.ceil(total / 4));
    },
    timeoutFor(120_000),
  );

  it(
    "mrrOn, arrOn and the month-end MRR series",
    () => {
      fc.assert(
        fc.property(bookAndPeriodArbitrary, fc.integer({ min: -40, max: 500 }), ({ contracts, period }, offset) => {
          const date = formatDay(parseDay(period.start) + offset);
          const records = withCurrency(contracts);
          const expected = oracleMrrOn(contracts, date);
          expectSame(`mrrOn(${date})`, mrrOn(records, date).amount, expected);
          expectSame(`arrOn(${date})`, arrOn(records, date).amount, mul(rat(12), expected));
          const series = mrrSeries(records, period);
          const endDay = parseDay(period.end);
          const points: { month: string; date: string }[] = [];
          let previousMonth = "";
          for (let day = parseDay(period.start); day < endDay; day++) {
            const { y, m, d } = civilFromDays(day);
            const label = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
            if (label !== previousMonth || d === daysInMonth(y, m) || day === endDay - 1) {
              if (label === previousMonth) points.pop();
              if (d === daysInMonth(y, m) || day === endDay - 1) points.push({ month: label, date: formatDay(day) });
              else points.push({ month: label, date: "" });
              previousMonth = label;
            }
          }
          expect(series.points.map((p) => [p.month, p.date])).toEqual(points.map((p) => [p.month, p.date]));
          series.points.forEach((p) => {
            const want = oracleMrrOn(contracts, p.date);
            expectSame(`series ${p.month}`, p.mrr, want);
            expectSame(`series ${p.month} arr`, p.arr, mul(rat(12), want));
          });
        }),
        { numRuns: runs(300) },
      );
    },
    timeoutFor(120_000),
  );

  it(
    "cohort retention",
    () => {
      fc.assert(
        fc.property(bookAndPeriodArbitrary, ({ contracts, period }) => {
          const expected = oracleCohorts(contracts, period);
          const actual = cohortRetention(withCurrency(contracts), period);
          expect(actual.cohorts.map((c) => [c.cohort, c.customers, c.cells.map((cell) => [cell.month, cell.activeCustomers])])).toEqual(
            expected.map((c) => [c.cohort, c.customers, c.cells.map((cell) => [cell.month, cell.active])]),
          );
          actual.cohorts.forEach((cohort, i) => {
            const want = expected[i]!;
            expectSame(`${cohort.cohort}.startingMrr`, cohort.startingMrr, want.startingMrr);
            cohort.cells.forEach((cell, k) => {
              expectSame(`${cohort.cohort}[${k}].mrr`, cell.mrr, want.cells[k]!.mrr);
              expectSame(`${cohort.cohort}[${k}].logo`, cell.logoRetention, want.cells[k]!.logo);
              expectSame(`${cohort.cohort}[${k}].revenue`, cell.revenueRetention, want.cells[k]!.revenue);
            });
          });
        }),
        { numRuns: runs(300) },
      );
    },
    timeoutFor(120_000),
  );
});
