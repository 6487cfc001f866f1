/**
 * customerConcentration: top-N shares, the curve and the Herfindahl index, by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, contractBook, customerConcentration } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

const sample = contractBook(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", "contracts.json"), "utf8")) as ContractInput[]);

describe("customerConcentration", () => {
  it("four firms at 30%, 30%, 20%, 20%: HHI 0.3² + 0.3² + 0.2² + 0.2² = 0.26 (the textbook example)", () => {
    const contracts: ContractInput[] = [
      { id: "1", customerId: "d", start: "2025-01-01", amount: 20, currency: "USD" },
      { id: "2", customerId: "c", start: "2025-01-01", amount: 20, currency: "USD" },
      { id: "3", customerId: "b", start: "2025-01-01", amount: 10, currency: "USD" },
      { id: "4", customerId: "b", start: "2025-01-01", amount: 20, currency: "USD" },
      { id: "5", customerId: "a", start: "2025-01-01", amount: 30, currency: "USD" },
      { id: "6", customerId: "free", start: "2025-01-01", amount: 0, currency: "USD" },
    ];
    const result = customerConcentration(contracts, "2025-01-31", { top: [1, 3, 10] });
    expect(result).toMatchObject({ currency: "USD", date: "2025-01-31", customers: 4 });
    expectDecimal(result.mrr, 100);
    expectDecimal(result.herfindahl, "0.26");
    // Ties by customer id: a, b (30 each: b's two lines combined), then c, d (20 each).
    expect(result.curve.map((p) => [p.rank, p.customerId, p.mrr.toString(), p.customerShare.toString(), p.mrrShare.toString()])).toEqual([
      [1, "a", "30", "0.25", "0.3"],
      [2, "b", "30", "0.5", "0.6"],
      [3, "c", "20", "0.75", "0.8"],
      [4, "d", "20", "1", "1"],
    ]);
    // top 10 of 4 customers counts all four.
    expect(result.top.map((t) => [t.top, t.customers, t.mrr.toString(), t.share?.toString()])).toEqual([
      [1, 1, "30", "0.3"],
      [3, 3, "80", "0.8"],
      [10, 4, "100", "1"],
    ]);
  });

  it("one customer holds everything: top-1 share 1, HHI 1; nobody pays: null shares and index", () => {
    const single = customerConcentration([{ id: "1", customerId: "a", start: "2025-01-01", amount: 7, currency: "USD" }], "2025-02-01");
    expectDecimal(single.herfindahl, 1);
    expectDecimal(single.top[0]?.share, 1);
    const none = customerConcentration([], new Date("2025-02-01T12:00:00Z"));
    expect(none).toMatchObject({ date: "2025-02-01", customers: 0, curve: [], herfindahl: null });
    expect(none.top.map((t) => [t.top, t.customers, t.share])).toEqual([
      [1, 0, null],
      [5, 0, null],
      [10, 0, null],
    ]);
  });

  it("the bundled book on 2026-03-31: aozora 400,000 of 1,590,000; HHI 429,500 / 2,528,100", () => {
    // In thousands: aozora 400, tohoku 300, hokuto 250, nagoya 250, minato 180, osaka 110, fuji 100 (sum 1,590).
    // top-1 400/1590 = 40/159; top-5 (400+300+250+250+180)/1590 = 1380/1590 = 46/53; top-10 all = 1.
    // HHI = (160,000 + 90,000 + 62,500 + 62,500 + 32,400 + 12,100 + 10,000) / 1590² = 429,500 / 2,528,100.
    const result = customerConcentration(sample, "2026-03-31");
    expect(result.curve.map((p) => p.customerId)).toEqual(["aozora-bank", "tohoku-energy", "hokuto-logistics", "nagoya-motors", "minato-clinic", "osaka-media", "fuji-retail"]);
    expectDecimal(result.top[0]?.share, fraction(40, 159));
    expectDecimal(result.top[1]?.share, fraction(46, 53));
    expectDecimal(result.top[2]?.share, 1);
    expectDecimal(result.herfindahl, fraction(429_500, 2_528_100));
  });

  it("rejects bad `top` values with their paths", () => {
    const issues = (top: unknown): unknown => (caught(() => customerConcentration([], "2025-01-01", { top: top as number[] })) as ValidationError).issues;
    expect(issues([1, 0, 2.5, "3"])).toEqual([
      { path: "options.top[1]", message: "must be a whole number ≥ 1 (got 0)" },
      { path: "options.top[2]", message: "must be a whole number ≥ 1 (got 2.5)" },
      { path: "options.top[3]", message: 'must be a whole number ≥ 1 (got "3")' },
    ]);
    expect(issues([])).toEqual([{ path: "options.top", message: "must be a non-empty array of whole numbers ≥ 1 (got an array)" }]);
    expect(issues(5)).toEqual([{ path: "options.top", message: "must be a non-empty array of whole numbers ≥ 1 (got 5)" }]);
    expect((caught(() => customerConcentration([], "yesterday")) as ValidationError).issues[0]?.path).toBe("date");
  });
});
