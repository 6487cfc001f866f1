/**
 * A streamed contract book has no count to size its columns by (it starts with room for 1,024 lines),
 * so a longer stream makes every column grow; no line may be lost or changed on the way.
 */
import { describe, expect, it } from "vitest";
import { contractBookFromIterable } from "../../src/revenue/contractBookFromStream.js";
import { revenueReport, year } from "../../src/index.js";
import type { ContractInput } from "../../src/schemas/contract.js";

const COUNT = 2_500; // > 1,024 and > 2,048: the columns double twice.

function* contracts(): Generator<ContractInput> {
  for (let n = 1; n <= COUNT; n++) {
    // Customer n pays n USD a month from 2024-01-01; the last 500 (n > 2,000) end on 2025-07-01.
    yield { id: `line-${n}`, customerId: `cust-${String(n).padStart(4, "0")}`, start: "2024-01-01", ...(n > 2_000 ? { end: "2025-07-01" } : {}), amount: n, currency: "USD" };
  }
}

describe("a streamed book longer than its initial capacity", () => {
  it("keeps every line, in order, with its own amount", () => {
    const book = contractBookFromIterable(contracts());
    expect(book.customers).toHaveLength(COUNT);
    expect(book.customers[0]!.customerId).toBe("cust-0001");
    expect(book.customers[2_499]!.customerId).toBe("cust-2500");
    expect(book.customers[1_999]!.lines[0]!.mrrUnits).toBe(2_000n * BigInt(book.denominator));
  });

  it("totals every line in the report", () => {
    const report = revenueReport(contractBookFromIterable(contracts()), year(2025));
    // Starting MRR = 1 + 2 + … + 2,500 = 2,500 × 2,501 / 2 = 3,126,250.
    expect(report.movements.startingMrr.toString()).toBe("3126250");
    // Churned: 2,001 + … + 2,500 = 500 × (2,001 + 2,500) / 2 = 1,125,250; ending = 3,126,250 − 1,125,250 = 2,001,000.
    expect(report.movements.churnedMrr.toString()).toBe("1125250");
    expect(report.movements.endingMrr.toString()).toBe("2001000");
    expect(report.movements.startingCustomers).toBe(2_500);
    expect(report.movements.churnedCustomers).toBe(500);
  });
});
