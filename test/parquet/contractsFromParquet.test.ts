/**
 * The contract book of fixtures/contracts.parquet (six lines, written by generate.mjs) and its 2025
 * KPIs, derived by hand. `end` is a UTC-adjusted TIMESTAMP: Asia/Tokyo (UTC+9) puts beta's
 * 2025-06-30T23:30Z on 2025-07-01 and delta's 2025-09-30T15:00Z on 2025-10-01.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { type ContractInput, contractBook, mrrOn, revenueReport, year } from "../../src/index.js";
import { recordsFromParquet } from "../../src/parquet/index.js";

/** The library's rates carry 40 significant digits. */
const D40 = Decimal.clone({ precision: 40 });
const bytes = readFileSync(join(import.meta.dirname, "fixtures", "contracts.parquet"));

async function book(timeZone: string): Promise<ReturnType<typeof contractBook>> {
  const { records } = await recordsFromParquet(bytes, { file: "contracts.parquet" });
  return contractBook(records as unknown as ContractInput[], { timeZone });
}

describe("contracts.parquet → contractBook → revenueReport(2025)", () => {
  it("gives the movements and rates derived by hand", async () => {
    const report = revenueReport(await book("Asia/Tokyo"), year(2025));
    const m = report.movements;
    // MRR on 2025-01-01: acme 1200.00 (c-1) + beta 6000.00 / 12 = 500 (c-2) + delta 450.00 / 3 = 150 (c-5)
    // + 100.00 (c-6) = 1950. gamma starts 2025-03-01, acme's c-4 2025-04-01.
    expect(m.startingMrr.equals("1950")).toBe(true);
    // On 2026-01-01: acme 1200 + 99.99, gamma 300.50 (interval null → month), delta 150; beta ended
    // 2025-07-01 and delta's c-6 2025-10-01: 1299.99 + 300.50 + 150 = 1750.49.
    expect(m.endingMrr.equals("1750.49")).toBe(true);
    expect([m.newMrr, m.expansionMrr, m.contractionMrr, m.churnedMrr].map((amount) => amount.toString())).toEqual(["300.5", "99.99", "100", "500"]);
    // 1950 + 300.50 + 99.99 − 100 − 500 = 1750.49 ✓. NRR = (1950 − 500 − 100 + 99.99) / 1950 = 1449.99 / 1950;
    // GRR = (1950 − 500 − 100) / 1950 = 1350 / 1950.
    expect(report.rates.nrr!.equals(new D40("1449.99").div(1950))).toBe(true);
    expect(report.rates.grr!.equals(new D40(1350).div(1950))).toBe(true);
    expect([m.startingCustomers, m.newCustomers, m.churnedCustomers, m.endingCustomers]).toEqual([3, 1, 1, 3]);
    // Lost revenue: beta's 500 a month for the six months July–December after its 2025-07-01 end.
    expect(report.lostRevenue.total.equals(3000)).toBe(true);
  });

  it("puts the TIMESTAMP end on the time zone's calendar day", async () => {
    // On 2025-06-30: acme 1299.99 + gamma 300.50 + delta 250, and beta's 500 only where its end
    // (2025-06-30T23:30Z) is already 2025-07-01: 1850.49 in UTC, 2350.49 in Tokyo.
    expect(mrrOn(await book("UTC"), "2025-06-30").amount.equals("1850.49")).toBe(true);
    expect(mrrOn(await book("Asia/Tokyo"), "2025-06-30").amount.equals("2350.49")).toBe(true);
  });

  it("carries INT64 seats and the default interval (null) into the book", async () => {
    const { records } = await recordsFromParquet(bytes);
    expect(records.map((record) => record["seats"])).toEqual([10, undefined, undefined, 2, undefined, undefined]);
    expect(records[2]).not.toHaveProperty("interval");
  });
});
