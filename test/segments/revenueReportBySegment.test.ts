import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, quarter, revenueReportBySegment } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { deepFreeze } from "../support/deepFreeze.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

/**
 * Q1 2025 (M0 on 2024-12-31, M1 on 2025-03-31), six customers, plans A and B:
 * - a: A $50 until 2025-02-01, then B $30 → overall contraction 20; leaves A with 50, enters B with 30
 *   (ChartMogul's plan switch: "MRR Leaving Segment is $50" for the old plan, help.chartmogul.com Chart Data);
 * - b: A $100 throughout, B $40 from 2025-02-15 → overall expansion 40; flat in A, enters B with 40;
 * - c: B $20 from 2025-03-15 → new 20 in B;
 * - d: A $60 + B $10 until 2025-02-01 → churn 70: 60 in A, 10 in B;
 * - e: $25 without a plan throughout → flat 25 in the unlabelled segment;
 * - f: A $10 in the first half of 2024, A $15 from 2025-03-01 → reactivation 15 in A.
 */
const book: ContractInput[] = [
  { id: "a1", customerId: "a", start: "2024-06-01", end: "2025-02-01", amount: 50, currency: "USD", plan: "A" },
  { id: "a2", customerId: "a", start: "2025-02-01", amount: 30, currency: "USD", plan: "B" },
  { id: "b1", customerId: "b", start: "2024-06-01", amount: 100, currency: "USD", plan: "A" },
  { id: "b2", customerId: "b", start: "2025-02-15", amount: 40, currency: "USD", plan: "B" },
  { id: "c1", customerId: "c", start: "2025-03-15", amount: 20, currency: "USD", plan: "B" },
  { id: "d1", customerId: "d", start: "2024-01-01", end: "2025-02-01", amount: 60, currency: "USD", plan: "A" },
  { id: "d2", customerId: "d", start: "2024-01-01", end: "2025-02-01", amount: 10, currency: "USD", plan: "B", product: "addon" },
  { id: "e1", customerId: "e", start: "2024-01-01", amount: 25, currency: "USD" },
  { id: "f1", customerId: "f", start: "2024-01-01", end: "2024-06-01", amount: 10, currency: "USD", plan: "A" },
  { id: "f2", customerId: "f", start: "2025-03-01", amount: 15, currency: "USD", plan: "A" },
];

describe("revenueReportBySegment: worked example by plan", () => {
  const result = revenueReportBySegment(book, quarter(2025, 1), { segment: "plan" });
  const [a, b, none] = result.segments;

  it("lists the segments by label, the unlabelled one last", () => {
    expect(result.segmentBy).toBe("plan");
    expect(result.segments.map((s) => s.segment)).toEqual(["A", "B", null]);
  });

  it("plan A: 210 → 115 = 210 + 15 reactivation − 60 churn − 50 leaving", () => {
    const m = a!.movements;
    // m0: a 50 + b 100 + d 60 = 210; m1: b 100 + f 15 = 115.
    expectDecimal(m.startingMrr, 210);
    expectDecimal(m.endingMrr, 115);
    expectDecimal(m.reactivationMrr, 15);
    expectDecimal(m.churnedMrr, 60);
    expectDecimal(m.leavingSegmentMrr, 50);
    expectDecimal(m.enteringSegmentMrr, 0);
    expectDecimal(m.expansionMrr, 0);
    expectDecimal(m.netNewMrr, -95);
    expect([m.startingCustomers, m.endingCustomers, m.flatCustomers, m.churnedCustomers, m.leavingSegmentCustomers, m.reactivatedCustomers]).toEqual([3, 2, 1, 1, 1, 1]);
    // S = 210; the cohort a, b, d ends with 0 + 100 + 0 = 100 in A: NRR = GRR = 100/210 = 10/21.
    expectDecimal(a!.rates.nrr, fraction("10", "21"));
    expectDecimal(a!.rates.grr, fraction("10", "21"));
    expectDecimal(a!.rates.leavingSegmentRate, fraction("5", "21"));
    expectDecimal(a!.rates.grossRevenueChurnRate, fraction("11", "21")); // (60 + 50) / 210
    expectDecimal(a!.rates.revenueChurnRate, fraction("2", "7")); // 60 / 210
    // One churned logo (d) of three; a left A but still pays: not a lost logo.
    expectDecimal(a!.rates.logoChurnRate, fraction("1", "3"));
    expectDecimal(a!.rates.logoRetentionRate, fraction("2", "3"));
    // d churned on 2025-02-01: February and March remain, lost = 60 × 2 = 120 (uSonar's 逸失金額 on its plan-A MRR).
    expectDecimal(a!.lostRevenue.total, 120);
  });

  it("plan B: 10 → 90 = 10 + 20 new + 70 entering − 10 churn", () => {
    const m = b!.movements;
    expectDecimal(m.startingMrr, 10);
    expectDecimal(m.endingMrr, 90);
    expectDecimal(m.newMrr, 20);
    expectDecimal(m.enteringSegmentMrr, 70); // a 30 + b 40
    expectDecimal(m.churnedMrr, 10);
    expect([m.startingCustomers, m.endingCustomers, m.enteringSegmentCustomers, m.newCustomers]).toEqual([1, 3, 2, 1]);
    expectDecimal(b!.rates.nrr, 0); // the only customer in B at the start (d) churned
    expectDecimal(b!.rates.logoChurnRate, 1);
    expectDecimal(b!.lostRevenue.total, 20); // 10 × 2 months
  });

  it("subtractReactivation: plan A's net revenue churn (60 + 50 − 15) / 210 = 19/42, else (60 + 50) / 210 = 11/21", () => {
    const chartMogul = revenueReportBySegment(book, quarter(2025, 1), { segment: "plan", subtractReactivation: true });
    expectDecimal(chartMogul.segments[0]!.rates.netRevenueChurnRate, fraction("19", "42"));
    expectDecimal(a!.rates.netRevenueChurnRate, fraction("11", "21"));
  });

  it("the unlabelled segment holds e, flat", () => {
    expectDecimal(none!.movements.startingMrr, 25);
    expectDecimal(none!.rates.nrr, 1);
    expect(none!.rates.netLogoChurnRate?.toString()).toBe("0");
  });

  it("adds up to the whole report: 245 → 230", () => {
    const total = result.total.movements;
    expectDecimal(total.startingMrr, 245); // 210 + 10 + 25
    expectDecimal(total.endingMrr, 230); // 115 + 90 + 25
    expectDecimal(total.expansionMrr, 40);
    expectDecimal(total.contractionMrr, 20);
    // Σ (expansion − contraction + entering − leaving) = (0 − 50) + (70) + 0 = 20 = 40 − 20.
    expectDecimal(result.total.lostRevenue.total, 140); // 120 + 20
  });
});

