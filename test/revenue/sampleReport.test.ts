import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractBook, fiscalYear, revenueReport } from "../../src/index.js";
import { fraction } from "../support/fraction.js";

// The bundled sample data (examples/data/contracts.json), FY2025 = 2025-04-01 … 2026-04-01.
// Hand derivation, per customer (M0 on 2025-03-31, M1 on 2026-03-31, JPY):
//   hokuto   M0 2,400,000/12 = 200,000 → M1 3,000,000/12 = 250,000   expansion 50,000
//   sakura   M0 200,000 → ends 2025-07-01, M1 0                         churn 200,000
//   minato   M0 150,000 → M1 150,000 + 30,000 = 180,000                 expansion 30,000
//   aozora   M0 1,800,000/3 = 600,000 → M1 1,200,000/3 = 400,000        contraction 200,000
//   kawasaki M0 90,000 → ends 2026-01-16, M1 0                          churn 90,000
//   nagoya   M0 0 → M1 250,000, no revenue before                       new 250,000
//   fuji     M0 0 (ended 2024-10-01) → M1 100,000                       reactivation 100,000
//   shinsei  starts 2025-06-01, ends 2025-12-01: no period movement
//   tohoku   10,800,000 / 36 = 300,000 both ends                        flat
//   osaka    M0 80,000 → M1 110,000                                     expansion 30,000
// S = 200k+200k+150k+600k+90k+300k+80k = 1,620,000; ending = 250k+180k+400k+250k+100k+300k+110k = 1,590,000.
const records = JSON.parse(readFileSync(new URL("../../examples/data/contracts.json", import.meta.url), "utf8"));

describe("sample data report (FY2025, April start)", () => {
  const report = revenueReport(contractBook(records), fiscalYear(2025, { startMonth: 4 }));

  it("computes the MRR bridge", () => {
    const m = report.movements;
    expect(m.startingMrr.equals(1_620_000)).toBe(true);
    expect(m.endingMrr.equals(1_590_000)).toBe(true);
    expect(m.newMrr.equals(250_000)).toBe(true);
    expect(m.reactivationMrr.equals(100_000)).toBe(true);
    expect(m.expansionMrr.equals(110_000)).toBe(true); // 50k + 30k + 30k
    expect(m.contractionMrr.equals(200_000)).toBe(true);
    expect(m.churnedMrr.equals(290_000)).toBe(true); // 200k + 90k
    expect([m.startingCustomers, m.churnedCustomers, m.newCustomers, m.reactivatedCustomers]).toEqual([7, 2, 1, 1]);
  });

  it("computes the rates as exact fractions", () => {
    const r = report.rates;
    // NRR = (250k+0+180k+400k+0+300k+110k) / 1,620k = 1,240/1,620 = 62/81
    expect(r.nrr?.equals(fraction(62, 81))).toBe(true);
    // GRR = (1,620k − 290k − 200k) / 1,620k = 113/162
    expect(r.grr?.equals(fraction(113, 162))).toBe(true);
    expect(r.logoChurnRate?.equals(fraction(2, 7))).toBe(true);
    expect(r.netLogoChurnRate?.equals(fraction(1, 7))).toBe(true);
  });

  it("computes lost revenue (month proration)", () => {
    // sakura: ARR 2,400,000 × 9/12 (July–March) = 1,800,000
    // kawasaki: churn 2026-01-16 → Jan 16/31 + Feb + Mar = 78/31 months; 1,080,000 × (78/31)/12 = 7,020,000/31
    // total = (55,800,000 + 7,020,000)/31 = 62,820,000/31
    const lost = report.lostRevenue;
    expect(lost.customers.map((row) => row.customerId)).toEqual(["kawasaki-steel", "sakura-foods"]);
    expect(lost.customers[1]?.lostRevenue.equals(1_800_000)).toBe(true);
    expect(lost.total.equals(fraction(62_820_000, 31))).toBe(true);
  });
});
