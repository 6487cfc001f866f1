import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type ContractInput, contractBook, lostRevenue, month, revenueMovements, revenueReport, year } from "../../src/index.js";
import { withLazyRows } from "../../src/results/lazyRows.js";

describe("withLazyRows: rows built on first read, then an ordinary property", () => {
  it("does not build the rows until they are read, builds them once, and keeps the array", () => {
    let builds = 0;
    const result = withLazyRows({ total: 3 }, "customers", () => {
      builds++;
      return [1, 2];
    });
    expect(builds).toBe(0);
    expect(result.total).toBe(3);
    expect(builds).toBe(0);
    const first = result.customers;
    expect(first).toEqual([1, 2]);
    expect(result.customers).toBe(first);
    expect(builds).toBe(1);
    expect(Object.getOwnPropertyDescriptor(result, "customers")).toEqual({ value: [1, 2], writable: true, enumerable: true, configurable: true });
  });

  it("is an own enumerable property in its key position: keys, spread, JSON and toEqual see the rows", () => {
    const make = (): { readonly total: number; readonly customers: readonly string[] } => withLazyRows({ total: 1 }, "customers", () => ["a"]);
    expect(Object.keys(make())).toEqual(["total", "customers"]);
    expect({ ...make() }).toEqual({ total: 1, customers: ["a"] });
    expect(JSON.stringify(make())).toBe('{"total":1,"customers":["a"]}');
    expect(make()).toStrictEqual({ total: 1, customers: ["a"] });
    expect(structuredClone(make())).toEqual({ total: 1, customers: ["a"] });
  });

  it("an assignment replaces the rows without building them", () => {
    let builds = 0;
    const result = withLazyRows({}, "rows", () => {
      builds++;
      return "built";
    }) as { rows: string };
    result.rows = "assigned";
    expect(result.rows).toBe("assigned");
    expect(builds).toBe(0);
  });

  it("Node's inspect (console.log) shows the rows once read, and holds no function-valued property", () => {
    const result = withLazyRows({ total: 2 }, "customers", () => [{ id: "a" }]);
    expect(inspect(result)).toBe("{ total: 2, customers: [Getter/Setter] }");
    expect(Reflect.ownKeys(result)).toEqual(["total", "customers"]);
    expect(result.customers).toHaveLength(1);
    expect(inspect(result)).toBe("{ total: 2, customers: [ { id: 'a' } ] }");
  });
});

describe("revenueMovements and lostRevenue: totals without rows, rows when read", () => {
  // a: M0 = 100 (line 1), M1 = 150 (lines 1 + 2, line 2 from 03-10) → expansion 50.
  // b: M0 = 80, ends 2025-03-15 → churn 80, churn date 2025-03-15.
  const records: ContractInput[] = [
    { id: "1", customerId: "a", start: "2025-01-01", amount: 100, currency: "USD" },
    { id: "2", customerId: "a", start: "2025-03-10", amount: 50, currency: "USD" },
    { id: "3", customerId: "b", start: "2025-01-01", end: "2025-03-15", amount: 80, currency: "USD" },
  ];

  it("serialises revenueMovements with its rows, as the CLI's --format json does", () => {
    const json = JSON.parse(JSON.stringify(revenueMovements(contractBook(records), month("2025-03")))) as Record<string, unknown>;
    expect(Object.keys(json).at(-1)).toBe("customers");
    expect(json["customers"]).toEqual([
      { customerId: "a", movement: "expansion", startingMrr: "100", endingMrr: "150", change: "50" },
      { customerId: "b", movement: "churn", startingMrr: "80", endingMrr: "0", change: "-80" },
    ]);
    expect(json["netNewMrr"]).toBe("-30"); // 150 − (100 + 80)
  });

  it("serialises lostRevenue (alone and inside revenueReport) with its rows", () => {
    // b churns on 2025-03-15 in 2025: March 17/31 (15th–31st) + 9 months (April–December) = 296/31 months;
    // lost = 80 × 296/31 = 23680/31 = 763.870967741935483870967741935483870968 (40 significant digits, half-even).
    const expected = {
      customerId: "b",
      churnDate: "2025-03-15",
      baseArr: "960", // 12 × 80
      remainingDays: 292, // 17 (March) + 275 (April–December)
      remainingMonths: "9.548387096774193548387096774193548387097", // 296/31
      lostRevenue: "763.8709677419354838709677419354838709677",
    };
    // b as above but in the starting cohort of 2025 (from 2024): M0 = 80 on 2024-12-31.
    const churned = records.map((record) => (record.id === "3" ? { ...record, start: "2024-01-01" } : record));
    const lost = JSON.parse(JSON.stringify(lostRevenue(churned, year(2025)))) as Record<string, unknown>;
    expect(lost["customers"]).toEqual([expected]);
    expect(lost["total"]).toBe(expected.lostRevenue);
    const report = JSON.parse(JSON.stringify({ ...revenueReport(churned, year(2025)) })) as { lostRevenue: Record<string, unknown> };
    expect(report.lostRevenue["customers"]).toEqual([expected]);
  });

  it("sums lost revenue per churn day exactly: customers sharing a day and customers on different days", () => {
    // Year 2025. c and d churn on 2025-07-01 (6 months left), e on 2025-10-01 (3 months left).
    // lost = 10 × 6 + 20 × 6 + 40 × 3 = 60 + 120 + 120 = 300.
    const churns: ContractInput[] = [
      { id: "c", customerId: "c", start: "2024-01-01", end: "2025-07-01", amount: 10, currency: "USD" },
      { id: "d", customerId: "d", start: "2024-01-01", end: "2025-07-01", amount: 20, currency: "USD" },
      { id: "e", customerId: "e", start: "2024-01-01", end: "2025-10-01", amount: 40, currency: "USD" },
    ];
    const lost = lostRevenue(churns, year(2025));
    expect(lost.total.toString()).toBe("300");
    expect(lost.customers.map((row) => row.lostRevenue.toString())).toEqual(["60", "120", "120"]);
  });
});