describe("revenueReportBySegment: a customer attribute", () => {
  const regions = { a: "east", b: "east", c: "west", d: "west" };

  it("partitions customers; a map, an object and a function agree", () => {
    const byObject = revenueReportBySegment(book, quarter(2025, 1), { segment: regions });
    const byMap = revenueReportBySegment(book, quarter(2025, 1), { segment: new Map(Object.entries(regions)) });
    const byFunction = revenueReportBySegment(book, quarter(2025, 1), {
      segment: (id) => (id === "a" || id === "b" ? "east" : id === "c" || id === "d" ? "west" : undefined),
    });
    expect(byMap).toEqual(byObject);
    expect(byFunction).toEqual(byObject);
    expect(byObject.segmentBy).toBe("customer");
    const [east, west, none] = byObject.segments;
    expect(byObject.segments.map((s) => s.segment)).toEqual(["east", "west", null]);
    // east: a 50 → 30 (contraction 20), b 100 → 140 (expansion 40).
    expectDecimal(east!.movements.startingMrr, 150);
    expectDecimal(east!.movements.contractionMrr, 20);
    expectDecimal(east!.movements.expansionMrr, 40);
    expectDecimal(east!.movements.enteringSegmentMrr, 0);
    expectDecimal(east!.rates.nrr, fraction("170", "150"));
    // west: c new 20, d churn 70.
    expectDecimal(west!.movements.newMrr, 20);
    expectDecimal(west!.movements.churnedMrr, 70);
    expectDecimal(west!.rates.netLogoChurnRate, 0); // (1 churned − 1 new) / 1
    // unlabelled: e flat 25, f reactivated 15.
    expectDecimal(none!.movements.endingMrr, 40);
  });

  it("segments by product too", () => {
    const result = revenueReportBySegment(book, quarter(2025, 1), { segment: "product" });
    expect(result.segments.map((s) => s.segment)).toEqual(["addon", null]);
    expectDecimal(result.segments[0]!.movements.churnedMrr, 10);
  });
});

describe("revenueReportBySegment: bad arguments", () => {
  it.each([
    ["an unknown attribute", "region"],
    ["a number", 3],
    ["null", null],
    ["an array", ["plan"]],
  ])("rejects %s as the segment", (_, segment) => {
    const error = caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: segment as never }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe("options.segment");
  });

  it("names the customer whose label is not a string", () => {
    const fromFunction = caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: (id) => (id === "c" ? (7 as never) : "x") }));
    expect((fromFunction as ValidationError).issues).toMatchInlineSnapshot(`
      [
        {
          "message": "must be a segment label (a string), null or undefined (got 7)",
          "path": "options.segment("c")",
        },
      ]
    `);
    const fromObject = caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: { a: 1 as never } }));
    expect((fromObject as ValidationError).issues[0]!.path).toBe('options.segment["a"]');
    const fromMap = caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: new Map([["a", 1 as never]]) }));
    expect((fromMap as ValidationError).issues[0]!.path).toBe('options.segment.get("a")');
    const badKey = caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: new Map([[1 as never, "x"]]) }));
    expect((badKey as ValidationError).issues[0]!.path).toBe("options.segment");
  });

  it("rejects a missing options object and a bad proration", () => {
    expect(caught(() => revenueReportBySegment(book, quarter(2025, 1), undefined as never))).toBeInstanceOf(ValidationError);
    expect(caught(() => revenueReportBySegment(book, quarter(2025, 1), { segment: "plan", proration: "week" as never }))).toBeInstanceOf(ValidationError);
  });

  it("does not mutate its input", () => {
    const frozen = deepFreeze(book.map((record) => ({ ...record })));
    const regions = deepFreeze({ a: "east" });
    expect(() => revenueReportBySegment(frozen, quarter(2025, 1), { segment: "plan" })).not.toThrow();
    expect(() => revenueReportBySegment(frozen, quarter(2025, 1), { segment: regions })).not.toThrow();
    expect(frozen).toEqual(book);
  });
});
