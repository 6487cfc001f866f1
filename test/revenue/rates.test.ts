import { describe, expect, it } from "vitest";
import {
  type ContractInput,
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
  revenueReport,
  year,
} from "../../src/index.js";
import { expectDecimal } from "../support/decimals.js";
import { fraction } from "../support/fraction.js";

function line(id: string, customerId: string, start: string, end: string | null, amount: number): ContractInput {
  return { id, customerId, start, end, amount, currency: "USD" };
}

describe("WingArc1st's worked example (DOMAIN.md §3)", () => {
  // A reactive-only CS team keeps 86% of starting revenue and expands 13%.
  // S = 100: customer a pays 86 and adds 13, customer b (14) churns.
  const records = [
    line("1", "a", "2024-01-01", null, 86),
    line("2", "a", "2025-07-01", null, 13),
    line("3", "b", "2024-01-01", "2025-07-01", 14),
  ];
  const period = year(2025);

  it("GRR 0.86 + expansion 0.13 = NRR 0.99", () => {
    // GRR = (100 − 14 churn − 0 contraction) / 100 = 0.86
    expectDecimal(grr(records, period), "0.86");
    // expansion = (99 − 86) / 100 = 0.13
    expectDecimal(expansionRate(records, period), "0.13");
    // NRR = Σ_{C0} M1 / S = (99 + 0) / 100 = 0.99
    expectDecimal(nrr(records, period), "0.99");
    expectDecimal(netRevenueChurnRate(records, period), "0.01"); // (14 + 0 − 13) / 100 = 1 − 0.99
  });
});

describe("every rate function on one book (year 2025)", () => {
  // M0 on 2024-12-31, M1 on 2025-12-31:
  //   a 100 → 150 expansion 50 · b 200 → 120 contraction 80 · c 300 → 0 churn · d 400 → 400 flat
  //   e 0 → 70 new · g 0 → 30 new · f 0 → 60 reactivation (paid in 2023–24)
  // S = 100 + 200 + 300 + 400 = 1000; C0 = {a, b, c, d}.
  const book = contractBook([
    line("a1", "a", "2024-01-01", null, 100),
    line("a2", "a", "2025-06-01", null, 50),
    line("b1", "b", "2024-01-01", "2025-05-01", 200),
    line("b2", "b", "2025-05-01", null, 120),
    line("c1", "c", "2024-03-01", "2025-09-01", 300),
    line("d1", "d", "2023-01-01", null, 400),
    line("e1", "e", "2025-02-01", null, 70),
    line("g1", "g", "2025-11-20", null, 30),
    line("f1", "f", "2023-01-01", "2024-06-01", 90),
    line("f2", "f", "2025-05-01", null, 60),
  ]);
  const period = year(2025);

  it("nrr = Σ_{C0} M1 / S = (150 + 120 + 0 + 400) / 1000 = 0.67 (new and reactivated excluded)", () => {
    expectDecimal(nrr(book, period), "0.67");
  });
  it("grr = (1000 − 300 − 80) / 1000 = 0.62", () => {
    expectDecimal(grr(book, period), "0.62");
  });
  it("expansionRate = 50 / 1000 = 0.05", () => {
    expectDecimal(expansionRate(book, period), "0.05");
  });
  it("contractionRate = 80 / 1000 = 0.08", () => {
    expectDecimal(contractionRate(book, period), "0.08");
  });
  it("revenueChurnRate = 300 / 1000 = 0.3", () => {
    expectDecimal(revenueChurnRate(book, period), "0.3");
  });
  it("grossRevenueChurnRate = (300 + 80) / 1000 = 0.38 = 1 − GRR", () => {
    expectDecimal(grossRevenueChurnRate(book, period), "0.38");
  });
  it("netRevenueChurnRate = (300 + 80 − 50) / 1000 = 0.33 = 1 − NRR; ChartMogul's variant subtracts reactivation 60 → 0.27", () => {
    expectDecimal(netRevenueChurnRate(book, period), "0.33");
    expectDecimal(netRevenueChurnRate(book, period, { subtractReactivation: false }), "0.33");
    expectDecimal(netRevenueChurnRate(book, period, { subtractReactivation: true }), "0.27");
  });
  it("logoChurnRate = 1 churned / 4 = 0.25; logoRetentionRate = 3 / 4 = 0.75", () => {
    expectDecimal(logoChurnRate(book, period), "0.25");
    expectDecimal(logoRetentionRate(book, period), "0.75");
  });
  it("netLogoChurnRate = (1 churned − 2 new) / 4 = −0.25 (reactivated f is not new)", () => {
    expectDecimal(netLogoChurnRate(book, period), "-0.25");
  });
  it("revenueReport reports the same rates", () => {
    const rates = revenueReport(book, period, { subtractReactivation: true }).rates;
    expectDecimal(rates.nrr, "0.67");
    expectDecimal(rates.netRevenueChurnRate, "0.27");
    expectDecimal(rates.netLogoChurnRate, "-0.25");
  });
});

describe("net revenue churn is negative when expansion wins", () => {
  it("(0 + 0 − 30) / 100 = −0.3, NRR 1.3", () => {
    const records = [line("1", "a", "2024-01-01", null, 100), line("2", "a", "2025-03-01", null, 30)];
    expectDecimal(netRevenueChurnRate(records, year(2025)), "-0.3");
    expectDecimal(nrr(records, year(2025)), "1.3");
    expectDecimal(grr(records, year(2025)), "1");
  });
});

describe("non-terminating rates are rounded to 40 significant digits, half to even", () => {
  it("one of three equal customers churning: logo churn 1/3, NRR 2/3", () => {
    const records = [
      line("1", "a", "2024-01-01", null, 100),
      line("2", "b", "2024-01-01", null, 100),
      line("3", "c", "2024-01-01", "2025-06-01", 100),
    ];
    expectDecimal(logoChurnRate(records, year(2025)), fraction(1, 3));
    expectDecimal(nrr(records, year(2025)), fraction(2, 3)); // 0.666…67
    expect(nrr(records, year(2025))?.toString()).toBe(`0.${"6".repeat(39)}7`);
  });
});

describe("null when the base is empty", () => {
  const rateFunctions = {
    nrr,
    grr,
    expansionRate,
    contractionRate,
    revenueChurnRate,
    grossRevenueChurnRate,
    netRevenueChurnRate,
    logoChurnRate,
    logoRetentionRate,
    netLogoChurnRate,
  };
  // Only a new customer: nobody had MRR on 2024-12-31, so S = 0 and |C0| = 0.
  const onlyNew = [line("1", "a", "2025-02-01", null, 100)];
  // A customer with a zero-amount line at the start is not in C0 either.
  const onlyFree = [line("1", "a", "2024-01-01", null, 0)];
  for (const [name, rate] of Object.entries(rateFunctions)) {
    it(`${name} is null with no records, only new customers or only free lines`, () => {
      expect(rate([], year(2025))).toBeNull();
      expect(rate(onlyNew, year(2025))).toBeNull();
      expect(rate(onlyFree, year(2025))).toBeNull();
    });
  }
  it("revenueReport's rates are all null then, and its totals zero", () => {
    const report = revenueReport(onlyNew, year(2025));
    expect(Object.values(report.rates)).toEqual(Array(10).fill(null));
    expectDecimal(report.lostRevenue.total, 0);
  });
});
