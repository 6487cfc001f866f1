import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ContractInput, scoreCustomers, scoreCustomersFromIterable } from "../../src/index.js";
import { runs } from "../hardening/support/runs.js";
import { dayText, historyArb, scorecardArb } from "./arbitraries.js";

/** Contracts of customers a–d (d never has snapshots), days counted from 2025-01-01 as the snapshots are. */
const contractsArb = fc
  .array(
    fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d"),
      startDay: fc.integer({ min: 0, max: 400 }),
      length: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
      amount: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map(
      (row, index): ContractInput => ({
        id: String(index),
        customerId: row.customerId,
        start: dayText(row.startDay),
        ...(row.length === undefined ? {} : { end: dayText(row.startDay + row.length) }),
        amount: row.amount,
        currency: "USD",
      }),
    ),
  );

/** Paying on `day`, straight from the records: some line with amount > 0 and start ≤ day < end. */
function payingOracle(contracts: readonly ContractInput[], day: string): Set<string> {
  return new Set(
    contracts
      .filter((c) => Number(c.amount) > 0 && String(c.start) <= day && (c.end === undefined || day < String(c.end)))
      .map((c) => String(c.customerId)),
  );
}

describe("scoreCustomers with activeIn: properties", { timeout: 60_000 }, () => {
  test.prop([historyArb, contractsArb, scorecardArb(), fc.integer({ min: 0, max: 420 })], { numRuns: runs(100) })(
    "scores exactly the paying customers with a snapshot, as without activeIn, and lists every other one once with its reason",
    (snapshots, contracts, scorecard, asOfDay) => {
      const asOf = dayText(asOfDay);
      const every = scoreCustomers(snapshots, scorecard, { asOf });
      const paying = payingOracle(contracts, asOf);
      const { scores, unscored } = scoreCustomers(snapshots, scorecard, { asOf, activeIn: contracts });
      expect(scores).toEqual(every.filter((r) => paying.has(r.customerId)));
      const withSnapshot = new Set(every.map((r) => r.customerId));
      const expected = [
        ...every.filter((r) => !paying.has(r.customerId)).map((r) => ({ customerId: r.customerId, reason: "not a customer on asOf", at: r.at })),
        ...scores.filter((r) => r.band === null).map((r) => ({ customerId: r.customerId, reason: "missing measures", at: r.at })),
        ...[...paying].filter((id) => !withSnapshot.has(id)).map((customerId) => ({ customerId, reason: "no usage data", at: null })),
      ].sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
      expect(unscored).toEqual(expected);
      expect(scoreCustomersFromIterable(snapshots, scorecard, { asOf, activeIn: contracts })).toEqual({ scores, unscored });
    },
  );
});
