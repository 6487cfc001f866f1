/**
 * `lines: "supersede"` for exports where each row restates a customer's subscription from its start
 * date, and the book's data-quality summary of overlapping open-ended lines (issue 12, item 2).
 */
import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, contractBook, mrrOn, revenueReport, year } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";

/** A subscription-history export: acme's rows restate its subscription (upgrade, then downgrade). */
const HISTORY: ContractInput[] = [
  { id: "r1", customerId: "acme", start: "2024-01-01", amount: 100, currency: "USD" },
  { id: "r2", customerId: "acme", start: "2025-04-01", amount: 120, currency: "USD" },
  { id: "r3", customerId: "acme", start: "2025-10-01", amount: 90, currency: "USD" },
  { id: "b1", customerId: "beta", start: "2024-01-01", end: "2025-07-01", amount: 50, currency: "USD" },
];

describe("summing vs superseding restated lines (hand-derived, year 2025)", () => {
  it("sums the rows by default, and says so in dataQuality", () => {
    const book = contractBook(HISTORY);
    expect(book.dataQuality).toEqual({ overlappingOpenLines: ["acme"], supersededLines: 0 });
    const report = revenueReport(book, year(2025));
    // Starting MRR (2025-01-01): acme r1 100 + beta 50 = 150.
    expectDecimal(report.movements.startingMrr, 150);
    // Ending MRR: acme r1 + r2 + r3 = 100 + 120 + 90 = 310 (all three open), beta churned → 310.
    expectDecimal(report.movements.endingMrr, 310);
    // NRR = 310 / 150 = 31/15 = 2.0666…: the same subscription counted three times.
    expect(report.rates.nrr!.toFixed(30)).toBe("2.066666666666666666666666666667");
  });

  it("ends each row where the next one starts under lines: \"supersede\"", () => {
    const book = contractBook(HISTORY, { lines: "supersede" });
    // r1 ends at r2's start, r2 at r3's start: 2 lines superseded; the input still shows the overlap.
    expect(book.dataQuality).toEqual({ overlappingOpenLines: ["acme"], supersededLines: 2 });
    expect(book.contracts.map((c) => [c.id, c.end])).toEqual([["r1", "2025-04-01"], ["r2", "2025-10-01"], ["r3", null], ["b1", "2025-07-01"]]);
    const report = revenueReport(book, year(2025));
    expectDecimal(report.movements.startingMrr, 150);
    // Ending MRR: acme 90 (r3 only), beta 0 → 90. NRR = 90 / 150 = 0.6;
    // GRR = (150 − contraction 10 (100 → 90) − churn 50) / 150 = 90 / 150 = 0.6.
    expectDecimal(report.movements.endingMrr, 90);
    expectDecimal(report.rates.nrr!, "0.6");
    expectDecimal(report.rates.grr!, "0.6");
    expectDecimal(mrrOn(book, "2025-05-01").amount, 170); // acme r2 120 + beta 50
  });
});

describe("the supersede rule", () => {
  it("treats lines starting on the same day as one restatement (they never end each other)", () => {
    const book = contractBook(
      [
        { id: "x0", customerId: "c", start: "2024-06-01", amount: 70, currency: "USD" },
        { id: "x2", customerId: "c", start: "2025-01-01", amount: 30, currency: "USD" },
        { id: "x1", customerId: "c", start: "2025-01-01", amount: 50, currency: "USD" },
      ],
      { lines: "supersede" },
    );
    // x0 ends on 2025-01-01; x1 and x2 (two items of the restated subscription) are both kept: 50 + 30.
    expect(book.dataQuality.supersededLines).toBe(1);
    expectDecimal(mrrOn(book, "2024-12-31").amount, 70);
    expectDecimal(mrrOn(book, "2025-01-01").amount, 80);
  });

  it("lets a dated row end the open rows before it, and leaves other customers' and dated rows alone", () => {
    const records: ContractInput[] = [
      { id: "d1", customerId: "d", start: new Date("2024-01-01T00:00:00Z"), amount: "100", currency: "USD" },
      { id: "d2", customerId: "d", start: "2025-03-01", end: "2025-06-01", amount: "100", currency: "USD" },
      { id: "d3", customerId: "d", start: "2025-04-01", amount: "10", currency: "USD" },
      { id: "e1", customerId: "e", start: "2025-01-01", amount: "5", currency: "USD" },
    ];
    const book = contractBook(records, { lines: "supersede" });
    // d1 (read by the schema: a Date) ends at d2's start; d2 keeps its own end; d3 does not end d2 (dated).
    expect(book.contracts.map((c) => c.end)).toEqual(["2025-03-01", "2025-06-01", null, null]);
    expectDecimal(mrrOn(book, "2025-04-15").amount, 115); // d2 100 + d3 10 + e1 5
    expectDecimal(mrrOn(book, "2025-06-01").amount, 15);
    expect(book.dataQuality).toEqual({ overlappingOpenLines: ["d"], supersededLines: 1 });
  });

  it("keeps lines of different products apart: an add-on neither ends the plan nor is an overlap", () => {
    const records: ContractInput[] = [
      { id: "p1", customerId: "m", start: "2023-10-01", amount: 150, currency: "JPY" },
      { id: "p2", customerId: "m", start: "2025-10-01", amount: 30, currency: "JPY", product: "addon" },
      { id: "p3", customerId: "m", start: "2025-11-01", amount: 40, currency: "JPY", product: "addon" },
    ];
    expect(contractBook(records).dataQuality).toEqual({ overlappingOpenLines: ["m"], supersededLines: 0 });
    expect(contractBook(records.slice(0, 2)).dataQuality.overlappingOpenLines).toEqual([]);
    const book = contractBook(records, { lines: "supersede" });
    // p3 restates the add-on (p2 ends 2025-11-01); the plan p1 stays: 150 + 40 = 190.
    expect(book.contracts.map((c) => c.end)).toEqual([null, "2025-11-01", null]);
    expectDecimal(mrrOn(book, "2025-11-01").amount, 190);
  });

  it("reports nothing for customers with one open-ended line or open lines starting the same day", () => {
    const book = contractBook([
      { id: "1", customerId: "a", start: "2025-01-01", amount: 1, currency: "USD" },
      { id: "2", customerId: "a", start: "2025-01-01", amount: 2, currency: "USD" },
      { id: "3", customerId: "b", start: "2024-01-01", end: "2025-01-01", amount: 1, currency: "USD" },
      { id: "4", customerId: "b", start: "2025-01-01", amount: 1, currency: "USD" },
    ]);
    expect(book.dataQuality).toEqual({ overlappingOpenLines: [], supersededLines: 0 });
  });

  it("rejects another lines option, and does not mutate the records", () => {
    const error = caught(() => contractBook(HISTORY, { lines: "replace" as never })) as ValidationError;
    expect(error.issues).toEqual([{ path: "options.lines", message: 'must be "separate" or "supersede" (got "replace")' }]);
    const copy = structuredClone(HISTORY);
    contractBook(HISTORY, { lines: "supersede" }).contracts.forEach(() => undefined);
    expect(HISTORY).toEqual(copy);
  });
});
