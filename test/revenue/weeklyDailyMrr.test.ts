import { describe, expect, it } from "vitest";
import { type ContractInput, ValidationError, contractBook, mrrOn, revenueMovements, year } from "../../src/index.js";
import { toSql } from "../../src/sql/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

const weekly: ContractInput = { id: "w", customerId: "acme", start: "2025-01-06", amount: "1200", interval: "week", currency: "JPY" };
const daily: ContractInput = { id: "d", customerId: "beta", start: "2025-01-01", amount: "100", interval: "day", currency: "JPY" };

describe("weekly and daily intervals: MRR conversions (DOMAIN.md §1)", () => {
  it("converts with 52/12 weeks and 365/12 days a month by default", () => {
    // ¥1,200 a week × 52 / 12 = ¥62,400 / 12 = ¥5,200 a month.
    expectDecimal(mrrOn([weekly], "2025-02-01").amount, 5200);
    // ¥100 a day × 365 / 12 = ¥36,500 / 12 = ¥3,041.666…
    expectDecimal(mrrOn([daily], "2025-02-01").amount, fraction(36_500, 12));
  });

  it("takes the common alternatives: 4 weeks and 30 days a month", () => {
    const book = contractBook([weekly, daily], { weeksPerMonth: 4, daysPerMonth: 30 });
    // ¥1,200 × 4 = ¥4,800; ¥100 × 30 = ¥3,000; together ¥7,800.
    expectDecimal(mrrOn(book, "2025-02-01").amount, 7800);
  });

  it("divides by intervalCount and accepts fractions and decimals", () => {
    const biweekly = { ...weekly, intervalCount: 2 };
    // ¥1,200 every 2 weeks × 52/12 / 2 = ¥2,600.
    expectDecimal(mrrOn([biweekly], "2025-02-01").amount, 2600);
    // 4.5 weeks a month: ¥1,200 × 4.5 / 2 = ¥2,700; "9/2" is the same fraction.
    expectDecimal(mrrOn(contractBook([biweekly], { weeksPerMonth: 4.5 }), "2025-02-01").amount, 2700);
    expectDecimal(mrrOn(contractBook([biweekly], { weeksPerMonth: "9/2" }), "2025-02-01").amount, 2700);
    // 365.25 days a year ("1461/48" = 365.25 / 12): ¥100 × 365.25 / 12 = ¥3,043.75.
    expectDecimal(mrrOn(contractBook([daily], { daysPerMonth: "1461/48" }), "2025-02-01").amount, "3043.75");
  });

  it("keeps the interval and interval count of weekly and daily lines in book.contracts", () => {
    const book = contractBook([{ ...weekly, intervalCount: 3 }, { ...daily, intervalCount: 7 }]);
    expect(book.contracts.map((c) => [c.interval, c.intervalCount])).toEqual([["week", 3], ["day", 7]]);
  });

  it("classifies a move from a weekly to a monthly plan on MRR, not on amounts", () => {
    // ¥1,200 a week (¥5,200 MRR) until 2025-06-01, then ¥5,000 a month: contraction of ¥200.
    const movements = revenueMovements(
      [
        { ...weekly, end: "2025-06-01" },
        { id: "m", customerId: "acme", start: "2025-06-01", amount: "5000", currency: "JPY" },
      ],
      year(2025),
    );
    expect(movements.customers.map((c) => [c.movement, c.startingMrr.toString(), c.endingMrr.toString()])).toEqual([["new", "0", "5000"]]);
    const contraction = revenueMovements(
      [
        { ...weekly, start: "2024-06-03", end: "2025-06-01" },
        { id: "m", customerId: "acme", start: "2025-06-01", amount: "5000", currency: "JPY" },
      ],
      year(2025),
    );
    expect(contraction.customers.map((c) => [c.movement, c.change.toString()])).toEqual([["contraction", "-200"]]);
  });

  it("rejects conversions that are not positive numbers or fractions, naming the option", () => {
    for (const bad of [0, -4, "0/12", "4/0", "four", Number.NaN, "1/10000000", true]) {
      const error = caught(() => contractBook([weekly], { weeksPerMonth: bad as never }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toBe("options.weeksPerMonth");
    }
    expect((caught(() => contractBook([daily], { daysPerMonth: "x" })) as ValidationError).message).toMatchInlineSnapshot(
      `"cs-metrics: invalid input (1 problem):
  options.daysPerMonth: must be a number > 0 or a fraction "p/q" of whole numbers, at most 1000000 each (got "x")"`,
    );
  });

  it("toSql takes the same options, but only fractions whose denominator divides 12", () => {
    const sql = toSql("revenueReport", { dialect: "duckdb", period: year(2025), weeksPerMonth: 4, daysPerMonth: 30 }).sql;
    // 332,640 units a month × 4 = 1,330,560 a week; × 30 = 9,979,200 a day.
    expect(sql).toContain("WHEN 'week' THEN 1330560 WHEN 'day' THEN 9979200");
    const error = caught(() => toSql("revenueReport", { dialect: "duckdb", period: year(2025), daysPerMonth: "1461/48", weeksPerMonth: "-1" }));
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(["options.weeksPerMonth", "options.daysPerMonth"]);
  });
});
