/**
 * Worked examples of the unit-economics figures, each derived by hand (arithmetic in the comments)
 * and checked against the vendor's own example where it publishes one; then the bundled example
 * book (examples/data/contracts.json, FY2025 starting in April), and every way a bad argument fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AmountInput,
  type ContractInput,
  InvalidPeriodError,
  ValidationError,
  arpa,
  asp,
  cacPayback,
  contractBook,
  fiscalYear,
  ltv,
  month,
  quickRatio,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

const usd = (id: string, customerId: string, start: string, amount: AmountInput, extra: Partial<ContractInput> = {}): ContractInput => ({
  id,
  customerId,
  start,
  amount,
  currency: "USD",
  ...extra,
});

const sample = contractBook(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", "contracts.json"), "utf8")) as ContractInput[]);
const fy2025 = fiscalYear(2025, { startMonth: 4 });

function issuesOf(action: () => unknown): readonly { path: string; message: string }[] {
  const error = caught(action);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe("arpa", () => {
  it("ChartMogul's example: $1, $1, $3, $5, $5 → $15 / 5 = $3, a customer's lines combined", () => {
    // help.chartmogul.com "Average Revenue Per Account": "The SUM of all your customers' MRR / number of customers".
    const contracts = [
      usd("1", "a", "2025-01-01", 1),
      usd("2", "b", "2025-01-01", 1),
      usd("3", "c", "2025-01-01", 3),
      usd("4", "d", "2025-01-01", 5),
      usd("5", "e", "2025-01-01", 4),
      usd("6", "e", "2025-01-01", 1),
    ];
    const result = arpa(contracts, "2025-01-31");
    expect(result?.currency).toBe("USD");
    expectDecimal(result?.amount, 3);
  });

  it("reads one day: yearly plans as MRR, free customers and ended lines left out", () => {
    // On 2025-06-30: a = 1,200,000 / 12 = 100,000; b = 90,000 / 3 = 30,000; c pays ¥0 (free, not a
    // paying account); d ended 2025-06-30 (end is exclusive) → (100,000 + 30,000) / 2 = ¥65,000.
    const contracts: ContractInput[] = [
      { id: "1", customerId: "a", start: "2025-01-01", amount: 1_200_000, interval: "year", currency: "JPY" },
      { id: "2", customerId: "b", start: "2025-01-01", amount: 90_000, interval: "quarter", currency: "JPY" },
      { id: "3", customerId: "c", start: "2025-01-01", amount: 0, currency: "JPY" },
      { id: "4", customerId: "d", start: "2025-01-01", end: "2025-06-30", amount: 50_000, currency: "JPY" },
    ];
    expectDecimal(arpa(contracts, "2025-06-30")?.amount, 65_000);
    expectDecimal(arpa(contracts, new Date("2025-06-29T23:00:00Z"))?.amount, fraction(180_000, 3));
  });

  it("is null when nobody pays", () => {
    expect(arpa([], "2025-01-01")).toBeNull();
    expect(arpa([usd("1", "a", "2025-02-01", 10)], "2025-01-31")).toBeNull();
  });

  it("the bundled book on 2026-03-31: ¥1,590,000 over 7 paying customers", () => {
    // hokuto 3,000,000/12 = 250,000; minato 150,000 + 30,000; aozora 1,200,000/3 = 400,000; nagoya 250,000;
    // fuji 100,000; tohoku 10,800,000/36 = 300,000; osaka 110,000 → 1,590,000 / 7.
    expectDecimal(arpa(sample, "2026-03-31")?.amount, fraction(1_590_000, 7));
  });

  it("rejects a bad date with its path", () => {
    expect(issuesOf(() => arpa([], "2025-02-30"))).toEqual([{ path: "date", message: 'must be a calendar date YYYY-MM-DD (got "2025-02-30")' }]);
  });
});

describe("asp", () => {
  it("ChartMogul's example: 3 × $100 + 7 × $50 over 10 new customers = $65", () => {
    // help.chartmogul.com "Average Sale Price": total New Business MRR / customers who subscribed for the first time.
    const contracts = Array.from({ length: 10 }, (_, i) => usd(String(i), `c${i}`, `2025-05-${String(i + 1).padStart(2, "0")}`, i < 3 ? 100 : 50));
    expectDecimal(asp(contracts, month("2025-05"))?.amount, 65);
  });

  it("MRR on the first paid day only: later upgrades, returning and earlier customers do not count", () => {
    // a converts 2025-05-10 at 30 (two lines 20 + 10 starting the same day), upgrades on 05-20: counts 30.
    // b's first line is free (¥0) from April; its first *paid* day is 2025-05-15 at 45: counts 45.
    // c converted in March (returns in May: reactivation, not a sale). d converts 2025-06-01: next month.
    // ASP(May) = (30 + 45) / 2 = 37.5.
    const contracts = [
      usd("1", "a", "2025-05-10", 20),
      usd("2", "a", "2025-05-10", 10),
      usd("3", "a", "2025-05-20", 100),
      usd("4", "b", "2025-04-01", 0),
      usd("5", "b", "2025-05-15", 45),
      usd("6", "c", "2025-03-01", 70, { end: "2025-04-01" }),
      usd("7", "c", "2025-05-01", 70),
      usd("8", "d", "2025-06-01", 500),
    ];
    expectDecimal(asp(contracts, month("2025-05"))?.amount, "37.5");
    // A customer that converts and leaves within the period still counts (revenueMovements would not see it).
    expectDecimal(asp([usd("1", "x", "2025-05-03", 80, { end: "2025-05-20" })], month("2025-05"))?.amount, 80);
  });

  it("is null when nobody converted", () => {
    expect(asp([usd("1", "a", "2025-01-01", 10)], month("2025-05"))).toBeNull();
  });

  it("the bundled book, FY2025: nagoya ¥250,000 and shinsei ¥60,000 → ¥155,000 (fuji returns: no sale)", () => {
    expectDecimal(asp(sample, fy2025)?.amount, 155_000);
  });
});

describe("quickRatio", () => {
  // A month with every movement: a expands 100 → 150 (+50), b churns 40, c is new at 150, d returns
  // at 20 (reactivation), e contracts 60 → 50 (−10).
  const contracts = [
    usd("1", "a", "2025-01-01", 100),
    usd("2", "a", "2025-03-10", 50),
    usd("3", "b", "2025-01-01", 40, { end: "2025-03-15" }),
    usd("4", "c", "2025-03-05", 150),
    usd("5", "d", "2024-01-01", 10, { end: "2024-06-01" }),
    usd("6", "d", "2025-03-20", 20),
    usd("7", "e", "2025-01-01", 60, { end: "2025-03-02" }),
    usd("8", "e", "2025-03-02", 50),
  ];

  it("Mamoon Hamid's ratio: (new + expansion) / (churn + contraction) = (150 + 50) / (40 + 10) = 4", () => {
    expectDecimal(quickRatio(contracts, month("2025-03")), 4);
    expectDecimal(quickRatio(contracts, month("2025-03"), { includeReactivation: false }), 4);
  });

  it("with reactivation (Stripe's MRR-growth grouping): (150 + 50 + 20) / 50 = 4.4", () => {
    expectDecimal(quickRatio(contracts, month("2025-03"), { includeReactivation: true }), "4.4");
  });

  it("is null when the period lost nothing, 0 when it gained nothing", () => {
    expect(quickRatio([usd("1", "a", "2025-03-05", 10)], month("2025-03"))).toBeNull();
    expectDecimal(quickRatio([usd("1", "a", "2025-01-01", 10, { end: "2025-03-05" })], month("2025-03")), 0);
  });

  it("the bundled book, FY2025: (250,000 + 110,000) / (290,000 + 200,000) = 36/49; with reactivation 46/49", () => {
    // new nagoya 250,000; expansion hokuto 50,000 + minato 30,000 + osaka 30,000 = 110,000; reactivation
    // fuji 100,000; churn sakura 200,000 + kawasaki 90,000 = 290,000; contraction aozora 600,000 → 400,000.
    expectDecimal(quickRatio(sample, fy2025), fraction(36, 49));
    expectDecimal(quickRatio(sample, fy2025, { includeReactivation: true }), fraction(46, 49));
  });

  it("rejects a non-boolean includeReactivation and a non-object options argument", () => {
    expect(issuesOf(() => quickRatio([], month("2025-03"), { includeReactivation: "yes" as unknown as boolean }))).toEqual([
      { path: "options.includeReactivation", message: 'must be true or false (got "yes")' },
    ]);
    expect(issuesOf(() => quickRatio([], month("2025-03"), null as unknown as object))[0]?.path).toBe("options");
  });
});

describe("ltv", () => {
  // Ten customers at $100 from December 2024. One leaves in each of April, May and June 2025.
  // Logo churn: Jan–Mar 0/10; Apr 1/10; May 1/9; Jun 1/8.
  const ends: Record<string, string> = { c1: "2025-04-15", c2: "2025-05-15", c3: "2025-06-15" };
  const contracts = Array.from({ length: 10 }, (_, i) => usd(String(i), `c${i}`, "2024-12-01", 100, { end: ends[`c${i}`] ?? null }));

  it("ARPA × margin / mean churn of the six months ending with the month (default)", () => {
    // June: ARPA = 700 / 7 = 100. Mean churn Jan–Jun = (1/10 + 1/9 + 1/8) / 6 = (36 + 40 + 45)/360 / 6 = 121/2160.
    // LTV = 100 / (121/2160) = 216,000 / 121 = 1785.12…
    const result = ltv(contracts, "2025-06");
    expect(result.currency).toBe("USD");
    expect(result.month).toEqual(month("2025-06"));
    expect(result.churnMonths.map((m) => m.month)).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    expect(result.churnMonths.map((m) => m.logoChurnRate?.toString())).toEqual(["0", "0", "0", "0.1", fraction(1, 9).toString(), "0.125"]);
    expectDecimal(result.arpa, 100);
    expectDecimal(result.grossMargin, 1);
    expectDecimal(result.meanLogoChurnRate, fraction(121, 2160));
    expectDecimal(result.ltv, fraction(216_000, 121));
  });

  it("with gross margin 0.8 and three trailing months (Skok: ARPA × margin / churn)", () => {
    // Apr–Jun: mean = 121/360 / 3 = 121/1080 → LTV = 100 × 0.8 × 1080 / 121 = 86,400 / 121.
    expectDecimal(ltv(contracts, month("2025-06"), { trailingMonths: 3, grossMargin: "0.8" }).ltv, fraction(86_400, 121));
  });

  it("ChartMogul's variant excludes the current month; Baremetrics' one month is trailingMonths 1", () => {
    // help.chartmogul.com LTV: "the average of the churn rates from the previous six months, excluding the current month".
    // July, excluding July: Jan–Jun as above; ARPA on July 31 = 100 → 216,000 / 121 again.
    const july = ltv(contracts, "2025-07", { excludeCurrentMonth: true });
    expect(july.churnMonths.at(-1)?.month).toBe("2025-06");
    expectDecimal(july.ltv, fraction(216_000, 121));
    // Baremetrics: ARPU ÷ user churn rate. May alone: 100 / (1/9) = 900.
    expectDecimal(ltv(contracts, "2025-05", { trailingMonths: 1 }).ltv, 900);
  });

  it("is null when churn is 0 (ChartMogul: LTV needs a churn rate), when nobody pays, or no month has a rate", () => {
    const noChurn = ltv(contracts, "2025-03");
    expectDecimal(noChurn.meanLogoChurnRate, 0);
    expect(noChurn.ltv).toBeNull();
    expect(noChurn.arpa?.toString()).toBe("100");
    const empty = ltv([], "2025-03");
    expect(empty.ltv).toBeNull();
    expect(empty.arpa).toBeNull();
    expect(empty.meanLogoChurnRate).toBeNull();
    expect(empty.churnMonths.every((m) => m.logoChurnRate === null)).toBe(true);
    // Everybody gone by the month's end: ARPA null, churn defined. a pays from Jan 1 (so nobody paid on
    // Dec 31: January has no rate): Feb 0/1, Mar 1/1 → mean (0 + 1) / 2 = 0.5.
    const gone = ltv([usd("1", "a", "2025-01-01", 10, { end: "2025-03-10" })], "2025-03");
    expect(gone.ltv).toBeNull();
    expectDecimal(gone.meanLogoChurnRate, "0.5");
  });

  it("months with nobody paying at their start are left out of the mean", () => {
    // a and b start 2025-03-15 ($50 each); b leaves in May. Dec–Mar have nobody paying at their start
    // (no rate); April 0/2; May 1/2. Mean (0 + 1/2) / 2 = 1/4; ARPA May 31 = 50 → LTV 50 / (1/4) = 200.
    const result = ltv([usd("1", "a", "2025-03-15", 50), usd("2", "b", "2025-03-15", 50, { end: "2025-05-10" })], "2025-05");
    expect(result.churnMonths.filter((m) => m.logoChurnRate === null)).toHaveLength(4);
    expectDecimal(result.meanLogoChurnRate, "0.25");
    expectDecimal(result.ltv, 200);
  });

  it("the bundled book, March 2026: ARPA 1,590,000/7 over mean churn (1/9 + 1/8)/6 = 17/432", () => {
    // Oct–Mar: only December (shinsei leaves, 1 of 9 paying on Nov 30) and January (kawasaki, 1 of 8) churn.
    // LTV = (1,590,000 / 7) × 432 / 17 = 686,880,000 / 119.
    const result = ltv(sample, "2026-03");
    expectDecimal(result.meanLogoChurnRate, fraction(17, 432));
    expectDecimal(result.ltv, fraction(686_880_000, 119));
    expectDecimal(ltv(sample, "2026-03", { excludeCurrentMonth: true }).ltv, fraction(686_880_000, 119));
  });

  it("rejects bad options and a period that is not one calendar month", () => {
    expect(issuesOf(() => ltv([], "2025-03", { trailingMonths: 0 }))).toEqual([
      { path: "options.trailingMonths", message: "must be a whole number from 1 to 120 (got 0)" },
    ]);
    expect(issuesOf(() => ltv([], "2025-03", { grossMargin: "1.2" }))[0]?.path).toBe("options.grossMargin");
    expect(issuesOf(() => ltv([], "2025-03", { grossMargin: 0 }))[0]?.message).toMatch(/greater than 0/);
    expect(issuesOf(() => ltv([], "2025-03", { grossMargin: "abc" }))[0]?.path).toBe("options.grossMargin");
    expect(issuesOf(() => ltv([], "2025-03", { excludeCurrentMonth: 1 as unknown as boolean }))[0]?.path).toBe("options.excludeCurrentMonth");
    const notMonth = caught(() => ltv([], { start: "2025-03-01", end: "2025-05-01" }));
    expect(notMonth).toBeInstanceOf(InvalidPeriodError);
    expect((notMonth as Error).message).toMatch(/month: must be one calendar month/);
    expect(caught(() => ltv([], { start: "2025-03-02", end: "2025-04-02" }))).toBeInstanceOf(InvalidPeriodError);
    expect(caught(() => ltv([], "2025-13"))).toBeInstanceOf(InvalidPeriodError);
    // A valid period object that is one month is accepted.
    expect(ltv([], { start: "2025-02-01", end: "2025-03-01" }).month.end).toBe("2025-03-01");
  });
});

describe("cacPayback", () => {
  it("SmartHR's point: yearly plans, payback after the second renewal", () => {
    // New in FY2025: a ¥1,200,000/yr (MRR 100,000), b ¥2,400,000/yr (MRR 200,000) → ASP 150,000.
    // CAC 3,600,000 at 80%: 3,600,000 / (150,000 × 0.8) = 30 months; term 12 → 2.5 cycles → ⌈2.5⌉ − 1 = 2 renewals.
    const result = cacPayback(
      [
        { id: "1", customerId: "a", start: "2025-05-01", amount: 1_200_000, interval: "year", currency: "JPY" },
        { id: "2", customerId: "b", start: "2025-09-01", amount: 2_400_000, interval: "year", currency: "JPY" },
        { id: "3", customerId: "old", start: "2024-01-01", amount: 999_999, currency: "JPY" },
      ],
      fy2025,
      { cac: 3_600_000, grossMargin: "0.8" },
    );
    expect(result).toMatchObject({ currency: "JPY", period: fy2025, newCustomers: 2, renewalsToPayback: 2 });
    expectDecimal(result.asp, 150_000);
    expectDecimal(result.cac, 3_600_000);
    expectDecimal(result.grossMargin, "0.8");
    expectDecimal(result.months, 30);
    expectDecimal(result.termMonths, 12);
    expectDecimal(result.renewalCycles, "2.5");
  });

  it("mixed terms are weighted by MRR; gross margin defaults to 1", () => {
    // a: monthly $300 (term 1); b: a three-year term of $7,200 (MRR 200, term 36).
    // ASP = 500 / 2 = 250; CAC 1,000 → 4 months. Term = (300 × 1 + 200 × 36) / 500 = 7,500 / 500 = 15 months.
    // Cycles = 4 / 15 → inside the first term: 0 renewals.
    const result = cacPayback(
      [usd("1", "a", "2025-02-01", 300), usd("2", "b", "2025-03-01", 7200, { interval: "year", intervalCount: 3 })],
      { start: "2025-01-01", end: "2025-04-01" },
      { cac: "1000" },
    );
    expectDecimal(result.months, 4);
    expectDecimal(result.termMonths, 15);
    expectDecimal(result.renewalCycles, fraction(4, 15));
    expect(result.renewalsToPayback).toBe(0);
  });

  it("weekly and daily plans: terms are fractions of a month (52/12 weeks, 365/12 days a month)", () => {
    // a: ¥1,200 a week → MRR 1,200 × 52/12 = 5,200; term 12/52 = 3/13 month.
    // b: ¥100 a day → MRR 100 × 365/12 = 36,500/12; term 12/365 month.
    // ASP = (5,200 + 36,500/12) / 2 = (62,400 + 36,500) / 24 = 98,900/24 = 49,450/12.
    // CAC 98,900 → months = 98,900 / (49,450/12) = 24.
    // Term = (5,200 × 3/13 + 36,500/12 × 12/365) / (98,900/12) = (1,200 + 100) / (98,900/12) = 15,600/98,900 = 156/989.
    // Cycles = 24 / (156/989) = 24 × 989 / 156 = 23,736/156 = 1,978/13.
    const result = cacPayback(
      [
        { id: "1", customerId: "a", start: "2025-02-03", amount: 1_200, interval: "week", currency: "JPY" },
        { id: "2", customerId: "b", start: "2025-02-10", amount: 100, interval: "day", currency: "JPY" },
      ],
      month("2025-02"),
      { cac: 98_900 },
    );
    expectDecimal(result.months, 24);
    expectDecimal(result.termMonths, fraction(156, 989));
    expectDecimal(result.renewalCycles, fraction(1_978, 13));
  });

  it("a payback of exactly two terms needs one renewal; a CAC of 0 needs none", () => {
    // Quarterly $300 (MRR 100, term 3); CAC 600 → 6 months = 2 cycles → ⌈2⌉ − 1 = 1.
    const contracts = [usd("1", "a", "2025-01-01", 300, { interval: "quarter" })];
    expect(cacPayback(contracts, month("2025-01"), { cac: 600 }).renewalsToPayback).toBe(1);
    const free = cacPayback(contracts, month("2025-01"), { cac: 0 });
    expectDecimal(free.months, 0);
    expect(free.renewalsToPayback).toBe(0);
  });

  it("is null throughout when nobody converted", () => {
    const result = cacPayback([usd("1", "a", "2024-01-01", 10)], month("2025-01"), { cac: 100 });
    expect(result).toMatchObject({ newCustomers: 0, asp: null, months: null, termMonths: null, renewalCycles: null, renewalsToPayback: null });
  });

  it("the bundled book, FY2025 with CAC ¥3,000,000 at 80%: 3,000,000 / 124,000 = 750/31 months of monthly plans", () => {
    const result = cacPayback(sample, fy2025, { cac: 3_000_000, grossMargin: "0.8" });
    expectDecimal(result.months, fraction(750, 31));
    expectDecimal(result.termMonths, 1);
    expect(result.renewalsToPayback).toBe(24);
  });

  it("requires a CAC ≥ 0", () => {
    expect(issuesOf(() => cacPayback([], month("2025-01"), {} as { cac: number }))).toEqual([{ path: "options.cac", message: "is required: an amount ≥ 0" }]);
    expect(issuesOf(() => cacPayback([], month("2025-01"), { cac: -5 }))).toEqual([{ path: "options.cac", message: "must not be negative (got -5)" }]);
    expect(issuesOf(() => cacPayback([], month("2025-01"), { cac: 5, grossMargin: -1 }))[0]?.path).toBe("options.grossMargin");
  });
});
